// @vitest-environment node
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseImport } from '../../../../lib/reading-list/io/index';
import { byUrl, fixtureBytes, importFixture, skipped, text } from './helpers';

const PRESS_TV = 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';

describe('Pocket CSV (title,url,time_added,tags,status; BOM + CRLF)', () => {
  it('imports every quirk of the documented format', async () => {
    const r = await importFixture('pocket.csv');
    expect(r.format).toBe('pocket-csv');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const first = byUrl(r, PRESS_TV);
    expect(first).toMatchObject({
      title: 'Japan, US vow to boost alliance as Mattis meets Abe',
      savedAt: '2017-02-03T14:00:00.000Z',
      state: 'unread',
      favourite: false,
    });
    // Pipe-separated tags, including a space and an umlaut.
    expect(first.tags).toEqual(['news', 'japan', 'with space']);
    const newline = byUrl(r, 'https://example.com/newline');
    expect(newline.title).toBe('A title with a quoted newline');
    expect(newline.tags).toEqual(['opensource', 'withÄumlaut']);
    expect(newline.state).toBe('archived');
    // Very old items use the URL as title; extra whitespace collapses; commas inside a quoted URL.
    expect(byUrl(r, 'https://example.org/old-item').title).toBe('https://example.org/old-item');
    expect(byUrl(r, 'https://example.net/path?a=1,b=2').title).toBe('Extra whitespace');
    expect(byUrl(r, 'https://example.com/quotes').title).toBe('He said "hello"');
    // Formula cells are data on import: kept as text, never evaluated.
    expect(byUrl(r, 'https://example.com/formula').title).toBe('=HYPERLINK("http://evil")');
    // HTML entities left in scraped titles are decoded; a bare "&amp" inside a word is not.
    expect(byUrl(r, 'https://example.com/entities').title).toBe('Tom & Jerry\'s "show" &ampersand');
  });

  it('skips javascript:, data: and file: URLs and in-file duplicates with reasons', async () => {
    const r = await importFixture('pocket.csv');
    const s = skipped(r);
    expect(s.map((x) => x.row)).toEqual([6, 7, 8, 9]);
    expect(s[0]?.reason).toMatch(/javascript:/);
    expect(s[1]?.reason).toMatch(/data:/);
    expect(s[2]?.reason).toMatch(/file:/);
    expect(s[3]?.reason).toBe('duplicate within the file (same address as row 1)');
  });

  it('imports absurd and missing dates without a date, with a per-row warning', async () => {
    const r = await importFixture('pocket.csv');
    const absurd = r.rows.find((x) => x.row === 10);
    expect(absurd?.status).toBe('imported');
    expect(absurd?.status === 'imported' && absurd.warning).toMatch(/implausible date/);
    expect(byUrl(r, 'https://example.com/absurd').savedAt).toBeUndefined();
    expect(byUrl(r, 'https://example.com/nodate').savedAt).toBeUndefined();
  });

  it('reads the cursor variant by header name (tags are not the cursor)', async () => {
    const r = await importFixture('pocket-cursor.csv');
    expect(r.format).toBe('pocket-csv');
    expect(r.items.map((i) => [i.title, i.tags, i.state])).toEqual([
      ['First', ['alpha', 'beta'], 'unread'],
      ['Second', ['gamma'], 'archived'],
    ]);
    expect(r.items[0]?.savedAt).toBe('2025-01-01T00:00:00.000Z');
  });

  it('accepts missing columns and short rows', async () => {
    const r = await importFixture('pocket-missing-columns.csv');
    expect(r.items).toHaveLength(2);
    expect(r.items[0]).toMatchObject({
      title: 'Only three columns',
      tags: [],
      state: 'unread',
      savedAt: '2023-11-14T22:13:20.000Z',
    });
    expect(r.items[1]).toMatchObject({ title: 'Short row', url: 'https://example.com/short' });
    expect(r.items[1]?.savedAt).toBeUndefined();
  });

  it('decodes Windows-1252 / Latin-1 files', async () => {
    const r = await importFixture('pocket-latin1.csv');
    expect(r.items.map((i) => i.title)).toEqual(['Café société – “quotes”', 'Ærø naïve']);
    expect(r.items[0]?.tags).toEqual(['français', 'été']);
  });

  it('accepts comma-separated tags when there is no pipe, and a repeated header row', async () => {
    const csv =
      'title,url,time_added,tags,status\nA,https://a.example/,1700000000,"x, y",unread\ntitle,url,time_added,tags,status\n';
    const r = await parseImport(text(csv));
    expect(r.items[0]?.tags).toEqual(['x', 'y']);
    expect(skipped(r)).toEqual([{ row: 2, status: 'skipped', reason: 'repeated header row' }]);
  });

  it('reports a truncated last row', async () => {
    const r = await parseImport(
      text(
        'title,url,time_added,tags,status\nOK,https://ok.example/,1700000000,,unread\n"Cut off in the mid',
      ),
    );
    expect(r.items).toHaveLength(1);
    expect(skipped(r)[0]?.reason).toMatch(/ends inside a quoted field/);
  });
});

describe('Pocket zip of part files', () => {
  it('reads every part with its own header, numbering rows across parts, and merges highlights', async () => {
    expect(detectFormat(fixtureBytes('pocket.zip'), 'pocket.zip')).toBe('pocket-zip');
    const r = await importFixture('pocket.zip');
    expect(r.format).toBe('pocket-zip');
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.url)).toEqual([
      'https://example.com/p0',
      'https://example.com/shared',
      'https://example.com/p1',
      'https://example.com/only-in-json',
    ]);
    expect(skipped(r)).toEqual([
      {
        row: 4,
        status: 'skipped',
        reason: 'duplicate within the file (same address as row 2)',
        url: 'https://example.com/shared/',
      },
    ]);
    expect(byUrl(r, 'https://example.com/p0').highlights).toEqual([
      { quote: 'A passage from part zero', createdAt: '2025-01-01T00:06:40.000Z' },
      { quote: 'Second passage', createdAt: '2025-01-01T00:10:00.000Z' },
    ]);
    expect(byUrl(r, 'https://example.com/only-in-json')).toMatchObject({
      title: 'Only highlights',
      highlights: [{ quote: 'Orphan quote' }],
    });
  });

  it('orders parts by name whatever the archive order', async () => {
    const zip = zipSync({
      'part_000001.csv': strToU8(
        'title,url,time_added,tags,status\nB,https://b.example/,1700000001,,unread\n',
      ),
      'part_000000.csv': strToU8(
        'title,url,time_added,tags,status\nA,https://a.example/,1700000000,,unread\n',
      ),
    });
    const r = await parseImport(zip, 'pocket.zip');
    expect(r.items.map((i) => i.title)).toEqual(['A', 'B']);
  });
});

describe('Pocket HTML (ril_export.html)', () => {
  it('takes the read state from the <h1> sections, comma tags, seconds, entities', async () => {
    const r = await importFixture('ril_export.html');
    expect(r.format).toBe('pocket-html');
    expect(r.items.map((i) => [i.url, i.title, i.state, i.tags])).toEqual([
      ['https://example.com/unread-1', 'Unread & one', 'unread', ['news', 'politics']],
      ['https://example.com/unread-2?x=1&y=2', 'Café “two”', 'unread', []],
      ['https://example.com/read-1', 'Archived one', 'archived', ['old']],
    ]);
    expect(r.items[0]?.savedAt).toBe('2023-07-06T07:31:35.000Z');
    expect(skipped(r)).toHaveLength(1);
    expect(skipped(r)[0]?.reason).toMatch(/javascript:/);
  });
});
