/** The badge holds at most three characters: counts above 99 read 99+. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/**
 * The performance mark the background leaves in the worker each time it sets a tab's badge (its
 * text the mark's detail), one name per tab, cleared when the tab closes: `npm run bench` reads
 * when a badge showed its count from it, not by asking the worker, whose answer waits for
 * whatever it is busy with.
 */
export const badgeMark = (tabId: number) => `zhuzhou-lens:badge:${tabId}`;
