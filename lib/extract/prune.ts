/**
 * What Readability leaves in that a reader would not call the article. Old Chinese portals lay
 * pages out with tables, and Readability keeps a table of ten rows as data: link lists ("相关报道",
 * headline boxes) come along. Link density finds those; the rest are lines recognised by what
 * they say.
 */
import { weightedLength } from './text';

// Blocks only: an inline link inside a sentence is part of the sentence.
const CONTAINERS = 'div, section, aside, table, tbody, tr, td, th, ul, ol, dl, li, dd, p, center';
// A block whose text is mostly links is a list of other pages, not part of this one.
const MAX_LINK_DENSITY = 0.5;

const visibleLength = (text: string | null) => (text ?? '').replace(/\s+/g, '').length;

function linkDensity(el: Element): number {
  const total = visibleLength(el.textContent);
  if (!total) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += visibleLength(a.textContent);
  return links / total;
}

/** Removes link-dense blocks from `root`, in place. */
export function pruneLinkBlocks(root: Element): void {
  for (const el of [...root.querySelectorAll(CONTAINERS)]) {
    if (root.contains(el) && linkDensity(el) >= MAX_LINK_DENSITY) el.remove();
  }
}

// A heading that opens what follows the article: related links, notices, comments, share bars.
const TAIL_HEADING =
  /^[【[（(]?\s*(?:相关(?:新闻|报道|阅读|链接|文章|推荐|专题|内容|稿件)|延伸阅读|推荐阅读|热点推荐|热门推荐|精彩推荐|为你推荐|猜你喜欢|更多(?:新闻|阅读|精彩|内容)|往期回顾|版权声明|免责声明|反侵权公告|网友评论|发表评论|我要评论|最新评论|热门评论|评论区|分享到|扫一扫)\s*[】\]）)]?\s*(?:[:：]|$)/;
const COPYRIGHT = /copyright|©|版权所有|all rights reserved/i;
// "阅读(1660) 评论(5)", "点击数：123": a post's counters, not its text.
const COUNTERS = /(?:阅读|评论|点击|浏览|点赞|收藏)(?:数|量|次数)?\s*[(（:：]\s*\d+/;
const MAX_NOTICE_LINE = 80;
// Lines with nothing to read: bullets, separators, pagination. (Not every punctuation-only line:
// a "}" in a code listing is content.)
const NOTHING_TO_READ = /^(?:[·•|\-—_*<>«»/\s]|第\s*\d+\s*页|共\s*\d+\s*页|上一页|下一页|首页|尾页|\d)*$/u;

// A box of headlines or captions closing the page: lines too short to be paragraphs and not
// sentences, three or more of them, or fewer under a heading such as "幻灯欣赏：" or "相关报道：".
// Labelled lines (来源：…, 编辑：…, 发动机排量：…, 地点：…) and bracketed credits close many
// articles in the same shape and belong to them.
const BOX_ITEM_MAX = 90;
const BOX_MIN_ITEMS = 3;
const BOX_HEADING = /^.{1,10}[:：]$/;
const SENTENCE_END = /[。！？!?…]|\.(?=\s|$)/;
const LABELLED = /^[^:：]{1,10}[:：]\s*\S|^[(（【[].*[)）】\]]$/;

const boxItem = (line: string) => weightedLength(line) <= BOX_ITEM_MAX && !SENTENCE_END.test(line) && !LABELLED.test(line);

function cutClosingBox(lines: string[]): string[] {
  let start = lines.length;
  while (start > 0 && boxItem(lines[start - 1])) start--;
  if (lines.length - start >= BOX_MIN_ITEMS) return lines.slice(0, start);
  for (let i = start; i < lines.length - 2; i++) if (BOX_HEADING.test(lines[i])) return lines.slice(0, i);
  return lines;
}

/**
 * Drops lines that are not the article's. A tail heading in the second half of the text ends the
 * article; higher up it is a stray share or comment button and goes alone.
 */
export function pruneLines(lines: string[]): string[] {
  const total = lines.reduce((sum, line) => sum + line.length, 0);
  const kept: string[] = [];
  let seen = 0;
  for (const line of lines) {
    seen += line.length;
    if (TAIL_HEADING.test(line)) {
      if (seen - line.length >= total / 2) break;
      continue;
    }
    if (NOTHING_TO_READ.test(line)) continue;
    if (line.length <= MAX_NOTICE_LINE && (COPYRIGHT.test(line) || COUNTERS.test(line))) continue;
    kept.push(line);
  }
  return cutClosingBox(kept);
}
