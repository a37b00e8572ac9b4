import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { badgeText } from '../../lib/page/badge';
import { isEditable, isWorthLookingUp, siteFromInput, siteOf } from '../../lib/page/selection';

describe('the badge', () => {
  it('shows the count, nothing for none, and 99+ above 99', () => {
    expect([0, 1, 42, 99, 100, 12345].map(badgeText)).toEqual(['', '1', '42', '99', '99+', '99+']);
  });
});

describe('which selections are looked up', () => {
  it('takes six Chinese characters or three words, not less', () => {
    expect(isWorthLookingUp('曹慧泉率团访问')).toBe(true);
    expect(isWorthLookingUp('  曹慧泉率团访 ')).toBe(true);
    expect(isWorthLookingUp('立方新能源')).toBe(false);
    expect(isWorthLookingUp('Xi Jinping congratulates')).toBe(true);
    expect(isWorthLookingUp('Xi Jinping')).toBe(false);
    expect(isWorthLookingUp('2024 05')).toBe(false);
  });

  it('never looks inside what the reader is typing', () => {
    const { document } = parseHTML(
      '<p id=p>株洲日报</p><input id=i value=x><textarea id=t>x</textarea><div contenteditable=true><span id=e>x</span></div><div contenteditable=false><span id=n>x</span></div>',
    );
    const node = (id: string) => document.getElementById(id)!.firstChild ?? document.getElementById(id);
    expect(isEditable(node('p'))).toBe(false);
    expect(isEditable(document.getElementById('i'))).toBe(true);
    expect(isEditable(node('t'))).toBe(true);
    expect(isEditable(node('e'))).toBe(true);
    expect(isEditable(node('n'))).toBe(false);
    expect(isEditable(null)).toBe(false);
  });

  it('names a site by its host, without www', () => {
    expect(siteOf('https://www.zznews.gov.cn/news/a.html')).toBe('zznews.gov.cn');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
  });

  it('takes a site typed on the options page as a host name or an address, and nothing else', () => {
    expect(siteFromInput(' news.example.com ')).toBe('news.example.com');
    expect(siteFromInput('https://www.zznews.gov.cn/news/a.html')).toBe('zznews.gov.cn');
    expect(siteFromInput('zznews.gov.cn/news/a.html')).toBe('zznews.gov.cn');
    expect(siteFromInput('example.com:8080')).toBe('example.com');
    expect(siteFromInput('http://127.0.0.1:3000/news.html')).toBe('127.0.0.1');
    // Stored as the page's address names it, so the switch meets the page.
    expect(siteFromInput('新闻.中国')).toBe(siteOf('https://新闻.中国/'));
    for (const refused of [
      '',
      '   ',
      'not a site!!',
      'notasite!!',
      'a..b',
      '-a.com',
      'ftp://x.com',
      'javascript:alert(1)',
      'mailto:a@b.com',
      'https://user@x.com/',
    ]) {
      expect(siteFromInput(refused), refused).toBeNull();
    }
  });
});
