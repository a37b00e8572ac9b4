/**
 * Labelled sentences for entity tagging, read in place and never copied into the project: the
 * People's Daily test subset (../shared/eval/ner, or $EVAL_DIR/ner: the test, never trained or
 * tuned on) and the training corpora (../shared/train/ner, or $TRAIN_DIR/ner: People's Daily's dev
 * split and CLUENER's train and validation splits, with CLUENER's types mapped to ours).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EVAL_DIR = process.env.EVAL_DIR ?? fileURLToPath(new URL('../../../shared/eval', import.meta.url));
export const TRAIN_DIR = process.env.TRAIN_DIR ?? fileURLToPath(new URL('../../../shared/train', import.meta.url));
const NER_FILE = join(EVAL_DIR, 'ner', 'peoples_daily_example.test.first2000.bio');
export const TRAIN_FILES = {
  peoplesDaily: join(TRAIN_DIR, 'ner', 'peoples_daily_example.dev.bio'),
  cluenerTrain: join(TRAIN_DIR, 'ner', 'cluener_train.jsonl'),
  cluenerDev: join(TRAIN_DIR, 'ner', 'cluener_dev.jsonl'),
};

export type GoldType = 'PER' | 'LOC' | 'ORG';
export interface GoldEntity {
  type: GoldType;
  text: string;
  start: number;
  /** Exclusive. */
  end: number;
}
export interface NerSentence {
  text: string;
  entities: GoldEntity[];
}

export function nerDataAvailable(): boolean {
  return existsSync(NER_FILE);
}

export function trainingDataAvailable(): boolean {
  return Object.values(TRAIN_FILES).every((file) => existsSync(file));
}

/** The People's Daily test subset. */
export const readNerSentences = () => readBio(NER_FILE);

/** One `char TAG` per line (BIO), a blank line between sentences. */
export function readBio(file: string): NerSentence[] {
  const sentences: NerSentence[] = [];
  let chars: string[] = [];
  let entities: GoldEntity[] = [];
  let current: GoldEntity | null = null;
  const flush = () => {
    if (current) entities.push({ ...current, end: current.start + current.text.length });
    current = null;
  };
  const endSentence = () => {
    flush();
    if (chars.length) sentences.push({ text: chars.join(''), entities });
    chars = [];
    entities = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const [char, tag] = line.split(' ');
    if (tag.startsWith('B-')) {
      flush();
      current = { type: tag.slice(2) as GoldType, text: char, start: chars.length, end: 0 };
    } else if (tag.startsWith('I-') && current) {
      current.text += char;
    } else {
      flush();
    }
    chars.push(char);
  }
  endSentence();
  return sentences;
}

/**
 * How CLUENER's types are ours: names are people; addresses and scenes (parks, rivers, sights)
 * are places; companies, government bodies and organisations (teams and clubs included) are
 * organisations. Books, games, films and positions are not entities here.
 */
const CLUENER_TYPES: Record<string, GoldType> = { name: 'PER', address: 'LOC', scene: 'LOC', company: 'ORG', government: 'ORG', organization: 'ORG' };

/**
 * CLUENER's JSON Lines: `{"text", "label": {type: {name: [[start, end], …]}}}`, ends inclusive.
 * With `kinds`, only CLUENER's labels of those kinds (typed ORG: only their text matters).
 */
export function readCluener(file: string, kinds?: string[]): NerSentence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const { text, label = {} } = JSON.parse(line) as { text: string; label?: Record<string, Record<string, number[][]>> };
      const entities: GoldEntity[] = [];
      for (const [kind, names] of Object.entries(label)) {
        const type = kinds ? (kinds.includes(kind) ? 'ORG' : undefined) : CLUENER_TYPES[kind];
        if (!type) continue;
        for (const ranges of Object.values(names))
          for (const [start, last] of ranges) entities.push({ type, text: text.slice(start, last + 1), start, end: last + 1 });
      }
      return { text, entities: entities.sort((a, b) => a.start - b.start) };
    });
}
