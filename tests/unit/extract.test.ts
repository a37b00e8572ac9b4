import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, looksLikeArticle } from '../../lib/extract/article';
import { findPublishedDate } from '../../lib/extract/date';
import { decodeMarkup } from '../../lib/extract/decode';
import { blockText, MAX_DEPTH } from '../../lib/extract/text';
import { findSiteName, findTitle } from '../../lib/extract/title';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

// An invented local news story told the way Chinese sites write: many short paragraphs.
const PARAGRAPHS = [
  '记者从市交通运输局获悉，三条新公交线路今天开通。',
  '新线路分别连接河西、高铁站和职教城。',
  '首班车早上六点发车，末班车晚上十点。',
  '市民可以刷卡或扫码乘车。',
  '线路开通前，公交公司进行了多次试运行。',
  '“以前去高铁站要转两趟车，现在一趟就到。”家住天元区的李女士说。',
  '公交公司表示，将根据客流情况调整发车间隔。',
  '高峰时段，发车间隔不超过八分钟。',
  '新线路共设站点四十五个，其中新增站点十二个。',
  '沿线居民约二十万人将从中受益。',
  '下一步，我市还将优化十条既有线路。',
];
const COMMENTS = [
  '终于开通了，以后上班方便多了，希望发车再密一些，早晚高峰人太多了，公交公司要多想想办法，增加车辆。',
  '职教城的学生们出行也方便了，点赞！不过周末的班次还是少了一点，希望能够增加，站台的遮阳棚也要跟上。',
  '我家住在河西，以前坐车要走二十分钟，现在家门口就有站台了，真是办了一件实事，希望以后越来越好。',
];
const RELATED = ['我市公交开通扫码乘车功能', '高铁站新增出租车候客区', '职教城至河西公交线路试运行', '五一期间公交客流创新高'];
const HOT = ['株洲今年将新建十所学校', '湘江风光带夜景提质', '神农城音乐节下月举办'];
// Headlines some sites drop into the middle of a story, with no heading to give them away.
const INSET = ['公交卡充值网点一览', '高铁站停车场收费调整'];

function articlePage(paragraphs = PARAGRAPHS, bodyClass = 'article-body'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>我市新开通三条公交线路_株洲新闻网</title>
<style>.x { content: "样式里的字" }</style><script>var leak = "脚本里的字";</script></head><body>
<div class="top"><h1 class="logo"><a href="/">株洲新闻网</a></h1>
<div class="menu"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/city">本地</a> <a href="/pic">图片</a></div>
<div class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; 正文</div></div>
<div class="main"><div class="left">
<h1>我市新开通三条公交线路</h1>
<div class="info">2024年5月22日 10:30　来源：株洲日报</div>
<div class="bdsharebuttonbox">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
<div class="${bodyClass}">${paragraphs.map((p, i) => `<p>${p}</p>${i === 4 ? `<ul>${INSET.map((t) => `<li><a href="/i.html">${t}</a></li>`).join('')}</ul>` : ''}`).join('\n')}</div>
<div class="box"><h3>相关新闻</h3><ul>${RELATED.map((t, i) => `<li><a href="/r${i}.html">${t}</a></li>`).join('')}</ul></div>
<div class="pinglun"><h3>网友评论</h3>${COMMENTS.map((c, i) => `<div class="item"><span>网友${i}</span><p>${c}</p></div>`).join('')}</div>
</div>
<div class="right"><h3>热点排行</h3><ul>${HOT.map((t, i) => `<li><a href="/h${i}.html">${t}</a></li>`).join('')}</ul></div></div>
<div class="footer"><p>版权所有 © 2024 株洲新闻网</p><p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></p></div>
<script>document.write("写出来的字")</script>
</body></html>`;
}

const BOILERPLATE = ['首页', '当前位置', '分享到', '微信', '相关新闻', ...RELATED, ...HOT, ...INSET, '网友评论', ...COMMENTS, '版权所有', '关于我们'];

function expectOnlyTheStory(text: string, paragraphs = PARAGRAPHS): void {
  expect(text.split('\n').filter((line) => paragraphs.includes(line))).toEqual(paragraphs);
  for (const junk of BOILERPLATE) expect(text).not.toContain(junk);
}

describe('extractArticle', () => {
  it('keeps the short paragraphs and none of the navigation, share bar, related links, comments or footer', () => {
    const doc = parse(articlePage());
    expect(looksLikeArticle(doc)).toBe(true);
    const article = extractArticle(doc, 'https://news.example.cn/2024/0522/1.html');
    expect(article).toBeDefined();
    expectOnlyTheStory(article!.text);
    expect(article).toMatchObject({ title: '我市新开通三条公交线路', date: '2024-05-22', site: '株洲新闻网' });
  });

  it('finds a story whose paragraphs are all too short for Readability to score, under a plain class name', () => {
    const short = PARAGRAPHS.map((p) => p.split('，')[0].replace(/。?$/, '。'));
    expect(short.every((p) => p.length < 25)).toBe(true);
    const article = extractArticle(parse(articlePage(short, 'wz')));
    expectOnlyTheStory(article!.text, short);
  });

  it('takes the story, not the comment thread that plain Readability picks when every paragraph is short', () => {
    const short = [
      '三条新公交线路今天开通。',
      '新线路连接河西和高铁站。',
      '首班车早上六点发车。',
      '末班车晚上十点收车。',
      '市民可以刷卡乘车。',
      '也可以用手机扫码。',
      '线路经过了多次试运行。',
      '高峰时段八分钟一班。',
      '共设站点四十五个。',
      '其中新增站点十二个。',
      '沿线居民约二十万人。',
      '下一步还将优化线路。',
    ];
    const html = `<html><head><title>我市新开通三条公交线路_株洲新闻网</title></head><body>
<div class="w"><h1>我市新开通三条公交线路</h1><div class="xx">2024年5月22日</div>
<div class="zw">${short.map((p) => `<p>${p}</p>`).join('')}</div>
<div class="pinglun"><div class="t">网友留言</div>${COMMENTS.map((c, i) => `<div class="item"><span>网友${i}</span><p>${c}</p></div>`).join('')}</div></div>
</body></html>`;
    const article = extractArticle(parse(html))!;
    expect(article.text.split('\n')).toEqual(short);
    expect(article.date).toBe('2024-05-22');
  });

  it('turns block elements and <br> into line breaks and folds whitespace', () => {
    const html = `<html><body><div class="content"><p>第一段，  有　全角空格。</p><div>第二段<br>换行之后，仍是第二段。</div>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const lines = extractArticle(parse(html))!.text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['第一段， 有 全角空格。', '第二段', '换行之后，仍是第二段。']);
  });

  it('never mutates the page', () => {
    const doc = parse(articlePage());
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps script, style and other hidden content out of the text of a hostile page', () => {
    const html = `<html><head><title>恶意页面</title><script>window.x = "头部脚本";</script></head><body><div class="content">
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
<p>正文之中<script>document.write("正文里的脚本")</script>插了脚本。</p><style>p::after { content: "正文里的样式" }</style>
<noscript>不运行脚本时的字</noscript><template><p>模板里的段落，不会显示出来。</p></template><!-- 注释里的字 -->
<textarea>输入框里的字</textarea><img src="x" onerror="alert('图片事件')"><iframe srcdoc="<p>框架里的字</p>"></iframe>
</div></body></html>`;
    const article = extractArticle(parse(html))!;
    expect(article.text).toContain('正文之中插了脚本。');
    for (const hidden of [
      '头部脚本',
      '正文里的脚本',
      '正文里的样式',
      '不运行脚本时的字',
      '模板里的段落',
      '注释里的字',
      '输入框里的字',
      '图片事件',
      '框架里的字',
    ]) {
      expect(article.text).not.toContain(hidden);
    }
  });
});

describe('a hostile page', () => {
  it('is walked MAX_DEPTH elements deep at most, so nesting without limit cannot overflow the stack', () => {
    const nested = (depth: number) => parse(`<html><body>${'<div>'.repeat(depth)}深处的字${'</div>'.repeat(depth)}</body></html>`);
    expect(blockText(nested(MAX_DEPTH - 10).body)).toContain('深处的字');
    expect(blockText(nested(MAX_DEPTH + 10).body)).not.toContain('深处的字');
    const page = articlePage().replace(
      '<div class="footer">',
      `${'<div>'.repeat(MAX_DEPTH + 10)}深处的字${'</div>'.repeat(MAX_DEPTH + 10)}<div class="footer">`,
    );
    const article = extractArticle(parse(page), 'https://news.example.cn/2024/0522/1.html');
    expectOnlyTheStory(article!.text);
  });
});

describe('a page that is not one article', () => {
  const headlines = [
    '我市新开通三条公交线路',
    '株洲今年将新建十所学校',
    '湘江风光带夜景提质',
    '神农城音乐节下月举办',
    '高铁站新增出租车候客区',
    '五一期间公交客流创新高',
    '职教城至河西公交线路试运行',
  ];
  const section = (name: string) =>
    `<div class="${name}"><h2>${name}</h2><ul>${headlines.map((h, i) => `<li><a href="/${name}/${i}.html">${h}</a> <span>05-2${i}</span></li>`).join('')}</ul></div>`;
  const home = `<html><head><title>株洲新闻网 - 株洲第一新闻门户</title></head><body>
<div class="nav">${headlines.map((_, i) => `<a href="/c${i}">频道${i}</a>`).join(' | ')}</div>
<div class="focus"><h3><a href="/f1">我市新开通三条公交线路</a></h3><p>三条新线路连接河西、高铁站和职教城，沿线居民约二十万人受益。</p></div>
${section('yaowen')}${section('bendi')}${section('shehui')}
<div class="foot"><p>主办：株洲日报社 地址：湖南省株洲市天元区 电话：0731-00000000</p><p>版权所有 © 株洲新闻网</p></div>
</body></html>`;

  it('is not taken for one: looksLikeArticle is false and extractArticle finds nothing', () => {
    const doc = parse(home);
    expect(looksLikeArticle(doc)).toBe(false);
    expect(extractArticle(doc)).toBeUndefined();
  });

  it('an empty page neither', () => {
    const doc = parse('<html><body></body></html>');
    expect(looksLikeArticle(doc)).toBe(false);
    expect(extractArticle(doc)).toBeUndefined();
  });
});

describe('findPublishedDate', () => {
  const withHead = (head: string, body = '') => parse(`<html><head>${head}</head><body>${body}</body></html>`);

  it('reads the meta tags, in the date the page states', () => {
    expect(findPublishedDate(withHead('<meta property="article:published_time" content="2024-05-22T23:30:00+08:00">'))).toBe('2024-05-22');
    expect(findPublishedDate(withHead('<meta name="PubDate" content="2024-05-22 10:30">'))).toBe('2024-05-22');
    expect(findPublishedDate(withHead('<meta name="publishdate" content="2024/5/22">'))).toBe('2024-05-22');
  });

  it('reads JSON-LD and <time datetime>', () => {
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-05-22T08:00:00Z"}]}</script>';
    expect(findPublishedDate(withHead(ld))).toBe('2024-05-22');
    expect(findPublishedDate(withHead('', '<p>发布于 <time datetime="2024-05-22T10:30">上午</time></p>'))).toBe('2024-05-22');
  });

  it('reads a Chinese dateline in the text: 2024年5月22日, 2024/5/22, 2024.05.22', () => {
    for (const written of ['2024年5月22日 10:30', '2024年05月22日', '2024/5/22', '2024.05.22 10:30', '2024-05-22 10:30']) {
      expect(findPublishedDate(withHead('', `<h1>标题</h1><div>${written} 来源：株洲日报</div><p>正文。</p>`))).toBe('2024-05-22');
    }
  });

  it('takes the dateline above the article, not the site header\'s "today" nor the dates in the story', () => {
    const body = `<div class="top">今天是 2024年6月1日 星期六</div>${'<a href="/">栏目</a>'.repeat(80)}
<h1>我市新开通三条公交线路</h1><div>2024-05-22 10:30 来源：株洲日报</div>
<p>记者从市交通运输局获悉，三条新公交线路将于2024年5月25日开通。</p><p>此前的线路调整始于2023年。</p>`;
    const text = '记者从市交通运输局获悉，三条新公交线路将于2024年5月25日开通。\n此前的线路调整始于2023年。';
    expect(findPublishedDate(withHead('', body), text)).toBe('2024-05-22');
  });

  it('finds nothing where there is no date', () => {
    expect(findPublishedDate(withHead('<meta name="pubdate" content="未知">', '<p>没有日期的一段话。</p>'))).toBeUndefined();
  });
});

describe('findTitle and findSiteName', () => {
  it('takes the <h1> and drops the site suffix of <title>', () => {
    const doc = parse('<html><head><title>标题_新浪网</title></head><body><h1 class="logo">新浪网</h1><h1>标题</h1></body></html>');
    expect(findTitle(doc)).toBe('标题');
    expect(findSiteName(doc)).toBe('新浪网');
  });

  it('takes og:title, or <title> without its channel and site suffixes', () => {
    expect(findTitle(parse('<html><head><meta property="og:title" content="标题"><title>标题 - 要闻 - 云南日报网</title></head></html>'))).toBe('标题');
    const doc = parse('<html><head><title>四年前中500万 一夜暴富后如何经营__商贸_产业资讯_新浪网</title></head><body></body></html>');
    expect(findTitle(doc)).toBe('四年前中500万 一夜暴富后如何经营');
    expect(findSiteName(doc)).toBe('新浪网');
  });

  it('keeps hyphens and dashes that belong to the headline', () => {
    expect(findTitle(parse('<html><head><title>2023-2024赛季CBA开赛</title></head></html>'))).toBe('2023-2024赛季CBA开赛');
    expect(findTitle(parse('<html><head><title>对比试车—测试两款小车、谁更省油(图)</title></head></html>'))).toBe('对比试车—测试两款小车、谁更省油(图)');
  });

  it('names the site from og:site_name, else the URL', () => {
    expect(findSiteName(parse('<html><head><meta property="og:site_name" content="株洲新闻网"><title>标题</title></head></html>'))).toBe('株洲新闻网');
    expect(findSiteName(parse('<html><head><title>标题</title></head></html>'), 'https://news.example.cn/a.html')).toBe('news.example.cn');
  });
});

describe('decodeMarkup', () => {
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  // '株洲' in GBK (and GB2312, and GB18030).
  const ZHUZHOU_GBK = [0xd6, 0xea, 0xd6, 0xde];
  const page = (head: string) => new Uint8Array([...ascii(`<html><head>${head}</head><body><p>`), ...ZHUZHOU_GBK, ...ascii('</p></body></html>')]);

  it('honours a charset declared in <meta>', () => {
    expect(decodeMarkup(page('<meta charset="gbk">'))).toContain('<p>株洲</p>');
    expect(decodeMarkup(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'))).toContain('<p>株洲</p>');
    expect(decodeMarkup(page('<meta charset="x-gbk">'))).toContain('<p>株洲</p>');
  });

  it('honours the Content-Type header before the page', () => {
    expect(decodeMarkup(page(''), 'text/html; charset=GB2312')).toContain('<p>株洲</p>');
    const utf8 = new TextEncoder().encode('<html><head><meta charset="gbk"></head><body><p>株洲</p></body></html>');
    expect(decodeMarkup(utf8, 'text/html; charset=utf-8')).toContain('<p>株洲</p>');
  });

  it('guesses when nothing is declared: UTF-8 when the bytes are valid UTF-8, else GB18030', () => {
    expect(decodeMarkup(page(''))).toContain('<p>株洲</p>');
    expect(decodeMarkup(new TextEncoder().encode('<p>株洲</p>'))).toBe('<p>株洲</p>');
  });

  it('lets a UTF-8 byte order mark overrule a stale declaration', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<meta charset="gbk"><p>株洲</p>')]);
    expect(decodeMarkup(bytes, 'text/html; charset=gbk')).toBe('<meta charset="gbk"><p>株洲</p>');
  });

  it('treats an unknown label as undeclared', () => {
    expect(decodeMarkup(page('<meta charset="no-such-charset">'))).toContain('<p>株洲</p>');
  });
});
