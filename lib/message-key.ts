/**
 * A key of the UI's strings (public/_locales): what lib/ names for the UI to show (a kind of
 * source, its fields), checked by the compiler against the strings that exist.
 */
import type zhCN from '../public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof zhCN;
