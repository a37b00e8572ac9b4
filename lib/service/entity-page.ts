/**
 * An entity's page: every story naming a person, place or organisation, found through the index
 * as the search box finds a name (so a short name and the full one are one entity), how often it
 * appears month by month, and the names that appear with it.
 */
import { storyProfile } from '../match/index-entry';
import { entityType } from '../match/profile';
import { makeSnippet } from '../match/snippet';
import type { EntityPage } from '../messages';
import type { Handler } from './handler';
import { summarize } from './coverage';

/** Stories listed, each read whole for its sentence and its names; the rest are counted. */
export const ENTITY_STORIES = 40;
/** Stories found at most: their dates make the timeline (one index read of their records). */
const ENTITY_FOUND = 1000;
/** Names listed beside it. */
export const ENTITY_TOGETHER = 12;
/** Months the timeline spans at most, the latest ones: ten years. */
const MAX_MONTHS = 120;

/** Every month from the first to the last (2024-03 … 2024-05), a month without stories counted 0, the latest MAX_MONTHS. */
export function monthCounts(dates: string[]): EntityPage['months'] {
  const counts = new Map<string, number>();
  for (const date of dates) counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
  const months = [...counts.keys()].sort();
  if (months.length === 0) return [];
  const [lastYear, lastMonth] = months[months.length - 1].split('-').map(Number);
  const [firstYear, firstMonth] = months[0].split('-').map(Number);
  const span = Math.min(MAX_MONTHS, (lastYear - firstYear) * 12 + lastMonth - firstMonth + 1);
  return Array.from({ length: span }, (_, i) => {
    const at = lastYear * 12 + lastMonth - 1 - (span - 1 - i);
    const month = `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
    return { month, count: counts.get(month) ?? 0 };
  });
}

/**
 * The words a story may name a match with: its own name (湖南省) and the key's (湖南, as the
 * text says 湖南立方新能源). A key's Latin code (place:SA) is no word of the text.
 */
const namesOf = ({ term, name }: { term: string; name: string }) => {
  const keyName = term.slice(term.indexOf(':') + 1);
  return /\p{Script=Han}/u.test(keyName) ? [name, keyName] : [name];
};

/** The entry with the highest count, the first of equals. */
function most(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const [key, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = key;
  return best;
}

export const entityPage: Handler<'UI_ENTITY'> = async ({ name }, { library, finder }) => {
  const lib = await library();
  const find = await finder(lib);
  // A chip's name is one the library knows: a worker just woken finds it in the gazetteer
  // without waiting for jieba (a second at every wake); a name it does not know waits for jieba.
  const quick = await find.search(name, { limit: ENTITY_FOUND, partial: true });
  const { hits, total } = quick.hits.length > 0 || !quick.analysis.partial ? quick : await find.search(name, { limit: ENTITY_FOUND });
  // The index keys the name stands for (株洲市 and 株洲 are place:株洲), and the stories' own names for them.
  const own = new Set(hits.flatMap((hit) => hit.matched.map((m) => m.term)));
  const written = new Map<string, number>();
  for (const hit of hits) for (const m of hit.matched) if (entityType(m.term)) written.set(m.name, (written.get(m.name) ?? 0) + 1);
  const newest = [...hits].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)).slice(0, ENTITY_STORIES);
  const stories = await lib.getMany(newest.map((hit) => hit.id));
  const together = new Map<string, { count: number; name: string }>();
  const listed = newest.flatMap((hit, i) => {
    const story = stories[i];
    if (!story) return [];
    for (const [term, shown] of storyProfile(story)?.names ?? []) {
      if (own.has(term) || !entityType(term)) continue;
      const seen = together.get(term);
      if (seen) seen.count++;
      else together.set(term, { count: 1, name: shown });
    }
    return [{ ...summarize(story), snippet: makeSnippet(story.paragraphs, [name, ...hit.matched.flatMap(namesOf)]) }];
  });
  return {
    name: most(written) ?? name,
    stories: listed,
    total,
    months: monthCounts(hits.map((hit) => hit.date)),
    together: [...together]
      .sort(([, a], [, b]) => b.count - a.count)
      .slice(0, ENTITY_TOGETHER)
      .flatMap(([term, { count, name }]) => {
        const type = entityType(term);
        return type ? [{ type, name, count }] : [];
      }),
  };
};
