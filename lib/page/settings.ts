/** Key in extension local storage of the sites (host names) where the reader turned the bubble off. */
export const BUBBLE_OFF_SITES = 'bubbleOffSites';

/** The sites as stored under BUBBLE_OFF_SITES: nothing stored, or anything but a list of names, is none. */
export function bubbleOffSites(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter((site): site is string => typeof site === 'string') : [];
}
