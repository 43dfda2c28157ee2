/**
 * Same-story matches from the `coverage` table (lib/related/query.ts) in one read-only
 * transaction, with the row count from lib/platform/coverage-stats.ts instead of a full walk.
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
  let known = 0;
  const commonKeys = new Set<string>();
  const res = await db.transaction('r', db.coverage, db.cache, async () => {
    const s = await readCoverageStats(db);
    for (const k of s?.common ?? []) commonKeys.add(k);
    known = commonKeys.size;
    const total = s?.count ?? (counted = await db.coverage.count());
    const maxPosting = opts.maxPosting ?? postingCap(total);
    const r = await findRelatedInStore(db.coverage, article, { ...opts, total, commonKeys, maxPosting });
    return { ...r, version: s?.version };
  });
  // Writes cannot share the read-only transaction. Missing stats: keep the count just made (a
  // write in between makes it one row off until the daily recount).
  if (counted !== undefined) await recountCoverage(db, counted).catch(() => undefined);
  if (commonKeys.size > known) await addCommonKeys(db, commonKeys).catch(() => undefined);
  return res;
}
