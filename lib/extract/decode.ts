/**
 * Bytes of an HTML page or an XML feed → text, choosing the charset the way a browser would in
 * the common cases: a byte order mark, then the HTTP header, then a <meta> or <?xml encoding?>
 * declaration near the top, then a guess. Chinese pages and feeds are still often GB2312/GBK and
 * sometimes declare nothing.
 */

// A superset of GB2312 and GBK: bytes valid in either decode the same, and the rare extension
// characters that pages labelled gb2312 use anyway still come out right.
const GB_LABELS = new Set(['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'csgb2312', 'chinese', 'iso-ir-58', 'gb18030']);

const META_SCAN_BYTES = 2048;
const CHARSET_IN_HEADER = /charset\s*=\s*["']?\s*([\w.:-]+)/i;
// <meta charset="…">, <meta http-equiv="Content-Type" content="text/html; charset=…">, <?xml … encoding="…"?>
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml\b[^>]*?encoding\s*=\s*["']\s*([\w.:-]+)/i;

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  try {
    return new TextDecoder(GB_LABELS.has(name) ? 'gb18030' : name);
  } catch {
    return undefined; // a label TextDecoder does not know: treat it as undeclared
  }
}

function declaredInPage(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one character, so the ASCII markup reads the same whatever the charset.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_SCAN_BYTES));
  const found = META_CHARSET.exec(head);
  return found?.[1] ?? found?.[2];
}

// A byte order mark settles the encoding before anything a server or page declares.
function byBom(bytes: Uint8Array): TextDecoder | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le');
  return undefined;
}

/** The text of a page's or feed's bytes; `contentType` is the HTTP header, when there was one. */
export function decodeMarkup(bytes: Uint8Array, contentType?: string): string {
  return decodeDeclared(bytes, contentType, declaredInPage(bytes));
}

/**
 * The text of bytes that are not markup (JSON, JSON Lines, plain text): only a byte order mark or
 * the HTTP header declares their charset — a "<meta charset>" inside them is text, not a
 * declaration — and undeclared they are UTF-8, or GB18030 when they are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array, contentType?: string): string {
  return decodeDeclared(bytes, contentType, undefined);
}

function decodeDeclared(bytes: Uint8Array, contentType: string | undefined, inPage: string | undefined): string {
  const declared = byBom(bytes) ?? decoderFor(contentType && CHARSET_IN_HEADER.exec(contentType)?.[1]) ?? decoderFor(inPage);
  if (declared) return declared.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
