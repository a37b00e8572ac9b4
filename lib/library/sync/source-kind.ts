/**
 * What a kind of source is to the rest of the extension: how the options page offers it, what a
 * new one needs beyond its address, and how a sync reads it. Each kind is one module in kinds/
 * implementing this; source-kinds.ts lists them.
 */
import type { MessageKey } from '../../message-key';
import type { Story } from '../../story';
import type { PrintPage, Source, SourceKind, SourceState, SyncCounts } from './source';
import type { NewSource } from './sources';

/** One address a sync fetches, and how its text becomes stories. */
export interface SourceDocument {
  url: string;
  /** A library shard's version: a version taken already is not fetched again. */
  version?: string;
  read(text: string): Promise<Story[]>;
}

/** What a kind's sync works with: the source's state, the counts the reader is shown, and `take`. */
export interface SyncRun {
  /** What the library remembers of the source; a kind keeps its own part in it (a manifest's shards). */
  state: SourceState;
  /** What the kind left out or cut (items past the bound, undated items …), for the reader. */
  counts: SyncCounts;
  /** YYYY-MM-DD: the day undated feed items are given. */
  today: string;
  /** A crawling kind's manners (robots.txt, the cap on articles); see crawl-articles.ts. */
  crawl: CrawlRun;
  /** Remembers the name the source gives itself (a feed's title, a library's name), if it gives one. */
  titled(title: string | undefined): void;
  /**
   * Fetches a document unless it is unchanged, reads it, writes its new and changed stories, and
   * then remembers what its address answered. Throws when the source is being removed.
   */
  take(doc: SourceDocument): Promise<void>;
}

/** What a crawling kind (edition, section) checks before each fetch, and counts. */
export interface CrawlRun {
  /** Whether the site's robots.txt lets us fetch `url`. */
  allowed(url: string): Promise<boolean>;
  /** Articles this sync may still fetch (counts down from the cap). */
  budget: number;
  /** An edition's days: the last this many ending at its address's day, whatever the source asks (`insight crawl --days`). */
  days?: number;
}

/** A field the options page asks for, beside the address and the name. */
export interface SourceField {
  name: keyof PrintPage | 'editionDays';
  label: MessageKey;
  type: 'text' | 'date' | 'number' | 'select';
  min?: number;
  /** A select's choices. */
  options?: ReadonlyArray<{ value: string; label: MessageKey }>;
  /** What the form starts with. */
  initial?: string;
}

/** What a kind is told beyond its address: which printed page it is, which days of an edition. */
export type SourceSettingValues = Pick<NewSource, 'printPage' | 'editionDays'>;

/** What a kind needs told beyond its address, as the options page asks for it. */
export interface SourceSettings {
  fields: readonly SourceField[];
  /** The form's values (by field name) as a new source's settings. */
  fromForm(values: Readonly<Record<string, string>>): SourceSettingValues;
  /** The reader's settings checked, with the name they give the source, if any; or what to fix, in plain words. */
  check(input: NewSource): (SourceSettingValues & { name?: string }) | { problem: string };
}

/** Constructors of the errors that say a text is not what a kind reads (a "format" problem for the reader). */
export type FormatErrorType = abstract new (...args: never[]) => Error;

export interface SourceKindModule<K extends SourceKind = SourceKind> {
  kind: K;
  /** The errors its readers throw for unreadable text, in their own words. */
  formatErrors: readonly FormatErrorType[];
  /** True for kinds that crawl a site (robots.txt, a pause between requests, a cap on articles). */
  crawls?: boolean;
  /** Takes the source's documents, in order, each through `run.take`. */
  sync(source: Source, run: SyncRun): Promise<void>;
}
