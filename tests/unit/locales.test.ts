import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const localesDir = new URL('../../public/_locales/', import.meta.url);
const read = async (locale: string) =>
  JSON.parse(await readFile(new URL(`${locale}/messages.json`, localesDir), 'utf8')) as Record<string, { message: string; placeholders?: object }>;

describe('UI strings', () => {
  it('exist in Chinese and English with the same keys and placeholders', async () => {
    expect((await readdir(localesDir)).sort()).toEqual(['en', 'zh_CN']);
    const [zh, en] = await Promise.all([read('zh_CN'), read('en')]);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect(Object.keys(en[key].placeholders ?? {}), key).toEqual(Object.keys(zh[key].placeholders ?? {}));
      expect(en[key].message.trim(), key).not.toBe('');
    }
  });
});
