import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import { itemCoverage, pruneCoverage, storeCoverage } from '@/lib/platform/coverage';
import {
  COVERAGE_STATS_KEY,
  MAX_COMMON_KEYS,
  addCommonKeys,
  readCoverageStats,
  recountCoverage,
} from '@/lib/platform/coverage-stats';
import { queryCoverage } from '@/lib/platform/coverage-query';
import type { CoverageItem } from '@/lib/store-types';

const dbs: MastheadDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));
const freshDb = async () => {
  const db = new MastheadDb(`stats-${crypto.randomUUID()}`);
  dbs.push(db);
  await db.open();
  return db;
};

const NOW = new Date('2017-02-04T00:00:00Z');
const row = (i: number, title: string, publishedAt = '2017-02-03T10:00:00Z') =>
  itemCoverage({ url: `https://site${i}.example/a/${i}`, title, publishedAt }, 'feed', NOW)!;

/** Rows naming "japan" (too common to rank by) plus one same-story item. */
function rows(n: number): CoverageItem[] {
  const out = Array.from({ length: n }, (_, i) =>
    row(i, `Japan exports rise in month ${i} as yen weakens`, `2016-0${1 + (i % 9)}-10T00:00:00Z`),
  );
  out.push(row(n, 'Mattis meets Abe in Tokyo, reaffirms alliance with Japan'));
  return out;
}

const article = {
  title: 'Mattis and Abe reaffirm the Japan alliance in Tokyo',
  publishedAt: '2017-02-03T09:00:00Z',
  urlKey: 'reader.example/x',
};

describe('coverage stats (row count and version kept beside the table)', () => {
  it('a query without stats counts once and keeps the count; later writes keep it exact', async () => {
    const db = await freshDb();
    await db.coverage.bulkPut(rows(300)); // around the helpers: no stats yet
    expect(await readCoverageStats(db)).toBeNull();
    const first = await queryCoverage(db, article);
    expect(first.stats.total).toBe(301);
    const kept = await readCoverageStats(db);
    expect(kept?.count).toBe(301);

    const count = vi.spyOn(db.coverage, 'count');
    const again = await queryCoverage(db, article);
    expect(count).not.toHaveBeenCalled();
    expect(again.stats.total).toBe(301);
    expect(again.matches.map((m) => m.item.title)).toEqual(first.matches.map((m) => m.item.title));

    // storeCoverage: new rows counted, a rewritten row not; each write changes the version.
    const v0 = (await readCoverageStats(db))!.version;
    await storeCoverage(db, [row(1000, 'A new story'), row(0, 'Japan exports rise again')]);
    const s1 = (await readCoverageStats(db))!;
    expect(s1.count).toBe(302);
    expect(s1.version).toBeGreaterThan(v0);
    // The daily prune deletes and counts again.
    await pruneCoverage(db, new Date('2018-01-01T00:00:00Z'), 30);
    const s2 = (await readCoverageStats(db))!;
    expect(s2.count).toBe(await db.coverage.count());
    expect(s2.count).toBe(0);
    expect(s2.common).toEqual([]);
  });

  it('remembers too-common index keys in IndexedDB so the next query skips them', async () => {
    const db = await freshDb();
    await db.coverage.bulkPut(rows(600));
    const first = await queryCoverage(db, article);
    expect(first.stats.termsDropped).toContain('japan');
    const kept = await readCoverageStats(db);
    expect(kept?.common).toContain('terms:japan');
    const second = await queryCoverage(db, article);
    expect(second.stats.postingsRead).toBeLessThan(first.stats.postingsRead);
    expect(second.matches[0]?.item.title).toMatch(/Mattis meets Abe/);
  });

  it('ignores a corrupt stats row and bounds the common list', async () => {
    const db = await freshDb();
    await db.cache.put({ key: COVERAGE_STATS_KEY, expiresAt: 1, value: { count: -3, version: 'x' } });
    expect(await readCoverageStats(db)).toBeNull();
    await recountCoverage(db);
    await addCommonKeys(
      db,
      Array.from({ length: MAX_COMMON_KEYS + 10 }, (_, i) => `terms:w${i}`),
    );
    expect((await readCoverageStats(db))!.common).toHaveLength(MAX_COMMON_KEYS);
  });
});
