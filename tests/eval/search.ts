/**
 * `npm run eval:search`: does a name find the stories that mention it? For every person, place
 * and organisation of each library story, and each of its five leading keywords, the search box's
 * query (that name alone) must list the story. A check of the index and the query reading, not a
 * tuned figure: no rule of search was written from its output.
 */
import { isSearchQuery } from '../../lib/match/search';
import { relatedSetup } from './related';

async function main() {
  const { stories, finder } = await relatedSetup();
  const rows = { entity: { asked: 0, found: 0, first: 0 }, keyword: { asked: 0, found: 0, first: 0 } };
  const missed: string[] = [];
  for (const story of stories) {
    const { entities, keywords } = story.analysis!;
    const queries = [
      ...[...entities.person, ...entities.place, ...entities.org].map((q) => ['entity', q] as const),
      ...keywords.slice(0, 5).map((k) => ['keyword', k.word] as const),
    ];
    for (const [kind, query] of queries) {
      if (!isSearchQuery(query)) continue;
      const { hits } = await finder.search(query);
      const at = hits.findIndex((h) => h.id === story.id);
      rows[kind].asked++;
      if (at >= 0) rows[kind].found++;
      if (at === 0) rows[kind].first++;
      if (at < 0) missed.push(`${kind} ${query} → ${story.title}`);
    }
  }
  console.log(`search by name, ${stories.length} stories\n`);
  console.log('| query | asked | story listed | listed first |');
  console.log('|---|---|---|---|');
  for (const [kind, r] of Object.entries(rows)) {
    console.log(`| ${kind} | ${r.asked} | ${((r.found / r.asked) * 100).toFixed(1)}% | ${((r.first / r.asked) * 100).toFixed(1)}% |`);
  }
  if (missed.length) console.log(`\nnot listed:\n${missed.join('\n')}`);
}

await main();
