/**
 * How often a page makes the worker analyse: the content script sends an article once per
 * settled address and text, cut to the limit; the background runs a tab's articles one at a
 * time, a gap apart, the newest replacing any still waiting.
 */
import { describe, expect, it } from 'vitest';
import { articleSender, textHash, withinLimit } from '../../lib/page/article-sender';
import { pageQueue, type PageQueueClock } from '../../lib/page/page-queue';
import { MAX_PAGE_TEXT, type PageArticle } from '../../lib/messages';

/** Timers run by hand: `tick` fires what is due. */
function manualTimers() {
  let now = 0;
  const due: Array<{ at: number; step: () => void; live: boolean }> = [];
  return {
    later(step: () => void, ms: number) {
      const timer = { at: now + ms, step, live: true };
      due.push(timer);
      return () => void (timer.live = false);
    },
    tick(ms: number) {
      now += ms;
      for (const timer of due.splice(0)) {
        if (timer.live && timer.at <= now) timer.step();
        else if (timer.live) due.push(timer);
      }
    },
  };
}

describe('the article sender', () => {
  const page = { url: 'https://news.example.com/a', title: '标题', text: '正文。' };

  it('sends once for sixty address changes, and again only when the address or text changed', () => {
    const timers = manualTimers();
    let current: PageArticle = page;
    const sent: PageArticle[] = [];
    const sender = articleSender({ read: () => current, send: (a) => sent.push(a), later: timers.later });
    sender.now();
    expect(sent).toHaveLength(1);
    for (let i = 0; i < 60; i++) {
      current = { ...page, url: `${page.url}?step=${i}` };
      sender.changed();
      timers.tick(100);
    }
    timers.tick(1000);
    expect(sent.map((a) => a.url)).toEqual([page.url, `${page.url}?step=59`]);
    // The same address and text again (a fake change event): nothing sent.
    sender.changed();
    timers.tick(1000);
    expect(sent).toHaveLength(2);
    current = { ...current, text: '另一篇文章的正文。' };
    sender.changed();
    timers.tick(1000);
    expect(sent).toHaveLength(3);
  });

  it('sends nothing for a page without an article', () => {
    const sent: PageArticle[] = [];
    articleSender({ read: () => undefined, send: (a) => sent.push(a), later: manualTimers().later }).now();
    expect(sent).toEqual([]);
  });

  it('cuts a long article to the limit at a line break instead of dropping it', () => {
    const paragraph = `${'株洲'.repeat(499)}。\n`;
    const long = { ...page, text: paragraph.repeat(280) };
    const cut = withinLimit(long);
    expect(cut.text.length).toBeLessThanOrEqual(MAX_PAGE_TEXT);
    expect(cut.text.length).toBeGreaterThan(MAX_PAGE_TEXT - paragraph.length);
    expect(long.text.startsWith(cut.text)).toBe(true);
    expect(cut.text.endsWith('。')).toBe(true);
    // One line longer than the limit is cut at the limit.
    expect(withinLimit({ ...page, text: '株'.repeat(MAX_PAGE_TEXT * 2) }).text).toHaveLength(MAX_PAGE_TEXT);
    expect(withinLimit(page)).toBe(page);
  });

  it('hashes texts apart', () => {
    expect(textHash('株洲日报')).not.toBe(textHash('株洲日報'));
    expect(textHash('株洲日报')).toBe(textHash('株洲日报'));
  });
});

describe('the page queue', () => {
  /** A clock that moves only when the queue sleeps. */
  const fakeClock = (): PageQueueClock & { slept: number[] } => {
    let now = 0;
    const slept: number[] = [];
    return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
  };

  it('runs a tab’s articles one at a time, a gap apart, the newest replacing those still waiting', async () => {
    const clock = fakeClock();
    const queue = pageQueue(1000, clock);
    const ran: number[] = [];
    let running = 0;
    let overlapped = false;
    const job = (n: number) => async () => {
      overlapped ||= running > 0;
      running++;
      ran.push(n);
      await Promise.resolve();
      running--;
      return { value: n, finished: Promise.resolve() };
    };
    expect(await queue.submit(7, job(0))).toBe(0);
    const answers = await Promise.all(Array.from({ length: 59 }, (_, n) => queue.submit(7, job(n + 1))));
    expect(ran).toEqual([0, 59]);
    expect(answers.at(-1)).toBe(59);
    expect(answers.slice(0, -1).every((a) => a === undefined)).toBe(true);
    expect(overlapped).toBe(false);
    expect(clock.slept).toEqual([1000]);
  });

  it('tells whether a tab has an article waiting for its answer', async () => {
    const queue = pageQueue(0, fakeClock());
    let refine!: () => void;
    const refined = new Promise<void>((resolve) => (refine = resolve));
    expect(queue.answering(4)).toBe(false);
    const first = queue.submit(4, async () => ({ value: 1, finished: refined }));
    expect([queue.answering(4), queue.answering(5)]).toEqual([true, false]);
    expect(await first).toBe(1);
    // Answered: its refinement does not count.
    expect(queue.answering(4)).toBe(false);
    // The next article waits in line for that refinement, unanswered.
    const second = queue.submit(4, async () => ({ value: 2 }));
    expect(queue.answering(4)).toBe(true);
    refine();
    expect(await second).toBe(2);
    expect(queue.answering(4)).toBe(false);
    await expect(queue.submit(6, async () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(queue.answering(6)).toBe(false);
  });

  it('keeps tabs apart, waits for a job’s refinement, and carries on after a failure', async () => {
    const queue = pageQueue(0, fakeClock());
    const order: string[] = [];
    let refine!: () => void;
    const refined = new Promise<void>((resolve) => (refine = resolve));
    const first = queue.submit(1, async () => (order.push('1a'), { value: 'a', finished: refined.then(() => void order.push('1a refined')) }));
    const other = queue.submit(2, async () => (order.push('2'), { value: 'b' }));
    expect(await first).toBe('a');
    expect(await other).toBe('b');
    const second = queue.submit(1, async () => (order.push('1b'), { value: 'c' }));
    await Promise.resolve();
    expect(order).toEqual(['1a', '2']);
    refine();
    expect(await second).toBe('c');
    expect(order).toEqual(['1a', '2', '1a refined', '1b']);
    await expect(queue.submit(3, async () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(await queue.submit(3, async () => ({ value: 'after' }))).toBe('after');
  });
});
