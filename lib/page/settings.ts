/** Key in extension local storage of the sites (host names) where the reader turned the bubble off. */
export const BUBBLE_OFF_SITES = 'bubbleOffSites';
