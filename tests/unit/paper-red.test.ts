/** The paper's red is written once for the scripts (PAPER_RED) and once per style sheet, which cannot import it. */
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
});
