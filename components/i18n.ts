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

/**
 * 2024-05-22 → 2024年5月22日 or May 22, 2024, in the UI's language, from its strings rather than an
 * Intl.DateTimeFormat: a new renderer's first one builds ICU's date patterns, 40–100 ms measured
 * in a popup opened after the worker stopped, and every card's date is on the popup's first paint.
 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  // Strings, not numbers: t() would write the year 2024 as "2,024".
  return t('dateLong', String(year), String(month), String(day), t('monthNames').split('|')[month - 1]);
}
