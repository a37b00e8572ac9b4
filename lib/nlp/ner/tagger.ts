/**
 * One sentence's people, places and organisations by the trained model: features per character,
 * the best label sequence, and the sentence's words with each entity made one word (what keywords
 * are counted from). Scratch arrays are reused across calls: no objects per character.
 */
import { HAN } from '../han';
import { GAZETTEER_TAGS, isOrdinaryName, placeNoise, type EntityType, type Lexicon, type Mention, type SentenceEntities, type Token } from '../entities';
import { sentenceFeatures, TEMPLATES, type FeatureKnowledge } from './features';
import { nameKnowledge } from '../knowledge';
import {
  divisionNames,
  divisionsNotPeople,
  divisionsOfSecretaries,
  placesBeforeCompany,
  registeredPlace,
  unmarkedDivisionCompanies,
  wholeDivisions,
} from './divisions';
import { localBureaus } from './bureaus';
import { townsAndOffices } from './towns';
import { surnamesAddressed } from './addressed';
import { bodiesOfChiefs } from './chiefs';
import { legislatures } from './legislatures';
import { completedBodies, conjoinedBodies, TWO_BODIES } from './bodies';
import { endingAt, startingAt, wordsAt, type Words } from './word-index';
import { listedNames } from './lists';
import { AFTER_ONCE, MEETING_VERBS, MORPHEME_TAG, unglued, withoutLead } from './glued';
import { papersInTitles } from './papers';
import { isLevelBody } from './level-bodies';
import { placePairs } from './pairs';
import { wholePeople } from './people';
import { placesByContext, unreadPlacesByContext } from './places-by-context';
import { stationsOfPlaces } from './stations';
import { peopleBeforeHonorifics } from './honoured';
import { unreadLexiconNames } from './lexicon-names';
import { bodiesCutInWords, placesCutInWords } from './cut-places';
import { divisionGovernments } from './governments';
import { numberedSchools } from './schools';
import { companyShortForms } from './company-short-forms';
import { bankNames } from './banks';
import { outletsInDatelines } from './datelines';
import { matchSides } from './matches';
import { bodiesBeforeTitles, knownPeopleAfterTitles, peopleAfterTitles } from './titled';
import { emit, ENTITY_KINDS, LABELS, labelSpans, spansOf, viterbi, type NerModel, type Span } from './model';

/** Tags the words of an entity carry among the pieces: the dictionary's tags for the same kinds. */
const PIECE_TAGS: Record<EntityType, string> = { person: 'nr', place: 'ns', org: 'nt' };

const GAZETTEER_TYPES: Record<string, EntityType> = Object.fromEntries(Object.entries(GAZETTEER_TAGS).map(([type, tag]) => [tag, type as EntityType]));

let emissions = new Int32Array(0);
let labels = new Uint8Array(0);
let features = new Int32Array(0);

/** The rules' entities (lib/nlp/entities.ts) as labels per character, for the model's features. */
export function ruleHints(text: string, mentions: readonly Mention[]): Uint8Array {
  const spans: Array<{ kind: number; start: number; end: number }> = [];
  let from = 0;
  for (const m of mentions) {
    const at = text.indexOf(m.text, from);
    if (at < 0) continue;
    spans.push({ kind: ENTITY_KINDS.indexOf(m.type), start: at, end: at + m.text.length });
    from = at + m.text.length;
  }
  return labelSpans(text.length, spans);
}

/**
 * The corpora the model learnt from end nearly every sentence with a full stop, and the end of a
 * sentence without one (a headline, a caption, a selection) looks to it like nothing it knows.
 */
const FULL_STOP = /[。！？!?；;…]$/;
const STOP: Token = { word: '。', tag: 'x' };

export function tagSentence(
  text: string,
  tokens: readonly Token[],
  model: NerModel,
  k: FeatureKnowledge,
  hints: Uint8Array,
  lexicon: Lexicon,
): SentenceEntities {
  const n = text.length;
  const open = !FULL_STOP.test(text);
  const read = open ? `${text}${STOP.word}` : text;
  const length = read.length;
  if (emissions.length < length * LABELS) {
    emissions = new Int32Array(length * LABELS * 2);
    labels = new Uint8Array(length * 2);
    features = new Int32Array(length * TEMPLATES * 2);
  }
  let readHints = hints;
  if (open) {
    readHints = new Uint8Array(length);
    readHints.set(hints);
  }
  emit(model, sentenceFeatures(read, open ? [...tokens, STOP] : tokens, k, readHints, 0, features), TEMPLATES, length, emissions);
  viterbi(emissions, length, model.transitions, labels);
  const words = wordsAt(tokens);
  const rules = spansOf(hints, n);
  const byPosition = { startingAt: (at: number) => startingAt(words, at) };
  // Whole divisions after the bodies named from the model's places: 山东 of 山东东营市政府 stays the body's start.
  const found = wholeDivisions(
    text,
    words,
    bodiesAfterPlaces(
      words,
      unmarkedDivisionCompanies(
        words,
        divisionsNotPeople(text, byPosition, bodiesOfChiefs(text, words, joinForeignNames(text, spansOf(labels, n), rules)), k.surnames),
      ),
    ),
  );
  const cleaned = trustLibrary(
    words,
    papersInTitles(
      text,
      placesBeforeCompany(
        text,
        listedNames(
          text,
          byPosition,
          surnamesAddressed(
            text,
            words,
            completedBodies(
              text,
              words,
              placePairs(
                text,
                words,
                townsAndOffices(text, words, localBureaus(text, words, tidy(text, words, open ? knownPlaces(words, found, rules) : found, lexicon))),
                nameKnowledge(),
              ),
            ),
          ),
        ),
        nameKnowledge().countryCodes,
      ),
    ),
  );
  // People cut short, and a person run into the body before (lib/nlp/ner/people.ts, titled.ts).
  const titled = bodiesBeforeTitles(text, words, matchSides(words, cleaned), k.titles, k.surnames);
  const people = peopleBeforeHonorifics(
    text,
    words,
    placesByContext(
      text,
      unreadPlacesByContext(
        text,
        words,
        wholePeople(
          text,
          words,
          knownPeopleAfterTitles(words, peopleAfterTitles(text, words, titled, k.titles, k.surnames), k.titles, k.surnames),
          k.nameClass,
        ),
      ),
      nameKnowledge().countryNames,
    ),
    k.surnames,
    (name) => nameKnowledge().countryNames.has(name) || divisionNames().has(name),
  );
  // Local news's own bodies, read whole over whatever the passes before left in them: an outlet's
  // dateline, state companies and banks by short form, numbered schools, a division's government.
  const local = divisionGovernments(
    text,
    numberedSchools(text, words, bankNames(words, companyShortForms(text, words, outletsInDatelines(text, people)))),
    nameKnowledge().countryCodes,
  );
  // Checked last: the passes after the clean-up may complete a body's name into a count of bodies
  // or run it on into a planning word (维科技术布局).
  // No name begins with a joiner: ·新湖 of 湖南日报·新湖南客户端, ·甘地 of 拉·甘地.
  // A preposition glued before a body's name by a pass after the clean-up comes off last (委托市规划设计院).
  const spans = stationsOfPlaces(
    text,
    words,
    divisionsOfSecretaries(
      text,
      bodiesCutInWords(
        words,
        placesCutInWords(text, words, unreadLexiconNames(text, words, legislatures(words, local), k.lexicon), nameKnowledge().countryCodes),
      ),
    ),
  )
    .flatMap((s) => (s.type === 'org' ? twoBodies(text, words, withoutLead(text, s)) : s))
    .filter((s) => {
      if (JOINER.test(text[s.start])) return false;
      const name = text.slice(s.start, s.end);
      if (s.type === 'place') return !RANKED_LEVEL.test(name) && !KIND_OF_PLACE.test(name);
      if (s.type === 'person') return !ONCE_AND_VERB.test(name);
      return s.type !== 'org' || !(SOME_BODIES.test(name) || PLANNING_WORD.test(name) || KINDS_OF_BODY.test(name));
    });
  const mentions: Mention[] = [];
  for (const s of spans) {
    const name = text.slice(s.start, s.end);
    mentions.push({ type: s.type, text: name });
    const registered = s.type === 'org' ? registeredPlace(name, nameKnowledge().countryCodes) : undefined;
    if (registered) mentions.push({ type: 'place', text: registered });
  }
  return { mentions, pieces: piecesOf(text, tokens, spans) };
}

/** An organisation's span as the bodies a conjunction joins in it (比亚迪和霍尼韦尔: two chips). */
function twoBodies(text: string, words: Words, span: Span): Span[] {
  const bodies: Span[] = [];
  let { start } = span;
  for (let joined = conjoinedBodies(text, words, start, span.end); joined; joined = conjoinedBodies(text, words, start, span.end)) {
    bodies.push({ type: 'org', start, end: joined.at });
    start = joined.at + joined.length;
  }
  if (!bodies.length) return [span];
  bodies.push({ type: 'org', start, end: span.end });
  return bodies;
}

/** Tags of words a name never starts or ends with: verbs (祝贺), prepositions, conjunctions, particles. */
const EDGE_TAG = /^(?:v|vd|p|c|u|uj|ul|uz|ud|ug|uv|d|r|y|e|o)$/;
/** One-character heads of bodies that jieba may tag as function words (中车株洲 所/c). */
const ORG_HEAD = /^[所院局会社部处厂]$/;
/** 组织, which jieba tags as a verb, heads a body's name where the model read it in one (欧佩克组织). */
const ORGANISATION = '组织';
/** Verbs jieba's dictionary mis-tags as names, that stand before a name (祝贺/nr 西莉娅…). */
const LEADING = /^(?:祝贺|会见|会晤|致电|接见|欢迎|感谢|陪同|率领|慰问|看望)/;
/**
 * A side's role in a match, which the model may run into the team after it (东道主法国队): no
 * labelled team of either training corpus starts with one, and 主队 stands right before one there.
 */
const ROLE_BEFORE_TEAM = /^(?:东道主|主队|客队|卫冕冠军)/;
/** Characters a name never ends with: a conjunction or particle glued to it (研讨会暨, 雷斯及). */
const TRAILING = /[暨等的及与之]$/;
/** A count, not a name: 十大, 三国, 第五届. */
const COUNT = /^第?[〇一二三四五六七八九十百千万两零\d]+[大国省市地方届次个项名年月日号批]?$/;
/**
 * A party congress by its number (党的十五大, 十九大精神) is a body, as People's Daily marks it: a
 * count of the same form (十五大城市) is not, so the words around must say which.
 */
const CONGRESS = /^(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大$/;
const CONGRESS_BEFORE = /(?:党的|中共)$/;
const CONGRESS_AFTER = /^(?:精神|报告|以来|召开|代表|文件|提出|明确|确定|闭幕|开幕|期间|确立|作出|部署)/;
const isCongress = (text: string, start: number, end: number) =>
  CONGRESS.test(text.slice(start, end)) && (CONGRESS_BEFORE.test(text.slice(Math.max(0, start - 2), start)) || CONGRESS_AFTER.test(text.slice(end, end + 2)));
/**
 * Idioms jieba knows as one word (绿水青山) are slogans, not names; a body's name jieba files as
 * one phrase (可口可乐公司/l) ends in a body's head and is kept.
 */
const IDIOM_TAG = /^(?:i|l)$/;
/**
 * A word of four characters or more that jieba's dictionary files as one kind of name and the
 * model reads as another is a phrase the dictionary mis-files (绿水青山/nr read as a place). Not
 * where the model reads a body: a foundation named after its founder (李嘉诚基金会/nr) and a club
 * named after its city (博洛尼亚/ns) are filed as the founder and the city.
 */
const DICTIONARY_TYPE: Record<string, EntityType | undefined> = { nr: 'person', ns: 'place', nt: 'org' };
/**
 * A government body (its head 部, 局, 厅 or 署 after a name of two characters or more) and a
 * company's name after it; 总部, 俱乐部, 干部, 东部 and the like are no body's head.
 */
const GLUED_BODIES = /^(\p{Script=Han}+?[^总乐干本东西南北中内全外支][部局厅署])(\p{Script=Han}{2,}(?:公司|集团))$/u;
/** A personal name never ends with an administrative unit: 从市 is a preposition glued to 市. */
const PLACE_END = /[市省县区]$/;
/** Legal forms that follow a Japanese company's name: a span that starts with one lacks its name. */
const HEADLESS = /^株式会社/;
/** Characters that end a name looking leftwards. */
const NOT_IN_NAME = /[的和与及在对向是了、，。]/;
/**
 * The adverb 曾 (once) before a verb, read as the surname 曾 and a given name: 曾任, 曾获 (neither
 * training corpus marks such a person).
 */
const ONCE_AND_VERB = new RegExp(`^曾(?:${AFTER_ONCE})$`);
/** Particles no personal name holds (德等国 is 德 and a plural). */
const INSIDE_NO_NAME = /[等的了与及之]/;
const BRACKET = /[()（）《》“”"「」]/;
/** What follows a country's name in its formal name (北马其顿共和国, 沙特阿拉伯王国). */
const FORMAL_STYLE = /(?:共和国|王国|联邦|合众国|大公国|公国)$/;
/** A body's head, somewhere in its name: a common noun without one names no body (中央 alone). */
const ANY_HEAD = /[委会部局厅署院所处社团队组办司厂党军行台馆府心]/;
/**
 * A level's body with no place named (市府, 镇委): whose it is, the chip cannot say. A party
 * committee (市委, 县委) is read later as the one of the place the text names (level-bodies.ts).
 */
const LEVEL_BODY = /^[省市县区镇乡][\p{Script=Han}]$/u;
/** 中央 alone names no body: it qualifies one (中央环保督察, the central inspection) or is cut from one. */
const CENTRE = '中央';
/**
 * Planning words that end in a body's head character (署, 局): 研究部署 and 产业布局 are read as
 * bodies for it. No labelled body of either training corpus ends with one (安全局 and 安理会 do
 * end in 全局 and 理会, which are left out).
 */
const PLANNING_WORD = /(?:部署|布局|格局|开局|大局|结局)$/;
/** A rank among provinces or cities is no place: 制造强省, 经济大省, 文化名城's kin (强市, 名县). */
const RANKED_LEVEL = /^[强大名][省市县区]$/;
/**
 * A kind of settlement or ground is no place's name: 小城镇, 城中村, 市区, 山区, 高山 (jieba files some
 * as ns). Neither training corpus marks one alone as a place (People's Daily: 0 of their 42
 * occurrences; CLUENER only inside an address, 朝阳区城区).
 */
const KIND_OF_PLACE = /^(?:小?城镇|城中村|城乡|市区|郊区|城区|老城区|农村|山区|乡村|乡镇|县城|集镇|高山|冰山)$/;
/**
 * A kind of body, which names none: 全市中小学 (jieba's 中小学/j read as a body), 该委员会 and
 * 考察团 and 代表团 (the one the text spoke of), 研发中心, 技术委员会, 子公司 and 控股子公司 (a company's
 * subsidiary, unnamed: トルコの子会社の… read as Chinese). (People's Daily marks a bare
 * 中心 or 代表团 now and then, CLUENER a bare 组委会 or 俱乐部: a bare 中心 and those are left to the
 * model; a bare 代表团, as a chip, says no more than 考察团.)
 */
const KINDS_OF_BODY =
  /^(?:大中小学|中小学|中小学校|幼儿园|高校|普通高校|中学|小学|中小企业|科研院所|(?:专业|技术|专家|评审|工程|国家)?(?:委员会|集团|公司|协会|学会|研究会|研究院|研究所|联合会|联盟|联谊会|学校|学院|管理局|督察组|督查组|考察团|招商团|代表团|工作组|峰会|交易会|音乐会|部委|龙舟队|分会|基金会|合作社|标委会)|研发中心|(?:控股)?[子分]公司)$/;
/** The head of a kind of building (馆): jieba's common noun that ends with it is the kind, not a place. */
const KIND_OF_BUILDING = /馆$/;
/**
 * The chief's title after a ministry or bureau that jieba writes as one noun with it (内政部长,
 * 公安局长): People's Daily marks the body there (17 times in its dev split, never the whole).
 */
const CHIEF = '长';
/** Punctuation that ends a sentence or a clause, which no name begins or ends with (。委员会 across two sentences). */
const CLAUSE_MARK = /[。，、；：？！,;:?!]/;
/** A count of bodies is no body's name: 长沙一家公司, 一家…公司和四家…公司. */
const SOME_BODIES = /[一二两三四五六七八九十几多\d]家/;
/** An unknown word that ends in a body's one-character head: jieba glued the head to half a name. */
const GLUED_HEAD = /[队团所院局会社部处厂]$/;
/** Letters and digits: a name does not end where a mixed word runs on (湖南厂 of 湖南厂BA). */
const RUNS_ON = /[A-Za-z0-9]/;

/**
 * The model's spans without the junk a reader notices at once: a verb or particle at either
 * end, an unbalanced bracket, a bare count, a slogan (an idiom, or two ordinary words jieba's
 * dictionary tags as a name: 绿水青山, 兴旺发达). A span left shorter than two characters
 * names nothing, except a one-character place (中美 → 中, 美).
 */
function tidy(text: string, words: Words, spans: Span[], lexicon: Lexicon): Span[] {
  /** Whether the span starts a common noun of jieba's dictionary and ends inside it (市委 of 市委书记). */
  const insideNoun = (start: number, end: number) => {
    const word = startingAt(words, start);
    return word !== undefined && word.tag === 'n' && word.word.length > end - start && word.word.slice(end - start) !== CHIEF;
  };
  const { countryCodes, countryNames, placeAbbreviations } = nameKnowledge();
  /** A city or country jieba's dictionary may tag as a word of another kind (大连/d, 保定/v). */
  const isPlace = (word: Token) => divisionNames().has(word.word) || countryNames.has(word.word);
  const kept: Span[] = [];
  for (const span of spans) {
    let { start, end } = span;
    while (start < end && CLAUSE_MARK.test(text[start])) start++;
    while (end > start && CLAUSE_MARK.test(text[end - 1])) end--;
    // A country's name alone is a place (沙特 read as a body among 阿联酋、沙特、土耳其), and so is a
    // country's one-character short form listed with another (法 of 法、德等国, read as a surname).
    if (span.type !== 'place' && (countryCodes.has(text.slice(start, end)) || listedAbbreviation(text, start, end, placeAbbreviations))) span.type = 'place';
    // A country's formal name is the country: one chip for 北马其顿 and 北马其顿共和国.
    if (span.type === 'place') {
      const style = FORMAL_STYLE.exec(text.slice(start, end));
      if (style && countryCodes.has(text.slice(start, end - style[0].length))) end -= style[0].length;
    }
    // A city jieba's dictionary tags as a word of another kind stays at either end, and so does
    // the verb that says what a body is for (扶贫 委员会: the body's name, not a bare 委员会).
    const purpose = (first: Token) =>
      span.type === 'org' &&
      first.tag === 'v' &&
      startingAt(words, start + first.word.length)?.word.length === end - start - first.word.length &&
      BODY_HEAD.test(text.slice(start + first.word.length, end));
    for (
      let first = startingAt(words, start);
      first && EDGE_TAG.test(first.tag) && start + first.word.length < end && !isPlace(first) && !purpose(first);
      first = startingAt(words, start)
    )
      start += first.word.length;
    for (
      let last = endingAt(words, end);
      last &&
      EDGE_TAG.test(last.tag) &&
      !isPlace(last) &&
      !(span.type === 'org' && (ORG_HEAD.test(last.word) || last.word === ORGANISATION)) &&
      end - last.word.length > start;
      last = endingAt(words, end)
    )
      end -= last.word.length;
    while (end - start > 2 && TRAILING.test(text[end - 1])) end--;
    // A paper's dateline is the paper: 株洲日报讯 → 株洲日报.
    if (span.type === 'org' && text.startsWith('报讯', end - 2)) end--;
    const read = text.slice(start, end);
    const lead = LEADING.exec(read) ?? (span.type === 'org' ? ROLE_BEFORE_TEAM.exec(read) : null);
    if (lead && end - start - lead[0].length >= 2) start += lead[0].length;
    if (span.type === 'org') {
      // A body's name that starts with a word jieba does not know glued to its head (特新队), right
      // after a common noun, started with that noun: 专精 of 专精特新联队 (not 来源 of 阅文集团).
      const first = startingAt(words, start);
      const before = endingAt(words, start);
      if (first?.tag === 'x' && HAN.test(first.word) && GLUED_HEAD.test(first.word) && before?.tag === 'n' && HAN.test(before.word))
        start -= before.word.length;
      // 专精特新队拉拉队: a dictionary's group word after the same head is the body's group, not the body.
      const last = endingAt(words, end);
      if (last && last.tag !== 'x' && last.word.length >= 3 && end - last.word.length - start >= 2 && text[end - 1] === text[end - last.word.length - 1])
        end -= last.word.length;
      // 城发集团旗下湘粤非公司, 联诚队对阵矿业队: two bodies, before and after 旗下 or 对阵; and
      // 市场监督管理局联合市公安局, two bodies acting together (not 中国联合航空: no head before 联合).
      // 曾庆红会见代表团: a person meeting a body, read as one body; the verb begins no body's name.
      const meeting = meetingVerbAt(words, start, end);
      if (meeting) {
        const host = startingAt(words, start);
        if (host?.tag === 'nr' && start + host.word.length === meeting.start) kept.push({ type: 'person', start, end: meeting.start });
        start = meeting.end;
      }
      for (const { between, headFirst } of TWO_BODIES) {
        const at = between.exec(text.slice(start, end));
        if (!at || at.index < 2 || end - (start + at.index + at[0].length) < 2) continue;
        if (headFirst && !BODY_HEAD.test(text.slice(start, start + at.index))) continue;
        kept.push({ type: 'org', start, end: start + at.index });
        start += at.index + at[0].length;
      }
      // 沙特邮政部纳客国际物流公司: a ministry or bureau and a company written together are two bodies.
      const glued = GLUED_BODIES.exec(text.slice(start, end));
      if (glued) {
        kept.push({ type: 'org', start, end: start + glued[1].length });
        start += glued[1].length;
      }
      // 丸红株式会社: a legal form written before the name it follows has lost its name.
      if (HEADLESS.test(text.slice(start, end))) {
        let from = start;
        while (from > 0 && start - from < 6 && /\p{Script=Han}/u.test(text[from - 1]) && !NOT_IN_NAME.test(text[from - 1])) from--;
        if (from === start) continue;
        start = from;
      }
    }
    const registered = span.type === 'org' ? registeredCompanyStart(text, words, start, end, countryCodes) : undefined;
    if (registered !== undefined) {
      start = registered;
      // The place the model read in the name's words before the bracket (山港 of 山港海外供应链) is part of it.
      while (kept.length && kept[kept.length - 1].end > start) kept.pop();
    }
    const bracket = registered === undefined ? text.slice(start, end).search(BRACKET) : -1;
    if (bracket >= 0) {
      if (bracket >= 2) end = start + bracket;
      else start += bracket + 1;
    }
    ({ start, end } = unglued(text, words, { type: span.type, start, end }));
    // Once a bracket or a glued word is cut off, a country's name alone is a place too (法国《费加罗报》).
    if (span.type !== 'place' && countryCodes.has(text.slice(start, end))) span.type = 'place';
    const name = text.slice(start, end);
    if (
      end - start < (span.type === 'place' ? 1 : 2) ||
      (BRACKET.test(name) && registered === undefined) ||
      (COUNT.test(name) && !isCongress(text, start, end)) ||
      (span.type !== 'org' && placeNoise(name, lexicon))
    )
      continue;
    const whole = startingAt(words, start);
    if (
      whole &&
      whole.word.length === end - start &&
      ((IDIOM_TAG.test(whole.tag) && !(span.type === 'org' && BODY_HEAD.test(name))) ||
        (name.length >= 4 && span.type !== 'org' && DICTIONARY_TYPE[whole.tag] && DICTIONARY_TYPE[whole.tag] !== span.type))
    )
      continue;
    // 新格局/nt: an adjective and an ordinary noun that the dictionary files as a body.
    if (span.type === 'org' && whole?.tag === 'nt' && whole.word === name && lexicon(name[0]) === 'a' && lexicon(name.slice(1)) === 'n') continue;
    if (span.type === 'person' && (INSIDE_NO_NAME.test(name) || PLACE_END.test(name))) continue;
    // 共和国, 两国: the ordinary words the rules know jieba's dictionary files as names.
    if (isOrdinaryName(name)) continue;
    if (span.type === 'org' && insideNoun(start, end)) continue;
    // 使领馆/n, 图书馆/n: a common noun of a kind of building names none.
    if (span.type === 'place' && whole?.word === name && whole.tag === 'n' && KIND_OF_BUILDING.test(name)) continue;
    // One common noun of jieba's dictionary with no body's head in it, before a body's head, is
    // the start of a body's name the model cut (中央 of 中央秘书处; 意甲 of 意甲主队 stays).
    const after = startingAt(words, end);
    const cut = whole?.word === name && whole.tag === 'n' && !ANY_HEAD.test(name) && after !== undefined && BODY_HEAD.test(after.word);
    if (span.type === 'org' && (cut || name === CENTRE || (LEVEL_BODY.test(name) && !isLevelBody(name)))) continue;
    // A head jieba reads as a morpheme, run on by letters, is part of a mixed word: 湖南厂 of
    // 「湖南厂BA」 (布莱克本队vs利物浦队 is a team).
    if (RUNS_ON.test(text[end] ?? '') && MORPHEME_TAG.test(endingAt(words, end)?.tag ?? '')) continue;
    kept.push({ type: span.type, start, end });
  }
  return kept;
}

const MEETING_VERB = new RegExp(`^(?:${MEETING_VERBS})$`);

/** The first meeting verb among the span's words, after its first word. */
function meetingVerbAt(words: Words, start: number, end: number): { start: number; end: number } | undefined {
  let at = start;
  for (let word = startingAt(words, at); word && at + word.word.length <= end; word = startingAt(words, at)) {
    if (at > start && MEETING_VERB.test(word.word)) return { start: at, end: at + word.word.length };
    at += word.word.length;
  }
  return undefined;
}

/** What stands next to a one-character short form of a country listed with others: 、 or a plural of countries. */
const LIST_NEIGHBOUR_AFTER = /^(?:、|等国|两国)/;

/** Whether the one character is a country's short form in a list of countries (法、德等国; 中、法两国). */
const listedAbbreviation = (text: string, start: number, end: number, abbreviations: ReadonlySet<string>) =>
  end - start === 1 && abbreviations.has(text[start]) && (text[start - 1] === '、' || LIST_NEIGHBOUR_AFTER.test(text.slice(end)));

/** Tags of the words of a company's name before its registered place in brackets (中/f 材/zg 科技/n). */
const NAME_WORD_TAG = /^(?:n|nz|j|x|ns|nt|nr|nrt|eng|zg|f|s|vn|b)$/;
/** Words of a company's name at most before the bracket. */
const NAME_WORDS = 3;
const OPENING = /[(（]/;
const CLOSING = /[)）]/;

/**
 * Where a company's name begins that holds its registered place in brackets, where the model began
 * it inside them (阳江)风电叶片有限公司 of 中材科技(阳江)风电叶片有限公司): back over the name's
 * words before the opening bracket. The span is then read whole, its place a place of its own too.
 */
function registeredCompanyStart(text: string, words: Words, start: number, end: number, countryCodes: ReadonlyMap<string, string>): number | undefined {
  const close = text.slice(start, end).search(CLOSING);
  if (close < 2 || OPENING.test(text.slice(start, start + close)) || !OPENING.test(text[start - 1] ?? '')) return undefined;
  if (!registeredPlace(text.slice(start - 1, start + close + 1), countryCodes) || !BODY_HEAD.test(text.slice(start, end))) return undefined;
  let from = start - 1;
  for (let count = 0; count < NAME_WORDS; count++) {
    const word = endingAt(words, from);
    if (!word || !NAME_WORD_TAG.test(word.tag) || !HAN.test(word.word)) break;
    from -= word.word.length;
  }
  return from < start - 1 ? from : undefined;
}

/** Words a body's name is made of between a place and the body's head: nouns, attributes, abbreviations. */
const BODY_WORD_TAG = /^(?:n|nz|j|b|an|x)$/;
/** How a word that ends a body's name ends (有色冶金机械 总厂, 国际武术开发 集团公司, 皇家化学 会). */
const BODY_HEAD = /(?:公司|集团|委员会|协会|学会|商会|研究会|银行|大学|学院|学校|中学|小学|医院|中心|办公室|政府|[厂局厅署处所院社])$/;
/**
 * How a body jieba's dictionary tags nt ends, read after the place it begins with: its head or a
 * team's (女篮, 足协). Not 政府 (People's Daily marks the country alone in 印度政府), nor a hall
 * (中国美术馆 is a place). Of such nt words in two fifths of People's Daily's dev split, these
 * endings take 42 of the 44 marked whole as a body, 2 of the 26 that cross a mark, no place.
 */
const KNOWN_BODY_END = /(?:[队篮排足协党会社院局署厅处所厂]|公司|集团|银行|大学|学校|中心|办公室)$/;
/** Verbs jieba reads inside a body's name (发展/vn of 非洲发展银行, 开发/v of …武术开发集团公司). */
const VERB_TAG = /^(?:v|vn)$/;
/** Words a body's name holds at most after the place it starts with. */
const BODY_WORDS = 5;

/**
 * A team right after a place is the place's (尼日利亚队, 印尼女队, 株洲代表队): a bare 球队, 部队,
 * 军队 or 舰队 is a kind of body, and People's Daily marks the place alone before one (南美球队).
 */
const TEAM = /^(?:[男女]?队|(?:[男女]子)?(?:[足篮排网冰手垒水]球|代表|国家)队|联队)$/;

/**
 * A place followed by nouns that end in a body's head is the start of the body's name: 衡阳 of
 * 衡阳有色冶金机械总厂, 英国 of 英国皇家化学会 (jieba cuts 会 as a verb; the model stops at the
 * place). At least one word must stand between: 美国公司 is a place and a common noun; a team needs
 * none (大连 女子 足球队, 株洲 代表队). A verb inside the name is one of its words (非洲 发展 银行,
 * 海南 国际 武术 开发 集团公司).
 */
export function bodiesAfterPlaces(words: Words, spans: Span[]): Span[] {
  let changed = false;
  const out = spans.map((span, i) => {
    if (span.type !== 'place') return span;
    const limit = spans[i + 1]?.start ?? words.length;
    // The body jieba knows as one word that the place begins (北京 of 北京大学/nt, 中国 of 中国女篮/nt).
    const known = startingAt(words, span.start);
    if (known?.tag === 'nt' && known.word.length > span.end - span.start && span.start + known.word.length <= limit && KNOWN_BODY_END.test(known.word)) {
      changed = true;
      return { type: 'org' as const, start: span.start, end: span.start + known.word.length };
    }
    // From the end of the word the place ends in (英国 ends inside jieba's 英国皇家).
    let at = span.end;
    while (at < limit && words.ends[at] < 0) at++;
    if (at >= limit) return span;
    let end = -1;
    let verb = false;
    for (let count = 0; count < BODY_WORDS; count++) {
      const word = startingAt(words, at);
      if (!word || at + word.word.length > limit) break;
      const team = TEAM.test(word.word);
      const head = team || (BODY_HEAD.test(word.word) && word.tag.startsWith('n') && !PLANNING_WORD.test(word.word)) || ORG_HEAD.test(word.word);
      // After a verb, a one-character head is the verb's object or a particle (中国京剧发展所做), and
      // a head before a localizer is the verb's object's first word (为美国金融机构提供 银行 间 借贷).
      if (head && verb && (word.word.length === 1 || startingAt(words, at + word.word.length)?.tag === 'f')) break;
      if (!head) {
        if (!HAN.test(word.word)) break;
        // A verb right after the place, or after a one-character short form, is the clause's, the
        // place its subject (中国 设立 分公司, 清苑 是 政府, 欧美 … 开发 公司).
        if (VERB_TAG.test(word.tag) && count > 0 && span.end - span.start > 1) verb = true;
        else if (!BODY_WORD_TAG.test(word.tag)) break;
      }
      at += word.word.length;
      if (head && (team || at - span.end > word.word.length)) end = at;
      if (head) break;
    }
    if (end < 0) return span;
    changed = true;
    return { type: 'org' as const, start: span.start, end };
  });
  return changed ? out : spans;
}

const JOINER = /[·•・‧\-－]/;

/**
 * A foreign name joined by · or - (戈尔达娜·西莉娅诺夫斯卡-达夫科娃) is one person where the rules
 * joined it and the model marked part of it: the rules' span, longer, stands for both.
 */
function joinForeignNames(text: string, spans: Span[], rules: Span[]): Span[] {
  const joined = rules.filter((r) => r.type === 'person' && JOINER.test(text.slice(r.start, r.end)));
  if (!joined.length) return spans;
  const within = (s: Span, r: Span) => s.type === 'person' && s.start >= r.start && s.end <= r.end;
  const whole = joined.filter((r) => spans.some((s) => within(s, r) && s.end - s.start < r.end - r.start));
  if (!whole.length) return spans;
  return [...spans.filter((s) => !whole.some((r) => within(s, r))), ...whole].sort((a, b) => a.start - b.start);
}

/**
 * In a text without a full stop (a headline, a caption, a selection), where the model reads
 * worst, a place jieba's dictionary knows (one word tagged ns) that the rules take for a place
 * stays a place where the model put nothing over it: 株洲 in 德国客人参观株洲. (Everywhere, this
 * costs 0.006 of F1 on People's Daily's held-out sentences: its convention differs from jieba's.)
 */
function knownPlaces(words: Words, spans: Span[], rules: Span[]): Span[] {
  const extra = rules.filter((r) => {
    const word = startingAt(words, r.start);
    return (
      r.type === 'place' &&
      word?.tag === 'ns' &&
      word.word.length === r.end - r.start &&
      r.end - r.start >= 2 &&
      !spans.some((s) => s.start < r.end && r.start < s.end)
    );
  });
  return extra.length ? [...spans, ...extra].sort((a, b) => a.start - b.start) : spans;
}

/**
 * The library's own names, which jieba was taught with their types (GAZETTEER_TAGS), stand as
 * they are wherever jieba cut them whole: the model's spans that overlap one give way, unless
 * they hold it whole.
 */
function trustLibrary({ tokens }: Words, spans: Span[]): Span[] {
  const library: Span[] = [];
  let start = 0;
  for (const token of tokens) {
    // Only the gazetteer's tags start with g and more: no lookup by name for the rest.
    const type = token.tag.length > 1 && token.tag.charCodeAt(0) === 103 ? GAZETTEER_TYPES[token.tag] : undefined;
    if (type) library.push({ type, start, end: start + token.word.length });
    start += token.word.length;
  }
  // A library name inside a longer name of the same kind (西莉娅诺夫斯卡-达夫科娃 in
  // 戈尔达娜·西莉娅诺夫斯卡-达夫科娃) leaves the longer one standing.
  const trusted = library.filter((b) => !spans.some((a) => a.type === b.type && a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start));
  if (!trusted.length) return spans;
  const overlaps = (a: Span) => trusted.some((b) => a.start < b.end && b.start < a.end);
  return [...spans.filter((s) => !overlaps(s)), ...trusted].sort((a, b) => a.start - b.start);
}

/** jieba's words, with the words (or parts of words) inside each span joined into one. */
function piecesOf(text: string, tokens: readonly Token[], spans: Span[]): SentenceEntities['pieces'] {
  const pieces: SentenceEntities['pieces'] = [];
  let at = 0;
  let next = 0;
  for (const token of tokens) {
    const start = at;
    const end = (at += token.word.length);
    let from = start;
    while (from < end) {
      const span = spans[next];
      if (span && span.start < end && span.end > from) {
        if (span.start > from) pieces.push({ word: text.slice(from, span.start), tag: token.tag });
        if (span.start >= from) pieces.push({ word: text.slice(span.start, span.end), tag: PIECE_TAGS[span.type], type: span.type });
        from = span.end;
        if (span.end <= end) next++;
      } else {
        // A word no span touches is jieba's token itself (never changed downstream): no copy per word.
        pieces.push(from === start ? token : { word: text.slice(from, end), tag: token.tag });
        from = end;
      }
    }
  }
  return pieces;
}
