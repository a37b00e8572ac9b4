/**
 * A party committee or government named by its level alone (市委, 县委, 省委, 市政府) is the one of
 * the place of that level the text has named last (株洲市委 before it, or 株洲, 醴陵市, 湖南省):
 * one chip for 株洲市委 and the 市委 after it. Where the text names no such place, whose body it
 * is the chip cannot say, and there is none.
 */
import type { Mention } from '../entities';
import { divisionNames } from './divisions';

/** A level and a body of it, with no place before them. */
const BARE = /^([省市县区])(委|政府|人民政府)$/;
/** A named place's body of a level: 株洲市委, 湖南省人民政府 (the place, then its level). */
const NAMED = /^(\p{Script=Han}{2,}?[省市县区])(?:委|政府|人民政府)$/u;

/** Whether the name is a level's body with no place before it (市委). */
export const isLevelBody = (name: string): boolean => BARE.test(name);

/** The text's mentions (in reading order) with each bare level's body read as its place's, or left out. */
export function levelBodies(mentions: Mention[]): Mention[] {
  if (!mentions.some((m) => m.type === 'org' && BARE.test(m.text))) return mentions;
  const divisions = divisionNames();
  /** The place of each level the text has named last: 市 → 株洲市. */
  const last = new Map<string, string>();
  const out: Mention[] = [];
  for (const m of mentions) {
    const bare = m.type === 'org' ? BARE.exec(m.text) : null;
    if (bare) {
      const place = last.get(bare[1]);
      if (place) out.push({ type: 'org', text: place + bare[2] });
      continue;
    }
    out.push(m);
    if (m.type === 'place') {
      const level = m.text.at(-1)!;
      if ('省市县区'.includes(level) && divisions.has(m.text)) last.set(level, m.text);
      else for (const unit of '省市县区') if (divisions.has(m.text + unit)) last.set(unit, m.text + unit);
    } else if (m.type === 'org') {
      const named = NAMED.exec(m.text)?.[1];
      if (named && divisions.has(named)) last.set(named.at(-1)!, named);
    }
  }
  return out;
}
