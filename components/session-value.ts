import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

type Follower<T> = (set: (value: T | null) => void) => () => void;

/**
 * Starts reading a session value and following its changes now; the returned function hands the
 * value read (once it is) and every later change to `set`, until the cleanup it returns. A value
 * `shown` refuses is handed on as none.
 */
function followSessionValue<T>(findKey: () => string | undefined | Promise<string | undefined>, shown?: (value: T) => Promise<boolean>): Follower<T> {
  let key: string | undefined;
  let latest: T | null | undefined;
  let set: ((value: T | null) => void) | undefined;
  /** How many values have arrived: one still being checked when a newer one arrives is dropped. */
  let arrived = 0;
  const deliver = async (value: T | null) => {
    const order = ++arrived;
    const kept = value !== null && shown && !(await shown(value)) ? null : value;
    if (order !== arrived) return;
    latest = kept;
    set?.(kept);
  };
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !key || !(key in changes)) return;
    void deliver((changes[key].newValue as T | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(onChanged);
  void Promise.resolve(findKey()).then(async (found) => {
    key = found;
    const before = arrived;
    const read = key === undefined ? null : (((await browser.storage.session.get(key))[key] as T | undefined) ?? null);
    // A change that arrived meanwhile is newer than the read.
    if (arrived === before) await deliver(read);
  });
  return (setter) => {
    set = setter;
    if (latest !== undefined) setter(latest);
    return () => {
      set = undefined;
      browser.storage.onChanged.removeListener(onChanged);
    };
  };
}

/**
 * A value the background keeps in session storage, read straight from there (no need to wake the
 * service worker) and followed as it changes: undefined while reading, null when there is none.
 * `findKey` names it, and may take a moment (the popup's tab). The read starts at the first
 * render, not in an effect: effects run after the first frame, and the popup's first paint of the
 * page's coverage waits for this read. A value `shown` refuses (checked as it arrives) is none.
 */
export function useSessionValue<T>(
  findKey: () => string | undefined | Promise<string | undefined>,
  shown?: (value: T) => Promise<boolean>,
): T | null | undefined {
  const [value, setValue] = useState<T | null | undefined>(undefined);
  const [follow] = useState(() => followSessionValue<T>(findKey, shown));
  useEffect(() => follow(setValue), []);
  return value;
}
