/**
 * The search box's other half: a name or a word or two finds the stories that mention it, best
 * first. Related coverage asks "which story reports the same event as this passage?" and rightly
 * answers nothing for 株洲 alone; a reader who types 株洲 wants every story that names it.
 */
import { plainForms } from '../nlp/normalize';
import { findOrd, type IndexReader } from './postings';
import { entityType, orgKey, placeKey, type Profile } from './profile';
import { topBy } from './top-k';

/** What the popup lists of a search at most (it says how many there are in all). */
export const SEARCH_LIMIT = 50;
/** A query's words read at most: a search query is short, and each word is a few posting reads. */
const MAX_QUERY_TERMS = 12;
/** A query longer than this (in Han characters, or in Latin words) is a passage, not a search. */
const MAX_SEARCH_HAN = 16;
const MAX_SEARCH_WORDS = 4;
/** A sentence's punctuation: what a pasted passage has and a typed name does not. */
const SENTENCE = /[。！？；，,!?;：:\n]/;

/**
 * A short query without a sentence's punctuation is a search for the stories that mention it;
 * anything longer is a passage that asks for related coverage.
 */
export function isSearchQuery(text: string): boolean {
  if (text.trim().length > 60) return false;
  // Ｘｉ Ｊｉｎｐｉｎｇ is two Latin words.
  const query = plainForms(text).trim();
  if (!query || SENTENCE.test(query.replace(/[.!?]$/, ''))) return false;
  const han = query.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = query.match(/[A-Za-z]+/g)?.length ?? 0;
  return han <= MAX_SEARCH_HAN && words <= MAX_SEARCH_WORDS;
}

/** A search query mostly in Latin letters (Zhuzhou, xi jinping): read through the English lexicon. */
export function isLatinQuery(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return latin >= 2 && han * 4 < latin;
}

/** xi jinping → Xi Jinping: the English lexicon finds romanised names by their capitals. */
export function capitalizeWords(text: string): string {
  return text.replace(/(?<![A-Za-z])[a-z]/g, (c) => c.toUpperCase());
}

export interface SearchHit {
  id: string;
  title: string;
  date: string;
  /** Share of the query's terms the story names, and how much it is about them: 0–1. */
  score: number;
  /** The query's terms the story names, each in the story's own words (its name for an entity). */
  matched: Array<{ term: string; name: string }>;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many stories name as many of the query's words as the best. */
  total: number;
}

/** One word of a query and the index terms that stand for it: any one of them matches it. */
export interface QueryWord {
  name: string;
  terms: string[];
}

/**
 * A query's words, each under every key the library may have filed it under: a reader typing
 * 伊斯坦布尔 does not say whether it is a person, a place or an organisation, and a lone foreign
 * name reads as a person while the story names the city. A Latin word the English lexicon did
 * not take (society, CRRC) is looked up as itself.
 */
export function queryWords(query: Profile, latinWords: string[] = []): QueryWord[] {
  const words: QueryWord[] = [];
  // Names first, so that a word inside one (南方阀门 of 株洲南方阀门股份有限公司) finds it.
  const terms = [...query.terms.keys()].sort((a, b) => Number(!entityType(a)) - Number(!entityType(b)));
  for (const term of terms) {
    const name = query.names.get(term) ?? term;
    const keys = [term, `person:${name}`, placeKey(name), orgKey(name), name];
    // 南方阀门 read as 株洲南方阀门股份有限公司 and as a word: one word of the query, found under
    // either (a story filed before the library learnt the full name keeps the short one).
    const whole = entityType(term) ? undefined : words.find((w) => w.name !== name && w.name.includes(name));
    if (whole) whole.terms = [...new Set([...whole.terms, ...keys])];
    else words.push({ name, terms: [...new Set(keys)] });
  }
  const taken = [...(query.written?.values() ?? [])].join(' ').toLowerCase();
  for (const word of latinWords) if (!taken.includes(word) && !words.some((w) => w.name === word)) words.push({ name: word, terms: [word] });
  return words.slice(0, MAX_QUERY_TERMS);
}

/**
 * Stories that name the query's words, those naming the most of them only, ranked by how much the
 * story is about them (its index weights: frequency, rarity, the headline counting double), then
 * the newest. Every term's posting list is read whole, however common: a query has a few words.
 */
export async function searchIndex(words: QueryWord[], index: IndexReader, limit = SEARCH_LIMIT): Promise<SearchResult> {
  if (words.length === 0) return { hits: [], total: 0 };
  const { lists } = await index.postings([...new Set(words.flatMap((w) => w.terms))], Infinity);
  let maxOrd = -1;
  for (const { ords } of lists.values()) if (ords.length) maxOrd = Math.max(maxOrd, ords[ords.length - 1]);
  const matched = new Uint8Array(maxOrd + 1);
  const weight = new Float64Array(maxOrd + 1);
  // The last word each story was counted for: a word found under two of its terms counts once.
  const countedFor = new Int16Array(maxOrd + 1).fill(-1);
  const touched: number[] = [];
  words.forEach(({ terms }, w) => {
    for (const term of terms) {
      const list = lists.get(term);
      if (!list) continue;
      const { ords, weights } = list;
      for (let i = 0; i < ords.length; i++) {
        const ord = ords[i];
        if (countedFor[ord] === w) continue;
        countedFor[ord] = w;
        if (matched[ord] === 0) touched.push(ord);
        matched[ord]++;
        weight[ord] += weights[i];
      }
    }
  });
  // Only the stories naming the most of the query's words: 株洲市国土空间规划委员会 lists the
  // committee's stories, not every story naming 株洲.
  let most = 0;
  for (const ord of touched) most = Math.max(most, matched[ord]);
  const found = touched.filter((ord) => matched[ord] === most);
  const score = (ord: number) => (matched[ord] + Math.min(1, weight[ord] / matched[ord])) / (words.length + 1);
  const best = topBy(found, score, limit);
  const docs = await index.docs(best);
  const hits = docs.map((doc, i): SearchHit => {
    const ord = best[i];
    const matches = words.flatMap(({ name, terms }) => {
      const term = terms.find((t) => {
        const list = lists.get(t);
        return list !== undefined && findOrd(list.ords, ord) >= 0;
      });
      // A plain word (constructor, __proto__) must not reach into the names object's prototype.
      return term === undefined ? [] : [{ term, name: Object.hasOwn(doc.names, term) ? doc.names[term] : name }];
    });
    return { id: doc.id, title: doc.title, date: doc.date, score: Math.round(score(ord) * 1000) / 1000, matched: matches };
  });
  hits.sort((a, b) => b.score - a.score || b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return { hits, total: found.length };
}

/** A hit's matches as the popup explains a story: the names, then the words. */
export function splitMatches(hit: SearchHit) {
  const sharedEntities = hit.matched.flatMap(({ term, name }) => {
    const type = entityType(term);
    return type ? [{ type, name }] : [];
  });
  const sharedWords = hit.matched.filter(({ term }) => !entityType(term)).map(({ name }) => name);
  return { sharedEntities, sharedWords };
}
