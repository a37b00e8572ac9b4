/**
 * Every kind of source, as the sync reads it. A new kind is a module in kinds/, a line here, its
 * form in source-forms.ts and its strings in _locales; the compiler flags a kind left out.
 */
import { ownValue } from '../../nlp/own-keys';
import { editionKind } from './kinds/edition';
import { newsFeed } from './kinds/feed';
import { libraryFeed } from './kinds/library';
import { printPageKind } from './kinds/print-page';
import { sectionKind } from './kinds/section';
import type { SourceKind } from './source';
import type { SourceKindModule } from './source-kind';

export const SOURCE_KINDS: { readonly [K in SourceKind]: SourceKindModule<K> } = {
  feed: newsFeed,
  library: libraryFeed,
  'print-page': printPageKind,
  edition: editionKind,
  section: sectionKind,
};

/** The module of a kind named in a message or in storage: undefined for one no kind has (`__proto__` included). */
export const kindModule = (kind: string): SourceKindModule | undefined => ownValue<SourceKindModule>(SOURCE_KINDS, kind);
