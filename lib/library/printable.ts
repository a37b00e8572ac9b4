/**
 * Text from a file or a server made safe to show in a page or a terminal: control characters (a
 * binary file's bytes, ANSI escapes), bidirectional overrides and line separators written as \u
 * escapes, a lone surrogate as U+FFFD, and cut short. Parsers quote their input in their errors
 * (JSON.parse, the XML validator), so every message built from one goes through here.
 */
/** An error message's longest once its quotes are in: a parser's error may quote much of its input. */
export const MESSAGE_LENGTH = 300;

export function printable(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut
    .replace(/[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\p{Cs}/gu, '\uFFFD');
}
