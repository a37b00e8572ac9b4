/**
 * A division's government is one body (株洲市人民政府, 醴陵市政府, 攸县人民政府), as CLUENER marks
 * it and as a reader of local news names it: the model stops at the place, jieba cuts 株洲市/ns
 * 人民政府/nt. A country's government stays the country (印度政府 → 印度), as People's Daily marks
 * it and the product has always listed it.
 */
import { divisionNames } from './divisions';
import type { Span } from './model';

/** A government and its general office written after a division's name: 人民政府, 政府办公室. */
const GOVERNMENT = /^(?:人民政府|政府)(?:办公室|办公厅)?/;
/** A division's unit written after its short name: 株洲 市政府. */
const UNIT = /^[省市县区]/;

/** The spans with each division's place and the government after it made one organisation. */
export function divisionGovernments(text: string, spans: Span[], countryCodes: ReadonlyMap<string, string>): Span[] {
  let out = spans;
  spans.forEach((span, i) => {
    if (span.type !== 'place') return;
    const name = text.slice(span.start, span.end);
    if (!divisionNames().has(name) || countryCodes.has(name)) return;
    const unit = UNIT.exec(text.slice(span.end, span.end + 1))?.[0] ?? '';
    if (unit && !divisionNames().has(name + unit)) return;
    const government = GOVERNMENT.exec(text.slice(span.end + unit.length));
    if (!government) return;
    const end = span.end + unit.length + government[0].length;
    const next = spans[i + 1];
    if (next && next.start < end) return;
    if (out === spans) out = [...spans];
    out[i] = { type: 'org', start: span.start, end };
  });
  return out;
}
