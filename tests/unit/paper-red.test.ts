/** The paper's red is written once for the scripts (PAPER_RED) and once per style sheet, which cannot import it; its dark-mode counterpart once per sheet. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PAPER_RED } from '../../components/paper-red';

const sheet = (name: string) => readFile(new URL(`../../components/${name}`, import.meta.url), 'utf8');

describe("the paper's red", () => {
  it.each(['theme.css', 'selection-bubble.css'])('is --accent in %s, written there once and read through the property', async (name) => {
    const css = await sheet(name);
    expect(css).toContain(`--accent: ${PAPER_RED};`);
    expect(css.toLowerCase().split(PAPER_RED)).toHaveLength(2);
  });

  it('is lightened to the same red for dark mode in both sheets, so the bubble matches the pages', async () => {
    const accents = async (name: string) => [...(await sheet(name)).matchAll(/--accent: (#[0-9a-f]{6});/gi)].map((m) => m[1].toLowerCase());
    const pages = await accents('theme.css');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toBe(PAPER_RED);
    expect(await accents('selection-bubble.css')).toEqual(pages);
  });
});
