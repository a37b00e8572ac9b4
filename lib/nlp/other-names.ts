/**
 * The other Chinese names of one thing that the glossary (lib/match/aliases.json) gives: a
 * company's former and short names (南车株机, 株机公司 for 中车株机), a ministry's short name
 * (工信部). A text that writes one of them names what the library holds under another, though no
 * rule or model would read 南车株机 as the library's 中车株机.
 */
import aliasData from '../match/aliases.json';
import type { EntityType } from './entities';
import { HAN } from './han';

export interface NameGroup {
  /** The glossary's kind: an entity type, or `word` for a subject that is no entity. */
  kind: string;
  /** The Chinese names, the glossary's own first. */
  names: readonly string[];
}

let groups: NameGroup[] | undefined;
let byName: Map<string, NameGroup> | undefined;

/** The glossary's things that have more than one Chinese name. */
export function chineseNameGroups(): readonly NameGroup[] {
  if (groups) return groups;
  groups = [];
  for (const [kind, entries] of Object.entries(aliasData) as Array<[string, Record<string, string[]> | string]>) {
    if (typeof entries === 'string') continue;
    for (const [zh, names] of Object.entries(entries)) {
      const group = [zh, ...names.filter((n) => HAN.test(n))];
      if (group.length > 1) groups.push({ kind, names: group });
    }
  }
  return groups;
}

/** Every Chinese name of the thing `name` is one name of (the glossary's own first), or none. */
export function chineseNamesOf(type: EntityType, name: string): readonly string[] {
  if (!byName) {
    byName = new Map();
    for (const group of chineseNameGroups()) for (const member of group.names) byName.set(`${group.kind}:${member}`, group);
  }
  return byName.get(`${type}:${name}`)?.names ?? [];
}
