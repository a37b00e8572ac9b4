/**
 * Zhuzhou's own names (lib/nlp/local-names.json): its landmarks, zones, companies, colleges,
 * hospitals, stations and markets, which its stories of every year are full of but which neither
 * jieba's dictionary nor the tagger's training corpora know (中国动力谷 read as the place 中国,
 * 云龙示范区 cut to 云龙). The analyzer learns them as it learns the library's names, so a text
 * reads them whole before the library has named them once.
 */
import data from './local-names.json';
import type { EntityType } from './entities';
import type { LibraryKnowledge } from './analyzer';

/** The file's groups: each page's names, to their kind and, for a short form, the full name it stands for. */
const groups: ReadonlyArray<{ source: string; names: Partial<Record<string, string[]>> }> = data.groups;

let names: LibraryKnowledge['names'] | undefined;

/** Every local name to its kind and full name (itself unless a short form), in the library's form. */
export function localNames(): LibraryKnowledge['names'] {
  if (names) return names;
  names = {};
  for (const group of groups) {
    for (const [name, [type, full = name]] of Object.entries(group.names) as Array<[string, string[]]>) names[name] = [type as EntityType, full];
  }
  return names;
}
