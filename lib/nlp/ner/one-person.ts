/**
 * One person per real person in a text: a foreign name's short form — its given name, its
 * surname, any run of its parts (西莉娅诺夫斯卡-达夫科娃 and 达夫科娃 of
 * 戈尔达娜·西莉娅诺夫斯卡-达夫科娃; 穆罕默德 of 穆罕默德·伊德里斯·代比·伊特诺) — is the person
 * the text names in full, shown by the full name (the analyzer's chips), and so is a Chinese given
 * name alone (俊平 after 张俊平). A short form that two of the text's full names hold is left
 * alone: which person it is, the text does not say.
 */
import type { Mention } from '../entities';
import { nameKnowledge } from '../knowledge';

const JOINER = /[·•・‧\-－]/g;
/** How short a part of a name may be and still name the person (a part of one character is a syllable). */
const LEAST = 2;

/**
 * The text's mentions (in reading order) with each foreign name's short form read as the full
 * name, and the short forms it used that end with the surname: the library learns them as the
 * person's short names, so another text that names her only so (西莉娅诺夫斯卡-达夫科娃) is read as
 * the same person.
 */
export function samePeople(mentions: Mention[]): { mentions: Mention[]; aliases: Map<string, Mention> } {
  const full = new Map<string, Mention>();
  for (const m of mentions) if (m.type === 'person' && m.text.search(JOINER) > 0 && !full.has(m.text)) full.set(m.text, m);
  const given = givenNames(mentions);
  if (!full.size && !given.size) return { mentions, aliases: new Map() };
  /** Each full name's runs of whole parts but the whole: parts i..j, from cuts[2i] to cuts[2j + 1]. */
  const runs = new Map<string, Set<string>>();
  /** Each run, to the full names holding it. */
  const holders = new Map<string, Mention[]>();
  for (const [name, mention] of full) {
    const cuts = [0, ...[...name.matchAll(JOINER)].flatMap((j) => [j.index, j.index + 1]), name.length];
    const parts = cuts.length / 2;
    const own = new Set<string>();
    for (let i = 0; i < parts; i++) for (let j = i; j < parts; j++) if (j - i < parts - 1) own.add(name.slice(cuts[2 * i], cuts[2 * j + 1]));
    runs.set(name, own);
    for (const run of own) if (run.length >= LEAST) holders.set(run, [...(holders.get(run) ?? []), mention]);
  }
  /** The longest full name holding the run, if the others holding it are runs of it (西莉娅诺夫斯卡-达夫科娃 of the whole). */
  const short = new Map<string, Mention>();
  for (const [run, held] of holders) {
    const longest = held.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    if (held.every((h) => h === longest || runs.get(longest.text)!.has(h.text))) short.set(run, longest);
  }
  for (const [name, person] of given) if (!short.has(name)) short.set(name, person);
  const used = new Map<string, Mention>();
  let changed = false;
  const out = mentions.map((m) => {
    const person = m.type === 'person' ? short.get(m.text) : undefined;
    if (!person) return m;
    changed = true;
    // A given name (穆罕默德, 俊平) names many people across a library: only a foreign surname's run is taught.
    if (person.text.endsWith(m.text) && person.text.search(JOINER) > 0) used.set(m.text, person);
    return { ...person };
  });
  return { mentions: changed ? out : mentions, aliases: used };
}

/**
 * A Chinese given name alone (俊平), after the text named the person in full (surname and given
 * name of two: 张俊平), is that person; unless two of the text's full names share it.
 */
function givenNames(mentions: Mention[]): Map<string, Mention> {
  const { surnames } = nameKnowledge();
  const holders = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.type !== 'person' || m.text.length !== 3 || m.text.search(JOINER) >= 0 || !surnames.has(m.text[0])) continue;
    const held = holders.get(m.text.slice(1)) ?? [];
    if (!held.some((h) => h.text === m.text)) holders.set(m.text.slice(1), [...held, m]);
  }
  const out = new Map<string, Mention>();
  for (const [name, held] of holders) if (held.length === 1) out.set(name, held[0]);
  return out;
}
