// Schema v3 dropped the `saved` indexes nothing queries and v4 the last one (`savedAt`). A reading
// list written by v2 (0.2.0) — saved rows of every kind, with highlights — must open under the
// latest schema with every row and field intact, the highlights still found by their own indexes,
// and newest-first order (the page's first paint and export) served without the index: by sorting
// in memory, and for the first page by the recent row the first full read writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openMastheadDb, type MastheadDb } from '@/lib/platform/db';
import { exportRows } from '@/lib/reading-list/store-import';
import { firstPage, readAllNewestFirst, rebuildRecent, RECENT_SIZE } from '@/lib/reading-list/recent';
import { listSaved } from '@/lib/reading-list/store';
import type { HighlightRow, SavedArticle } from '@/lib/store-types';

/** The schema exactly as release 0.2.0 declared it (its fixture). */
const V2_STORES = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/db/v2.json'), 'utf8')) as {
    stores: Record<string, string>;
  }
).stores;

const name = `test-v2-to-v3-${crypto.randomUUID()}`;
let db: MastheadDb | undefined;
afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

/** 300 saved rows as v2 stored them: pages with context, links, imports, odd optional fields. */
function savedRows(): SavedArticle[] {
  return Array.from({ length: 300 }, (_, i) => {
    const at = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString();
    const base: SavedArticle = {
      urlKey: `news${i % 7}.example/story/${i}`,
      url: `https://www.news${i % 7}.example/story/${i}?utm_source=x`,
      title: i % 11 ? `Story ${i}` : `Ünïcödé — 日本語 ${i} 🙂`,
      savedAt: at,
      updatedAt: new Date(Date.parse(at) + (i % 5) * 60_000).toISOString(),
      state: i % 3 ? 'unread' : 'archived',
      favourite: i % 4 ? 0 : 1,
      tags: i % 2 ? [] : ['japan', `t${i % 9}`],
      note: i % 6 ? '' : `note ${i}\nsecond line`,
    };
    if (i % 3 === 0)
      return {
        ...base,
        origin: 'page',
        outletQid: 'Q912429',
        outletName: 'Press TV',
        country: 'Iran',
        controlLabel: 'state-controlled',
        publishedTime: '2017-02-03T09:12:00Z',
        text: `Text of story ${i}.`,
        content: `<p>Text of story ${i}.</p>`,
        contentSavedAt: at,
        wordCount: 4,
        authors: ['A. Writer'],
        context: {
          capturedAt: at,
          outlet: { name: 'Press TV', qid: 'Q912429' },
          people: [{ qid: 'Q6' }],
          sourcesCited: [],
        },
      };
    if (i % 3 === 1) return { ...base, origin: 'import', importFormat: 'pocket-csv' };
    return { ...base, origin: 'link', excerpt: `Excerpt ${i}` };
  });
}

const highlightRows = (rows: SavedArticle[]): HighlightRow[] =>
  rows
    .filter((_, i) => i % 10 === 0)
    .map((r, i) => ({
      id: `h-${i}`,
      urlKey: r.urlKey,
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      quote: `Story ${i}`,
      color: 'yellow',
      note: i % 2 ? 'why' : '',
      selectors: [{ type: 'TextQuoteSelector', exact: `Story ${i}` }],
    }));

describe('schema v2 → latest (saved keeps no secondary index)', () => {
  it('keeps every saved row and highlight, field by field; newest first without an index', async () => {
    const rows = savedRows();
    const highlights = highlightRows(rows);
    const old = new Dexie(name);
    old.version(2).stores(V2_STORES);
    await old.open();
    await old.table('saved').bulkAdd(rows);
    await old.table('highlights').bulkAdd(highlights);
    old.close();

    db = await openMastheadDb(name);
    expect(db.verno).toBe(4);
    const idb = db.backendDB();
    const tx = idb.transaction(['saved', 'highlights'], 'readonly');
    expect([...tx.objectStore('saved').indexNames]).toEqual([]);
    expect([...tx.objectStore('highlights').indexNames].sort()).toEqual(['createdAt', 'urlKey']);

    expect(await db.saved.count()).toBe(rows.length);
    for (const r of rows) expect(await db.saved.get(r.urlKey)).toEqual(r);
    for (const h of highlights) {
      expect(await db.highlights.get(h.id)).toEqual(h);
      expect(await db.highlights.where('urlKey').equals(h.urlKey).primaryKeys()).toEqual([h.id]);
    }

    // Newest first, as the page's first paint and export read them.
    const newestFirst = [...rows].sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1)).map((r) => r.urlKey);
    expect((await listSaved(db)).map((r) => r.urlKey)).toEqual(newestFirst);
    expect((await exportRows(db)).map((r) => r.urlKey)).toEqual(newestFirst);
    // No recent row yet: the first page is unknown until the first full read writes it.
    expect(await firstPage(db)).toBeNull();
    const read = await readAllNewestFirst(db);
    expect(read.rows.map((r) => r.urlKey)).toEqual(newestFirst);
    expect(await rebuildRecent(db, read.rows, read.version)).toBe(true);
    const page = await firstPage(db);
    expect(page?.all).toBe(false);
    expect(page?.rows).toEqual(read.rows.slice(0, RECENT_SIZE));

    // The primary key is still unique.
    await expect(db.saved.add(rows[0]!)).rejects.toThrow();
  });
});
