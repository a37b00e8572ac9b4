/**
 * How the options page offers each kind of source: its name, and what it asks beyond the address
 * (checked here before a source is made). Apart from the kinds' sync code (source-kinds.ts), so
 * the options page loads no feed, page or edition reader.
 */
import type { MessageKey } from '../../message-key';
import { ownValue } from '../../nlp/own-keys';
import { isEditionPage } from './edition-layout';
import type { EditionDays, SourceKind } from './source';
import type { SourceSettings } from './source-kind';

export interface SourceForm<K extends SourceKind = SourceKind> {
  kind: K;
  /** Its name in the options page's list of kinds. */
  label: MessageKey;
  settings?: SourceSettings;
}

const DAYS: readonly EditionDays[] = ['address', 'today', 'week'];

/** Every kind of source, in the order the options page offers them (the first is its default). */
export const SOURCE_FORMS: { readonly [K in SourceKind]: SourceForm<K> } = {
  feed: { kind: 'feed', label: 'sourceKindFeed' },
  library: { kind: 'library', label: 'sourceKindLibrary' },
  'print-page': {
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
  },
  edition: {
    kind: 'edition',
    label: 'sourceKindEdition',
    settings: {
      fields: [
        {
          name: 'editionDays',
          label: 'sourceEditionDaysLabel',
          type: 'select',
          options: DAYS.map((value) => ({ value, label: `sourceEditionDays_${value}` as const })),
          initial: 'address',
        },
      ],
      fromForm: (values) => ({ editionDays: DAYS.find((days) => days === values.editionDays) }),
      check({ url, editionDays }) {
        if (!isEditionPage(url.trim())) {
          return {
            problem:
              'not an address of a page of a digital edition: one like …/html/2024-06/01/node_1.htm, …/pc/layout/202406/01/node_01.html or …/nbs.D110000xxx_01.htm',
          };
        }
        return { editionDays: DAYS.find((days) => days === editionDays) ?? 'address' };
      },
    },
  },
  section: { kind: 'section', label: 'sourceKindSection' },
};

/** The form of a kind named in a message or in storage: undefined for one no kind has (`__proto__` included). */
export const sourceForm = (kind: string): SourceForm | undefined => ownValue<SourceForm>(SOURCE_FORMS, kind);
