import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/lib/related/feed-parser';
import { decodeEntities, parseXml } from '@/lib/related/xml';
import { htmlToText } from '@/lib/related/html-text';
import { parseFeedDate } from '@/lib/related/dates';

// Pieces that make realistic broken feeds when shuffled together.
const piece = fc.oneof(
  fc.constantFrom(
    '<rss version="2.0">',
    '<channel>',
    '</channel>',
    '<item>',
    '</item>',
    '<title>',
    '</title>',
    '<link>',
    '</link>',
    'https://a.example/x',
    'javascript:alert(1)',
    '<description>',
    '</description>',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>',
    '&a;',
    '&amp;',
    '&#0;',
    '&#x110000;',
    '&#65;',
    '<?xml version="1.0"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<entry>',
    '</entry>',
    '<link href="/rel"/>',
    '<a:b xmlns:a="urn:x">',
    '</a:b>',
    '<pubDate>',
    'Fri, 03 Feb 2017 10:00:00 +0900',
    '</pubDate>',
    '<',
    '>',
    '"',
    "'",
    '=',
    '/',
    '</',
    '<x y="1',
    '{',
    '}',
    '"items":[',
    '<p>',
    '<script>',
    '</script>',
    '\u0000',
    '\uFEFF',
    '\uD800',
  ),
  fc.string({ maxLength: 20 }),
);
const feedLike = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

const RUNS = 10_000;

describe('feed parser fuzz (fast-check)', () => {
  it(`never throws and returns well-formed output (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(feedLike, (s) => {
        const r = parseFeed(s);
        expect(Array.isArray(r.items)).toBe(true);
        expect(Array.isArray(r.errors)).toBe(true);
        for (const it of r.items) {
          expect(it.url).toMatch(/^https?:\/\//);
          expect(typeof it.title).toBe('string');
          expect(it.publishedAt === '' || !Number.isNaN(Date.parse(it.publishedAt))).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 20261125 },
    );
  });

  it('never throws on arbitrary bytes (decoding)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        const r = parseFeed(b);
        expect(typeof r.encoding).toBe('string');
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('XML reader and helpers are total on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parseXml(s);
        decodeEntities(s);
        htmlToText(s);
        parseFeedDate(s);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('stays linear on adversarial repetitions (bounded by design, not by a timer)', () => {
    // Each of these once triggered quadratic rescans in naive readers; the reader must finish them,
    // and its output must stay within the limits it promises.
    const n = 200_000;
    const cases = [
      '<'.repeat(n),
      '<a '.repeat(n / 3),
      '<a x="'.repeat(n / 6),
      '<!--'.repeat(n / 4),
      '&amp;'.repeat(n / 5),
      '<a>'.repeat(n / 3),
    ];
    for (const c of cases) {
      const d = parseXml(c);
      expect(d.errors.length).toBeLessThanOrEqual(50);
    }
    const deep = parseXml('<a>'.repeat(5000) + 'x');
    expect(deep.errors).toContain('Elements nested deeper than 48 levels were flattened.');
    const wide = parseXml('<r>' + '<i/>'.repeat(300_000) + '</r>');
    expect(wide.errors).toContain('More than 200000 XML elements; the rest was ignored.');
    expect(htmlToText('<script>'.repeat(50_000))).toBe('');
  });
});
