import { t } from './i18n';

/** Where a story was printed: 「第2版」, or 「第2版 经济」 when its edition names the page. */
export const printedPage = (story: { page: number; pageName?: string }) => `${t('pageNumber', story.page)}${story.pageName ? ` ${story.pageName}` : ''}`;
