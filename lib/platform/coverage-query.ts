/**
 * Same-story matches from the `coverage` table (lib/related/query.ts) in one read-only
 * transaction, with the row count from lib/platform/coverage-stats.ts instead of a full walk and
 * the posting lists from the `postings` table (lib/platform/coverage-postings.ts).
 */
import {
  DEFAULT_STORE_OPTIONS,
  findRelatedInStore,
  type StoreQueryOptions,
  type StoreQueryStats,
} from '../related/query';
import type { MatchArticle, RelatedMatch } from '../related/match';
import type { CoverageItem } from '../store-types';
import { addCommonKeys, readCoverageStats, recountCoverage } from './coverage-stats';
import { postingsBuilt, postingsReader, rebuildPostings } from './coverage-postings';
import type { MastheadDb } from './db';

export interface CoverageQueryResult {
  matches: RelatedMatch<CoverageItem>[];
  stats: StoreQueryStats;
  /** The table's change version (undefined right after a recount). */
  version?: number;
}

/**
 * Keys read per index key: 1% of the table, between 50 and DEFAULT_STORE_OPTIONS.maxPosting. A
 * word on more than 1% of the stored items says little about one story, and reading its
 * posting is the costliest step in Chromium (each index entry is checked against its row).
 */
export function postingCap(total: number): number {
  return Math.min(DEFAULT_STORE_OPTIONS.maxPosting, Math.max(50, Math.ceil(total / 100)));
}

export async function queryCoverage(
  db: MastheadDb,
  article: MatchArticle,
  opts: Partial<StoreQueryOptions> = {},
): Promise<CoverageQueryResult> {
  let counted: number | undefined;
  let rebuild = false;
  let known = 0;
  const commonKeys = new Set<string>();
  const res = await db.transaction('r', db.coverage, db.postings, db.cache, async () => {
    const [s, built] = await Promise.all([readCoverageStats(db), postingsBuilt(db)]);
    for (const k of s?.common ?? []) commonKeys.add(k);
    known = commonKeys.size;
    const total = s?.count ?? (counted = await db.coverage.count());
    const maxPosting = opts.maxPosting ?? postingCap(total);
    // Postings not built (a new or wiped database, a bulk write around the helpers): this query
    // reads the indexes (same answers), and the postings are built after it.
    rebuild = !built;
    const postings = rebuild ? undefined : postingsReader(db);
    const r = await findRelatedInStore(db.coverage, article, {
      ...opts,
      total,
      commonKeys,
      maxPosting,
      postings,
    });
    return { ...r, version: s?.version };
  });
  // Writes cannot share the read-only transaction. The rebuild walks the rows, so it also keeps
  // their count. Missing stats: keep the count just made (a write in between makes it one row
  // off until the daily recount).
  if (rebuild) await rebuildPostings(db).catch(() => undefined);
  else if (counted !== undefined) await recountCoverage(db, counted).catch(() => undefined);
  if (commonKeys.size > known) await addCommonKeys(db, commonKeys).catch(() => undefined);
  return res;
}
