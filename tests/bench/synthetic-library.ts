/**
 * Libraries of any size for benchmarks, generated deterministically from real sentences: the
 * People's Daily sentences of ../shared/eval/ner when present (read in place), and the seed
 * stories' sentences. Each sentence is analysed once with the real analyzer; a story is a seeded
 * random pick of sentences, its analysis the sum of theirs, so 100,000 stories cost seconds.
 */
import { analyzeStories } from '../../lib/library/analyze-stories';
import type { Story } from '../../lib/story';
import type { TextAnalysis } from '../../lib/nlp/analyzer';
import { nerDataAvailable, readNerSentences } from '../eval/ner-data';
import { bundledStories, nodeAnalyzer } from '../unit/helpers';
import { analysisVersion } from '../../scripts/analysis-version';
import { seededRandom } from '../../scripts/seeded-random';

interface Sentence {
  text: string;
  analysis: TextAnalysis;
}

export async function analysedSentences(): Promise<{ sentences: Sentence[]; seed: Story[] }> {
  const analyzer = nodeAnalyzer();
  const seed = await analyzeStories(analyzer, analysisVersion(), await bundledStories());
  const texts = [
    ...seed.flatMap((s) => s.paragraphs.flatMap((p) => p.split(/(?<=[。！？])/))).filter((t) => t.length >= 10),
    ...(nerDataAvailable() ? readNerSentences().map((s) => s.text) : []),
  ];
  const sentences: Sentence[] = [];
  for (const text of texts) sentences.push({ text, analysis: await analyzer.analyze(text) });
  return { sentences, seed };
}

/** Said the analysis of this tree, as the built extension's own export would: an import or a sync keeps it. */
function merge(parts: TextAnalysis[], version: string): NonNullable<Story['analysis']> {
  const entities = { person: new Set<string>(), place: new Set<string>(), org: new Set<string>() };
  const terms: Record<string, number> = {};
  for (const p of parts) {
    for (const type of ['person', 'place', 'org'] as const) for (const name of p.entities[type]) entities[type].add(name);
    for (const [word, n] of Object.entries(p.terms)) terms[word] = (terms[word] ?? 0) + n;
  }
  const keywords = Object.entries(terms)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([word], i) => ({ word, weight: 1 - i / 20 }));
  return { version, entities: { person: [...entities.person], place: [...entities.place], org: [...entities.org] }, keywords, aliases: {}, terms };
}

/** `count` stories of 6–14 sentences each, dated over five years. */
export function* syntheticStories(sentences: Sentence[], count: number, seed = 1): Generator<Story> {
  const next = seededRandom(seed);
  const version = analysisVersion();
  for (let i = 0; i < count; i++) {
    const picked = Array.from({ length: 6 + Math.floor(next() * 9) }, () => sentences[Math.floor(next() * sentences.length)]);
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
    yield {
      id: `bench-${seed}-${i}`,
      publication: '株洲日报',
      date: day,
      title: picked[0].text.slice(0, 24),
      subheads: [],
      captions: [],
      paragraphs: picked.map((s) => s.text),
      origin: 'bench',
      analysis: merge(
        picked.map((s) => s.analysis),
        version,
      ),
    };
  }
}

/** A 3,000-character article made of a story's sentences and others: it relates to that story. */
export function articleAbout(story: Story, sentences: Sentence[], seed = 7): string {
  const next = seededRandom(seed);
  let text = story.paragraphs.join('');
  while (text.length < 3000) text += sentences[Math.floor(next() * sentences.length)].text;
  return text.slice(0, 3000);
}
