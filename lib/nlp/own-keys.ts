/**
 * Records keyed by words of a text (word counts, names) as the library stores them: plain objects,
 * since that is what IndexedDB and JSON give back. A word may be `constructor` or `__proto__`, so
 * a key is read only when the record has it itself, and written as the record's own property:
 * never the prototype's function, never a new prototype.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
