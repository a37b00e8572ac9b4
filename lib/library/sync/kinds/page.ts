/** One newspaper page in the seed's text format: the reader says which page of which paper of which day. */
import { PageParseError, parsePageText } from '../../page-text';
import type { SourceKindModule } from '../source-kind';

export const newspaperPage: SourceKindModule<'page'> = {
  kind: 'page',
  label: 'sourceKindPage',
  settings: {
    fields: [
      { name: 'publication', label: 'sourcePublicationLabel', type: 'text' },
      { name: 'date', label: 'sourceDateLabel', type: 'date' },
      { name: 'page', label: 'sourcePageLabel', type: 'number', min: 1, initial: '1' },
    ],
    fromForm: (values) => ({ page: { publication: values.publication, date: values.date, page: Number(values.page) } }),
    check({ page }) {
      if (!page?.publication.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(page.date) || !(page.page >= 1)) {
        return { problem: 'a newspaper page needs its publication, its date (YYYY-MM-DD) and its page number' };
      }
      return { page, name: page.publication.trim() };
    },
  },
  formatErrors: [PageParseError],
  async sync(source, run) {
    if (!source.page) throw new Error('a page source needs its publication, date and page');
    const info = { ...source.page, origin: source.id, url: source.url };
    await run.take({ url: source.url, read: (text) => parsePageText(text, info) });
  },
};
