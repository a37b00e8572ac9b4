/**
 * A library feed: how a newsroom publishes its archive from any static host — a manifest JSON
 * listing shards of JSON Lines in the library's own export format, each with a version, so a
 * reader fetches only the shards that changed.
 *
 *   { "library": "株洲日报", "shards": [ { "url": "2024-05.jsonl", "version": "3" }, … ] }
 *
 * Shard URLs are relative to the manifest and must stay on its site (same scheme, host and port):
 * a manifest cannot send the reader's browser to read another site, a local file or the
 * extension's own pages. A shard without a version is compared by the ETag its server sends.
 * At most MAX_SHARDS are taken, in the manifest's order.
 */
import { FeedError } from './feed';
import { MAX_SHARD_URL_CHARS, MAX_SHARD_VERSION_CHARS, MAX_SHARDS } from './limits';

export interface Shard {
  url: string;
  version?: string;
}

export interface LibraryManifest {
  name?: string;
  shards: Shard[];
  /** Shards past MAX_SHARDS, not taken. */
  skipped: number;
}

/** A manifest's shard entry as an address on the manifest's own site, or a FeedError saying why not. */
function shardOf(raw: unknown, i: number, manifest: URL): Shard {
  const shard = raw as { url?: unknown; version?: unknown };
  if (typeof shard !== 'object' || shard === null || typeof shard.url !== 'string' || !shard.url) {
    throw new FeedError(`shard ${i + 1} of the library manifest has no "url"`);
  }
  if (shard.url.length > MAX_SHARD_URL_CHARS) throw new FeedError(`shard ${i + 1}: its address is longer than ${MAX_SHARD_URL_CHARS} characters`);
  let url: URL;
  try {
    url = new URL(shard.url, manifest);
  } catch {
    throw new FeedError(`shard ${i + 1}: "${shard.url}" is not an address`);
  }
  if (url.origin !== manifest.origin || url.username || url.password) {
    throw new FeedError(`shard ${i + 1}: "${shard.url}" is not on the manifest's site (${manifest.origin}), and only that site is read`);
  }
  const version = typeof shard.version === 'string' || typeof shard.version === 'number' ? String(shard.version) : undefined;
  if (version !== undefined && version.length > MAX_SHARD_VERSION_CHARS)
    throw new FeedError(`shard ${i + 1}: its version is longer than ${MAX_SHARD_VERSION_CHARS} characters`);
  return { url: url.href, version };
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
  const site = new URL(manifestUrl);
  // Sources are http(s) (makeSource), so an address on the same origin is too.
  const shards = manifest.shards.slice(0, MAX_SHARDS).map((raw: unknown, i: number) => shardOf(raw, i, site));
  return { name: typeof manifest.library === 'string' ? manifest.library : undefined, shards, skipped: manifest.shards.length - shards.length };
}
