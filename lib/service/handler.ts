/**
 * What a message handler of the background is: one per message type, answering with that type's
 * reply (lib/messages.ts), given what the service holds for the worker's life.
 */
import type { Library } from '../library/library';
import type { Source, SyncResult } from '../library/sync/source';
import type { SourceRegistry } from '../library/sync/sources';
import type { Story } from '../story';
import type { SyncRunner } from '../library/sync/sync-all';
import type { Message, Replies } from '../messages';
import type { Analyzer } from '../nlp/analyzer';
import type { PageQueue } from '../page/page-queue';
import type { TabCoverage } from '../page/tab-coverage';
import type { ReaderGate } from '../reader-gate';
import type { LibraryCache } from './library-cache';
import type { PageAnswers } from './page-answers';

/** Where a message came from: the tab of a content script, and the address of its page. */
export interface MessageOrigin {
  tabId?: number;
  url?: string;
}

/** What the service holds for one worker life, shared by every handler. */
export interface ServiceContext extends LibraryCache {
  /** The library, opened and with the bundled stories installed. */
  library: () => Promise<Library>;
  /** The analyzer, taught the library's gazetteer. */
  analyzer: () => Promise<Analyzer>;
  /** Has the stories a write kept unchecked analysed again, in the background (lib/library/reanalyse.ts). */
  checkAnalyses: () => void;
  /** The analysis the running build makes, said by each story's (lib/library/analyze-stories.ts). */
  analysisVersion: string;
  /** Starts loading what a full analysis needs, the library and jieba at once. */
  prepare: () => Promise<unknown>;
  /** Each tab's page coverage (and its badge). */
  tabs: TabCoverage;
  /** The full coverage of articles lately analysed, by their text, kept across wakes. */
  answers: PageAnswers;
  /** Opens a story page for the reader. */
  openStory: (id: string) => Promise<void>;
  /** Readers' answers go through it; a sync's every step waits on it. */
  readers: ReaderGate;
  /** Each tab's line of page analyses. */
  pages: PageQueue;
  sources: SourceRegistry;
  runner: SyncRunner;
  /** A source read as its sync would read it, into memory only: at most `max` stories. */
  crawl(source: Source, max: number): Promise<{ stories: Story[]; result: SyncResult }>;
}

/**
 * The message of one type. An intersection rather than `Extract`: any `M extends Message` is
 * assignable to `MessageOf<M['type']>`, so the dispatch needs no cast.
 */
export type MessageOf<T extends Message['type']> = Message & { type: T };

export type Handler<T extends Message['type']> = (message: MessageOf<T>, service: ServiceContext, origin: MessageOrigin) => Promise<Replies[T]>;

/** A handler for every message type: one missing, or answering with another reply, fails to compile. */
export type Handlers = { [T in Message['type']]: Handler<T> };
