/** One printed page of a newspaper in the seed's text format: the reader says which page of which paper of which day. */
import { PrintPageError, parsePrintPage } from '../../print-page';
import type { SourceKindModule } from '../source-kind';

export const printPageKind: SourceKindModule<'print-page'> = {
  kind: 'print-page',
  label: 'sourceKindPage',
  settings: {
    fields: [
      { name: 'publication', label: 'sourcePublicationLabel', type: 'text' },
      { name: 'date', label: 'sourceDateLabel', type: 'date' },
      { name: 'page', label: 'sourcePageLabel', type: 'number', min: 1, initial: '1' },
    ],
    fromForm: (values) => ({ printPage: { publication: values.publication, date: values.date, page: Number(values.page) } }),
    check({ printPage }) {
      if (!printPage?.publication.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(printPage.date) || !(printPage.page >= 1)) {
        return { problem: 'a newspaper page needs its publication, its date (YYYY-MM-DD) and its page number' };
      }
      return { printPage, name: printPage.publication.trim() };
    },
  },
  formatErrors: [PrintPageError],
  async sync(source, run) {
    if (!source.printPage) throw new Error('a printed-page source needs its publication, date and page');
    const info = { ...source.printPage, origin: source.id, url: source.url };
    await run.take({ url: source.url, read: (text) => parsePrintPage(text, info) });
  },
};
