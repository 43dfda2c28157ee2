// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { parseImport } from '../../../../lib/reading-list/io/index';
import { parseOmnivoreHighlights } from '../../../../lib/reading-list/io/omnivore';
import { byUrl, importFixture, skipped, text } from './helpers';

const PRESS_TV = 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';

describe('Instapaper CSV', () => {
  it('old variant (URL,Title,Selection,Folder): folder → state, selection → excerpt', async () => {
    const r = await importFixture('instapaper-old.csv');
    expect(r.format).toBe('instapaper-csv');
    // Newest-first in the file → oldest-first items; rows keep file order.
    expect(r.rows.map((x) => x.row)).toEqual([1, 2]);
    expect(r.items.map((i) => [i.url, i.state, i.excerpt])).toEqual([
      ['https://example.com/i-old-2', 'archived', 'A selected, quoted sentence'],
      ['https://example.com/i-old-1', 'unread', undefined],
    ]);
  });

  it('Timestamp variant: Starred → favourite, a user folder → tag + folder (unread), seconds', async () => {
    const r = await importFixture('instapaper.csv');
    expect(r.items.map((i) => i.url)).toEqual([
      'https://example.com/i-1',
      'https://example.com/i-2',
      'https://example.com/i-3',
    ]);
    expect(byUrl(r, 'https://example.com/i-3')).toMatchObject({
      favourite: true,
      state: 'unread',
      savedAt: '2023-11-14T22:18:20.000Z',
    });
    expect(byUrl(r, 'https://example.com/i-2')).toMatchObject({
      folder: 'Long reads',
      tags: ['Long reads'],
      state: 'unread',
    });
    expect(byUrl(r, 'https://example.com/i-1')).toMatchObject({
      state: 'archived',
      excerpt: 'Some selection',
    });
  });

  it('Tags variant: a JSON array in a quoted cell', async () => {
    const r = await importFixture('instapaper-tags.csv');
    expect(byUrl(r, 'https://example.com/t-2').tags).toEqual(['coding', 'rust']);
    expect(byUrl(r, 'https://example.com/t-1').tags).toEqual([]);
  });
});

describe('Omnivore export zip', () => {
  it('reads metadata in file order, content HTML, highlights and labels', async () => {
    const r = await importFixture('omnivore.zip');
    expect(r.format).toBe('omnivore-zip');
    expect(r.errors).toEqual([]);
    const item = byUrl(r, PRESS_TV);
    expect(item).toMatchObject({
      title: 'Mattis meets Abe',
      state: 'archived',
      tags: ['RSS', 'Japan'],
      savedAt: '2024-10-29T16:30:11.000Z',
      publishedTime: '2017-02-03T08:00:00.000Z',
      excerpt: 'Defense chief in Tokyo',
      byline: 'Press TV',
      note: 'A page note without a quote is bare text',
    });
    expect(item.content).toContain('<p>US Defense Secretary James Mattis met');
    expect(item.text).toBe(
      'Mattis meets Abe\nUS Defense Secretary James Mattis met Japanese Prime Minister Shinzo Abe in Tokyo.\nThe two sides vowed to boost the alliance.',
    );
    expect(item.highlights).toEqual([
      {
        quote: 'US Defense Secretary James Mattis met Japanese Prime Minister Shinzo Abe',
        note: 'Worth comparing with other outlets.',
      },
      { quote: 'The two sides vowed\nto boost the alliance.' },
    ]);
    expect(byUrl(r, 'https://example.com/omni-2')).toMatchObject({ state: 'unread', tags: [] });
    expect(skipped(r)).toEqual([expect.objectContaining({ row: 3, reason: expect.stringMatching(/ftp:/) })]);
  });

  it('parses highlight Markdown: labels dropped, multi-paragraph notes kept, CRLF', () => {
    const md = '> one\r\n\r\n#a #b\r\n\r\nnote line 1\r\n\r\nnote para 2\r\n\r\n> two';
    expect(parseOmnivoreHighlights(md)).toEqual({
      highlights: [{ quote: 'one', note: 'note line 1\n\nnote para 2' }, { quote: 'two' }],
      notes: [],
    });
  });
});

describe('Netscape bookmark HTML', () => {
  it('reads TAGS, TOREAD, ADD_DATE by magnitude, nested folders as tags, DD notes, entities', async () => {
    const r = await importFixture('bookmarks.html');
    expect(r.format).toBe('netscape-html');
    const a = byUrl(r, 'https://example.com/a?x=1&y=2');
    expect(a).toMatchObject({
      title: 'Title & more',
      state: 'unread',
      savedAt: '2024-01-01T00:00:00.000Z',
      note: 'Note text <b>not bold</b>',
    });
    // TAGS plus the nested folders (News, Asia); the toolbar root is not a tag.
    expect(a.tags).toEqual(['news', 'politics', 'Asia']);
    expect(byUrl(r, 'https://example.com/ms-date')).toMatchObject({
      savedAt: '2024-01-01T00:00:00.000Z',
      tags: ['News'],
    });
    expect(byUrl(r, 'https://example.com/micro').savedAt).toBe('2024-01-01T00:00:02.000Z');
    expect(byUrl(r, 'https://example.com/linkding')).toMatchObject({
      state: 'archived',
      tags: ['tools'],
      note: 'My own note',
      excerpt: 'The description',
    });
    expect(byUrl(r, 'https://example.com/archived')).toMatchObject({ state: 'archived', tags: ['done'] });
    const future = r.rows.find((x) => x.status === 'imported' && x.item.url === 'https://example.com/future');
    expect(future?.status === 'imported' && future.warning).toMatch(/implausible date/);
    expect(skipped(r).map((x) => x.url)).toEqual(['javascript:void(0)']);
  });

  it('reads a bookmark file without the doctype', async () => {
    const r = await parseImport(
      text('<dl><dt><a href="https://x.example/" add_date="1700000000">X</a></dl>'),
      'bookmarks.html',
    );
    expect(r.format).toBe('netscape-html');
    expect(r.items).toHaveLength(1);
  });
});

describe('Readwise CSVs', () => {
  it('highlights export: grouped per URL, books without an address skipped', async () => {
    const r = await importFixture('readwise-highlights.csv');
    expect(r.format).toBe('readwise-csv');
    expect(r.items).toHaveLength(1);
    const item = byUrl(r, PRESS_TV);
    expect(item).toMatchObject({ title: 'Mattis meets Abe', byline: 'Press TV', tags: ['japan', 'defence'] });
    expect(item.highlights).toEqual([
      {
        quote: 'US Defense Secretary James Mattis met Japanese Prime Minister Shinzo Abe',
        note: 'Compare coverage',
        createdAt: '2024-11-01T10:00:00.000Z',
        color: 'yellow',
      },
      {
        quote: 'The two sides vowed to boost the alliance.',
        createdAt: '2024-11-01T10:05:00.000Z',
        color: 'blue',
      },
    ]);
    expect(r.rows.map((x) => x.status)).toEqual(['imported', 'imported', 'skipped', 'skipped']);
    expect(skipped(r).map((x) => x.reason)).toEqual([
      expect.stringMatching(/no web address/),
      'empty highlight',
    ]);
  });

  it('highlights import template (what our Readwise export writes)', async () => {
    const r = await importFixture('readwise-template.csv');
    expect(r.items).toHaveLength(1);
    expect(r.items[0]?.highlights).toEqual([
      { quote: 'A quote, with a comma', note: 'My note', createdAt: '2024-05-01T12:00:00.000Z' },
      { quote: 'Second quote' },
    ]);
  });

  it('Reader library CSV: Python-list tags, Location → state/favourite', async () => {
    const r = await importFixture('readwise-reader.csv');
    expect(r.items.map((i) => [i.url, i.state, i.favourite, i.tags, i.savedAt])).toEqual([
      ['https://example.com/reader-1', 'unread', false, ['example'], '2022-11-06T04:33:50.000Z'],
      ['https://example.com/reader-2', 'archived', false, ['a', 'b'], '2022-11-07T04:33:50.000Z'],
      ['https://example.com/reader-3', 'unread', true, [], '2022-11-08T04:33:50.000Z'],
    ]);
  });
});

describe('progress', () => {
  it('reports about every 500 rows and ends at the total', async () => {
    const lines = ['title,url,time_added,tags,status'];
    for (let i = 0; i < 1234; i++) lines.push(`T${i},https://example.com/${i},1700000000,,unread`);
    const calls: [number, number][] = [];
    const r = await parseImport(text(lines.join('\n')), 'p.csv', {
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(r.items).toHaveLength(1234);
    expect(calls).toEqual([
      [0, 0],
      [500, 1234],
      [1000, 1234],
      [1234, 1234],
    ]);
  });

  it('yields a macrotask every 500 rows by default, and never with yieldToLoop: false (a worker)', async () => {
    const lines = ['title,url,time_added,tags,status'];
    for (let i = 0; i < 1234; i++) lines.push(`T${i},https://example.com/${i},1700000000,,unread`);
    const bytes = text(lines.join('\n'));
    const spy = vi.spyOn(globalThis, 'setTimeout');
    try {
      const same = await parseImport(bytes, 'p.csv', { yieldToLoop: false, onProgress: () => {} });
      expect(spy).not.toHaveBeenCalled();
      const yielding = await parseImport(bytes, 'p.csv', { onProgress: () => {} });
      expect(spy).toHaveBeenCalledTimes(2); // after rows 500 and 1000
      expect(same).toEqual(yielding);
    } finally {
      spy.mockRestore();
    }
  });
});
