import { browser } from 'wxt/browser';

/** Reads a data file of the extension package (public/), from the service worker or a page. */
export async function readPackageFile(path: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}
