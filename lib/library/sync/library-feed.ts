/**
 * A library feed: how a newsroom publishes its archive from any static host — a manifest JSON
 * listing shards of JSON Lines in the library's own export format, each with a version, so a
 * reader fetches only the shards that changed.
 *
 *   { "library": "株洲日报", "shards": [ { "url": "2024-05.jsonl", "version": "3" }, … ] }
 *
 * Shard URLs are relative to the manifest. A shard without a version is compared by the ETag its
 * server sends.
 */
import { FeedError } from './feed';

export interface Shard {
  url: string;
  version?: string;
}

export interface LibraryManifest {
  name?: string;
  shards: Shard[];
}

export function parseManifest(text: string, manifestUrl: string): LibraryManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FeedError(`the library manifest is not valid JSON: ${(error as Error).message}`);
  }
  const manifest = parsed as { library?: unknown; shards?: unknown };
  if (typeof manifest !== 'object' || manifest === null || !Array.isArray(manifest.shards)) {
    throw new FeedError('the library manifest has no "shards" list');
  }
  const shards = manifest.shards.map((raw: unknown, i: number): Shard => {
    const shard = raw as { url?: unknown; version?: unknown };
    if (typeof shard !== 'object' || shard === null || typeof shard.url !== 'string' || !shard.url) {
      throw new FeedError(`shard ${i + 1} of the library manifest has no "url"`);
    }
    let url: string;
    try {
      url = new URL(shard.url, manifestUrl).href;
    } catch {
      throw new FeedError(`shard ${i + 1}: "${shard.url}" is not an address`);
    }
    return { url, version: shard.version === undefined ? undefined : String(shard.version) };
  });
  return { name: typeof manifest.library === 'string' ? manifest.library : undefined, shards };
}
