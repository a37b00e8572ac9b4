import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../lib/messages';
import { isPageAnswerKey, pageAnswers } from '../../lib/service/page-answers';
import { mapStore } from './helpers';

/** A full answer listing stories by id alone. */
const answer = (...ids: string[]): Coverage => ({
  entities: { person: [], place: [], org: [] },
  keywords: [],
  related: ids.map((id) => ({ id }) as Coverage['related'][number]),
  partial: false,
});

describe('pages’ answers kept across wakes', () => {
  it('finds an answer by the very text only, and a later wake finds it too', async () => {
    const store = new Map<string, unknown>();
    const answers = pageAnswers(mapStore(store, true));
    await answers.put('株洲日报', answer('a'), 'https://a.example/1#top', answers.version());
    expect(await answers.get('株洲日报')).toEqual(answer('a'));
    // Its address is known (a reload), a jump within the page aside; another is not.
    expect([await answers.knows('https://a.example/1'), await answers.knows('https://a.example/2')]).toEqual([true, false]);
    expect(await answers.get('株洲日报 ')).toBeUndefined();
    expect(await answers.get('株洲晚报')).toBeUndefined();
    expect(await pageAnswers(mapStore(store, true)).get('株洲日报')).toEqual(answer('a'));
  });

  it('keeps no first guess, and no answer ranked before the library changed', async () => {
    const store = new Map<string, unknown>();
    const answers = pageAnswers(mapStore(store));
    await answers.put('甲', { ...answer('a'), partial: true }, 'https://a.example/', answers.version());
    const before = answers.version();
    await answers.clear();
    await answers.put('乙', answer('b'), 'https://b.example/', before);
    expect([await answers.get('甲'), await answers.get('乙'), await answers.knows('https://b.example/'), store.size]).toEqual([undefined, undefined, false, 0]);
  });

  it('keeps the latest few, and a change to the library empties it', async () => {
    const store = new Map<string, unknown>();
    const answers = pageAnswers(mapStore(store), 2);
    const texts = ['一', '二', '三', '二'];
    await Promise.all(texts.map((text, i) => answers.put(text, answer(String(i)), `https://x.example/${i}`, answers.version())));
    expect([await answers.get('一'), await answers.get('二'), await answers.get('三')]).toEqual([undefined, answer('3'), answer('2')]);
    // An answer given again is known by its latest address.
    expect(await Promise.all([0, 1, 2, 3].map((i) => answers.knows(`https://x.example/${i}`)))).toEqual([false, false, true, true]);
    expect([...store.keys()].every(isPageAnswerKey)).toBe(true);
    expect(store.size).toBe(3);
    await answers.clear();
    expect(store.size).toBe(0);
  });
});
