/** What the options page asks of the library: an import's analysis and its news, the sources and their syncs. */
import { withAnalysis } from '../library/analyze-stories';
import { makeSource, permissionsToRelease, SourceError } from '../library/sync/sources';
import type { Handler } from './handler';

export const analyzeImport: Handler<'UI_ANALYZE_STORIES'> = async ({ stories }, { analyzer, analysisVersion }) =>
  withAnalysis(await analyzer(), analysisVersion, stories);

export const importWritten: Handler<'UI_LIBRARY_CHANGED'> = async (_message, { library, libraryChanged, checkAnalyses }) => {
  await libraryChanged(await library(), 'elsewhere');
  checkAnalyses();
  return null;
};

export const listSources: Handler<'UI_LIST_SOURCES'> = async (_message, { sources }) => {
  const all = await sources.list();
  return Promise.all(all.map(async (s) => ({ ...s, last: (await sources.state.load(s.id))?.last })));
};

export const addSource: Handler<'UI_ADD_SOURCE'> = async (message, { sources, runner }) => {
  try {
    const source = await makeSource(message.source);
    await sources.add(source);
    void runner.syncAll([source.id]);
    return { source };
  } catch (error) {
    if (error instanceof SourceError) return { error: error.message };
    throw error;
  }
};

/** Stories a preview shows before the reader adds a source. */
export const PREVIEW_STORIES = 5;

export const previewSource: Handler<'UI_PREVIEW_SOURCE'> = async (message, { crawl }) => {
  try {
    const { stories, result } = await crawl(await makeSource(message.source), PREVIEW_STORIES);
    if (!stories.length && result.error) return { error: result.error };
    return { titles: stories.map((story) => story.title) };
  } catch (error) {
    if (error instanceof SourceError) return { error: error.message };
    throw error;
  }
};

export const updateSource: Handler<'UI_UPDATE_SOURCE'> = async ({ id, enabled }, { sources }) => {
  await sources.update(id, { enabled });
  return null;
};

/**
 * A source goes with its sync, which may be waiting for readers to be answered: so this waits
 * outside the readers' gate.
 */
export const removeSource: Handler<'UI_REMOVE_SOURCE'> = async ({ id, removeStories }, { library, sources, runner, libraryChanged, tabs }) => {
  const lib = await library();
  const { removed, release } = await runner.remove(id, async () => {
    const gone = await sources.remove(id);
    return {
      removed: removeStories ? await lib.removeOrigin(id) : 0,
      // The site's host permission goes with the last source on it.
      release: gone ? permissionsToRelease(gone, await sources.list()) : [],
    };
  });
  if (removed) {
    await libraryChanged(lib, 'here');
    await tabs.prune(lib.holds);
  }
  return { removed, release };
};

export const syncNow: Handler<'UI_SYNC_NOW'> = async (_message, { runner }) => {
  void runner.syncAll();
  return { started: true };
};
