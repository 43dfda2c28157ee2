import { beforeEach, describe, expect, it } from 'vitest';
import { anchor } from '../../../lib/annotations/anchor';
import {
  buildTextMap,
  offsetOfBoundary,
  offsetsFromRange,
  rangeFromOffsets,
} from '../../../lib/annotations/dom-text';
import { describe as describeRange } from '../../../lib/annotations/selectors';

// Built with DOM calls (no HTML strings): lib/ and tests share the no-raw-HTML rule.
function el(tag: string, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const c of children) e.append(c);
  return e;
}

let root: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  const hidden = el('p', 'Invisible paragraph.');
  hidden.hidden = true;
  const none = el('span', 'no display');
  none.style.display = 'none';
  root = el(
    'article',
    el('h1', '  The  pier  '),
    el(
      'p',
      'Harbour officials ',
      el('b', 'confirmed'),
      ' on\n   Tuesday that the pier',
      none,
      ' will close.',
    ),
    el('script', 'var x = "not text";'),
    el('style', 'p { color: red }'),
    hidden,
    el('p', 'Engineers\u00a0found ', el('a', 'corrosion'), '.'),
  );
  document.body.append(el('nav', 'Menu'), root, el('footer', 'After'));
});

describe('buildTextMap', () => {
  it('reads blocks as paragraphs, collapses whitespace, skips script/style/hidden', () => {
    const map = buildTextMap(root);
    expect(map.text).toBe(
      'The pier\n\nHarbour officials confirmed on Tuesday that the pier will close.\n\nEngineers found corrosion.',
    );
  });

  it('honours a caller-supplied visibility check', () => {
    const map = buildTextMap(root, { isHidden: (e) => e.localName === 'h1' });
    expect(map.text.startsWith('Harbour')).toBe(true);
  });

  it('does not mutate the page', () => {
    const before = root.outerHTML;
    const map = buildTextMap(root);
    rangeFromOffsets(map, 0, map.text.length);
    expect(root.outerHTML).toBe(before);
  });
});

describe('offsets ↔ DOM ranges', () => {
  it('maps a text range across elements to a DOM Range with the same text', () => {
    const map = buildTextMap(root);
    const start = map.text.indexOf('officials');
    const end = map.text.indexOf('Tuesday') + 'Tuesday'.length;
    const range = rangeFromOffsets(map, start, end)!;
    expect(range.toString().replace(/\s+/g, ' ')).toBe('officials confirmed on Tuesday');
    expect(offsetsFromRange(map, range)).toEqual({ start, end });
  });

  it('round-trips every word of the text', () => {
    const map = buildTextMap(root);
    for (const m of map.text.matchAll(/\S+/g)) {
      const range = rangeFromOffsets(map, m.index, m.index + m[0].length)!;
      expect(range.toString()).toBe(m[0].replace('\u00a0', ' '));
      expect(offsetsFromRange(map, range)).toEqual({ start: m.index, end: m.index + m[0].length });
    }
  });

  it('a range across a paragraph break spans both paragraphs', () => {
    const map = buildTextMap(root);
    const start = map.text.indexOf('close.');
    const end = map.text.indexOf('Engineers') + 9;
    const range = rangeFromOffsets(map, start, end)!;
    expect(range.startContainer.textContent).toBe(' will close.');
    expect(range.endContainer.textContent).toBe('Engineers\u00a0found ');
    expect(offsetsFromRange(map, range)).toEqual({ start, end });
  });

  it('resolves element boundary points and points outside the root', () => {
    const map = buildTextMap(root);
    const p2 = root.children[1]!;
    const range = document.createRange();
    range.setStart(p2, 1); // before <b>
    range.setEnd(p2, 2); // after <b>
    expect(offsetsFromRange(map, range)).toEqual({
      start: map.text.indexOf('confirmed'),
      end: map.text.indexOf('confirmed') + 'confirmed'.length,
    });
    const nav = document.querySelector('nav')!;
    const footer = document.querySelector('footer')!;
    expect(offsetOfBoundary(map, nav.firstChild!, 0)).toBe(0);
    expect(offsetOfBoundary(map, footer.firstChild!, 0)).toBe(map.text.length);
    expect(rangeFromOffsets(map, 5, 5)).toBeNull();
    expect(rangeFromOffsets(map, -50, 1e9)!.toString().startsWith('The')).toBe(true);
  });

  it('selection → selectors → re-anchor → Range, after the page changed', () => {
    const map = buildTextMap(root);
    const range = document.createRange();
    const b = root.querySelector('b')!;
    range.setStart(b.firstChild!, 0);
    range.setEnd(root.querySelector('a')!.firstChild!, 9);
    const offsets = offsetsFromRange(map, range)!;
    const d = describeRange(map.text, offsets.start, offsets.end)!;
    // the site inserts a paragraph before the article text
    root.insertBefore(el('p', 'Update: an editor’s note was added.'), root.children[1]!);
    const map2 = buildTextMap(root);
    const res = anchor(d.selectors, map2.text, { textHash: d.textHash });
    expect(res.status).toBe('quote');
    const painted = rangeFromOffsets(map2, res.start, res.end)!;
    // Same boundary points as the reader's selection (the Range's own toString() would also list
    // the skipped script/style/hidden text in between, which is never painted).
    expect([painted.startContainer, painted.startOffset]).toEqual([b.firstChild, 0]);
    expect([painted.endContainer, painted.endOffset]).toEqual([root.querySelector('a')!.firstChild, 9]);
    expect(map2.text.slice(res.start, res.end)).toBe(map.text.slice(offsets.start, offsets.end));
  });
});
