/**
 * What the inverted index keeps of one story: a weight per term (its postings), scaled so the
 * story's vector has length 1 (a dot product with it is a cosine), and its entity mass, computed
 * once when the story is stored. Weights use only the general IDF, which does not change as the
 * library grows; the library's own document frequencies are applied at query time.
 */
import type { Story } from '../story';
import { ENTITY_TYPES } from '../nlp/analyzer';
import type { Idf } from '../nlp/keywords';
import { normalizeForAnalysis } from '../nlp/normalize';
import { buildProfile, entityType, homePlace, type Profile } from './profile';

export interface DocRecord {
  /** Dense number of the story in the index; postings refer to it. */
  ord: number;
  id: string;
  title: string;
  date: string;
  /** Sum of the story's entity weights: how much naming there is to share. */
  entityMass: number;
  years: number[];
  /** Which of a series the story's event is (`ordinalsIn`); absent in an index stored before it was read. */
  ordinals?: string[];
  /** Entity term → the story's own name for it, to explain a match in the story's words. */
  names: Record<string, string>;
}

export interface IndexEntry {
  doc: Omit<DocRecord, 'ord'>;
  weights: Map<string, number>;
}

/** A named thing weighs twice a word; a term in the headline twice one in the text. */
export const ENTITY_BOOST = 2;
const TITLE_BOOST = 2;

export function termWeight(term: string, count: number, idf: number): number {
  return (1 + Math.log(count)) * idf * (entityType(term) ? ENTITY_BOOST : 1);
}

/** The general IDF of a term: of the name it stands for when it is an entity. */
function generalIdf(idf: Idf, profile: Profile): (term: string) => number {
  return (term) => idf(profile.names.get(term) ?? term);
}

/** What ranking compares of a stored story (its reporters left out); undefined before its analysis. */
export function storyProfile(story: Story): Profile | undefined {
  const analysis = story.analysis;
  if (!analysis?.terms) return undefined;
  const text = [story.title, ...story.paragraphs].join('\n');
  // Reporters and datelines are shared by stories of every subject: not ranked on.
  const credited = new Set(analysis.credited);
  const entities = { ...analysis.entities };
  if (credited.size) for (const type of ENTITY_TYPES) entities[type] = entities[type].filter((name) => !credited.has(name));
  return buildProfile({ entities, terms: analysis.terms, text, home: homePlace(story.publication, entities), date: story.date });
}

/** Undefined for a story not analysed yet: it cannot be ranked until it is. */
export function indexEntry(story: Story, idf: Idf): IndexEntry | undefined {
  const profile = storyProfile(story);
  if (!profile) return undefined;
  const title = normalizeForAnalysis(story.title).toLowerCase();
  const gidf = generalIdf(idf, profile);
  const weights = new Map<string, number>();
  let entityMass = 0;
  let squares = 0;
  for (const [term, count] of profile.terms) {
    const name = (profile.names.get(term) ?? term).toLowerCase();
    const weight = termWeight(term, count, gidf(term)) * (title.includes(name) ? TITLE_BOOST : 1);
    weights.set(term, weight);
    squares += weight * weight;
    if (entityType(term)) entityMass += weight;
  }
  const norm = Math.sqrt(squares) || 1;
  for (const [term, weight] of weights) weights.set(term, weight / norm);
  return {
    doc: {
      id: story.id,
      title: story.title,
      date: story.date,
      entityMass: entityMass / norm,
      years: [...profile.years],
      ordinals: [...(profile.ordinals ?? [])],
      names: Object.fromEntries(profile.names),
    },
    weights,
  };
}

/** Every entity term of the indexed stories with the name the first of them gives it. */
export function entityNamesOf(docs: Iterable<Pick<DocRecord, 'names'>>): Array<[string, string]> {
  const names = new Map<string, string>();
  for (const doc of docs) for (const [term, name] of Object.entries(doc.names)) if (!names.has(term)) names.set(term, name);
  return [...names];
}
