/**
 * One GET of a sync source, bounded: a timeout over the whole exchange, a size limit checked
 * against Content-Length and again while the body streams in, and a conditional request
 * (ETag / Last-Modified) so an unchanged source costs one round trip and no body.
 */
import { decodeMarkup } from '../../extract/decode';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export type Fetched = { status: 'not-modified' } | { status: 'ok'; text: string; contentType?: string; validators: Validators };

export type FetchFailure = 'timeout' | 'too-large' | 'http' | 'network';

export class FetchError extends Error {
  constructor(
    readonly kind: FetchFailure,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export async function fetchSource(url: string, known: Validators, limits: FetchLimits, fetchImpl: typeof fetch = fetch): Promise<Fetched> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
  const headers: Record<string, string> = {};
  if (known.etag) headers['If-None-Match'] = known.etag;
  if (known.lastModified) headers['If-Modified-Since'] = known.lastModified;
  try {
    const response = await fetchImpl(url, { headers, signal: abort.signal, redirect: 'follow', cache: 'no-store' });
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) throw new FetchError('http', `${url}: the server answered ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) throw new FetchError('too-large', `${url}: ${declared} bytes, more than the ${limits.maxBytes} allowed`);
    const bytes = await readBounded(response, limits.maxBytes, url);
    const contentType = response.headers.get('content-type') ?? undefined;
    return {
      status: 'ok',
      text: decodeMarkup(bytes, contentType),
      contentType,
      validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
    };
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (abort.signal.aborted) throw new FetchError('timeout', `${url}: no complete answer within ${Math.round(limits.timeoutMs / 1000)} s`);
    throw new FetchError('network', `${url}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The body, read chunk by chunk and given up on as soon as it passes `maxBytes`. */
async function readBounded(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FetchError('too-large', `${url}: more than the ${maxBytes} bytes allowed`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
