import { browser } from 'wxt/browser';
import type zhCN from '../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof zhCN;

/** A UI string in the browser's language (zh_CN by default, en); `subs` fill $1, $2, … */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return browser.i18n.getMessage(key, subs.map(String));
}

/** Gives a page the language and title its strings are in, for screen readers and CJK fonts. */
export function localizeDocument(titleKey: MessageKey, ...subs: Array<string | number>): void {
  document.documentElement.lang = t('htmlLang');
  document.title = t(titleKey, ...subs);
}

/** 2024-05-22 → 2024年5月22日 or 22 May 2024, in the UI's language. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(t('htmlLang'), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
