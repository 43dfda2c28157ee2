/**
 * Same-story matches from the `coverage` table (lib/related/query.ts) in one read-only
 * transaction (raw IndexedDB, lib/platform/idb-read.ts; Dexie's as the fallback), with the row
 * count from lib/platform/coverage-stats.ts instead of a full walk and the posting lists from the
 * `postings` table (lib/platform/coverage-postings.ts).
 */
import {
  DEFAULT_STORE_OPTIONS,
  findRelatedInStore,
  lookupKeys,
  type CoverageTableLike,
  type StoreQueryOptions,
  type StoreQueryStats,
} from '../related/query';
import { prepareArticle, type MatchArticle, type RelatedMatch } from '../related/match';
import { POSTINGS_BUILT_KEY, type PostingRow } from '../related/postings';
import type { CacheRow, CoverageItem } from '../store-types';
import { addCommonKeys, readCoverageStats, recountCoverage } from './coverage-stats';
import { postingsReader, rebuildPostings, type PostingsReadDb } from './coverage-postings';
import type { MastheadDb } from './db';
import { readOnlyStores } from './idb-read';

export interface CoverageQueryResult {
  matches: RelatedMatch<CoverageItem>[];
  stats: StoreQueryStats;
  /** The table's change version (undefined right after a recount). */
  version?: number;
  /** Read through the raw transaction (false: Dexie's fallback). */
  raw: boolean;
  /** Milliseconds: starting the transaction, and its first round trip (stats, posting rows). */
  openMs: number;
  firstMs: number;
}

/**
 * Keys read per index key: 1% of the table, between 50 and DEFAULT_STORE_OPTIONS.maxPosting. A
 * word on more than 1% of the stored items says little about one story, and reading its
 * posting is the costliest step in Chromium (each index entry is checked against its row).
 */
export function postingCap(total: number): number {
  return Math.min(DEFAULT_STORE_OPTIONS.maxPosting, Math.max(50, Math.ceil(total / 100)));
}

/** The tables a query reads: Dexie's, or raw readers of one transaction (lib/platform/idb-read.ts). */
interface QueryTables extends PostingsReadDb {
  coverage: CoverageTableLike;
  postings: PostingsReadDb['postings'];
  cache: { get(key: string): PromiseLike<CacheRow | undefined> };
}

/** What a query found that a write (after its read-only transaction) must follow up. */
interface FollowUp {
  counted?: number;
  rebuild: boolean;
  known: number;
  commonKeys: Set<string>;
}

/**
 * Index keys the worker's last query found too common. The stored list only grows between
 * prunes, so this is a good guess of the keys the next query skips: its posting reads can then
 * start together with the stats read instead of after it (a wrong guess costs one more read).
 */
let commonGuess: ReadonlySet<string> = new Set();

async function readQuery(
  t: QueryTables,
  article: MatchArticle,
  opts: Partial<StoreQueryOptions>,
  f: FollowUp,
): Promise<CoverageQueryResult> {
  // Prepared once (key terms from the text when the caller gave none): the query below reuses them.
  const q = prepareArticle(article);
  const prepared: MatchArticle = { ...article, terms: q.terms, people: q.people };
  const guess = lookupKeys(q, { ...DEFAULT_STORE_OPTIONS, ...opts }, commonGuess).wanted;
  // One round trip: the stats row, the "built" marker and the likely posting rows together.
  const t0 = performance.now();
  const early = t.postings.bulkGet([POSTINGS_BUILT_KEY, ...guess]);
  const s = await readCoverageStats(t);
  const [builtRow, ...rows] = await early;
  const firstMs = performance.now() - t0;
  for (const k of s?.common ?? []) f.commonKeys.add(k);
  f.known = f.commonKeys.size;
  const total = s?.count ?? (f.counted = await t.coverage.count());
  const maxPosting = opts.maxPosting ?? postingCap(total);
  // Postings not built (a new or wiped database, a bulk write around the helpers): this query
  // reads the indexes (same answers), and the postings are built after it.
  f.rebuild = builtRow === undefined;
  const prefetched = new Map(guess.map((k, i) => [k, rows[i]]));
  const postings = f.rebuild ? undefined : postingsReader(t, prefetched);
  const r = await findRelatedInStore(t.coverage, prepared, {
    ...opts,
    total,
    commonKeys: f.commonKeys,
    maxPosting,
    postings,
  });
  commonGuess = new Set(f.commonKeys);
  return { ...r, version: s?.version, raw: false, openMs: 0, firstMs };
}

/** The raw read-only transaction (lib/platform/idb-read.ts), or null when it cannot start. */
async function rawTables(db: MastheadDb): Promise<QueryTables | null> {
  try {
    if (!db.isOpen()) await db.open();
    return readOnlyStores<{ coverage: CoverageItem; postings: PostingRow; cache: CacheRow }>(db.backendDB(), [
      'coverage',
      'postings',
      'cache',
    ]);
  } catch {
    return null;
  }
}

export async function queryCoverage(
  db: MastheadDb,
  article: MatchArticle,
  opts: Partial<StoreQueryOptions> = {},
): Promise<CoverageQueryResult> {
  const fresh = (): FollowUp => ({ rebuild: false, known: 0, commonKeys: new Set<string>() });
  let f = fresh();
  let res: CoverageQueryResult | undefined;
  // The raw transaction first (Dexie's per-request wrapping was most of the read time, and the
  // answer does not wait for the commit); Dexie's when that cannot start or fails (a version
  // change closing the database).
  const t0 = performance.now();
  const raw = await rawTables(db);
  const openMs = performance.now() - t0;
  if (raw)
    res = await readQuery(raw, article, opts, f).then(
      (r) => ({ ...r, raw: true, openMs }),
      () => undefined,
    );
  if (!res) {
    f = fresh();
    res = await db.transaction('r', db.coverage, db.postings, db.cache, () =>
      readQuery(db, article, opts, f),
    );
  }
  // Writes cannot share the read-only transaction. The rebuild walks the rows, so it also keeps
  // their count. Missing stats: keep the count just made (a write in between makes it one row
  // off until the daily recount).
  if (f.rebuild) await rebuildPostings(db).catch(() => undefined);
  else if (f.counted !== undefined) await recountCoverage(db, f.counted).catch(() => undefined);
  if (f.commonKeys.size > f.known) await addCommonKeys(db, f.commonKeys).catch(() => undefined);
  return res;
}
