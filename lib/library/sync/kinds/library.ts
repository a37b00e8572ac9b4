/**
 * A library feed: its manifest, then each shard of JSON Lines it lists whose version changed
 * (library-feed.ts reads the manifest). The source's state keeps the manifest's last list of
 * shards, and what each of them answered, and nothing of addresses the manifest no longer lists.
 */
import { ImportError, storiesFromJsonl } from '../../jsonl';
import type { Story } from '../../../story';
import { FeedError } from '../feed';
import { parseManifest, type Shard } from '../library-feed';
import type { SourceKindModule } from '../source-kind';

export const libraryFeed: SourceKindModule<'library'> = {
  kind: 'library',
  formatErrors: [FeedError, ImportError],
  async sync(source, run) {
    const { state } = run;
    // The manifest first: unchanged, its last list of shards stands (some may still be to do).
    let shards: Shard[] = state.shards ?? [];
    await run.take({
      url: source.url,
      read: async (text) => {
        const manifest = parseManifest(text, source.url);
        shards = manifest.shards;
        state.shards = shards;
        run.titled(manifest.name);
        run.counts.skippedShards += manifest.skipped;
        // Only the addresses the manifest lists now are remembered: the state stays bounded.
        const listed = new Set([source.url, ...shards.map((s) => s.url)]);
        for (const url of Object.keys(state.fetched)) if (!listed.has(url)) delete state.fetched[url];
        return [];
      },
    });
    // A shard's stories are this source's, whatever origin its lines name.
    const fromOrigin = (stories: Story[]) => stories.map((story) => ({ ...story, origin: source.id }));
    for (const shard of shards) await run.take({ url: shard.url, version: shard.version, read: async (text) => fromOrigin(storiesFromJsonl(text)) });
  },
};
