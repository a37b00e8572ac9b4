/**
 * Named things of a kind: 平江抽水蓄能电站, 醴娄高速, 芦淞通用机场, 清水塘大桥, 中车零碳产业园. Two texts that
 * both name a power station, an expressway or an industrial park share the kind's words (电站,
 * 抽水蓄能, 装机, 高速, 互通) whether or not they name the same one; what tells them apart is the
 * word before the kind (炎陵 or 攸县, 醴娄 or 醴茶), which is often no name the tagger knows (醴娄,
 * 茶常 and 广寒坪 are abbreviations and small places). Read from the characters, as ordinals are.
 */

/**
 * The heads of a kind, longest first (高速公路 before 高速), each with the words of the kind that may
 * stand between it and the specifier (炎陵|抽水蓄能|电站, 芦淞|通用|机场, 株洲|高新|区). Chosen from the
 * development passages and the distractor library: the heads whose preceding words name one
 * thing, where the near misses of one kind with another subject are (docs/quality.md); 线, 项目,
 * 工程 and 基地 were left out, as mostly preceded by a kind's word or a product (生产线, 重点项目,
 * 改造工程, 风电叶片生产基地) or nothing.
 */
const KINDS: Array<{ kind: string; heads: string[]; modifiers: string }> = [
  { kind: 'station', heads: ['电站'], modifiers: '抽水蓄能|抽蓄|光伏|水|核|风|火' },
  { kind: 'expressway', heads: ['高速公路', '高速'], modifiers: '' },
  { kind: 'airport', heads: ['机场'], modifiers: '国际|通用' },
  { kind: 'bridge', heads: ['大桥'], modifiers: '特|长江' },
  { kind: 'park', heads: ['产业园区', '产业园', '工业园区', '工业园', '园区', '集聚区'], modifiers: '产业|工业|特色|科技|示范' },
  { kind: 'zone', heads: ['开发区', '新区'], modifiers: '经济技术|经济|高新|高|技术产业' },
  { kind: 'marathon', heads: ['马拉松'], modifiers: '半程|全程|国际' },
];

const HEAD = new RegExp(KINDS.flatMap((k) => k.heads).join('|'), 'g');
const KIND_OF = new Map(KINDS.flatMap(({ kind, heads }) => heads.map((head) => [head, kind])));
/** A kind's words at the end of the words before its head, as many as stand there (示范|产业|基地). */
const TRAILING = new Map(KINDS.map(({ kind, modifiers }) => [kind, modifiers ? new RegExp(`(?:${modifiers})+$`) : undefined]));

/**
 * Characters that end the words before a head: function words, measure words and numbers
 * (这座电站, 第二座大型抽水蓄能电站, 153公里高速) are no part of a name.
 */
const STOP =
  /[^\p{Script=Han}]|[的了在是和与及为由将把从到向对该这那个座条家其之第等即并被已于或就也都又共首新全各每此本两一二三四五六七八九十百千万亿年月日号期批里]/u;
/** The words before a head read at most: a name and its kind's words. */
const MAX_RUN = 8;
/**
 * A city's or province's level (株洲市, 湖南省) after a name of two characters or more; a county's
 * is kept, as 攸县 is named by one character and the level.
 */
const LEVEL = /[省市]$/;
/**
 * Words that stand where a specifier does but name nothing (大型抽水蓄能电站, 国家级开发区), and the
 * province's and the country's names (湖南高速: the province's expressway group, no one road).
 */
const GENERIC = new Set(['大型', '重大', '重点', '国家', '全国', '全省', '省级', '国家级', '市级', '湖南', '中国', '我国', '该省', '国内', '一批']);

/**
 * Each kind a text names with a specifier, and the specifiers in the order the text gives them
 * (repeats kept: the one given most is what the text is about). `text` is normalised for analysis
 * (simplified characters).
 */
export function namedKinds(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of text.matchAll(HEAD)) {
    let start = m.index;
    while (start > 0 && m.index - start < MAX_RUN && !STOP.test(text[start - 1])) start--;
    const kind = KIND_OF.get(m[0])!;
    const words = text.slice(start, m.index).replace(TRAILING.get(kind) ?? /$^/, '');
    const specifier = (words.length > 2 ? words.replace(LEVEL, '') : words).slice(-2);
    if (specifier.length < 2 || GENERIC.has(specifier)) continue;
    found.set(kind, [...(found.get(kind) ?? []), specifier]);
  }
  return found;
}

/** The specifier given most, the first of equals: the thing of that kind a text is about. */
function mainOf(specifiers: string[]): string {
  const counts = new Map<string, number>();
  for (const s of specifiers) counts.set(s, (counts.get(s) ?? 0) + 1);
  return specifiers.reduce((best, s) => (counts.get(s)! > counts.get(best)! ? s : best));
}

/**
 * Whether a text and a story name a thing of the same kind, and if so whether the text names the
 * story's (its main specifier anywhere in the text: 炎陵 named elsewhere than before 电站 still says
 * which station): specifierMatch; or names things of the story's kinds and none of the story's
 * (another county's station, another expressway): specifierConflict. Both 0 when they share no
 * kind.
 */
export function specifierFeatures(
  text: Map<string, string[]>,
  story: Map<string, string[]>,
  textClean: string,
): { specifierMatch: number; specifierConflict: number } {
  let shared = false;
  let matched = false;
  for (const [kind, specifiers] of story) {
    if (!text.has(kind)) continue;
    shared = true;
    if (textClean.includes(mainOf(specifiers))) matched = true;
  }
  return { specifierMatch: matched ? 1 : 0, specifierConflict: shared && !matched ? 1 : 0 };
}
