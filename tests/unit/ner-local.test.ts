import { describe, expect, it } from 'vitest';
import { divisionNames } from '../../lib/nlp/ner/divisions';
import { nodeAnalyzer } from './helpers';
import { expectNameCases, type NameCase, typedMentions } from './name-cases';

/**
 * Restated sentences (our own wording) in the manner of Zhuzhou's local news: districts, bureaus by
 * their short names, streets and towns, companies listed by brand and trade. Each: the names a
 * careful reader marks, and what must not be listed.
 */
const LOCAL: NameCase[] = [
  ['芦淞区和天元区今年完成了改造任务。', ['place:芦淞区', 'place:天元区'], []],
  ['荷塘区、芦淞区、天元区分别完成了年度任务。', ['place:荷塘区', 'place:芦淞区', 'place:天元区'], []],
  ['记者从市住建局获悉，全市老旧小区改造进展顺利。', ['org:市住建局'], ['person:从市住建']],
  ['记者从株洲市住房和城乡建设局获悉，改造进展顺利。', ['org:株洲市住房和城乡建设局'], ['org:住房和城乡建设局']],
  ['记者从市教育局获悉，全市中小学将于9月1日开学。', ['org:市教育局'], ['org:中小学']],
  ['先后走访了华联瓷业、醴陵玉茶瓷业等企业。', ['org:华联瓷业', 'org:醴陵玉茶瓷业'], ['place:华联', 'place:醴陵']],
  ['记者从攸县人社局获悉，今年新增就业岗位3000个。', ['org:攸县人社局'], []],
  ['市发改委、市工信局联合召开企业座谈会。', ['org:市发改委', 'org:市工信局'], []],
  ['芦淞区市场监管局对辖区内商户进行检查。', ['org:芦淞区市场监管局'], []],
  ['株洲市文旅广体局举办全民健身活动。', ['org:株洲市文旅广体局'], []],
  ['记者从市自然资源和规划局获悉，该项目已获批。', ['org:市自然资源和规划局'], []],
  ['荷塘区月塘街道办事处组织志愿者开展义诊。', ['org:荷塘区月塘街道办事处'], ['org:塘街道办事处']],
  ['天元区栗雨街道的居民在栗雨湖公园散步。', ['place:天元区', 'place:栗雨街道'], []],
  // 响/zg 石岭/ns: jieba cut the street's first character off its name.
  ['石峰区响石岭街道、清水塘街道联合开展活动。', ['place:石峰区', 'place:清水塘街道'], ['place:石岭街道']],
  ['株洲时代新材、时代电气、南方宇航等企业参展。', ['org:株洲时代新材', 'org:时代电气'], ['place:株洲']],
  // Two teams that meet are two bodies, whichever verb joins them (厂BA reports).
  ['揭幕战由时代新材篮球队对阵千金药业篮球队。', ['org:时代新材篮球队', 'org:千金药业篮球队'], ['org:时代新材篮球队对阵千金药业篮球队']],
  ['株洲电力机车篮球队战胜中车株机篮球队。', ['org:株洲电力机车篮球队', 'org:中车株机篮球队'], ['org:株洲电力机车篮球队战胜中车株机篮球队']],
  // A district jieba cuts in pieces (渌/g 口区/n; 渌/g 口/q 区委书记/n).
  ['渌口区渌水湖畔的运动小镇项目昨日动工。', ['place:渌口区'], []],
  ['渌口区委书记带队到朱亭镇督查防汛。', ['place:渌口区', 'place:朱亭镇'], []],
  // Streets and communities named after their district or street, whole with their unit.
  ['月塘街道下辖七个社区。', ['place:月塘街道'], ['place:月塘']],
  ['石峰区清水塘街道霞湾社区组织居民清扫楼道。', ['place:石峰区', 'place:清水塘街道', 'place:霞湾社区'], ['place:清水塘']],
  ['芦淞区董家塅街道高科园社区举办邻里节。', ['place:芦淞区', 'place:董家塅街道', 'place:高科园社区'], []],
  ['石峰区龙头铺街道办事处联合企业举办招聘会。', ['org:石峰区龙头铺街道办事处'], ['org:街道办事处']],
  ['走进荷塘区金山街道晏家湾社区，读报栏就在门口。', ['place:荷塘区', 'place:金山街道', 'place:晏家湾社区'], []],
  // The two sides of a match by their companies' short names, a place and a word jieba does not know.
  ['醴陵华鑫以101比85击败千金药业，锁定一个半决赛席位。', ['org:醴陵华鑫', 'org:千金药业'], ['place:醴陵', 'place:华鑫']],
  ['中车时代新材以96比55战胜株洲联通，挺进四强。', ['org:中车时代新材', 'org:株洲联通'], ['place:株洲']],
  ['四川全兴队主场迎战延边敖东队。', ['org:四川全兴队'], ['org:四川全兴队主场']],
  // A zone keeps its city as the place, as the seed stories' reader marks it.
  ['株洲高新区今年引进项目45个。', ['place:株洲'], []],
  ['醴陵经开区上半年新签约企业18家。', ['place:醴陵'], ['place:醴陵经开区']],
  ['规划覆盖株洲经开区、荷塘高新区两个园区。', ['place:株洲', 'place:荷塘'], ['place:株洲经开区', 'place:荷塘高新区']],
  // A division's party committee and its department are one body, whichever department.
  ['荷塘区委社工部牵头组建了社区志愿服务队。', ['org:荷塘区委社工部'], ['org:荷塘区委社']],
  ['石峰区委统战部走访辖区民营企业。', ['org:石峰区委统战部'], []],
  ['区委书记部署了下一阶段的防汛工作。', [], ['org:区委书记部']],
  // Companies named by brand and trade, or by a group's brand and their own, with no legal form.
  ['上半年三一石油智能装备交付了120台压裂设备。', ['org:三一石油智能装备'], []],
  ['孚能新能源的电池生产线已经满负荷运转。', ['org:孚能新能源'], ['person:孚能']],
  ['大唐华银全年完成发电量超过百亿千瓦时。', ['org:大唐华银'], []],
  ['一大批中青年科技工作者走上了一线岗位。', [], ['org:中青年科技']],
  ['全市要大力发展新能源，让智能装备走出国门。', [], ['org:大力发展新能源']],
  // A count between a body and what it counts ends the body's name (厂BA reports).
  ['醴陵电瓷两支篮球队在决赛中相遇，吸引了数千名观众。', ['org:醴陵电瓷'], ['org:醴陵电瓷两支篮球队']],
  ['荷塘区三个社区联合举办邻里节。', ['place:荷塘区'], ['org:荷塘区三个社区']],
  // A bureau of several merged trades is one body, with its place or without.
  ['天元区文化旅游广电体育局近日组织开展全民健身活动。', ['org:天元区文化旅游广电体育局'], ['org:广电体育局', 'place:天元区']],
  ['文化旅游广电体育局相关负责人介绍了赛事安排。', ['org:文化旅游广电体育局'], ['org:广电体育局']],
  // A brand written straight after its city is no person (株洲方特欢乐世界).
  ['株洲方特欢乐世界推出了夜场活动，吸引大量游客。', ['org:株洲方特'], ['person:方特']],
  ['株洲张明表示将继续努力。', ['person:张明', 'place:株洲'], []],
  // A photo's credit names its photographer after the colon.
  ['图片：周欣怡', ['person:周欣怡'], []],
  ['摄影/李明', ['person:李明'], []],
  // A congress with its city and its term is one body, as People's Daily marks it.
  ['株洲市第十六届人民代表大会第三次会议今天开幕。', ['org:株洲市第十六届人民代表大会'], ['place:株洲市', 'org:人民代表大会']],
  ['株洲市人民代表大会常务委员会发布公告。', ['org:株洲市人民代表大会常务委员会'], []],
  ['醴陵市人民代表大会审议通过了决议。', ['org:醴陵市人民代表大会'], ['place:醴陵市']],
  // A town and its village are two places, as People's Daily marks them (网市镇, 沙矶头村); the
  // village's party branch is one body with its places.
  ['攸县网岭镇丫江桥村村民喜获丰收。', ['place:攸县', 'place:网岭镇', 'place:丫江桥村'], ['place:网岭镇丫江桥村']],
  ['攸县网岭镇丫江桥村党支部组织党员开展志愿服务。', ['place:攸县', 'org:网岭镇丫江桥村党支部'], ['org:党支部', 'place:网岭镇丫江桥村']],
  ['茶陵县虎踞镇乔下村的村民种下了油茶。', ['place:茶陵县', 'place:虎踞镇', 'place:乔下村'], []],
  // A country and a brand listed among bodies is a company (株洲 signs with central companies).
  ['株洲市与中科院、中国中车、中国五矿、国开行等签约。', ['org:中国中车', 'org:中国五矿', 'org:中科院'], ['place:中国']],
  // A brand and its trade in any list is the company, not a place (华联 of 华联瓷业).
  ['采访团先后来到醴陵·世界陶瓷艺术城、华联瓷业、新世纪陶瓷艺术馆等地。', ['org:华联瓷业'], ['place:华联']],
  // A community jieba does not know, read alone as a person, is the community.
  ['金山街道石宋路社区和区社工总站推出了新模式。', ['place:金山街道', 'place:石宋路社区'], ['person:石宋路']],
  // An honour's title before a name is no body (中国陶瓷 of 中国陶瓷艺术大师), and the name is whole.
  ['中国陶瓷艺术大师周益军在醴陵新世纪陶瓷有限公司绘制山水画。', ['person:周益军', 'org:醴陵新世纪陶瓷有限公司'], ['org:中国陶瓷', 'person:周益']],
  // A photo's credit whose last character jieba glued to 摄.
  ['团队成员与醴陵财务局工作人员合影留念。大学生网报 刘周双摄', ['person:刘周双'], ['person:刘周']],
  // A community jieba read as a news agency and half its unit (新华社/nt 区), and a village begun by its town's unit (镇西/ns).
  ['荷塘区宋家桥街道新华社区居民参加义诊活动。', ['place:荷塘区', 'place:宋家桥街道', 'place:新华社区'], ['person:区居民', 'org:荷塘区宋家桥街道新华社']],
  ['炎陵县鹿原镇西草坪村的黄桃进入采摘期。', ['place:炎陵县', 'place:鹿原镇', 'place:西草坪村'], ['place:镇西草坪村']],
  ['株洲旗滨集团、醴陵华鑫电瓷等企业代表参加了座谈会。', ['org:株洲旗滨集团', 'org:醴陵华鑫电瓷'], ['place:华鑫']],
];

/** A division's government is one body; a country's government is the country, as People's Daily marks it. */
const GOVERNMENTS: NameCase[] = [
  ['株洲市人民政府与一家工程机械企业签订了战略合作协议。', ['org:株洲市人民政府'], ['place:株洲市']],
  ['醴陵市人民政府发布通告，城区禁止燃放烟花爆竹。', ['org:醴陵市人民政府'], ['place:醴陵市']],
  ['湖南省人民政府近日批复同意该规划。', ['org:湖南省人民政府'], ['place:湖南省']],
  ['攸县人民政府发布了防汛通告。', ['org:攸县人民政府'], ['place:攸县']],
  ['株洲市政府与多家企业签署了投资协议。', ['org:株洲市政府'], ['place:株洲市']],
  ['印度政府宣布提高部分进口商品的关税。', ['place:印度'], ['org:印度政府']],
  ['美国政府对进口电池加征关税，业内普遍担忧。', ['place:美国'], ['org:美国政府']],
];

/**
 * A division before a company's word starts the company named after it, whether the model read the
 * division as a person, a place or nothing (宁德 of 宁德时代); a station or a city's group stays as it was.
 */
const CITY_COMPANIES: NameCase[] = [
  ['在宁德时代的带动下，一批配套企业落户株洲。', ['org:宁德时代'], ['place:宁德']],
  ['记者从宁德时代获悉，该项目明年投产。', ['org:宁德时代'], ['place:宁德', 'person:宁德']],
  ['今年以来，宁德时代与株洲多家企业达成合作。', ['org:宁德时代', 'place:株洲'], ['person:宁德']],
  ['株洲时代新材今年营收增长。', ['org:株洲时代新材'], ['org:株洲时代', 'place:株洲']],
  // Its trade words and legal form after the company's word are its name too; a common noun they begin is not.
  ['醴陵市与宁德时代新能源签订合作协议。', ['org:宁德时代新能源'], ['org:宁德时代']],
  ['据悉，宁德时代新能源科技今年扩产。', ['org:宁德时代新能源科技'], ['org:宁德时代']],
  ['株洲北站改造工程今日完工。', ['place:株洲北站'], ['org:株洲北站']],
  ['株洲市城发集团与株洲市交通发展集团签订合作协议。', ['org:株洲市城发集团', 'org:株洲市交通发展集团'], []],
  ['株洲已进入高铁时代。', ['place:株洲'], ['org:株洲已进入高铁时代']],
];

/** A company's short name jieba knows as one word is whole (中联重科/j). */
const SHORT_NAMES: NameCase[] = [
  ['中联重科智慧产业城项目稳步推进。', ['org:中联重科'], ['org:中联']],
  ['中联重科、三一重工、山河智能等企业入选榜单。', ['org:中联重科'], ['org:中联']],
];

/** Every item of a list of bodies (等企业, 等国际巨头, 等单位, 等央企) is a body, ending at 等; a list of common nouns names none. */
const LISTED_BODIES: NameCase[] = [
  ['株洲已吸引博世、西门子、霍尼韦尔等国际巨头落户。', ['org:博世', 'org:西门子', 'org:霍尼韦尔', 'place:株洲'], ['org:株洲已吸引博世']],
  ['比亚迪、宁德时代等企业纷纷布局储能产业。', ['org:比亚迪', 'org:宁德时代'], ['person:比亚迪']],
  ['中国中车、三一集团、华为等企业积极参与了论坛。', ['org:中国中车', 'org:三一集团', 'org:华为'], ['person:华为']],
  ['中能建、中国电建等央企在湘投资的项目进展顺利。', ['org:中能建', 'org:中国电建'], ['place:中国', 'org:中国电建等央']],
  ['湘潭钢铁、华菱集团等单位参加了会议。', ['org:湘潭钢铁', 'org:华菱集团'], ['place:湘潭']],
  ['中车株机、北汽株洲、时代电气等企业纷纷抛出橄榄枝。', ['org:中车株机', 'org:北汽株洲', 'org:时代电气'], ['place:株洲']],
  ['市住建局、市城管局、市交通运输局等单位参加了会议。', ['org:市住建局', 'org:市城管局', 'org:市交通运输局'], ['org:市交通运输局等']],
  ['钢铁、水泥、煤炭等企业要加快转型。', [], ['org:钢铁', 'org:水泥', 'org:煤炭']],
  // Without 等企业: a name beside a body in its list, names that settle in a place (落户), 三一 before 等 (三/m 一等/m).
  ['华为、中兴、小米都参加了展会。', ['org:华为', 'org:中兴'], ['org:小米']],
  ['中国中车、三一集团、华为积极参与了论坛。', ['org:中国中车', 'org:三一集团', 'org:华为'], []],
  ['博世、西门子落户株洲。', ['org:博世', 'org:西门子'], []],
  ['中联重科、山河智能、三一等参展。', ['org:中联重科', 'org:三一'], ['org:三一等']],
  ['钢铁、水泥、煤炭行业去产能。', [], ['org:钢铁', 'org:水泥']],
  ['他先后到访了湖南、湖北、江西。', ['place:湖南', 'place:湖北', 'place:江西'], ['org:湖南', 'org:湖北']],
  ['农行还为创业青年提供存款、资金结算、电子银行、银行卡等服务。', ['org:农行'], ['org:银行卡']],
  ['去年建成了有16个班、750名学生的中心小学。', [], ['org:个班']],
];

/**
 * Big companies by their short forms (jieba taught them: not 从三一), a company by its city, brand and trade, schools by their
 * city and number, and a hospital apart from its team.
 */
const BODIES: NameCase[] = [
  ['中能建承建了这座电站。', ['org:中能建'], []],
  ['中国能建在湖南的项目进展顺利。', ['org:中国能建', 'place:湖南'], ['place:中国']],
  ['中车株机与中能建签订协议。', ['org:中能建'], ['person:能建']],
  ['中电建承建了该工程。', ['org:中电建'], []],
  ['记者从三一获悉，公司订单同比增长。', ['org:三一'], ['person:从三一']],
  ['中能建和三一重工签约。', ['org:中能建', 'org:三一重工'], ['org:建和三一重工']],
  ['记者从中联重科获悉，该公司今年订单增长。', ['org:中联重科'], []],
  ['政府集中建设了一批保障房。', [], ['org:中建']],
  ['醴陵华鑫电瓷今年出口额增长两成。', ['org:醴陵华鑫电瓷'], ['place:醴陵', 'place:华鑫']],
  ['株洲市二中高三学生参加了成人礼。', ['org:株洲市二中'], ['place:株洲市', 'place:二中']],
  ['醴陵一中的学生在全省比赛中获得一等奖。', ['org:醴陵一中'], ['place:醴陵']],
  ['株洲市十三中开展了消防疏散演练。', ['org:株洲市十三中'], ['place:株洲市']],
  ['湖南株洲市十三中学生在比赛中获奖。', ['org:株洲市十三中'], ['org:株洲市十三中学']],
  ['株洲市二中、株洲市八中等学校参加了比赛。', ['org:株洲市二中', 'org:株洲市八中'], ['org:株洲市八中等学校']],
  ['株洲市八中等学校参加了比赛。', ['org:株洲市八中'], ['org:株洲市八中等学校']],
  ['株洲市第一中学开展了消防演练。', ['org:株洲市第一中学'], ['place:株洲市']],
  ['上海市第一中级人民法院审理了此案。', [], ['org:上海市第一中']],
  ['株洲市人民医院团队获得全省技能竞赛一等奖。', ['org:株洲市人民医院'], ['org:株洲市人民医院团队']],
  ['株洲市中医伤科医院团队赴外地交流学习。', ['org:株洲市中医伤科医院'], ['org:株洲市中医伤科医院团队']],
];

/**
 * Banks by their short forms where jieba cut them as words (建行/v, 招行/v), a branch named by one
 * with its place whole; the same characters across words name no bank (施工/行业, 集中/行动).
 */
const BANKS: NameCase[] = [
  ['记者从工行获悉，今年信贷投放增长明显。', ['org:工行'], []],
  ['他从交行离职后到招行任职。', ['org:交行', 'org:招行'], []],
  ['央行宣布下调存款准备金率。', ['org:央行'], []],
  ['农行、建行、中行都推出了消费贷款。', ['org:农行', 'org:建行', 'org:中行'], []],
  ['工行株洲分行向园区企业发放贷款10亿元。', ['org:工行株洲分行'], ['place:株洲']],
  ['建行湖南省分行与株洲市政府签署合作协议。', ['org:建行湖南省分行', 'org:株洲市政府'], ['place:湖南省']],
  ['农发行株洲市分行投放粮食收购贷款。', ['org:农发行株洲市分行'], ['place:株洲市']],
  ['邮储银行株洲市分行开展金融知识宣传。', ['org:邮储银行株洲市分行'], ['org:邮储银行株洲市']],
  ['国开行湖南分行支持株洲基础设施建设。', ['org:国开行湖南分行', 'place:株洲'], []],
  ['施工行业的安全形势总体平稳。', [], ['org:工行']],
  ['全市开展集中行动，整治交通违法。', [], ['org:中行']],
  ['他的建行为受到了批评。', [], ['org:建行']],
  ['他在外交行动中表现突出。', [], ['org:交行']],
];

/** A person after a title the model read into the name, a committee's standing members, an outlet's dateline, a brand of numerals. */
const TITLES_AND_OUTLETS: NameCase[] = [
  ['公司董事长江端预介绍了企业的发展情况。', ['person:江端预'], ['person:长江端', 'place:长江']],
  ['株洲市长江大桥通车。', ['place:长江大桥'], ['person:江大桥']],
  ['株洲市委常委、宣传部长出席了开幕式。', ['org:株洲市委'], ['org:株洲市委常委']],
  ['红网时刻株洲5月20日讯，全市夏粮收购工作全面启动。', ['org:红网时刻', 'place:株洲'], ['org:红网时刻株洲']],
  ['新湖南客户端5月20日讯，株洲举办了招商推介会。', ['org:新湖南', 'place:株洲'], ['place:湖', 'org:新湖南客户端']],
  ['本报北京5月14日讯，全国图书博览会今天开幕。', ['place:北京'], ['org:本报']],
  ['三一重工在株洲设立了研发中心。', ['org:三一重工', 'place:株洲'], []],
];

/** A brand the model read as a person, with a company's trade words or legal form after it, is the company. */
const BRANDS_AS_PEOPLE: NameCase[] = [
  ['常委会听取了东锦纺织年产5000万米面料扩能项目的汇报。', ['org:东锦纺织'], ['person:东锦']],
  ['在艾维特新材料有限公司的生产车间里，工人们正在赶制订单。', ['org:艾维特新材料有限公司'], ['person:艾维特']],
  // A person before a ministry's title, or a common noun a trade word begins, stays a person.
  ['王志刚科技部长出席开幕式。', ['person:王志刚'], []],
];

describe('names of local news', () => {
  const analyzer = nodeAnalyzer();
  const mentions = typedMentions(analyzer);

  /** Each group of restated sentences, by what it shows. */
  const GROUPS: Array<[string, NameCase[]]> = [
    ['reads districts, bureaus, streets and listed companies whole', LOCAL],
    ['reads a division and its government as one body, a country and its government as the country', GOVERNMENTS],
    ['reads a company named after its city whole, however the model read the city', CITY_COMPANIES],
    ['reads a company’s short name jieba knows as one word whole', SHORT_NAMES],
    ['reads each item of a list of bodies as a body', LISTED_BODIES],
    ['reads big companies by short form, a city’s company by brand and trade, numbered schools, a hospital without its team', BODIES],
    ['reads a person after a title, a committee without its members, an outlet’s dateline, a brand of numerals', TITLES_AND_OUTLETS],
    ['reads banks by short form, and a branch named by one with its place whole', BANKS],
    ['reads a brand read as a person before its trade words as the company', BRANDS_AS_PEOPLE],
  ];
  // Some 60 sentences a group at most through the whole analyzer: seconds on a busy machine.
  for (const [what, cases] of GROUPS) it(what, () => expectNameCases(analyzer, cases), 30_000);

  it('reads a brand named with its city as that company throughout the text', async () => {
    const park = await mentions('株洲方特欢乐世界今年推出夜场活动。暑期以来，方特接待游客超过50万人次。');
    expect(park).toEqual(['org:株洲方特', 'org:株洲方特']);
    // Without the city's name anywhere, the text does not say which company it is.
    expect(await mentions('暑期以来，方特接待游客超过50万人次。')).not.toContain('org:株洲方特');
  }, 30_000);

  it('knows the districts jieba files as common nouns, and no bare unit as a division', () => {
    expect(divisionNames().has('天元区')).toBe(true);
    expect(divisionNames().has('天心区')).toBe(true);
    expect(divisionNames().has('城区')).toBe(false);
  });

  it('reads a street of a nationality by its own name, and no list without 等企业 as companies', async () => {
    expect(await mentions('景区位于勿角藏族乡。')).not.toContain('place:藏族乡');
    expect(await mentions('华联瓷业、玉茶瓷业的产品远销海外。')).not.toContain('org:瓷业');
    expect(await mentions('石峰区下辖街道都设了服务站。')).not.toContain('place:下辖街道');
  });
});
