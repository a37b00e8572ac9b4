/**
 * The library's names as jieba's tokens carry them. The analyzer teaches jieba each name with its
 * type's tag (GAZETTEER_TAGS), and the rules and the tagger trust a name by that tag; but jieba's
 * add_word keeps the tag of a word its dictionary already has (水口山 stays n, 常德 nr), so such
 * a name would never be trusted. Its tokens are tagged here instead, where the name has three
 * characters at least and jieba's own tag names nothing. A word jieba already reads as a name
 * (中国/ns, 新华社/nt) keeps its tag: trusted, such a name broke the organisations that start with
 * it (中国中车株洲电力机车有限公司 read as the place 中国 and 株洲). A two-character one (中心, 医院,
 * 公园) is as often the library's junk as a name. The wider variants were measured only by refits,
 * which fell; this one is unchanged under the paired measure (docs/quality.md, thirteenth session).
 */
import type { Token } from './entities';

/** jieba's tags of proper names, as the rules read them (lib/nlp/entities.ts). */
const PROPER_TAG = /^(?:ns|nr|nrt|nrfg|nz|nt|j)$/;
/** The shortest library name retagged. */
const MIN_CHARS = 3;

/**
 * The tokens with each one that is a library name wholly (`tags`: name → its gazetteer tag), of
 * MIN_CHARS or more, that jieba tags as no name given the library's tag: one lookup a token, and a
 * copy of the array only where a tag changes.
 */
export function withLibraryTags<T extends Token>(tokens: T[], tags: ReadonlyMap<string, string>): T[] {
  let tagged: T[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const { word, tag } = tokens[i];
    const library = tags.get(word);
    if (library === undefined || library === tag || word.length < MIN_CHARS || PROPER_TAG.test(tag)) continue;
    (tagged ??= tokens.slice())[i] = { ...tokens[i], tag: library };
  }
  return tagged ?? tokens;
}
