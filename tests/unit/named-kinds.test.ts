import { describe, expect, it } from 'vitest';
import { namedKinds, specifierFeatures } from '../../lib/match/named-kinds';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';

// Restated from the distractor library's Yanling story (zz-a-056) and the development set's
// passages about it and its near misses (tests/fixtures/related/dev/).
const YANLING = '湖南炎陵抽水蓄能电站项目9月21日上午开工，电站装机120万千瓦，是罗霄山片区第一个抽水蓄能项目。';
const YANLING_WORKS = '炎陵抽水蓄能电站上水库进入施工高峰，中国电建的建设者在工地上加班。';
const YOUXIAN = '湖南攸縣抽水蓄能電站上水庫主體土建工程12月11日開工，電站位於株洲市攸縣，裝機1800兆瓦。';
const LICHA = '醴茶高速从醴陵板杉乡起，接浏醴高速，经醴陵、攸县到茶陵，11月30日通车。';
const LILOU = '醴娄高速醴陵段年底通车，王仙枢纽互通接沪昆高速；醴娄高速是沪昆国家高速醴陵至娄底段的扩容工程。';

const features = (text: string, story: string) => {
  const normal = normalizeForAnalysis(text);
  return specifierFeatures(namedKinds(normal), namedKinds(normalizeForAnalysis(story)), normal);
};

describe('named things of a kind', () => {
  it('reads the word before a kind, past the kind’s own words, in either script', () => {
    expect(namedKinds(YANLING).get('station')).toEqual(['炎陵']);
    expect(namedKinds(normalizeForAnalysis(YOUXIAN)).get('station')).toEqual(['攸县']);
    expect(namedKinds('株洲芦淞通用机场和长沙黄花国际机场').get('airport')).toEqual(['芦淞', '黄花']);
    expect(namedKinds(LILOU).get('expressway')).toEqual(['醴娄', '沪昆', '醴娄']);
  });

  it('reads no specifier where the words before a kind name nothing', () => {
    expect(namedKinds('这座电站和第二座大型抽水蓄能电站，湖南高速通车153公里高速').size).toBe(0);
  });

  it('matches a report naming the story’s station', () => {
    expect(features(YANLING_WORKS, YANLING)).toEqual({ specifierMatch: 1, specifierConflict: 0 });
  });

  it('conflicts for another county’s station and another expressway', () => {
    expect(features(YOUXIAN, YANLING)).toEqual({ specifierMatch: 0, specifierConflict: 1 });
    // The Liling–Chaling road names the 沪昆 too, but the Liling–Loudi story is about the 醴娄.
    expect(features(LICHA, LILOU)).toEqual({ specifierMatch: 0, specifierConflict: 1 });
  });

  it('says nothing when the two share no kind', () => {
    expect(features('炎陵黄桃节开幕，果农迎来丰收。', YANLING)).toEqual({ specifierMatch: 0, specifierConflict: 0 });
    expect(features(LICHA, YANLING)).toEqual({ specifierMatch: 0, specifierConflict: 0 });
  });
});
