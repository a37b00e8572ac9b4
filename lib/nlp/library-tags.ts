/**
 * The library's names as jieba's tokens carry them. The analyzer teaches jieba each name with its
 * type's tag (GAZETTEER_TAGS), and the rules and the tagger trust a name by that tag; but jieba's
 * add_word keeps the tag of a word its dictionary already has (水口山 stays n, 常德 nr), so such
 * a name would never be trusted. Its tokens are tagged here instead.
 */
import type { Token } from './entities';

/**
 * The tokens with each one that is a library name wholly (`tags`: name → its gazetteer tag) given
 * that tag: one lookup a token, and a copy of the array only where a tag changes.
 */
export function withLibraryTags<T extends Token>(tokens: T[], tags: ReadonlyMap<string, string>): T[] {
  let tagged: T[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const { word, tag } = tokens[i];
    const library = tags.get(word);
    if (library !== undefined && library !== tag) (tagged ??= tokens.slice())[i] = { ...tokens[i], tag: library };
  }
  return tagged ?? tokens;
}
