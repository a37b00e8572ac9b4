/**
 * The manifest's keyboard commands of our own, named once for wxt.config.ts and the background.
 * No imports: the config is loaded by Node before any bundler, and imports only leaf modules.
 */

/** Sends BG_SHOW_SELECTION to the command's tab: the context menu's item, from the keyboard. */
export const SHOW_SELECTION_COMMAND = 'show-selection';
