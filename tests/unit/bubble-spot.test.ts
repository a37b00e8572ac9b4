/**
 * Where the selection bubble goes in the page (lib/page/bubble-spot.ts): right after what was
 * selected, so Tab from the selection reaches it next, and never inside a link or a picture.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bubbleSpot } from '../../lib/page/bubble-spot';

const page = (body: string) => parseHTML(`<html><body>${body}</body></html>`).document;

/** The bubble put where bubbleSpot says, and the body's markup read back. */
function placed(document: Document, end: Node, offset = 0): string {
  const { parent, before } = bubbleSpot(end, offset);
  parent.insertBefore(document.createElement('bubble'), before);
  return document.body.innerHTML;
}

describe('bubbleSpot', () => {
  it('goes right after the paragraph the selection ends in, before the next link', () => {
    const document = page('<p id="a">one</p><p id="b">two</p><a href="/">next</a>');
    expect(placed(document, document.getElementById('a')!.firstChild!, 2)).toBe('<p id="a">one</p><bubble></bubble><p id="b">two</p><a href="/">next</a>');
  });

  it('goes after an inline element the selection ends in, still inside its paragraph', () => {
    const document = page('<p>one <em>two</em> three</p>');
    expect(placed(document, document.querySelector('em')!.firstChild!, 1)).toBe('<p>one <em>two</em><bubble></bubble> three</p>');
  });

  it('never goes inside a link, however deep the selection ends in it', () => {
    const document = page('<p>see <a href="/"><strong>this</strong></a> now</p>');
    expect(placed(document, document.querySelector('strong')!.firstChild!, 2)).toBe('<p>see <a href="/"><strong>this</strong></a><bubble></bubble> now</p>');
  });

  it('goes after a picture, where an element could not show, and after the link around it', () => {
    const document = page('<a href="/"><svg><text>label</text></svg></a><p>after</p>');
    expect(placed(document, document.querySelector('text')!.firstChild!, 1)).toBe('<a href="/"><svg><text>label</text></svg></a><bubble></bubble><p>after</p>');
  });

  it('goes at the selection’s end itself when that is right in the body', () => {
    const document = page('loose text<p>after</p>');
    expect(placed(document, document.body.firstChild!, 3)).toBe('loose text<bubble></bubble><p>after</p>');
    const all = page('<p>one</p><p>two</p>');
    expect(placed(all, all.body, 1)).toBe('<p>one</p><bubble></bubble><p>two</p>');
    const everything = page('<p>one</p><p>two</p>');
    expect(placed(everything, everything.body, 2)).toBe('<p>one</p><p>two</p><bubble></bubble>');
  });
});
