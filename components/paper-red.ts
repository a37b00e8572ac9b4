/**
 * The masthead red of the paper: the badge's colour, and `--accent` in the style sheets
 * (theme.css for the extension's pages, selection-bubble.css inside the bubble), which cannot
 * import it; tests/unit/paper-red.test.ts holds them to this value.
 */
export const PAPER_RED = '#b3121b';
