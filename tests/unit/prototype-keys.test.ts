import { describe, expect, it } from 'vitest';
import { addKnowledge, emptyKnowledge, type LibraryKnowledge } from '../../lib/nlp/analyzer';
import { LibraryFrequencies } from '../../lib/nlp/keywords';
import { buildProfile, mainPlace } from '../../lib/match/profile';
import { nodeAnalyzer } from './helpers';

const KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

/** What IndexedDB gives back of a stored record, and what an export gives back. */
const roundTrips = <T>(value: T): T[] => [structuredClone(value), JSON.parse(JSON.stringify(value)) as T];

describe('words that are keys of Object.prototype', () => {
  it('are counted as words in an analysis, with finite weights, and survive serialisation', async () => {
    const analyzer = nodeAnalyzer();
    // The library already has a story whose keywords and names are these words.
    analyzer.teach('earlier', { entities: { person: [], place: [], org: KEYS }, keywords: KEYS.map((word) => ({ word, weight: 1 })) });
    const text = '株洲程序员讲解constructor的用法。constructor、toString、hasOwnProperty都是常见的方法名，constructor最常用。';
    const analysis = await analyzer.analyze(text);
    expect(Object.hasOwn(analysis.terms, 'constructor')).toBe(true);
    expect(analysis.terms.constructor).toBe(3);
    expect(analysis.terms.toString).toBe(1);
    expect(analysis.terms.hasOwnProperty).toBe(1);
    // Known to the library as names, they are found as names.
    expect(analysis.entities.org).toEqual(['constructor', 'toString', 'hasOwnProperty']);
    expect(analysis.keywords.map((k) => k.word)).toEqual(expect.arrayContaining(['constructor', 'toString', 'hasOwnProperty']));
    for (const { weight } of analysis.keywords) expect(Number.isFinite(weight)).toBe(true);
    for (const copy of roundTrips(analysis)) expect(copy).toEqual(analysis);
  });

  it('are counted in the library’s knowledge, stored and read back, without touching a prototype', () => {
    const story = { entities: { person: [], place: [], org: KEYS }, keywords: KEYS.map((word) => ({ word, weight: 1 })), aliases: { toString: 'constructor' } };
    const knowledge = emptyKnowledge();
    addKnowledge(knowledge, story);
    addKnowledge(knowledge, story);
    for (const key of KEYS) {
      expect(Object.hasOwn(knowledge.df, key), key).toBe(true);
      expect(Object.getOwnPropertyDescriptor(knowledge.df, key)?.value, key).toBe(2);
      // toString is the story's short name for constructor: a name learnt as itself takes its full name.
      expect(Object.getOwnPropertyDescriptor(knowledge.names, key)?.value, key).toEqual(['org', key === 'toString' ? 'constructor' : key]);
    }
    expect(Object.getPrototypeOf(knowledge.names)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(knowledge.df)).toBe(Object.prototype);
    // Stored (IndexedDB's clone, or an export's JSON), read back on the next wake, and added to.
    for (const stored of roundTrips<LibraryKnowledge>(knowledge)) {
      expect(stored).toEqual(knowledge);
      addKnowledge(stored, story);
      for (const key of KEYS) expect(Object.getOwnPropertyDescriptor(stored.df, key)?.value, key).toBe(3);
      const frequencies = new LibraryFrequencies();
      frequencies.add(stored);
      const idf = frequencies.combine(() => 10);
      for (const key of KEYS) expect(idf(key), key).toBeCloseTo(10 + Math.log(4 / 4));
    }
  });

  it('leaves out a count an earlier version stored as the text of a function', () => {
    const poisoned = { stories: 2, df: { constructor: 'function Object() { [native code] }1' as unknown as number, 株洲: 2 } };
    const frequencies = new LibraryFrequencies();
    frequencies.add(poisoned);
    const idf = frequencies.combine(() => 10);
    expect(idf('constructor')).toBeCloseTo(10 + Math.log(3));
    expect(idf('株洲')).toBeCloseTo(10);
  });

  it('are names a profile reads from the terms as any other', () => {
    const entities = { person: [], place: ['constructor', '株洲'], org: [] };
    const terms = JSON.parse('{"株洲": 1, "__proto__": 4}') as Record<string, number>;
    expect(mainPlace(entities, { ...terms, constructor: 3 })).toBe('constructor');
    expect(mainPlace(entities, terms)).toBe('株洲');
    const profile = buildProfile({ entities: { person: [], place: [], org: [] }, terms, text: '' });
    expect(profile.terms.get('__proto__')).toBe(4);
  });
});
