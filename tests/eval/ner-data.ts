/**
 * Reads the People's Daily NER test subset (BIO, one character per line) from ../shared/eval/ner,
 * or from $EVAL_DIR/ner. Evaluation data is read in place and never copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EVAL_DIR = process.env.EVAL_DIR ?? fileURLToPath(new URL('../../../shared/eval', import.meta.url));
const NER_FILE = join(EVAL_DIR, 'ner', 'peoples_daily_example.test.first2000.bio');

export type GoldType = 'PER' | 'LOC' | 'ORG';
export interface NerSentence {
  text: string;
  entities: Array<{ type: GoldType; text: string }>;
}

export function nerDataAvailable(): boolean {
  return existsSync(NER_FILE);
}

export function readNerSentences(): NerSentence[] {
  const sentences: NerSentence[] = [];
  let chars: string[] = [];
  let entities: NerSentence['entities'] = [];
  let current: { type: GoldType; text: string } | null = null;
  const flush = () => {
    if (current) entities.push(current);
    current = null;
  };
  for (const line of readFileSync(NER_FILE, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      if (chars.length) sentences.push({ text: chars.join(''), entities });
      chars = [];
      entities = [];
      continue;
    }
    const [char, tag] = line.split(' ');
    chars.push(char);
    if (tag.startsWith('B-')) {
      flush();
      current = { type: tag.slice(2) as GoldType, text: char };
    } else if (tag.startsWith('I-') && current) {
      current.text += char;
    } else {
      flush();
    }
  }
  flush();
  if (chars.length) sentences.push({ text: chars.join(''), entities });
  return sentences;
}
