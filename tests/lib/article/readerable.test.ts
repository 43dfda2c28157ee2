// @vitest-environment node
/** The ported isProbablyReaderable answers exactly like @mozilla/readability's. */
import { isProbablyReaderable as original } from '@mozilla/readability';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNodeVisible, isProbablyReaderable } from '../../../lib/article/readerable';
import { docFor, fixturePages, page } from './helpers';

const long = (n: number) =>
  'Words of a paragraph, with commas, that go on. '.repeat(Math.ceil(n / 47)).slice(0, n);

describe('isProbablyReaderable (port)', () => {
  it.each(fixturePages().map((p) => [p.name, p.html] as const))(
    'agrees with Readability on %s',
    (_n, html) => {
      const doc = docFor(html);
      expect(isProbablyReaderable(doc)).toBe(original(doc));
    },
  );

  it.each([
    ['no text', page('<p>hi</p>'), false],
    ['one long paragraph is not enough', page(`<p>${long(300)}</p>`), false],
    ['several long paragraphs', page(`<p>${long(600)}</p><p>${long(600)}</p>`), true],
    ['unlikely class without rescue', page(`<p class="sidebar">${long(2000)}</p>`), false],
    ['unlikely class rescued by "article"', page(`<p class="sidebar article">${long(2000)}</p>`), true],
    ['paragraphs in list items do not count', page(`<ul><li><p>${long(2000)}</p></li></ul>`), false],
    ['hidden attribute', page(`<p hidden>${long(2000)}</p>`), false],
    ['inline display:none', page(`<p style="display:none">${long(2000)}</p>`), false],
    ['aria-hidden', page(`<p aria-hidden="true">${long(2000)}</p>`), false],
    [
      'aria-hidden fallback-image',
      page(`<p aria-hidden="true" class="fallback-image">${long(2000)}</p>`),
      true,
    ],
    ['div with <br> text', page(`<div>${long(1500)}<br>${long(1500)}<br></div>`), true],
    ['pre and article', page(`<pre>${long(1000)}</pre><article>${long(1000)}</article>`), true],
  ])('%s', (_n, doc, expected) => {
    expect(isProbablyReaderable(doc)).toBe(expected);
    expect(original(doc)).toBe(expected);
  });

  it('agrees on random paragraph soups (fast-check)', () => {
    const block = fc.record({
      tag: fc.constantFrom('p', 'pre', 'article', 'div', 'li'),
      cls: fc.constantFrom('', 'comment', 'sidebar main', 'content', 'fallback-image'),
      attr: fc.constantFrom('', ' hidden', ' aria-hidden="true"', ' style="display:none"'),
      length: fc.integer({ min: 0, max: 900 }),
      br: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
        const body = blocks
          .map((b) => `<${b.tag} class="${b.cls}"${b.attr}>${long(b.length)}${b.br ? '<br>' : ''}</${b.tag}>`)
          .join('');
        const doc = page(body);
        expect(isProbablyReaderable(doc)).toBe(original(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('with isVisible: replaces the default check and is asked only about nodes that would count', () => {
    const doc = page(`<p>short</p><p class="footer">${long(500)}</p><p hidden id="main">${long(2000)}</p>`);
    const askedPort: Element[] = [];
    const askedOriginal: Element[] = [];
    expect(isProbablyReaderable(doc, { isVisible: (el) => askedPort.push(el) > 0 })).toBe(true);
    expect(original(doc, { visibilityChecker: (n) => askedOriginal.push(n as Element) > 0 })).toBe(true);
    // The hidden attribute does not matter once the caller's check replaces the default one.
    expect(askedPort.map((el) => el.id)).toEqual(['main']);
    expect(askedOriginal).toHaveLength(3);
    expect(isProbablyReaderable(doc, { isVisible: () => false })).toBe(false);
  });

  it('isNodeVisible is Readability default visibility', () => {
    const doc = page('<p id="a" hidden></p><p id="b"></p><svg id="c" aria-hidden="true"></svg>');
    expect(isNodeVisible(doc.getElementById('a') as Element)).toBe(false);
    expect(isNodeVisible(doc.getElementById('b') as Element)).toBe(true);
    expect(isNodeVisible(doc.getElementById('c') as Element)).toBe(false);
  });
});
