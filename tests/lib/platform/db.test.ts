import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeDbError, MastheadDb, openMastheadDb } from '@/lib/platform/db';
import { upgradePageRow } from '@/lib/platform/db-migrations';
import { upsertPage } from '@/lib/platform/pages';
import type { PageReport, StoredPage } from '@/lib/types';

interface DbFixture {
  version: number;
  release: string;
  stores: Record<string, string>;
  rows: Record<string, Record<string, unknown>[]>;
}

const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/db');
const uniqueName = (label: string) => `test-${label}-${crypto.randomUUID()}`;

function loadFixtures(): Map<number, DbFixture> {
  const out = new Map<number, DbFixture>();
  for (const file of readdirSync(FIXTURE_DIR)) {
    const m = /^v(\d+)\.json$/.exec(file);
    if (!m) continue;
    const fx = JSON.parse(readFileSync(path.join(FIXTURE_DIR, file), 'utf8')) as DbFixture;
    expect(fx.version, `${file} declares its own version`).toBe(Number(m[1]));
    out.set(fx.version, fx);
  }
  return out;
}

const LATEST = new MastheadDb(uniqueName('verno')).verno;
const fixtures = loadFixtures();

describe('MastheadDb schema history', () => {
  it('has a fixture for every declared version (a missing one fails, never skips)', () => {
    expect(LATEST).toBeGreaterThanOrEqual(1);
    for (let v = 1; v <= LATEST; v++) {
      expect(fixtures.has(v), `tests/fixtures/db/v${v}.json is missing`).toBe(true);
    }
    expect(Math.max(...fixtures.keys())).toBe(LATEST); // no fixture for an undeclared version
  });

  it.each([...Array(LATEST).keys()].map((i) => i + 1))(
    'v%i data survives an open with the current code (rows and every index)',
    async (version) => {
      const fx = fixtures.get(version);
      if (!fx) throw new Error(`tests/fixtures/db/v${version}.json is missing`);
      const name = uniqueName(`v${version}`);

      // 1. Create the DB exactly as release `fx.release` did, and seed it.
      const old = new Dexie(name);
      old.version(fx.version).stores(fx.stores);
      await old.open();
      for (const [table, rows] of Object.entries(fx.rows)) await old.table(table).bulkAdd(rows);
      old.close();

      // 2. Reopen with today's code.
      const db = await openMastheadDb(name);
      expect(db.verno).toBe(LATEST);
      expect(db.backendDB().version).toBe(LATEST * 10);

      // 3. Every row of every table is there (pages upgraded by the pure migrations).
      const upgrade = (table: string, row: Record<string, unknown>) =>
        table === 'pages' ? upgradePageRow(row, fx.version, LATEST) : row;
      for (const [tableName, rows] of Object.entries(fx.rows)) {
        const table = db.table(tableName);
        expect(await table.count(), tableName).toBe(rows.length);
        const pk = table.schema.primKey.name;
        for (const row of rows) {
          const expected = upgrade(tableName, row);
          expect(await table.get(expected[pk] as string)).toEqual(expected);
        }
        // 4. Every index of the current schema finds each row that has a value for it.
        for (const index of table.schema.indexes) {
          for (const row of rows) {
            const expected = upgrade(tableName, row);
            const value = expected[index.name];
            if (value === undefined) continue;
            const values = index.multi ? (value as string[]) : [value];
            for (const v of values) {
              const keys = await table
                .where(index.name)
                .equals(v as string)
                .primaryKeys();
              expect(keys, `${tableName}.${index.name} = ${String(v)}`).toContain(expected[pk]);
            }
          }
        }
      }
      const indexes = db.pages.schema.indexes.map((i) => i.name);
      expect(indexes.sort()).toEqual(['lastSeenAt', 'publishedTime', 'siteName'].sort());
      const rows = fx.rows.pages ?? [];
      // The primary key is unique.
      await expect(db.pages.add(rows[0] as unknown as StoredPage)).rejects.toThrow();
      db.close();
      await Dexie.delete(name);
    },
  );
});

describe('open and write errors', () => {
  it('a DB from a newer release is reported, not deleted', async () => {
    const name = uniqueName('newer');
    const future = new Dexie(name);
    future.version(5).stores({ pages: '&urlKey, lastSeenAt, publishedTime, siteName, lang', extra: 'id' });
    await future.open();
    await future.table('pages').add({ urlKey: 'k', url: 'https://a.example/', title: 'kept' });
    future.close();

    let opened: MastheadDb | undefined;
    let message = '';
    try {
      opened = await openMastheadDb(name);
    } catch (e) {
      message = (e as Error).message;
    }
    if (opened) {
      // Dexie 4 may open a newer DB without its version: then the data must still be readable.
      expect(await opened.pages.get('k')).toMatchObject({ title: 'kept' });
      opened.close();
    } else {
      expect(message).toMatch(/newer version|could not be opened/i);
    }
    // Either way the data is still there.
    const check = new Dexie(name);
    await check.open();
    // Dexie 4 may add our missing tables to it (version 5.x); it never drops anything.
    expect(check.verno).toBeGreaterThanOrEqual(5);
    expect(await check.table('pages').get('k')).toMatchObject({ title: 'kept' });
    check.close();
  });

  it.each([
    [{ name: 'QuotaExceededError' }, /storage is full/i],
    [{ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, /storage is full/i],
    [{ name: 'VersionError' }, /newer version/i],
    [{ name: 'OpenFailedError', message: 'boom' }, /could not be opened/i],
    [{ name: 'UpgradeError' }, /could not be upgraded/i],
    [new Error('plain'), /^plain$/],
  ])('describeDbError(%o)', (e, re) => {
    expect(describeDbError(e)).toMatch(re);
  });

  it('a full disk surfaces as a clear message (DBCore middleware, T8)', async () => {
    const db = new MastheadDb(uniqueName('quota'));
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (tableName) => ({
          ...down.table(tableName),
          mutate: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
        }),
      }),
    });
    const report = {
      url: 'https://a.example/story',
      urlKey: 'https://a.example/story',
      analysedAt: '2024-05-01T00:00:00.000Z',
      verdict: { isArticle: true, explanation: 'ok' },
      article: { title: 'T', authors: [], wordCount: 1, readingMinutes: 1 },
      text: 't',
      content: '<p>t</p>',
      outlet: null,
      people: [],
      sourcesCited: [],
    } satisfies PageReport;
    await expect(upsertPage(db, report, { now: new Date(), countVisit: true })).rejects.toThrow(
      /storage is full/i,
    );
    db.close();
  });
});
