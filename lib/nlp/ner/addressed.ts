/**
 * A person named by surname and form of address (陈小姐, 程先生, 王某, 胡老) or title (江主席, 汤局长):
 * the name is the surname, as People's Daily marks it, and the form is no part of it. A surname
 * alone is one character, so it is a mention (counted, resolved to the text's full name) but no chip.
 */
import { codeTable } from '../entities';
import { nameKnowledge } from '../knowledge';
import type { Span } from './model';
import type { Words } from './word-index';

/** Forms of address and titles written right after a bare surname. */
const FORMS = '先生|女士|小姐|老师|师傅|某|老|主席|副主席|总理|副总理|局长|副局长|市长|副市长|省长|县长|部长|外长|教授|书记|厂长|经理|大使|总统|大娘|大爷';
const ADDRESSED = new RegExp(`^(\\p{Script=Han}{1,2}?)(?:${FORMS})$`, 'u');
/** A form or title after a surname of one character that jieba reads as one word with it or as the word after (胡老/x, 江主席/n, 郑/nr 先生). */
const FORM = new RegExp(`^(?:${FORMS})$`);
/**
 * jieba's tags of a surname and its form read as one word: a name, a noun (江主席/n), unknown. With
 * 老 only unknown (胡老/x): jieba's known words of the form are ordinary (古老, 元老, 养老, tagged nr in context).
 */
const JOINED_TAG = /^(?:nr|nrt|nrfg|x|n)$/;
const NAME_TAG = /^(?:nr|nrt|nrfg)$/;

/**
 * The spans with each person read as a surname and a form of address cut to the surname, and a
 * surname and form the model left out (胡老介绍说, 周先生的这番话) added where jieba reads the surname as
 * the start of a word and no span covers it.
 */
export function surnamesAddressed(text: string, words: Words, spans: Span[]): Span[] {
  const { surnames } = nameKnowledge();
  // Copied once a span changes.
  let out = spans;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span.type !== 'person' || span.end - span.start > 4) continue;
    const addressed = ADDRESSED.exec(text.slice(span.start, span.end));
    if (!addressed || !surnames.has(addressed[1])) continue;
    if (out === spans) out = spans.slice();
    out[i] = { type: 'person', start: span.start, end: span.start + addressed[1].length };
  }
  const added: Span[] = [];
  const { tokens } = words;
  const surnameCodes = codeTable(surnames);
  for (let t = 0, at = 0, s = 0; t < tokens.length; at += tokens[t].word.length, t++) {
    const { word, tag } = tokens[t];
    // By code: the first character as a string would be made for every word.
    if (surnameCodes[word.charCodeAt(0)] !== 1) continue;
    const form = word.length > 1 ? word.slice(1) : tokens[t + 1]?.word;
    const read = word.length > 1 ? (form === '老' ? tag === 'x' : JOINED_TAG.test(tag)) : NAME_TAG.test(tag);
    if (!form || !read || !FORM.test(form)) continue;
    while (s < out.length && out[s].end <= at) s++;
    if (s < out.length && out[s].start < at + word.length + (word.length > 1 ? 0 : form.length)) continue;
    added.push({ type: 'person', start: at, end: at + 1 });
  }
  if (!added.length) return out;
  return [...out, ...added].sort((a, b) => a.start - b.start);
}
