import { describe, expect, it } from 'vitest';
import { storyText } from '../../lib/story';
import { bundledStories, nodeAnalyzer } from './helpers';

/** People's Daily-like sentences: officials with titles, foreign names, bodies, places at home and abroad. */
const SENTENCES = [
  '国务院总理李鹏今天在人民大会堂会见了日本前首相竹下登。',
  '江泽民主席致电祝贺戈尔达娜·西莉娅诺夫斯卡-达夫科娃当选北马其顿总统。',
  '新华社北京一月五日电 中共中央政治局常委、全国人大常委会委员长乔石今天上午在京会见了美国客人。',
  '湖南省株洲市石峰区人民政府与中车株洲电力机车研究所有限公司签订了合作协议。',
  '据香港《明报》报道，台湾海峡两岸关系协会副会长唐树备昨天抵达台北。',
  '联合国秘书长安南在纽约总部发表讲话，呼吁伊拉克与联合国特别委员会合作。',
  '记者王小明 通讯员刘芳 报道：醴陵市第一中学高三学生张伟在全国数学竞赛中获得金牌',
  '德国客人参观株洲',
];

/**
 * The shipped weights' tags on the seed stories and on newswire sentences, recorded when the
 * weights moved from base64 text (ner.txt) to binary columns (ner.bin): the format must not
 * change a tag. Retraining the tagger changes them; then `npx vitest run -u` records the new ones.
 */
describe('the entity tagger on known texts', () => {
  it('tags the seed stories and newswire sentences as recorded', async () => {
    const analyzer = nodeAnalyzer();
    const texts = [...(await bundledStories()).map(storyText), ...SENTENCES];
    const tags = [];
    for (const text of texts) tags.push((await analyzer.mentions(text)).map((m) => `${m.text}/${m.type}`).join(' '));
    await expect(`${JSON.stringify(tags, null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/ner-tags.json');
  });
});
