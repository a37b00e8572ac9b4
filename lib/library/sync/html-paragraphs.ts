/**
 * A feed item's HTML as paragraphs of plain text, without a DOM (the service worker has none):
 * htmlparser2 tokenises and decodes entities; block elements end a paragraph; scripts, styles
 * and embedded media say nothing. The HTML is never rendered, only read for its text.
 */
import { Parser } from 'htmlparser2';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'table', 'tr', 'figure', 'figcaption', 'pre', 'hr']);
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg']);

export function htmlParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let silent = 0;
  const end = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SILENT.has(name)) silent++;
        else if (BLOCK.has(name)) end();
      },
      onclosetag(name) {
        if (SILENT.has(name)) silent = Math.max(0, silent - 1);
        else if (BLOCK.has(name)) end();
      },
      ontext(text) {
        if (!silent) current += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  end();
  return paragraphs;
}
