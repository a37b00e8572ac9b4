/**
 * What a story says, as one short key: the same text under another id or address (a story that
 * came from two sources, a re-published page) has the same fingerprint. Width, traditional forms,
 * spaces and punctuation do not count. FNV-1a over 64 bits, computed synchronously so a schema
 * upgrade can fill it in inside its own transaction.
 */
import { normalizeForAnalysis } from '../nlp/normalize';
import type { Story } from '../story';

export function fingerprint(story: Pick<Story, 'title' | 'paragraphs'>): string {
  const text = normalizeForAnalysis([story.title, ...story.paragraphs].join('')).replace(/[\s\p{P}\p{S}]/gu, '');
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
