/**
 * What Readability leaves in that a reader would not call the article. Old Chinese portals lay
 * pages out with tables, and Readability keeps a table of ten rows as data: link lists ("相关报道",
 * headline boxes) come along. Link density finds those; the rest are lines recognised by what
 * they say.
 */

const CONTAINERS = 'div, section, aside, table, tbody, tr, td, th, ul, ol, dl, li, dd, p, center, font, span';
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
  /^[【\[（(]?\s*(?:相关(?:新闻|报道|阅读|链接|文章|推荐|专题|内容|稿件)|延伸阅读|推荐阅读|热点推荐|热门推荐|精彩推荐|为你推荐|猜你喜欢|更多(?:新闻|阅读|精彩|内容)|往期回顾|版权声明|免责声明|反侵权公告|网友评论|发表评论|我要评论|最新评论|热门评论|评论区|分享到|扫一扫)\s*[】\]）)]?\s*(?:[:：]|$)/;
const COPYRIGHT = /copyright|©|版权所有|all rights reserved/i;
const MAX_NOTICE_LINE = 80;
// Lines with nothing to read: bullets, separators, pagination.
const NOTHING_TO_READ = /^(?:[\p{P}\p{S}\s]|第\s*\d+\s*页|共\s*\d+\s*页|上一页|下一页|首页|尾页|\d)*$/u;

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
    if (line.length <= MAX_NOTICE_LINE && COPYRIGHT.test(line)) continue;
    kept.push(line);
  }
  return kept;
}
