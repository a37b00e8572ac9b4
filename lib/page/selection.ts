/** A selection worth looking up: at least six Chinese characters, or three words of other scripts. */
const MIN_HAN = 6;
const MIN_WORDS = 3;
/** Longer selections are cut here: the bubble answers about what was chosen, not a whole page. */
export const MAX_SELECTION = 5_000;

export function isWorthLookingUp(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= MIN_HAN) return true;
  return han === 0 && (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_WORDS;
}

/** Text being typed is the reader's own: no bubble in inputs, text areas or editable regions. */
export function isEditable(node: Node | null): boolean {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!element?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
}

/** The host name the reader turns the bubble off for, as the options page stores it. */
export function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
