/**
 * What one sentence's names learn from the others of the same text: a body's name the model cut
 * short where jieba split an unknown word (专精/特新/联队 → 特新联队) is whole where the text names
 * the body another way (专精特新队): the characters before the cut, with the name's start, begin
 * that other organisation's name; a company the text names with its city (株洲方特) is that
 * company where another sentence names it without (方特); a place is a place throughout, and a
 * company a company throughout.
 */
import { HAN } from '../han';
import type { EntityType, Mention } from '../entities';
import { divisionNames } from './divisions';
import { isCompanyEnding } from './trade-words';

/** The level a place's name may end in (安卡拉市, 炎陵县). */
const LEVEL = /[省市县区州]$/;

/** How many characters before a name may belong to it. */
const MOST_BEFORE = 4;
/** How many of the name's own characters, after them, must begin the other organisation's name too. */
const SHARED = 2;

/**
 * Each sentence's mentions (`mentions[i]` found in `sentences[i]`, in reading order), organisations
 * completed; `knownCompany` tells a name the library knows as an organisation.
 */
export function completedNames(
  sentences: readonly string[],
  mentions: readonly Mention[][],
  knownCompany: (name: string) => boolean = () => false,
): Mention[][] {
  return kindsThroughout(brandsOfCities(cutShort(sentences, mentions)), knownCompany);
}

/**
 * A name the model read as a person where another sentence's words gave it no hint is what the
 * rest of the text reads it as: a company where another sentence reads it (or its name with trade
 * words or a legal form after it: 比亚迪股份有限公司) as an organisation or the library knows it as
 * one (比亚迪和霍尼韦尔都在布局…); else a place where the text reads it more often as a place
 * (安卡拉地铁, 为安卡拉生产324辆车) or names it as a place with its level, which no person's name
 * takes (安卡拉市; 安卡拉规划四条线 at a sentence's start looks like a person). One entity per real
 * thing, and a foreign brand's or city's name looks like a foreign person's to the model.
 */
function kindsThroughout(mentions: Mention[][], knownCompany: (name: string) => boolean): Mention[][] {
  /** Per name, its readings as a place less its readings as a person. */
  const lead = new Map<string, number>();
  const people = new Set<string>();
  const orgs = new Set<string>();
  /** Names the text gives as a place with a level after them (安卡拉 of 安卡拉市). */
  const levelled = new Set<string>();
  for (const list of mentions)
    for (const m of list) {
      if (m.type === 'person') people.add(m.text);
      if (m.type === 'place' && m.text.length > 2 && LEVEL.test(m.text)) levelled.add(m.text.slice(0, -1));
      if (m.type === 'place' || m.type === 'person') lead.set(m.text, (lead.get(m.text) ?? 0) + (m.type === 'place' ? 1 : -1));
      else if (m.type === 'org') orgs.add(m.text);
    }
  // The organisations that start with a name are a run of them sorted: a long text names
  // thousands, and a scan of them all per person made this pass quadratic.
  const sorted = [...orgs].sort();
  const company = (name: string) => {
    if (knownCompany(name)) return true;
    for (let at = firstNotBelow(sorted, name); at < sorted.length && sorted[at].startsWith(name); at++)
      if (sorted[at] === name || isCompanyEnding(sorted[at].slice(name.length))) return true;
    return false;
  };
  /** Per name the model read as a person, what the text reads it as instead. */
  const kinds = new Map<string, EntityType>();
  for (const name of people) {
    const kind = company(name) ? 'org' : (lead.get(name) ?? 0) > 0 || levelled.has(name) ? 'place' : undefined;
    if (kind) kinds.set(name, kind);
  }
  if (!kinds.size) return mentions;
  return mentions.map((list) =>
    list.map((m) => {
      const kind = m.type === 'person' ? kinds.get(m.text) : undefined;
      return kind ? { type: kind, text: m.text } : m;
    }),
  );
}

/** The first index of `sorted` (ascending by UTF-16 units) whose string is not below `key`. */
function firstNotBelow(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The longest division's name a body's name starts with: 株洲 of 株洲方特. */
const MOST_DIVISION = 4;

/**
 * A company named with its city (株洲方特) is the same company where the text names it by the rest
 * alone (方特接待游客…), whatever the model read that as (a person): one entity per real thing.
 */
function brandsOfCities(mentions: Mention[][]): Mention[][] {
  const divisions = divisionNames();
  /** The rest of each body's name after a division it starts with, to the body. */
  const rests = new Map<string, Mention>();
  for (const list of mentions)
    for (const m of list) {
      if (m.type !== 'org') continue;
      for (let length = 2; length <= Math.min(MOST_DIVISION, m.text.length - SHARED); length++)
        if (divisions.has(m.text.slice(0, length)) && !rests.has(m.text.slice(length))) rests.set(m.text.slice(length), m);
    }
  if (!rests.size) return mentions;
  return mentions.map((list) =>
    list.map((m) => {
      const body = m.type === 'place' ? undefined : rests.get(m.text);
      return body ? { ...body } : m;
    }),
  );
}

function cutShort(sentences: readonly string[], mentions: readonly Mention[][]): Mention[][] {
  // The starts of every organisation's name in the text, of each length that may be matched.
  const starts = new Set<string>();
  for (const list of mentions)
    for (const m of list)
      if (m.type === 'org') for (let k = SHARED + 1; k <= Math.min(m.text.length, MOST_BEFORE + SHARED); k++) starts.add(m.text.slice(0, k));
  if (!starts.size) return mentions as Mention[][];
  return mentions.map((list, i) => {
    const text = sentences[i];
    let from = 0;
    return list.map((m) => {
      const at = text.indexOf(m.text, from);
      if (at < 0) return m;
      const previousEnd = from;
      from = at + m.text.length;
      if (m.type !== 'org' || m.text.length <= SHARED) return m;
      for (let before = 1; before <= MOST_BEFORE && at - before >= previousEnd; before++) {
        const lead = text.slice(at - before, at);
        if (!HAN.test(lead)) break;
        if (starts.has(lead + m.text.slice(0, SHARED))) return { type: 'org', text: lead + m.text };
      }
      return m;
    });
  });
}
