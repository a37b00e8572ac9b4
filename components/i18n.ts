import { browser } from 'wxt/browser';
import type { MessageKey } from '../lib/message-key';

export type { MessageKey };

/**
 * The UI language's Intl formats, each made once and only when first needed: every card's strings
 * pass through t(), and the first Intl format a new renderer makes loads ICU's locale data (tens
 * of ms), which the popup's first paint should not wait for when it writes no large number.
 */
let numbers: Intl.NumberFormat | undefined;
let plurals: Intl.PluralRules | undefined;
let dates: Intl.DateTimeFormat | undefined;

/** Numbers as the UI's language writes them (50,000); both UI languages write an integer below 1,000 as its digits. */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  numbers ??= new Intl.NumberFormat(browser.i18n.getMessage('htmlLang') || undefined);
  return numbers.format(n);
}

/** A UI string in the browser's language (zh_CN by default, en); `subs` fill $1, $2, … */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return browser.i18n.getMessage(
    key,
    subs.map((sub) => (typeof sub === 'number' ? formatNumber(sub) : sub)),
  );
}

/** Keys with a singular form of their own: `key_one`, used where the UI language says "one". */
type Counted = Extract<{ [K in MessageKey]: K extends `${infer Base}_one` ? Base : never }[MessageKey], MessageKey>;

/**
 * A UI string about `count` things: "1 story", "2 stories" (browser.i18n has no plurals; each
 * such key has a `_one` form, and Intl.PluralRules says which the UI language uses).
 */
export function tn(key: Counted, count: number, ...subs: Array<string | number>): string {
  plurals ??= new Intl.PluralRules(t('htmlLang'));
  const one = plurals.select(count) === 'one';
  return t(one ? (`${key}_one` as MessageKey) : key, count, ...subs);
}

/** The language of a text shown inside the UI: Chinese story text is read with a Chinese voice and font in the English UI too. */
export function langOf(text: string): string | undefined {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : undefined;
}

/** Gives a page the language and title its strings are in, for screen readers and CJK fonts. */
export function localizeDocument(titleKey: MessageKey, ...subs: Array<string | number>): void {
  document.documentElement.lang = t('htmlLang');
  document.title = t(titleKey, ...subs);
}

/** 2024-05-22 → 2024年5月22日 or 22 May 2024, in the UI's language. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  dates ??= new Intl.DateTimeFormat(t('htmlLang'), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return dates.format(new Date(Date.UTC(y, m - 1, d)));
}
