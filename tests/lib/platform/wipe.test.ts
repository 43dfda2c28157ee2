import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import { wipeAllData, type ClearableArea } from '@/lib/platform/wipe';

const uniqueName = () => `test-wipe-${crypto.randomUUID()}`;

/** A storage area holding some keys, with clear() (optionally failing). */
function area(fail = false): ClearableArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = { a: 1, b: { c: 2 } };
  return {
    items,
    clear: vi.fn(async () => {
      if (fail) throw new Error('area broken');
      for (const k of Object.keys(items)) delete items[k];
    }),
  };
}

/** A database with rows in every table of the current schema (generic over `db.tables`). */
async function filledDb(): Promise<MastheadDb> {
  const db = new MastheadDb(uniqueName());
  await db.open();
  for (const t of db.tables) {
    const key = t.schema.primKey.keyPath as string;
    await t.bulkPut([0, 1, 2].map((i) => ({ [key]: `${t.name}-${i}`, extra: 'x' })));
  }
  return db;
}

describe('wipeAllData', () => {
  it('empties every table and every storage area, and says what it removed', async () => {
    const db = await filledDb();
    const tableCount = db.tables.length;
    expect(tableCount).toBeGreaterThanOrEqual(6);
    const local = area();
    const session = area();
    const sync = area();
    const alarms = { clearAll: vi.fn(async () => true) };
    const summary = await wipeAllData({ db: async () => db, storage: { local, session, sync }, alarms });
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
    expect(summary.tables).toEqual(db.tables.map((t) => t.name).sort());
    expect(summary.tables).toEqual(
      expect.arrayContaining(['pages', 'saved', 'highlights', 'feeds', 'coverage', 'cache']),
    );
    // Derived rows (the related-coverage postings) are cleared but not counted as stored items.
    expect(summary.tables).toContain('postings');
    expect(summary.rows).toBe(3 * (tableCount - 1));
    expect(summary.storageAreas).toEqual(['local', 'session', 'sync']);
    expect([local.items, session.items, sync.items]).toEqual([{}, {}, {}]);
    expect(alarms.clearAll).toHaveBeenCalledOnce();
    db.close();
  });

  it('skips storage areas the browser does not have', async () => {
    const db = await filledDb();
    const local = area();
    const summary = await wipeAllData({ db: async () => db, storage: { local } });
    expect(summary.storageAreas).toEqual(['local']);
    db.close();
  });

  it('touches nothing else when the database cannot be opened', async () => {
    const local = area();
    await expect(
      wipeAllData({ db: () => Promise.reject(new Error('VersionError')), storage: { local } }),
    ).rejects.toThrow(/VersionError/);
    expect(local.clear).not.toHaveBeenCalled();
    expect(local.items).toEqual({ a: 1, b: { c: 2 } });
  });

  it('still clears the other areas when one fails, and names the failure', async () => {
    const db = await filledDb();
    const local = area();
    const session = area(true);
    const sync = area();
    await expect(wipeAllData({ db: async () => db, storage: { local, session, sync } })).rejects.toThrow(
      /storage\.session: area broken/,
    );
    expect(local.items).toEqual({});
    expect(sync.items).toEqual({});
    for (const t of db.tables) expect(await t.count()).toBe(0);
    db.close();
  });
});
