/** One printed page of a newspaper in the seed's text format: the reader says which page of which paper of which day. */
import { PrintPageError, parsePrintPage } from '../../print-page';
import type { SourceKindModule } from '../source-kind';

export const printPageKind: SourceKindModule<'print-page'> = {
  kind: 'print-page',
  formatErrors: [PrintPageError],
  async sync(source, run) {
    if (!source.printPage) throw new Error('a printed-page source needs its publication, date and page');
    const info = { ...source.printPage, origin: source.id, url: source.url };
    await run.take({ url: source.url, read: (text) => parsePrintPage(text, info) });
  },
};
