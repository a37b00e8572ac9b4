import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * A value the background keeps in session storage, read straight from there (no need to wake the
 * service worker) and followed as it changes: undefined while reading, null when there is none.
 * `findKey` names it, and may take a moment (the popup's tab).
 */
export function useSessionValue<T>(findKey: () => string | undefined | Promise<string | undefined>): T | null | undefined {
  const [value, setValue] = useState<T | null | undefined>(undefined);
  useEffect(() => {
    let key: string | undefined;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key && key in changes) setValue((changes[key].newValue as T | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChanged);
    void Promise.resolve(findKey()).then(async (found) => {
      key = found;
      setValue(key === undefined ? null : (((await browser.storage.session.get(key))[key] as T | undefined) ?? null));
    });
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return value;
}
