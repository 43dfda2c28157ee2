// applyImport's batch writer: one transaction per batch (keys checked, then one bulkPut), the next
// batch prepared while the last commits, progress after each commit, a failure that stops the
// import keeping what was committed, and re-running an interrupted import adding only the rest.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import type { ImportedItem, ImportResult } from '@/lib/reading-list/io';
import { applyImport, previewImport, rememberKeys } from '@/lib/reading-list/store-import';
import { saveLink } from '@/lib/reading-list/store';

let db: MastheadDb;
const now = new Date('2026-11-02T10:00:00.000Z');
const noYield = async () => {};

beforeEach(async () => {
  db = new MastheadDb(`test-rl-batches-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const item = (i: number): ImportedItem => ({
  url: `https://www.news${i % 3}.example/story/${i}?utm_source=x`,
  title: `Story ${i}`,
  savedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  state: i % 4 ? 'unread' : 'archived',
  favourite: i % 5 === 0,
  tags: i % 2 ? ['a'] : [],
});

function result(items: ImportedItem[]): ImportResult {
  return {
    format: 'pocket-csv',
    items,
    rows: items.map((it, i) => ({ row: i + 1, status: 'imported' as const, item: it })),
    errors: [],
  };
}

const many = (n: number) => result(Array.from({ length: n }, (_, i) => item(i)));

describe('applyImport in batches', () => {
  it('writes every new row, one progress report per committed batch', async () => {
    const progress: Array<[number, number]> = [];
    const spy = vi.spyOn(db.saved, 'bulkPut');
    const summary = await applyImport(db, many(25), {
      now,
      chunkSize: 10,
      onProgress: (d, t) => progress.push([d, t]),
      yieldToUi: noYield,
    });
    expect(progress).toEqual([
      [0, 25],
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(summary).toMatchObject({ imported: 25, duplicates: 0, skipped: 0 });
    expect(summary.added).toHaveLength(25);
    expect(await db.saved.count()).toBe(25);
    expect(await db.saved.get('news1.example/story/1')).toMatchObject({
      url: 'https://www.news1.example/story/1?utm_source=x',
      title: 'Story 1',
      tags: ['a'],
      origin: 'import',
    });
  });

  it('leaves rows already saved exactly as they were, whichever batch they fall in', async () => {
    const kept = [3, 14, 22].map((i) => item(i));
    for (const k of kept) await saveLink(db, { url: k.url, title: `Mine ${k.title}` }, now);
    const before = await db.saved.toArray();
    const preview = await previewImport(db, many(25), now, noYield);
    expect(preview).toMatchObject({ imported: 22, duplicates: 3 });
    const summary = await applyImport(db, many(25), { now, chunkSize: 4, yieldToUi: noYield });
    expect(summary).toMatchObject({ imported: 22, duplicates: 3 });
    expect(summary.rows.filter((r) => r.status === 'duplicate').map((r) => r.row)).toEqual([4, 15, 23]);
    expect(summary.added?.map((r) => r.urlKey)).not.toContain('news0.example/story/3');
    for (const row of before) expect(await db.saved.get(row.urlKey)).toEqual(row);
    expect(await db.saved.count()).toBe(25);
  });

  it('an import interrupted after some batches, run again, adds only the rest (idempotent by URL key)', async () => {
    await applyImport(db, result(many(25).items.slice(0, 12)), { now, chunkSize: 5, yieldToUi: noYield });
    expect(await db.saved.count()).toBe(12);
    const again = await applyImport(db, many(25), { now, chunkSize: 5, yieldToUi: noYield });
    expect(again).toMatchObject({ imported: 13, duplicates: 12 });
    expect(await db.saved.count()).toBe(25);
    const third = await applyImport(db, many(25), { now, chunkSize: 5, yieldToUi: noYield });
    expect(third).toMatchObject({ imported: 0, duplicates: 25, added: [] });
    expect(await db.saved.count()).toBe(25);
  });

  it('a failing batch stops the import: committed batches stay, no batch starts after the failure', async () => {
    const original = db.saved.bulkPut.bind(db.saved);
    let calls = 0;
    vi.spyOn(db.saved, 'bulkPut').mockImplementation(((rows: Parameters<typeof original>[0]) =>
      ++calls === 2 ? Promise.reject(new Error('disk full')) : original(rows)) as typeof original);
    const progress: number[] = [];
    await expect(
      applyImport(db, many(60), {
        now,
        chunkSize: 10,
        onProgress: (d) => progress.push(d),
        yieldToUi: noYield,
      }),
    ).rejects.toThrow('disk full');
    const stored = await db.saved.count();
    // Batch 1 committed; batch 2 failed; batch 3 may already have been queued behind it (two in
    // flight); batches 4–6 never start.
    expect(stored === 10 || stored === 20).toBe(true);
    expect(calls).toBeLessThanOrEqual(3);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBeLessThanOrEqual(20);
  });
});

describe('URL keys computed by the import worker', () => {
  it('are used when there is one string-or-null key per item, ignored otherwise', async () => {
    const res = many(3);
    rememberKeys(res.items, ['k/1', null]); // wrong length: ignored
    rememberKeys(res.items, ['k/1', 2, 'k/3']); // wrong type: ignored
    const normal = await previewImport(db, res, now, noYield);
    expect(normal).toMatchObject({ imported: 3, skipped: 0 });
    const fresh = many(3);
    rememberKeys(fresh.items, ['news0.example/story/0', null, 'news0.example/story/0']);
    const summary = await applyImport(db, fresh, { now, yieldToUi: noYield });
    expect(summary.rows.map((r) => r.status)).toEqual(['imported', 'skipped', 'duplicate']);
    expect((await db.saved.toArray()).map((r) => r.urlKey)).toEqual(['news0.example/story/0']);
  });
});
