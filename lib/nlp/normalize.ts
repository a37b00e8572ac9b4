/**
 * Text as the analysis sees it: full-width letters, digits and punctuation folded to their
 * ordinary forms (NFKC), traditional characters converted to simplified with OpenCC's maintained
 * tables (Hong Kong and Taiwan variants included), and layout whitespace collapsed.
 * Stored stories keep their printed form; only analysis uses this.
 */
import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | undefined;

export function normalizeForAnalysis(text: string): string {
  // Built on first use: the tables are large and a listing-only wake never needs them.
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text.normalize('NFKC'))
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' ? '\n' : ' '))
    .replace(/[ \t\u00A0\u3000]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
