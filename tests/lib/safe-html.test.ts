// @vitest-environment jsdom
/**
 * SECURITY S6: Readability output is untrusted HTML. Every file of our own XSS corpus
 * (tests/fixtures/xss/*.html: handlers, javascript: links, SVG/MathML, srcdoc/frames, DOM
 * clobbering, mXSS-style nesting) goes through the sanitiser, directly and via Readability, and the
 * result is checked on a re-parsed DOM.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/article/extract';
import { createSanitizer, renderSanitized } from '../../lib/safe-html';

const XSS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'xss');
const corpus = readdirSync(XSS_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => [f, readFileSync(path.join(XSS_DIR, f), 'utf8')] as const);

const win = new JSDOM('').window as unknown as Window;
const sanitize = createSanitizer(win);
const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'style',
  'link',
  'meta',
  'base',
  'math',
  'foreignobject',
  'use',
  'animate',
  'set',
  'template',
  'noscript',
]);
const S6 = /on\w+=|javascript:|<script|<iframe/i;

/** Every problem in sanitised HTML, checked on a fresh parse (what a renderer would build). */
function problems(html: string): string[] {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const found: string[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') found.push(`${tag}[${name}]`);
      if (
        ['href', 'src', 'xlink:href', 'action', 'formaction', 'data'].includes(name) &&
        !/^https?:\/\//i.test(attr.value)
      )
        found.push(`${tag}[${name}=${attr.value}]`);
      if (S6.test(`${name}=${attr.value}`)) found.push(`S6 ${tag}[${name}]`);
    }
  }
  return found;
}

function articlePage(fragment: string): Document {
  const filler = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i} of a synthetic article with enough words to be kept by Readability as real content of the page.</p>`,
  ).join('');
  return new JSDOM(
    `<!DOCTYPE html><html><head><title>XSS</title></head><body><article>${filler}${fragment}${filler}</article></body></html>`,
    { url: 'https://news.example.test/a' },
  ).window.document;
}

describe('createSanitizer', () => {
  it('has a corpus in every category', () => {
    expect(corpus.map(([f]) => f)).toEqual([
      'dom-clobbering.html',
      'event-handlers.html',
      'frames-srcdoc.html',
      'javascript-links.html',
      'mxss-nesting.html',
      'svg-mathml.html',
    ]);
  });

  it.each(corpus)('neutralises %s', (_file, html) => {
    const clean = sanitize(html);
    expect(problems(clean)).toEqual([]);
    // Sanitising twice changes nothing (no mutation-based re-activation).
    expect(problems(sanitize(clean))).toEqual([]);
  });

  it.each(corpus)('neutralises %s after Readability', (_file, html) => {
    const article = extractArticle(articlePage(html), { url: 'https://news.example.test/a', sanitize });
    expect(article).not.toBeNull();
    expect(problems(article!.content)).toEqual([]);
  });

  it('keeps http(s) links and images, hardening links', () => {
    const clean = sanitize(
      '<p><a href="https://ok.example.test/x">ok</a> <img src="http://img.example.test/a.jpg" alt="a"></p>',
    );
    const doc = new JSDOM(`<body>${clean}</body>`).window.document;
    const a = doc.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://ok.example.test/x');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('http://img.example.test/a.jpg');
  });

  it('drops relative and protocol-relative URLs (callers resolve them first)', () => {
    const clean = sanitize(
      '<a href="/x">a</a><a href="//evil.example.test/">b</a><img src="a.jpg" srcset="https://i.test/1.jpg 1x, data:x 2x">',
    );
    expect(clean).not.toMatch(/href=|src=|srcset=/);
  });

  it('returns an empty string for non-strings', () => {
    expect(sanitize(undefined as unknown as string)).toBe('');
  });
});

describe('renderSanitized', () => {
  it('assigns only sanitised HTML', () => {
    const doc = new JSDOM('<body><div id="out"></div></body>').window.document;
    const out = doc.getElementById('out')!;
    renderSanitized(
      out,
      '<p onclick="alert(1)">Hi <script>alert(2)</script><a href="javascript:alert(3)">x</a></p>',
      sanitize,
    );
    expect(out.querySelector('script')).toBeNull();
    expect(out.querySelector('p')?.hasAttribute('onclick')).toBe(false);
    expect(out.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(out.textContent).toContain('Hi');
  });
});
