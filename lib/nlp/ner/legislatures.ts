/**
 * A country's legislature or cabinet named alone (国会, 内阁, 议会): People's Daily marks each as a
 * body wherever it stands (国会 4 times of 4 alone in its dev split, 内阁 2 of 2), and the model,
 * which reads bodies by their heads, gives such a word no reading where no country stands before it.
 */
import type { Span } from './model';
import type { Words } from './word-index';

const LEGISLATURES = new Set(['国会', '内阁', '议会', '参议院', '众议院', '参院', '众院', '上院', '下院', '议会上院', '议会下院']);
/** Its meeting, which jieba writes as one word with it (内阁会议/n): the legislature is marked in it. */
const MEETING = '会议';

/** The spans with each legislature jieba writes as one word outside them an organisation, with the country or leader before it. */
export function legislatures(words: Words, spans: Span[]): Span[] {
  let out = spans;
  let at = 0;
  let next = 0;
  for (const token of words.tokens) {
    const start = at;
    at += token.word.length;
    const meeting = token.word.endsWith(MEETING) && LEGISLATURES.has(token.word.slice(0, -MEETING.length));
    if (!meeting && !LEGISLATURES.has(token.word)) continue;
    while (next < out.length && out[next].end <= start) next++;
    if (next < out.length && out[next].start < at) continue;
    if (out === spans) out = spans.slice();
    // Whose it is, right before it, is part of its name (斯里兰卡议会, 桥本内阁).
    const before = out[next - 1];
    const end = meeting ? at - MEETING.length : at;
    if (before?.end === start && before.type !== 'org') out[next - 1] = { type: 'org', start: before.start, end };
    else out.splice(next, 0, { type: 'org', start, end });
  }
  return out;
}
