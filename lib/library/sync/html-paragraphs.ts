/**
 * A feed item's HTML as paragraphs of plain text, without a DOM (the service worker has none):
 * htmlparser2's tokenizer reads tags and decodes entities; block elements end a paragraph;
 * scripts, styles and embedded media say nothing. The HTML is never rendered, only read for its
 * text. The tokenizer, not the Parser: the Parser keeps open elements on a stack it shifts at
 * every tag, so 100,000 unclosed tags cost it minutes; text needs no tree, and this reads in one pass.
 */
import { Tokenizer } from 'htmlparser2';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'table',
  'tr',
  'figure',
  'figcaption',
  'pre',
  'hr',
]);
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg']);

export function htmlParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let silent = 0;
  let opened = '';
  const end = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const open = (name: string) => {
    if (SILENT.has(name)) silent++;
    else if (BLOCK.has(name)) end();
  };
  const close = (name: string) => {
    if (SILENT.has(name)) silent = Math.max(0, silent - 1);
    else if (BLOCK.has(name)) end();
  };
  const nameAt = (start: number, endIndex: number) => html.slice(start, endIndex).toLowerCase();
  const ignore = () => undefined;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, endIndex) {
        opened = nameAt(start, endIndex);
        open(opened);
      },
      onclosetag(start, endIndex) {
        close(nameAt(start, endIndex));
      },
      // <svg/> and <iframe/> hold nothing: what follows them is heard.
      onselfclosingtag() {
        close(opened);
      },
      ontext(start, endIndex) {
        if (!silent) current += html.slice(start, endIndex);
      },
      ontextentity(codepoint) {
        if (!silent) current += String.fromCodePoint(codepoint);
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onprocessinginstruction: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  end();
  return paragraphs;
}
