// The recent row (lib/reading-list/recent.ts) stands in for the dropped `saved.savedAt` index on
// the reading list's first paint. Whatever the reader does — save pages and links, import, edit,
// delete, in any order — the first page it gives is exactly the newest rows in order (a prefix of
// the full newest-first list), and the whole list when it says so. A stale row (a write that
// bypassed the helpers) is corrected by the next full read, never by one from before a write.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import type { ImportResult } from '@/lib/reading-list/io';
import {
  firstPage,
  readAllNewestFirst,
  readRecent,
  rebuildRecent,
  RECENT_KEY,
  RECENT_SIZE,
} from '@/lib/reading-list/recent';
import { applyImport } from '@/lib/reading-list/store-import';
import { bulkEdit, deleteSaved, listSaved, saveLink, updateSaved } from '@/lib/reading-list/store';
import { normalizeUrl } from '@/lib/url/normalize';

let db: MastheadDb;
beforeEach(async () => {
  db = new MastheadDb(`test-recent-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const url = (i: number) => `https://news${i % 5}.example/story/${i}`;
const key = (i: number) => normalizeUrl(url(i))!;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1) + minute * 60_000);

function importOf(ids: number[], minuteOf: (i: number) => number): ImportResult {
  const items = ids.map((i) => ({
    url: url(i),
    title: `Story ${i}`,
    state: 'unread' as const,
    favourite: false,
    tags: [],
    savedAt: at(minuteOf(i)).toISOString(),
  }));
  return {
    format: 'pocket-csv',
    items,
    rows: items.map((item, n) => ({ row: n + 1, status: 'imported' as const, item })),
    errors: [],
  };
}

/** The first page, when known, is the newest prefix of the list (the whole list when `all`). */
async function expectPrefix(): Promise<void> {
  const list = (await listSaved(db)).map((r) => r.urlKey);
  const page = await firstPage(db);
  if (!page) return;
  const keys = page.rows.map((r) => r.urlKey);
  expect(keys).toEqual(list.slice(0, keys.length));
  if (page.all) expect(keys).toEqual(list);
}

async function fullRead(): Promise<void> {
  const read = await readAllNewestFirst(db);
  await rebuildRecent(db, read.rows, read.version);
}

describe('recent row', () => {
  it('is unknown on a new profile until a full read writes it; then every save keeps it', async () => {
    expect(await firstPage(db)).toBeNull();
    await fullRead();
    expect(await readRecent(db)).toEqual({ entries: [], all: true, version: 1 });
    for (let i = 0; i < RECENT_SIZE + 5; i++) await saveLink(db, { url: url(i) }, at(i));
    const page = await firstPage(db);
    expect(page?.all).toBe(false);
    expect(page?.rows.map((r) => r.urlKey)).toEqual(
      (await listSaved(db)).slice(0, RECENT_SIZE).map((r) => r.urlKey),
    );
  });

  it('an import of older items leaves the first page alone; newer ones enter it', async () => {
    await fullRead();
    for (let i = 0; i < RECENT_SIZE; i++) await saveLink(db, { url: url(i) }, at(1000 + i));
    await applyImport(
      db,
      importOf([100, 101, 102], () => 5),
      { now: at(2000), chunkSize: 2 },
    );
    let page = await firstPage(db);
    expect(page?.rows).toHaveLength(RECENT_SIZE);
    expect(page?.rows.some((r) => [100, 101, 102].map(key).includes(r.urlKey))).toBe(false);
    await applyImport(
      db,
      importOf([200, 201], (i) => 5000 + i),
      { now: at(6000), chunkSize: 1 },
    );
    page = await firstPage(db);
    expect(page?.rows.slice(0, 2).map((r) => r.title)).toEqual(['Story 201', 'Story 200']);
    await expectPrefix();
  });

  it('a delete shortens the page (still a prefix); the next full read fills it again', async () => {
    await fullRead();
    for (let i = 0; i < RECENT_SIZE + 10; i++) await saveLink(db, { url: url(i) }, at(i));
    const newest = (await listSaved(db)).slice(0, 3).map((r) => r.urlKey);
    await deleteSaved(db, newest);
    expect((await readRecent(db))?.entries.map((e) => e[1])).not.toContain(newest[0]);
    let page = await firstPage(db);
    expect(page?.rows).toHaveLength(RECENT_SIZE - 3);
    await expectPrefix();
    // Older than everything on the shortened page: rows between them may exist, so it stays out.
    await applyImport(
      db,
      importOf([300], () => -100),
      { now: at(2000) },
    );
    expect((await firstPage(db))?.rows).toHaveLength(RECENT_SIZE - 3);
    await expectPrefix();
    await fullRead();
    page = await firstPage(db);
    expect(page?.rows).toHaveLength(RECENT_SIZE);
    await expectPrefix();
  });

  it('edits show in the first page (it stores keys, the rows are read fresh)', async () => {
    await fullRead();
    await saveLink(db, { url: url(1), title: 'Old title' }, at(1));
    await updateSaved(db, (await listSaved(db))[0]!.urlKey, { note: 'my note' }, at(2));
    expect((await firstPage(db))?.rows[0]?.note).toBe('my note');
  });

  it('a rebuild from a read older than a write is refused; a corrupt row is replaced', async () => {
    await fullRead();
    const stale = await readAllNewestFirst(db);
    await saveLink(db, { url: url(7) }, at(7));
    expect(await rebuildRecent(db, stale.rows, stale.version)).toBe(false);
    await expectPrefix();
    expect((await firstPage(db))?.rows).toHaveLength(1);

    await db.cache.put({ key: RECENT_KEY, expiresAt: 0, value: { entries: 'nonsense' } });
    expect(await firstPage(db)).toBeNull();
    await fullRead();
    expect((await firstPage(db))?.all).toBe(true);
  });

  it('a row that bypassed the helpers: the page is marked not whole, and a full read corrects it', async () => {
    await fullRead();
    await saveLink(db, { url: url(1) }, at(1));
    await db.saved.put({
      ...(await listSaved(db))[0]!,
      urlKey: 'elsewhere.example/x',
      savedAt: at(99).toISOString(),
    });
    await deleteSaved(db, []); // no-op write path
    expect((await firstPage(db))?.all).toBe(true); // stale: it cannot know
    await fullRead();
    expect((await firstPage(db))?.rows.map((r) => r.urlKey)).toEqual(
      (await listSaved(db)).map((r) => r.urlKey),
    );
  });

  it('any sequence of saves, imports, edits and deletes keeps the first page a true prefix', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('link' as const), id: fc.nat(120), minute: fc.nat(500) }),
      fc.record({
        kind: fc.constant('import' as const),
        ids: fc.array(fc.nat(120), { maxLength: 40 }),
        minute: fc.nat(500),
      }),
      fc.record({ kind: fc.constant('delete' as const), ids: fc.array(fc.nat(120), { maxLength: 20 }) }),
      fc.record({ kind: fc.constant('edit' as const), id: fc.nat(80) }),
      fc.record({ kind: fc.constant('full' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        await Promise.all(db.tables.map((t) => t.clear()));
        await fullRead(); // the recent row exists from the start (else most steps only keep it unknown)
        for (const o of ops) {
          if (o.kind === 'link') await saveLink(db, { url: url(o.id) }, at(o.minute));
          else if (o.kind === 'import')
            await applyImport(
              db,
              importOf([...new Set(o.ids)], (i) => o.minute + (i % 7)),
              {
                now: at(600),
                chunkSize: 7,
              },
            );
          else if (o.kind === 'delete') await deleteSaved(db, o.ids.map(key));
          else if (o.kind === 'edit') await bulkEdit(db, [key(o.id)], { favourite: true }, at(700));
          else await fullRead();
          await expectPrefix();
        }
      }),
      { numRuns: 60 },
    );
  });
});
