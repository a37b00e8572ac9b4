/**
 * One GET of a sync source, bounded: a timeout over the whole exchange, a size limit checked
 * against Content-Length and again while the body streams in, and a conditional request
 * (ETag / Last-Modified) so an unchanged source costs one round trip and no body. An answer
 * from another origin than the one asked (a redirect) is refused: the reader granted this one.
 */
import { decodeMarkup, decodeText } from '../../extract/decode';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export type Fetched = { status: 'not-modified' } | { status: 'ok'; text: string; contentType?: string; validators: Validators };

/** `robots`: the site's robots.txt keeps us from the source's own address. */
export type FetchFailure = 'timeout' | 'too-large' | 'http' | 'redirect' | 'network' | 'robots';

export class FetchError extends Error {
  constructor(
    readonly kind: FetchFailure,
    message: string,
    /** The HTTP status, for an 'http' failure. */
    readonly status?: number,
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
    // 'manual' would hide where a redirect goes from a service worker (an opaque answer), so
    // redirects are followed and where the answer came from is checked before anything is read.
    const response = await fetchImpl(url, { headers, signal: abort.signal, redirect: 'follow', cache: 'no-store' });
    const from = answeredFrom(response);
    if (from !== undefined && from !== new URL(url).origin) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchError(
        'redirect',
        `${url}: the server sends it on to ${from}, another site than the one added; add that address as a source if it is the right one`,
      );
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) throw new FetchError('http', `${url}: the server answered ${response.status}`, response.status);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) throw new FetchError('too-large', `${url}: ${declared} bytes, more than the ${limits.maxBytes} allowed`);
    const bytes = await readBounded(response, limits.maxBytes, url);
    const contentType = response.headers.get('content-type') ?? undefined;
    return {
      status: 'ok',
      text: isMarkup(bytes) ? decodeMarkup(bytes, contentType) : decodeText(bytes, contentType),
      contentType,
      validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
    };
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (abort.signal.aborted) throw new FetchError('timeout', `${url}: no complete answer within ${Math.round(limits.timeoutMs / 1000)} s`);
    // Node says only "fetch failed" and puts the reason (refused, a redirect to file:) in `cause`.
    const cause = (error as Error).cause;
    throw new FetchError('network', `${url}: ${(error as Error).message}${cause instanceof Error ? ` (${cause.message})` : ''}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The origin the answer came from; undefined when the fetch does not say (a test double). */
const answeredFrom = (response: Response): string | undefined => (response.url ? new URL(response.url).origin : undefined);

/**
 * HTML or XML, whose charset a <meta> or <?xml encoding?> may declare; anything else (JSON, JSON
 * Lines, plain text) is read by the header and UTF-8, whatever characters its text holds.
 */
function isMarkup(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c; // <
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
