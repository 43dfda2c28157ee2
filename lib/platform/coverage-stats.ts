/**
 * The `coverage` table's row count and change version, kept in one `cache` row (key
 * COVERAGE_STATS_KEY) and updated in the same transaction as every write through
 * lib/platform/coverage.ts. Matching needs the count for its idf (ln(1 + N/df)); IndexedDB's own
 * `count()` walks the whole store (Chromium: ~10 ms at 10k rows, ~1.8 s at 100k), so it is read
 * here instead. When the row is missing (first use, an older profile, a write that bypassed these
 * helpers) the next query counts once and stores it; the daily prune counts again, so any drift
 * lasts a day at most.
 */
import { NEVER_EXPIRES, type CacheRow } from '../store-types';
import type { MastheadDb } from './db';

export const COVERAGE_STATS_KEY = 'coverage:stats';

export interface CoverageStats {
  /** Rows in `coverage`. */
  count: number;
  /** Changes on every write (for caches keyed by the table's state). */
  version: number;
  /**
   * Index keys (`terms:japan`, `people:trump`) found on more rows than a query reads
   * (lib/related/query.ts `commonKeys`): later queries skip reading them. The table only grows
   * between prunes, so a common key stays common; the daily recount starts the list afresh.
   */
  common: string[];
}

/** Bound on the kept common keys (a few hundred in practice). */
export const MAX_COMMON_KEYS = 5000;

function asStats(row: CacheRow | undefined): CoverageStats | null {
  const v = row?.value as Partial<CoverageStats> | undefined;
  if (!v || typeof v !== 'object') return null;
  const { count, version, common } = v;
  if (!Number.isSafeInteger(count) || count! < 0 || !Number.isSafeInteger(version)) return null;
  const keys = Array.isArray(common) ? common.filter((k): k is string => typeof k === 'string') : [];
  return { count: count!, version: version!, common: keys.slice(0, MAX_COMMON_KEYS) };
}

const row = (s: CoverageStats): CacheRow => ({ key: COVERAGE_STATS_KEY, expiresAt: NEVER_EXPIRES, value: s });

/** The stored stats, or null when there are none (a caller in a read-only transaction counts). */
export async function readCoverageStats(db: {
  cache: { get(key: string): PromiseLike<CacheRow | undefined> };
}): Promise<CoverageStats | null> {
  return asStats(await db.cache.get(COVERAGE_STATS_KEY));
}

/** Count the table (slow: a full walk) and store the result with a fresh version. */
export async function recountCoverage(
  db: Pick<MastheadDb, 'cache' | 'coverage'>,
  counted?: number,
): Promise<CoverageStats> {
  const count = counted ?? (await db.coverage.count());
  const prev = await readCoverageStats(db);
  const s = { count, version: Math.max((prev?.version ?? 0) + 1, Date.now()), common: [] };
  await db.cache.put(row(s));
  return s;
}

/**
 * Inside a write transaction over `coverage` and `cache`: `added` rows were created (negative:
 * deleted). A missing row stays missing (the next query counts).
 */
export async function bumpCoverageStats(db: MastheadDb, added: number): Promise<void> {
  const prev = await readCoverageStats(db);
  if (!prev) return;
  await db.cache.put(row({ ...prev, count: Math.max(0, prev.count + added), version: prev.version + 1 }));
}

/** Remember index keys a query found too common (a read-write transaction of its own). */
export async function addCommonKeys(db: MastheadDb, keys: Iterable<string>): Promise<void> {
  await db.transaction('rw', db.cache, async () => {
    const prev = await readCoverageStats(db);
    if (!prev) return;
    const common = [...new Set([...prev.common, ...keys])].slice(0, MAX_COMMON_KEYS);
    if (common.length > prev.common.length) await db.cache.put(row({ ...prev, common }));
  });
}
