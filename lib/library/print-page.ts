/**
 * Importer for newspaper pages converted PDF-to-text (the format of the bundled seed page):
 * paragraphs separated by blank lines, headlines as short lines without closing punctuation,
 * paragraphs cut by column breaks, bylines, datelines, captions, boxes and jump lines.
 *
 * Everything here is typographic: the shape of a block and its punctuation decide what it is.
 * jieba's part-of-speech tags were tried for headline wraps and are too noisy (it tags 祝贺 as a
 * person's name), and typography keeps the importer free of the 4 MB segmenter.
 */
import { MESSAGE_LENGTH, printable } from './printable';
import { storyId } from './story-id';
import { BUNDLED_ORIGIN, checkStory, type Story, type Subhead } from '../story';

export interface PrintPageInfo {
  publication: string;
  /** YYYY-MM-DD */
  date: string;
  page: number;
  /** Recorded on every story; `bundled` for the shipped seed. */
  origin?: string;
  url?: string;
}

export class PrintPageError extends Error {
  constructor(message: string) {
    super(printable(message, MESSAGE_LENGTH));
    this.name = 'PrintPageError';
  }
}

interface Block {
  lines: string[];
  /** 1-based line number of the block's first line, for error messages. */
  line: number;
}

/** A headline is at most this many characters (spaces not counted); longer blocks are text. */
const HEADLINE_MAX = 40;

/** Sub-heads inside a story are short phrases. */
const SUBHEAD_MAX = 24;

const SENTENCE_END = /[。！？!?…；;]$/;
const CLOSERS = /[”’"'」』）)》〉\]]+$/;
/**
 * A block ending on one of these stops mid-sentence: conjunctions, prepositions, particles and
 * joining punctuation cannot end a headline, so the block is text cut by a column break.
 */
const MID_SENTENCE_END = /[与和及或的之把被将而并跟从向对由、，,：:（(《“‘—-]$/;

/** 「本报讯（记者 张三 通讯员 李四）」 at the start of a story's first paragraph. */
export const BYLINE = /^(\S{2,12}?讯\s*[(（][^)）]{1,80}[)）])\s*/;
const DATELINE = /^(\p{Script=Han}{1,8}社\p{Script=Han}{0,8}\d{1,2}月\d{1,2}日(?:专)?电(?:[(（][^)）]{1,40}[)）])?)\s*/u;
/** A photo credit closes a caption: 「…开赛。罗青 摄」, 「（记者 张三 摄）」. */
const CAPTION = /(?:^|[\s。！？!?）)])\s*[(（]?(?:记者|通讯员)?\s*\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,4})*\s*摄[)）]?$/u;
const JUMP = /\s*[(（]?\s*([上下]转\s*(?:第\s*)?[A-Z]?\d{1,2}\s*版)\s*[)）]?$/;
const PERSON_NAME = /^(?:[文图][/／]\s*)?[□■]?\s*\p{Script=Han}{2,4}$/u;
const PARENTHETICAL = /^[(（].+[)）]$/;
/** Text that no converter emits: a NUL, other control characters or U+FFFD from a bad decode. */
const NOT_TEXT = /[\u0000-\u0008\u000E-\u001F\uFFFD]/;

type Kind = 'head' | 'text' | 'lead' | 'caption' | 'box';

const compact = (s: string) => s.replace(/\s+/g, '');

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/[\u3000\s]+$/u, '').replace(/^[\u3000\s]+/u, '');
    if (!line) {
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], line: index + 1 };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

function isTerminated(text: string): boolean {
  return SENTENCE_END.test(text.replace(CLOSERS, '')) || SENTENCE_END.test(text);
}

function kindOf(block: Block): Kind {
  if (block.lines.length > 1) return 'box';
  const text = block.lines[0];
  if (BYLINE.test(text) || DATELINE.test(text)) return 'lead';
  if (CAPTION.test(text) && compact(text).length <= 120) return 'caption';
  const short = compact(text).length <= HEADLINE_MAX;
  if (short && PARENTHETICAL.test(text)) return 'head';
  if (short && !isTerminated(text) && !MID_SENTENCE_END.test(text) && !JUMP.test(text)) return 'head';
  return 'text';
}

/**
 * Joins two pieces of a paragraph split by a column break. Chinese needs no space; a space is kept
 * only where Latin letters or digits meet, as in a word broken across columns.
 */
function joinBroken(left: string, right: string): string {
  return /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right) ? `${left} ${right}` : left + right;
}

/**
 * A headline printed on several lines reaches us as one line with spaces. Three or more phrases
 * are a title with a deck (副题) under it; two phrases stay one title unless the second is a wrap
 * of the first: it starts with a number, or it is long and more than twice the first (a short
 * lead-in such as 「习近平致电祝贺」 before the rest of one sentence).
 */
function splitHeadline(line: string): { title: string; deck?: string } {
  const phrases = line.split(/\s+/).filter(Boolean);
  if (phrases.length >= 3) return { title: phrases[0], deck: phrases.slice(1).join(' ') };
  if (phrases.length === 2) {
    const [a, b] = phrases;
    const wraps = /^\d/.test(b) || (b.length >= 14 && b.length > 2 * a.length);
    return { title: wraps ? a + b : `${a} ${b}` };
  }
  return { title: line };
}

interface Draft {
  line: number;
  title: string;
  kicker?: string;
  subheads: Subhead[];
  byline?: string;
  dateline?: string;
  author?: string;
  captions: string[];
  continuation?: string;
  paragraphs: string[];
  /** The last paragraph stopped mid-sentence and waits for the rest. */
  open: boolean;
  /** A jump line or a box ended the story: what follows belongs to the next one. */
  closed: boolean;
}

function startStory(cluster: Block[]): Draft {
  const texts = cluster.map((b) => b.lines[0]);
  let author: string | undefined;
  if (texts.length > 1 && PERSON_NAME.test(texts[texts.length - 1])) {
    author = texts.pop()!.replace(/^(?:[文图][/／]\s*)?[□■]?\s*/, '');
  }
  // The title is the longest line of the headline group; shorter lines above it are the kicker
  // (引题, column names such as 天台快评), shorter lines below it are sub-heads.
  let titleAt = 0;
  texts.forEach((t, i) => {
    if (!PARENTHETICAL.test(t) && compact(t).length > compact(texts[titleAt]).length) titleAt = i;
  });
  const { title, deck } = splitHeadline(texts[titleAt]);
  const subheads: Subhead[] = [];
  if (deck) subheads.push({ text: deck, before: 0 });
  for (const t of texts.slice(titleAt + 1)) subheads.push({ text: t, before: 0 });
  const kicker = texts.slice(0, titleAt).join(' ') || undefined;
  return {
    line: cluster[0].line,
    title,
    kicker,
    subheads,
    author,
    captions: [],
    paragraphs: [],
    open: false,
    closed: false,
  };
}

function addText(story: Draft, text: string): void {
  let body = text;
  const jump = JUMP.exec(body);
  if (jump) {
    story.continuation = jump[1].replace(/\s+/g, '');
    body = body.slice(0, jump.index);
  }
  if (body) {
    if (story.open && story.paragraphs.length > 0) {
      const last = story.paragraphs.length - 1;
      story.paragraphs[last] = joinBroken(story.paragraphs[last], body);
    } else {
      story.paragraphs.push(body);
    }
    story.open = !isTerminated(body);
  }
  if (jump) story.closed = true;
}

function addLead(story: Draft, text: string): void {
  let rest = text;
  const byline = BYLINE.exec(rest);
  if (byline) {
    story.byline = byline[1];
    rest = rest.slice(byline[0].length);
  }
  const dateline = DATELINE.exec(rest);
  if (dateline) {
    story.dateline = dateline[1];
    rest = rest.slice(dateline[0].length);
  }
  story.open = false;
  addText(story, rest);
}

/**
 * Inside a story only a short phrase is a sub-head (「进企业、厂区,长株潭联动开赛」); a longer line
 * with several clauses is the tail of a paragraph cut at the bottom of a column.
 */
function isSubhead(line: string): boolean {
  return compact(line).length <= SUBHEAD_MAX && (line.match(/[,，;；]/g) ?? []).length <= 1;
}

/** True when a headline group opens a new story rather than being sub-heads inside this one. */
function opensStory(current: Draft | undefined, cluster: Block[], next: Kind | undefined): boolean {
  if (!current || current.closed) return true;
  if (next === 'lead' || next === 'box' || next === 'caption') return true;
  const last = cluster[cluster.length - 1].lines[0];
  return cluster.length > 1 && (PERSON_NAME.test(last) || PARENTHETICAL.test(last));
}

/**
 * Parses one page of newspaper text into its stories. Throws PrintPageError, and returns nothing
 * partial, when the text is empty, not text, or holds no story.
 */
export async function parsePrintPage(text: string, info: PrintPageInfo): Promise<Story[]> {
  if (NOT_TEXT.test(text)) {
    const at = text.slice(0, text.search(NOT_TEXT)).split('\n').length;
    throw new PrintPageError(`line ${at}: this is not plain text (binary data or a wrong encoding?)`);
  }
  const blocks = splitBlocks(text);
  if (blocks.length === 0) throw new PrintPageError('the page is empty');
  const kinds = blocks.map(kindOf);
  const drafts: Draft[] = [];
  let story: Draft | undefined;

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const kind = kinds[i];
    if (kind === 'head') {
      let end = i;
      while (kinds[end + 1] === 'head') end++;
      const cluster = blocks.slice(i, end + 1);
      const opens = opensStory(story, cluster, kinds[end + 1]);
      if (!opens && story!.open) {
        // A short line after a paragraph that stopped mid-sentence is the rest of that paragraph.
        addText(story!, block.lines[0]);
        continue;
      }
      if (opens) {
        story = startStory(cluster);
        drafts.push(story);
      } else {
        for (const b of cluster) {
          const line = b.lines[0];
          if (isSubhead(line)) story!.subheads.push({ text: line, before: story!.paragraphs.length });
          else addText(story!, line);
        }
      }
      i = end;
      continue;
    }
    if (!story) {
      throw new PrintPageError(`line ${block.line}: text before the first headline: 「${block.lines[0].slice(0, 20)}」`);
    }
    if (kind === 'caption') story.captions.push(block.lines[0]);
    else if (kind === 'lead') addLead(story, block.lines[0]);
    else if (kind === 'box') {
      story.paragraphs.push(...block.lines);
      story.open = false;
      story.closed = true;
    } else addText(story, block.lines[0]);
  }

  const empty = drafts.find((d) => d.paragraphs.length === 0);
  if (empty) throw new PrintPageError(`line ${empty.line}: the headline 「${empty.title}」 has no text under it`);
  if (drafts.length === 0) throw new PrintPageError('no story found: a story is a headline followed by its text');

  return Promise.all(
    drafts.map(async (d, position) => {
      const story: Story = {
        id: await storyId(info, d.title),
        publication: info.publication,
        date: info.date,
        page: info.page,
        position,
        title: d.title,
        subheads: d.subheads,
        captions: d.captions,
        paragraphs: d.paragraphs,
        origin: info.origin ?? BUNDLED_ORIGIN,
      };
      for (const key of ['kicker', 'byline', 'dateline', 'author', 'continuation'] as const) {
        if (d[key]) story[key] = d[key];
      }
      if (info.url) story.url = info.url;
      // Through the library's own schema: the same checks and field order as an imported story.
      const checked = checkStory(story);
      if ('problems' in checked) throw new PrintPageError(`line ${d.line}: ${checked.problems.join('; ')}`);
      return checked.story;
    }),
  );
}
