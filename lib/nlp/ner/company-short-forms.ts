/**
 * The short forms local news names China's big companies by (中能建, 中国电建, 国家电网, 三一): jieba
 * does not know most of them, or cuts them across its words (中/f 电建/n, 中铁/n 建/v) or glues them
 * to the word before (从三一/x), and the model, which learnt companies from their 公司 and 集团,
 * marks nothing, only 中国, or a person (从三一). The analyzer teaches jieba each as a word; each is a
 * company wherever it stands as words of its own (not 中建 of 集中建设).
 */
import { inPlaceOf, type Span } from './model';
import type { Words } from './word-index';

/**
 * Short forms of central state companies and of Hunan's two machinery makers (their own names, as
 * the companies and the press write them); a longer form before the shorter it starts with.
 */
export const COMPANY_SHORT_FORMS = [
  '中能建',
  '中国能建',
  '中电建',
  '中国电建',
  '中铁建',
  '中国铁建',
  '中交建',
  '中国交建',
  '中国中铁',
  '中国建筑',
  '中国中冶',
  '中广核',
  '中石化',
  '中石油',
  '中海油',
  '中国石化',
  '中国石油',
  '国家电网',
  '南方电网',
  '国家能源集团',
  '三一重工',
  '三一集团',
  '三一',
  '中联重科',
];
const FORMS = new RegExp(COMPANY_SHORT_FORMS.join('|'), 'g');
const LIST_COMMA = '、';
const LIST_END = '等';

/**
 * The spans with each big company's short form that stands as whole words an organisation, in
 * place of the places and people the model read inside it (中国 of 中国电建, 能建 of 中能建); left as
 * it is under an organisation or a span that runs past it.
 */
export function companyShortForms(text: string, words: Words, spans: Span[]): Span[] {
  let out = spans;
  for (const match of text.matchAll(FORMS)) {
    const start = match.index;
    const end = start + match[0].length;
    // The last of a list ends at 等 whatever jieba glued to it (三/m 一等/m of 、三一等).
    const listed = text[start - 1] === LIST_COMMA && text[end] === LIST_END && words.ends[end + 1] >= 0;
    if (words.starts[start] < 0 || (words.ends[end] < 0 && !listed)) continue;
    out = asBody(out, start, end);
  }
  return out;
}

/**
 * The spans with the stretch an organisation in place of the places and people the model read
 * inside it; as they were where an organisation or a span that runs past it overlaps it.
 */
export function asBody(spans: Span[], start: number, end: number): Span[] {
  const over = spans.filter((s) => s.start < end && start < s.end);
  if (!over.every((s) => s.type !== 'org' && s.start >= start && s.end <= end)) return spans;
  return inPlaceOf(spans, { type: 'org', start, end });
}
