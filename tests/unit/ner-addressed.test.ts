import { describe, expect, it } from 'vitest';
import { surnamesAddressed } from '../../lib/nlp/ner/addressed';
import type { Span } from '../../lib/nlp/ner/model';

const person = (text: string, name: string): Span => ({ type: 'person', start: text.indexOf(name), end: text.indexOf(name) + name.length });
const names = (text: string, spans: Span[]) => surnamesAddressed(text, spans).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe('a person named by surname and form of address', () => {
  it('is the surname, one or two characters', () => {
    const text = '骂骂咧咧的陈小姐顿时瞠目，欧阳先生和职工王某也在场。';
    expect(names(text, [person(text, '陈小姐'), person(text, '欧阳先生'), person(text, '王某')])).toEqual(['person:陈', 'person:欧阳', 'person:王']);
  });

  it('leaves a full name, a word that is no surname, and the other kinds be', () => {
    const text = '邵一夫先生和老先生来到公司。';
    const org: Span = { type: 'org', start: text.indexOf('公司') - 1, end: text.indexOf('公司') + 2 };
    expect(names(text, [person(text, '邵一夫先生'), person(text, '老先生'), org])).toEqual(['person:邵一夫先生', 'person:老先生', 'org:到公司']);
  });
});
