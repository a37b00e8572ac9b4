/**
 * Zhuzhou's own names (lib/nlp/local-names.json): its landmarks, zones, companies, colleges,
 * hospitals, stations and markets, which its stories of every year are full of but which neither
 * jieba's dictionary nor the tagger's training corpora know (中国动力谷 read as the place 中国,
 * 云龙示范区 cut to 云龙). The analyzer learns them as it learns the library's names, so a text
 * reads them whole before the library has named them once.
 */
import data from './local-names.json';
import glossary from '../match/aliases.json';
import type { EntityType } from './entities';
import type { LibraryKnowledge } from './analyzer';
import { chineseNamesOf } from './other-names';

/** The file's groups: each page's names, to their kind and, for a short form, the full name it stands for. */
const groups: ReadonlyArray<{ source: string; names: Partial<Record<string, string[]>> }> = data.groups;

let names: LibraryKnowledge['names'] | undefined;

/** The glossary's own name of the thing `name` names: `name` where it is an entry, else the first of its group, if any. */
function glossaryName(type: EntityType, name: string): string | undefined {
  const entries: Partial<Record<string, unknown>> = glossary;
  const kind = entries[type];
  return typeof kind === 'object' && kind !== null && Object.hasOwn(kind, name) ? name : chineseNamesOf(type, name)[0];
}

/**
 * Every local name to its kind and full name (itself unless a short form), in the library's form.
 * A short form of a thing the glossary (lib/match/aliases.json) names stands for the glossary's own
 * name (株硬 for 株硬集团, not 株洲硬质合金集团有限公司): that is the key its English and Japanese
 * names reach the library by.
 */
export function localNames(): LibraryKnowledge['names'] {
  if (names) return names;
  names = {};
  for (const group of groups) {
    for (const [name, [kind, full = name]] of Object.entries(group.names) as Array<[string, string[]]>) {
      const type = kind as EntityType;
      const known = name === full ? undefined : (glossaryName(type, name) ?? glossaryName(type, full));
      names[name] = [type, known ?? full];
    }
  }
  return names;
}
