import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchError, fetchSource } from '../../lib/library/sync/fetch-source';

const limits = { timeoutMs: 2000, maxBytes: 64 * 1024 };
let server: Server;
let base: string;
let requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, ifNoneMatch: request.headers['if-none-match'], ifModifiedSince: request.headers['if-modified-since'] });
    if (path === '/feed') {
      if (request.headers['if-none-match'] === '"v2"') return response.writeHead(304).end();
      return response
        .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v2"', 'last-modified': 'Thu, 23 May 2024 00:00:00 GMT' })
        .end('<rss>株洲</rss>');
    }
    if (path === '/gbk')
      return response
        .writeHead(200, { 'content-type': 'text/xml; charset=gb2312' })
        .end(Buffer.from([0x3c, 0x61, 0x3e, 0xd6, 0xea, 0xd6, 0xde, 0x3c, 0x2f, 0x61, 0x3e]));
    if (path === '/slow') return void setTimeout(() => response.writeHead(200).end('late'), 1500);
    if (path === '/slow-body') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first part…');
      return void setTimeout(() => response.end('…never in time'), 1500);
    }
    if (path === '/declared-huge') return response.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).end();
    if (path === '/streamed-huge') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      for (let i = 0; i < 16; i++) response.write(chunk);
      return response.end();
    }
    if (path === '/moved-away') return response.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/feed` }).end();
    if (path === '/moved-home') return response.writeHead(301, { location: '/feed' }).end();
    if (path === '/moved-to-file') return response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/json') return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ title: '<meta charset=gbk> 株洲日报' }));
    if (path === '/gbk-json')
      return response.writeHead(200, { 'content-type': 'application/json; charset=gbk' }).end(Buffer.from([0x22, 0xd6, 0xea, 0xd6, 0xde, 0x22]));
    response.writeHead(500).end('boom');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: FetchError) => ({ kind: error.kind, message: error.message }),
  );

describe('fetching a source', () => {
  it('returns the text and its validators, then asks conditionally and gets "not modified"', async () => {
    requests = [];
    const first = await fetchSource(`${base}/feed`, {}, limits);
    expect(first).toEqual({
      status: 'ok',
      text: '<rss>株洲</rss>',
      contentType: 'application/rss+xml; charset=utf-8',
      validators: { etag: '"v2"', lastModified: 'Thu, 23 May 2024 00:00:00 GMT' },
    });
    const second = await fetchSource(`${base}/feed`, first.status === 'ok' ? first.validators : {}, limits);
    expect(second).toEqual({ status: 'not-modified' });
    expect(requests[1]).toMatchObject({ ifNoneMatch: '"v2"', ifModifiedSince: 'Thu, 23 May 2024 00:00:00 GMT' });
  });

  it('decodes by the declared charset', async () => {
    expect(await fetchSource(`${base}/gbk`, {}, limits)).toMatchObject({ text: '<a>株洲</a>' });
  });

  it('reads JSON as UTF-8 though its text holds a <meta charset>, or by the charset of its header', async () => {
    expect(await fetchSource(`${base}/json`, {}, limits)).toMatchObject({ text: JSON.stringify({ title: '<meta charset=gbk> 株洲日报' }) });
    expect(await fetchSource(`${base}/gbk-json`, {}, limits)).toMatchObject({ text: '"株洲"' });
  });

  it('follows a redirect on the same site and refuses one to another site or off the web', async () => {
    expect(await fetchSource(`${base}/moved-home`, {}, limits)).toMatchObject({ status: 'ok', text: '<rss>株洲</rss>' });
    expect(await failure(fetchSource(`${base}/moved-away`, {}, limits))).toMatchObject({ kind: 'redirect', message: expect.stringContaining('another site') });
    expect(await failure(fetchSource(`${base}/moved-to-file`, {}, limits))).toMatchObject({ kind: 'network', message: expect.stringMatching(/scheme/i) });
  });

  it('gives up on a slow answer and on a slow body', async () => {
    const short = { ...limits, timeoutMs: 300 };
    expect(await failure(fetchSource(`${base}/slow`, {}, short))).toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('no complete answer within'),
    });
    expect(await failure(fetchSource(`${base}/slow-body`, {}, short))).toMatchObject({ kind: 'timeout' });
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    expect(await failure(fetchSource(`${base}/declared-huge`, {}, limits))).toMatchObject({
      kind: 'too-large',
      message: expect.stringContaining('10485760 bytes'),
    });
    expect(await failure(fetchSource(`${base}/streamed-huge`, {}, limits))).toMatchObject({ kind: 'too-large' });
  });

  it('names the server’s error and an unreachable host', async () => {
    expect(await failure(fetchSource(`${base}/missing`, {}, limits))).toMatchObject({ kind: 'http', message: expect.stringContaining('500') });
    expect(await failure(fetchSource('http://127.0.0.1:1/feed', {}, limits))).toMatchObject({ kind: 'network' });
  });
});
