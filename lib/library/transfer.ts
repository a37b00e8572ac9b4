/**
 * Export and import of the whole library, run by the options page on its own connection to the
 * library: a runtime message to the service worker carries at most 64 MiB, and a library's file
 * can be larger. The file is read and written in pieces, never as one string.
 *
 * Import keeps "all or nothing" by reading and checking the whole file before anything is
 * written, then writing every story in one transaction (`Library.put`). The stories are held
 * in memory meanwhile; the schema bounds each one, so that is the file's size again at most.
 * The alternative, writing batches to a staging store and swapping it in, would bound memory
 * but needs a second copy of the library on disk (the case of a full disk is the one that hurts)
 * and a schema with a store that every other write must ignore.
 */
import { keptUnchecked, needsAnalysis } from './analyze-stories';
import { ImportError, type ImportProblem, jsonlParts, readJsonl } from './jsonl';
import type { Library } from './library';
import { IMPORT_ORIGIN, type Story } from '../story';

/** Stories read per export transaction. */
const EXPORT_BATCH = 500;
/**
 * Stories sent per message to be analysed by the service worker (which has jieba loaded): each
 * at most ~60,000 characters by the schema, so a batch stays far below the message limit.
 */
export const ANALYSIS_BATCH = 50;

export async function exportLibrary(library: Library): Promise<{ file: Blob; count: number }> {
  let count = 0;
  async function* counted() {
    for await (const batch of library.batches(EXPORT_BATCH)) {
      count += batch.length;
      yield batch;
    }
  }
  // Each part becomes a Blob at once, so its string can go.
  const parts: Blob[] = [];
  for await (const part of jsonlParts(counted())) parts.push(new Blob([part]));
  return { file: new Blob(parts, { type: 'application/x-ndjson' }), count };
}

export interface ImportResult {
  imported: number;
  total: number;
  /** Stories without a publication, given the default one. */
  defaulted: number;
}

/**
 * Reads a JSON Lines file into the library, all or nothing. Imported stories take the import's
 * origin whatever the file says: one claiming `bundled` would be deleted by the next update of
 * the bundle, one claiming a source's id with that source. A story keeps its analysis only when
 * it says `version` (the running build's analysis) made it, stamped unchecked until the worker
 * analyses it again; `analyze` gives the others theirs.
 */
export async function importLibrary(library: Library, file: Blob, version: string, analyze: (stories: Story[]) => Promise<Story[]>): Promise<ImportResult> {
  const { stories, defaulted } = await readJsonl(chunksOf(file));
  const analysed = new Map<string, Story>();
  const pending = stories.filter((story) => needsAnalysis(story, version));
  for (let i = 0; i < pending.length; i += ANALYSIS_BATCH) {
    for (const story of await analyze(pending.slice(i, i + ANALYSIS_BATCH).map(({ analysis: _, ...bare }) => bare))) analysed.set(story.id, story);
  }
  await library.put(stories.map((story) => ({ ...(analysed.get(story.id) ?? keptUnchecked(story)), origin: IMPORT_ORIGIN })));
  return { imported: stories.length, total: await library.count(), defaulted };
}

/** A file's bytes as they are read (ReadableStream's own async iteration is not in every browser yet). */
async function* chunksOf(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    reader.releaseLock();
  }
}

/** What went wrong, in the words the options page shows: each kind has its message. */
export type TransferProblem =
  | { kind: 'invalid'; problems: ImportProblem[]; total: number }
  | { kind: 'diskFull' }
  | { kind: 'unreadable'; details: string }
  | { kind: 'other'; details: string };

export function transferProblem(error: unknown): TransferProblem {
  if (error instanceof ImportError) return { kind: 'invalid', problems: error.problems, total: error.total };
  const { name, message } = error instanceof Error ? error : { name: '', message: String(error) };
  if (name === 'QuotaExceededError') return { kind: 'diskFull' };
  // The file was moved, changed or its permission revoked while it was read.
  if (name === 'NotReadableError' || name === 'NotFoundError') return { kind: 'unreadable', details: message };
  return { kind: 'other', details: message };
}
