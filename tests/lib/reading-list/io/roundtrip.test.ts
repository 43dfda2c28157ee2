// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../../../lib/reading-list/io/csv';
import { collapseSpace, decodeEntities } from '../../../../lib/reading-list/io/html';
import {
  exportCsv,
  exportMarkdown,
  exportMastheadJson,
  exportNetscape,
  exportReadwiseCsv,
  parseImport,
} from '../../../../lib/reading-list/io/index';
import type { ExportItem, ImportResult } from '../../../../lib/reading-list/io/types';
import { cleanTags, splitTags } from '../../../../lib/reading-list/io/values';
import { text } from './helpers';

const str = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const iso = fc
  .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const highlight = fc.record(
  {
    id: fc.uuid(),
    createdAt: iso,
    quote: str(200).filter((q) => q.trim() !== ''),
    note: str(100),
    color: fc.constantFrom('yellow', 'green', 'blue', 'pink'),
    selectors: fc.array(
      fc.record({ type: fc.constant('TextQuoteSelector'), exact: str(50), prefix: str(32), suffix: str(32) }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['id', 'createdAt', 'quote'] },
);

/** A saved row as the reading list stores it, with every optional part sometimes present. */
const savedRow = fc.record(
  {
    title: str(150),
    savedAt: iso,
    updatedAt: iso,
    state: fc.constantFrom('unread' as const, 'archived' as const),
    favourite: fc.constantFrom(0 as const, 1 as const),
    tags: fc.array(str(20), { maxLength: 6 }),
    note: str(300),
    outletQid: fc.stringMatching(/^Q[1-9][0-9]{0,7}$/),
    publishedTime: iso,
    content: str(400).map((s) => `<p>${s}</p>`),
    text: str(400),
    excerpt: str(200),
    siteName: str(40),
    byline: str(40),
    context: fc.record({
      outlet: fc.record({ name: str(30), qid: fc.stringMatching(/^Q[0-9]{1,6}$/) }),
      people: fc.array(str(20), { maxLength: 4 }),
    }),
    highlights: fc.array(highlight, { maxLength: 3 }),
  },
  { requiredKeys: ['title', 'savedAt', 'updatedAt', 'state', 'favourite', 'tags', 'note'] },
);

function generate(n: number, seed: number): ExportItem[] {
  return fc.sample(savedRow, { numRuns: n, seed }).map((row, i) => {
    const path = i % 3 === 0 ? `/news/${i}?q=a,b&x=${i}` : `/a/${i}`;
    const url = `https://${i % 2 ? 'www.' : ''}site${i % 40}.example${path}`;
    return { urlKey: `site${i % 40}.example${path}`, url, ...row } as ExportItem;
  });
}

const ITEMS = generate(1000, 20251125);

function ok(r: ImportResult, format: string, n = ITEMS.length): void {
  expect(r.format).toBe(format);
  expect(r.errors).toEqual([]);
  expect(r.rows.filter((x) => x.status === 'skipped')).toEqual([]);
  expect(r.items).toHaveLength(n);
}

const secondsIso = (isoTime: string) => new Date(Math.floor(Date.parse(isoTime) / 1000) * 1000).toISOString();
const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

describe('round trips of 1,000 mixed items', () => {
  it('Masthead JSON loses nothing: every field of every row comes back, one by one', async () => {
    const json = exportMastheadJson(ITEMS);
    const head = JSON.parse(json) as Record<string, unknown>;
    expect(head).toMatchObject({ masthead: 'reading-list', version: 1, count: 1000 });
    expect(Number.isFinite(Date.parse(head.exportedAt as string))).toBe(true);
    const r = await parseImport(text(json), 'masthead.json');
    ok(r, 'masthead-json');
    r.items.forEach((item, i) => {
      const orig = ITEMS[i] as ExportItem;
      const raw = item.raw as Record<string, unknown>;
      expect(Object.keys(raw).sort()).toEqual(Object.keys(orig).sort());
      for (const key of Object.keys(orig)) expect(raw[key], `item ${i} field ${key}`).toEqual(orig[key]);
      expect(item.url).toBe(orig.url);
      expect(item.title).toBe(orig.title);
      expect(item.savedAt).toBe(orig.savedAt);
      expect(item.state).toBe(orig.state);
      expect(item.favourite).toBe(orig.favourite === 1);
      expect(item.tags).toEqual(orig.tags);
      expect(item.note ?? '').toBe(orig.note);
      expect(item.content).toBe(orig.content || undefined);
      expect(item.text).toBe(orig.text || undefined);
      const hs = (orig.highlights ?? []) as { quote: string }[];
      expect(item.highlights?.map((h) => h.quote)).toEqual(hs.length ? hs.map((h) => h.quote) : undefined);
    });
    // And the export of the re-imported rows is byte-identical (apart from the export time).
    const again = exportMastheadJson(
      r.items.map((x) => x.raw as ExportItem),
      new Date(head.exportedAt as string),
    );
    expect(again).toBe(json);
  });

  it('CSV keeps url, title, time (seconds), tags, state, favourite, note and excerpt', async () => {
    const csv = exportCsv(ITEMS);
    const r = await parseImport(text(csv), 'masthead.csv');
    ok(r, 'pocket-csv');
    r.items.forEach((item, i) => {
      const o = ITEMS[i] as ExportItem;
      expect(item.url).toBe(o.url);
      expect(item.title).toBe(collapseSpace(decodeEntities(neutraliseCell(o.title), true)) || o.url);
      expect(item.savedAt).toBe(secondsIso(o.savedAt));
      expect(item.state).toBe(o.state);
      expect(item.favourite).toBe(o.favourite === 1);
      expect(item.tags).toEqual(
        splitTags(neutraliseCell(o.tags.map((t) => t.replace(/\|/g, ' ')).join('|'))),
      );
      expect(item.note).toBe(opt(neutraliseCell(o.note)));
      expect(item.excerpt).toBe(opt(neutraliseCell((o.excerpt as string | undefined) ?? '')));
    });
  });

  it('bookmark HTML keeps url, title, time (seconds), tags, state, favourite, note and excerpt', async () => {
    const html = exportNetscape(ITEMS);
    const r = await parseImport(text(html), 'bookmarks.html');
    ok(r, 'netscape-html');
    // Exported in two folders (Unread, then Archive): compare by URL.
    const byUrl = new Map(r.items.map((x) => [x.url, x]));
    for (const o of ITEMS) {
      const item = byUrl.get(o.url);
      expect(item, o.url).toBeDefined();
      expect(item?.title).toBe(collapseSpace(o.title) || o.url);
      expect(item?.savedAt).toBe(secondsIso(o.savedAt));
      expect(item?.state).toBe(o.state);
      expect(item?.favourite).toBe(o.favourite === 1);
      expect(item?.tags).toEqual(cleanTags(o.tags.map((t) => t.replace(/[,|]/g, ' '))));
      expect(item?.note).toBe(opt(o.note));
      expect(item?.excerpt).toBe(opt(o.excerpt as string | undefined));
    }
  });

  it('Readwise CSV export re-imports every highlight quote and note', async () => {
    const withHighlights = ITEMS.filter((x) => x.highlights?.length);
    const r = await parseImport(text(exportReadwiseCsv(withHighlights)), 'readwise.csv');
    expect(r.format).toBe('readwise-csv');
    expect(r.items).toHaveLength(withHighlights.length);
    r.items.forEach((item, i) => {
      const o = withHighlights[i] as ExportItem;
      expect(item.highlights?.map((h) => [h.quote, h.note])).toEqual(
        (o.highlights as { quote: string; note?: string }[]).map((h) => [
          neutraliseCell(h.quote).trim(),
          opt(neutraliseCell(h.note ?? '')),
        ]),
      );
    });
  });
});

describe('exporters: escaping', () => {
  const evil: ExportItem = {
    urlKey: 'example.com/x',
    url: 'https://example.com/x?a=1&b="2"',
    title: '=cmd|" /C calc"!A0 <script>alert(1)</script>',
    savedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
    state: 'unread',
    favourite: 1,
    tags: ['+tag', 'a,b', '@x'],
    note: '-note\n# not a heading',
    highlights: [
      { id: 'h', createdAt: '2024-01-01T00:00:00.000Z', quote: 'line one\nline two', note: 'why' },
    ],
    text: 'First paragraph.\nSecond paragraph.\n# not a heading either\n1. not a list',
  };

  it('CSV neutralises formula cells (=, +, -, @, tab, CR) and quotes per RFC 4180', () => {
    const csv = exportCsv([evil, { ...evil, url: 'https://example.com/y', title: '\tTab', note: '\rCR' }]);
    const body = csv.split('\r\n').slice(1).join('\n');
    expect(body).toContain(`"'=cmd|"" /C calc""!A0 <script>alert(1)</script>"`);
    expect(body).toContain(`'+tag|a,b|@x`);
    expect(body).toContain(`"'-note\n# not a heading"`);
    expect(body).toContain(`'\tTab`);
    expect(body).toContain(`"'\rCR"`);
  });

  it('bookmark HTML escapes attributes and text', () => {
    const html = exportNetscape([evil, { ...evil, url: 'javascript:alert(1)' }]);
    expect(html).toContain('HREF="https://example.com/x?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('TOREAD="1"');
    expect(html).toContain('ADD_DATE="1704067200"');
    expect(html).toContain('TAGS="+tag,a b,@x"');
  });

  it('Markdown: front matter, escaped title, note, highlights as quotes with notes, article text', () => {
    const md = exportMarkdown(evil);
    expect(md.startsWith('---\ntitle: "=cmd|\\" /C calc\\"!A0 <script>alert(1)</script>"\nurl: ')).toBe(true);
    expect(md).toContain('# =cmd|" /C calc"!A0 \\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('<https://example.com/x?a=1&b="2">');
    expect(md).toContain('## Note\n\n-note\n# not a heading');
    expect(md).toContain('## Highlights\n\n> line one\n> line two\n\nwhy');
    expect(md).toContain(
      '## Article\n\nFirst paragraph.\n\nSecond paragraph.\n\n\\# not a heading either\n\n1\\. not a list',
    );
    expect(md).toContain('favourite: true');
    expect(md).toContain('tags: ["+tag","a,b","@x"]');
  });
});
