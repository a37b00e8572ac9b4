/**
 * What the entity tagger knows about names, taken from maintained data rather than hand tables:
 * Chinese surnames from pinyin-pro (the 百家姓 with compound surnames) and country names in
 * Chinese from i18n-iso-countries, from which the one-character abbreviations (美, 英, 中 …) follow.
 */
import countries from 'i18n-iso-countries';
import zh from 'i18n-iso-countries/langs/zh.json';
import pinyinSurnames from 'pinyin-pro/dist/esm/data/surname.mjs';

/** Common modern surnames written in a variant form that the 百家姓 list lacks. */
const EXTRA_SURNAMES = ['付', '闫'];

/** Short and former names the country list lacks, in everyday use in Chinese news, by ISO code. */
const COUNTRY_SHORT_NAMES: Record<string, string> = { 中华: 'CN', 沙特: 'SA', 阿联酋: 'AE', 北马其顿: 'MK', 马其顿: 'MK', 英国: 'GB', 美国: 'US' };

/** Continents and regions, and the one character that stands for each in compounds (欧美, 港台). */
const REGIONS: Record<string, string> = { 欧洲: '欧', 亚洲: '亚', 非洲: '非', 美洲: '美', 香港: '港', 澳门: '澳', 台湾: '台' };
const REGION_NAMES = Object.keys(REGIONS);

/** China and its capital by one character: 访华, 华人, 抵京, 京剧. */
const HOME_ABBREVIATIONS = ['华', '京'];

export interface NameKnowledge {
  /** Single-character and compound surnames. */
  surnames: ReadonlySet<string>;
  /** Countries and regions, full names in Chinese. */
  countryNames: ReadonlySet<string>;
  /** One-character abbreviations of countries and regions that combine: 中美, 欧美, 港台. */
  placeAbbreviations: ReadonlySet<string>;
  /** Every Chinese name of a country to its ISO 3166 code: 沙特 and 沙特阿拉伯 are one place. */
  countryCodes: ReadonlyMap<string, string>;
  /** First characters of country names, which stand for them beside a usual abbreviation (中葡, 印巴). */
  countryInitials: ReadonlySet<string>;
}

let knowledge: NameKnowledge | undefined;

export function nameKnowledge(): NameKnowledge {
  if (knowledge) return knowledge;
  // Here, not at import: a worker that wakes only to list stories never builds any of this.
  countries.registerLocale(zh);
  const byCode = countries.getNames('zh', { select: 'all' });
  const names = Object.values(byCode).flat();
  const countryCodes = new Map([
    ...Object.entries(byCode).flatMap(([code, all]) => all.map((n): [string, string] => [n, code])),
    ...Object.entries(COUNTRY_SHORT_NAMES),
  ]);
  const countryNames = new Set([...countryCodes.keys(), ...REGION_NAMES]);
  // 美国 → 美, 英国 → 英: a two-character country name ending in 国 is abbreviated to its first
  // character, as are 日本 and 俄罗斯, the continents and regions above, and China itself.
  const placeAbbreviations = new Set([
    ...names.filter((n) => n.length === 2 && n.endsWith('国')).map((n) => n[0]),
    '日',
    '俄',
    ...Object.values(REGIONS),
    ...HOME_ABBREVIATIONS,
  ]);
  knowledge = {
    surnames: new Set([...Object.keys(pinyinSurnames), ...EXTRA_SURNAMES]),
    countryNames,
    countryCodes,
    placeAbbreviations,
    countryInitials: new Set(names.filter((n) => n.length >= 2).map((n) => n[0])),
  };
  return knowledge;
}
