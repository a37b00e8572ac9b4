import { browser } from 'wxt/browser';

async function fetchPackageFile(path: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

/** Reads a data file of the extension package (public/), from the service worker or a page. */
export const readPackageFile = async (path: string): Promise<string> => (await fetchPackageFile(path)).text();
/** The same as bytes (the entity tagger's weights). */
export const readPackageBytes = async (path: string): Promise<ArrayBuffer> => (await fetchPackageFile(path)).arrayBuffer();
