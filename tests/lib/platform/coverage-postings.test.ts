import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import { itemCoverage, pruneCoverage, storeCoverage, upsertHistoryCoverage } from '@/lib/platform/coverage';
import { postingsBuilt, postingsReader, rebuildPostings } from '@/lib/platform/coverage-postings';
import { queryCoverage } from '@/lib/platform/coverage-query';
import { wipeAllData } from '@/lib/platform/wipe';
import { findRelatedInStore } from '@/lib/related/query';
import { POSTING_KEEP, POSTINGS_BUILT_KEY, PostingsBuilder, type PostingRow } from '@/lib/related/postings';
import type { CoverageItem } from '@/lib/store-types';
import type { PageReport } from '@/lib/types';

const dbs: MastheadDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});
const freshDb = async (name = `postings-${crypto.randomUUID()}`) => {
  const db = new MastheadDb(name);
  dbs.push(db);
  await db.open();
  return db;
};

const NOW = new Date('2017-02-04T00:00:00Z');
const SEED = readFileSync(
  path.resolve(__dirname, '../../../../shared/seed/presstv-japan-us-alliance.txt'),
  'utf8',
);
const article = {
  title: "Japan hopes for 'unwavering alliance' with US under Trump",
  text: SEED,
  publishedAt: '2017-02-03T11:13:00Z',
  urlKey: 'reader.example/seed',
};

const item = (i: number, title: string, summary: string, publishedAt: string, seen = NOW) =>
  itemCoverage({ url: `https://site${i % 40}.example/a/${i}`, title, summary, publishedAt }, 'feed', seen)!;

/** Same-story items among same-topic items from other months and unrelated filler. */
function corpus(n: number): CoverageItem[] {
  const story = [
    'Mattis meets Abe in Tokyo, reaffirms alliance',
    'US Defense Secretary James Mattis told Prime Minister Shinzo Abe the security treaty covers the Senkaku islands.',
  ] as const;
  const out = [0, 1, 2].map((i) => item(1000 + i, story[0], story[1], '2017-02-03T0' + i + ':00:00Z'));
  for (let i = 0; i < n; i++) {
    const month = String(1 + (i % 9)).padStart(2, '0');
    out.push(
      i % 3 === 0
        ? item(
            i,
            `Japan exports rise in month ${i}`,
            `Japan's exports rose as the yen weakened (${i}).`,
            `2016-${month}-10T00:00:00Z`,
          )
        : item(
            i,
            `Abe and Mattis talk ${i}`,
            `Shinzo Abe spoke about the alliance with Japan, report ${i}.`,
            `2016-${month}-12T00:00:00Z`,
          ),
    );
  }
  return out;
}

/** The stored postings, as PostingsBuilder would build them from the stored rows. */
async function expectInStep(db: MastheadDb) {
  const canonical = (rows: PostingRow[]) =>
    Object.fromEntries(
      rows
        .filter((r) => r.key !== POSTINGS_BUILT_KEY)
        .map((r) => [r.key, r.keys ? { n: r.n, keys: [...r.keys].sort() } : { n: r.n }]),
    );
  const b = new PostingsBuilder();
  for (const r of await db.coverage.toArray()) b.add(r.urlKey, r);
  expect(canonical(await db.postings.toArray())).toEqual(canonical(b.rows()));
}

const urls = (r: { matches: { item: CoverageItem; score: number }[] }) =>
  r.matches.map((m) => [m.item.urlKey, Math.round(m.score * 1e6)]);
/** Same-story items found, wire copies included (the three planted items are one text). */
const found = (r: { matches: { duplicates: unknown[] }[] }) =>
  r.matches.reduce((n, m) => n + 1 + m.duplicates.length, 0);

describe('postings table (schema v3)', () => {
  it('a v2 database with rows is backfilled on upgrade; queries read it and answer as the indexes do', async () => {
    const name = `postings-v2-${crypto.randomUUID()}`;
    const rows = corpus(600);
    const v2 = new Dexie(name);
    v2.version(2).stores({
      coverage: '&urlKey, publishedAt, seenAt, outletQid, feedId, origin, *terms, *people',
      cache: '&key, expiresAt',
    });
    await v2.open();
    await v2.table('coverage').bulkAdd(rows);
    v2.close();

    const db = await freshDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(3); // the version that added postings, or later
    expect(await postingsBuilt(db)).toBe(true);
    await expectInStep(db);

    const viaIndexes = await findRelatedInStore(db.coverage, article, { maxPosting: 50 });
    const viaPostings = await queryCoverage(db, article);
    expect(viaPostings.raw).toBe(true);
    expect(viaPostings.stats.viaPostings).toBe(true);
    expect(viaIndexes.stats.viaPostings).toBe(false);
    expect(urls(viaPostings)).toEqual(urls(viaIndexes));
    expect(found(viaPostings)).toBe(3);
    expect(viaPostings.stats.termsDropped).toEqual(viaIndexes.stats.termsDropped);
  });

  it('every write path keeps it in step: history upserts, feed/search rows, rewrites, prunes', async () => {
    const db = await freshDb();
    await storeCoverage(db, corpus(300));
    await expectInStep(db);
    // A feed row rewritten with other words moves its keys.
    await storeCoverage(db, [
      item(5, 'Toyota recalls cars', 'Toyota recalled 3,000 cars in Aichi.', '2016-05-01T00:00:00Z'),
    ]);
    await expectInStep(db);
    // A history row replaces the feed copy and is rewritten on the next visit.
    const report = (text: string) =>
      ({
        url: 'https://site5.example/a/5',
        urlKey: item(5, 'x', '', '').urlKey,
        analysedAt: NOW.toISOString(),
        verdict: { isArticle: true },
        article: {
          title: 'Mattis in Tokyo',
          authors: [],
          publishedTime: '2017-02-03T10:00:00Z',
          wordCount: 9,
          readingMinutes: 1,
        },
        text,
        content: '',
        outlet: null,
        people: [],
        sourcesCited: [],
      }) as unknown as PageReport;
    await upsertHistoryCoverage(db, report('James Mattis met Shinzo Abe in Tokyo about the alliance.'), NOW);
    await expectInStep(db);
    await upsertHistoryCoverage(
      db,
      report('Mattis visited Seoul first, then Tokyo, talking about North Korea.'),
      NOW,
    );
    await expectInStep(db);
    // Old rows pruned with their postings; the history row and fresh ones stay.
    await storeCoverage(
      db,
      corpus(40).map((r) => ({ ...r, urlKey: `old/${r.urlKey}`, seenAt: '2016-01-01T00:00:00.000Z' })),
    );
    await expectInStep(db);
    expect(await pruneCoverage(db, NOW, 30)).toBe(43);
    await expectInStep(db);
    expect(await db.coverage.get(item(5, 'x', '', '').urlKey)).toMatchObject({ origin: 'history' });
  });

  it('a key past POSTING_KEEP keeps only its count, and gets its keys back when pruning brings it under', async () => {
    const db = await freshDb();
    const old = new Date('2016-06-01T00:00:00Z');
    const rows = Array.from({ length: POSTING_KEEP + 30 }, (_, i) =>
      item(i, `Yen report ${i}`, `The yen moved on day ${i}.`, '2016-06-01T00:00:00Z', i < 50 ? old : NOW),
    ).map((r, i) => ({ ...r, urlKey: `yen/${i}` }));
    await storeCoverage(db, rows);
    const yen = await db.postings.get('terms:yen');
    expect(yen).toEqual({ key: 'terms:yen', n: POSTING_KEEP + 30 });
    expect(await pruneCoverage(db, NOW, 30)).toBe(50);
    expect((await db.postings.get('terms:yen'))?.keys).toHaveLength(POSTING_KEEP - 20);
    await expectInStep(db);
  });

  it('after a bulk write around the helpers (no "built" row) a query reads the indexes, then rebuilds', async () => {
    const db = await freshDb();
    await db.coverage.bulkPut(corpus(400)); // around the helpers, as a test or bench loads rows
    expect(await postingsBuilt(db)).toBe(false);
    const first = await queryCoverage(db, article);
    expect(first.stats.viaPostings).toBe(false);
    expect(await postingsBuilt(db)).toBe(true);
    await expectInStep(db);
    const second = await queryCoverage(db, article);
    expect(second.stats.viaPostings).toBe(true);
    expect(second.matches.map((m) => m.item.urlKey)).toEqual(first.matches.map((m) => m.item.urlKey));
    expect(second.stats.total).toBe(403);
  });

  it("the raw read and Dexie's fallback (database closing) give the same answer", async () => {
    const db = await freshDb();
    await storeCoverage(db, corpus(300));
    await queryCoverage(db, article); // learns the common keys, which the next queries skip
    const raw = await queryCoverage(db, article);
    const backend = vi.spyOn(db, 'backendDB').mockImplementation(() => {
      throw new Error('the database is closing');
    });
    const bulkGet = vi.spyOn(db.postings, 'bulkGet');
    const viaDexie = await queryCoverage(db, article);
    expect(backend).toHaveBeenCalled();
    expect(bulkGet).toHaveBeenCalledTimes(1); // every posting list in one request
    expect([raw.raw, viaDexie.raw]).toEqual([true, false]);
    expect(viaDexie.stats.viaPostings).toBe(true);
    expect(urls(viaDexie)).toEqual(urls(raw));
    expect(found(raw)).toBe(3);
  });

  it('a wrong guess of the common keys (left from another store) costs a read, never the answer', async () => {
    const big = await freshDb();
    await storeCoverage(big, corpus(600));
    await queryCoverage(big, article);
    const guessed = await queryCoverage(big, article); // the guess now holds big's common keys
    expect(guessed.stats.termsDropped.length).toBeGreaterThan(0);
    const small = await freshDb();
    await storeCoverage(small, corpus(40));
    await rebuildPostings(small); // built without a query (which would reset the guess)
    const afterGuess = await queryCoverage(small, article);
    const viaIndexes = await findRelatedInStore(small.coverage, article, { maxPosting: 50 });
    expect(afterGuess.stats.viaPostings).toBe(true);
    expect(urls(afterGuess)).toEqual(urls(viaIndexes));
  });

  it('a damaged posting row (count without its keys) is read from the index instead', async () => {
    const db = await freshDb();
    await storeCoverage(db, corpus(30));
    await db.postings.put({ key: 'terms:mattis', n: 5 });
    const read = await db.transaction('r', db.coverage, db.postings, () =>
      postingsReader(db)(['terms:mattis', 'terms:nowhere'], 100),
    );
    expect([...read[0]!].sort()).toEqual(await db.coverage.where('terms').equals('mattis').primaryKeys());
    expect(read[1]).toEqual([]);
  });

  it('"delete all data" erases it; the next query rebuilds from what is stored then', async () => {
    const db = await freshDb();
    await storeCoverage(db, corpus(50));
    expect(await db.postings.count()).toBeGreaterThan(0);
    await wipeAllData({ db: async () => db, storage: {} });
    expect(await db.postings.count()).toBe(0);
    expect((await queryCoverage(db, article)).matches).toEqual([]);
    await storeCoverage(db, corpus(10));
    expect(found(await queryCoverage(db, article))).toBe(3);
    await expectInStep(db);
  });
});
