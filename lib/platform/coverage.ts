/**
 * The related-coverage store (`coverage` table): the reader's own articles (origin 'history'),
 * feed items ('feed') and on-demand search results ('search'), with the key terms and people
 * that matching reads (lib/related). Pruned by `seenAt` after the reader's retention period.
 */
import { storyKeys } from '../related/terms';
import type { FeedItem } from '../related/feed-types';
import type { CoverageItem } from '../store-types';
import type { PageReport } from '../types';
import { normalizeUrl } from '../url/normalize';
import type { MastheadDb } from './db';
import { retentionDays } from '../feeds/retention';
import { bumpCoverageStats, recountCoverage } from './coverage-stats';
import { updatePostings } from './coverage-postings';
import { recordChange, type PostingChanges } from '../related/postings';

export {
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  retentionDays,
} from '../feeds/retention';

/** A short digest of the article text kept with history items (for near-duplicate merging). */
const DIGEST_CHARS = 600;

/** The coverage row for an analysed article (null when the report is not an article). */
export function historyCoverage(report: PageReport, now: Date): CoverageItem | null {
  const a = report.article;
  if (!report.verdict.isArticle || !a) return null;
  const { terms, people } = storyKeys(report.text, a.title);
  const row: CoverageItem = {
    urlKey: report.urlKey,
    url: report.url,
    title: a.title,
    publishedAt: a.publishedTime ?? '',
    seenAt: now.toISOString(),
    origin: 'history',
    terms,
    people,
    text: report.text.slice(0, DIGEST_CHARS),
  };
  if (report.outlet?.id) row.outletQid = report.outlet.id;
  return row;
}

/** Record an opened article (the caller has checked: not private, history not paused). */
export async function upsertHistoryCoverage(db: MastheadDb, report: PageReport, now: Date): Promise<boolean> {
  const row = historyCoverage(report, now);
  if (!row) return false;
  await db.transaction('rw', db.coverage, db.postings, db.cache, async () => {
    const prev = await db.coverage.get(row.urlKey);
    await db.coverage.put(row);
    const changes: PostingChanges = new Map();
    recordChange(changes, row.urlKey, prev, row);
    await updatePostings(db, changes);
    await bumpCoverageStats(db, prev ? 0 : 1);
  });
  return true;
}

/** A feed or search item as a coverage row (null when its URL cannot be keyed). */
export function itemCoverage(
  item: Pick<FeedItem, 'url' | 'title' | 'publishedAt'> & { summary?: string },
  origin: 'feed' | 'search',
  now: Date,
  extra: { feedId?: string; outletQid?: string } = {},
): CoverageItem | null {
  const urlKey = normalizeUrl(item.url);
  if (!urlKey || !item.title) return null;
  const summary = item.summary ?? '';
  const { terms, people } = storyKeys(summary, item.title);
  const row: CoverageItem = {
    urlKey,
    url: item.url,
    title: item.title,
    publishedAt: item.publishedAt,
    seenAt: now.toISOString(),
    origin,
    terms,
    people,
  };
  if (summary) row.summary = summary.slice(0, DIGEST_CHARS);
  if (extra.feedId) row.feedId = extra.feedId;
  if (extra.outletQid) row.outletQid = extra.outletQid;
  return row;
}

/**
 * Store feed/search rows. The reader's own history rows are never replaced by a feed's shorter
 * copy (their `seenAt` is left alone too). Returns how many rows were written.
 */
export async function storeCoverage(db: MastheadDb, rows: readonly CoverageItem[]): Promise<number> {
  if (rows.length === 0) return 0;
  const unique = [...new Map(rows.map((r) => [r.urlKey, r])).values()];
  return db.transaction('rw', db.coverage, db.postings, db.cache, async () => {
    const existing = await db.coverage.bulkGet(unique.map((r) => r.urlKey));
    const changes: PostingChanges = new Map();
    const write = unique.filter((r, i) => {
      const prev = existing[i];
      if (prev?.origin === 'history') return false;
      recordChange(changes, r.urlKey, prev, r);
      return true;
    });
    await db.coverage.bulkPut(write);
    await updatePostings(db, changes);
    await bumpCoverageStats(db, existing.filter((e) => e === undefined).length);
    return write.length;
  });
}

/** Rows deleted per step of a prune (read first: their postings go with them). */
const PRUNE_CHUNK = 1000;

/**
 * Delete coverage rows not seen for `days` days, with their postings, and count the table again
 * (the daily alarm: the full walk is off any query's path). Returns how many were deleted.
 */
export async function pruneCoverage(db: MastheadDb, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays(days) * 86_400_000).toISOString();
  return db.transaction('rw', db.coverage, db.postings, db.cache, async () => {
    let removed = 0;
    for (;;) {
      const rows = await db.coverage.where('seenAt').below(cutoff).limit(PRUNE_CHUNK).toArray();
      if (rows.length === 0) break;
      const changes: PostingChanges = new Map();
      for (const r of rows) recordChange(changes, r.urlKey, r, undefined);
      await db.coverage.bulkDelete(rows.map((r) => r.urlKey));
      await updatePostings(db, changes);
      removed += rows.length;
    }
    await recountCoverage(db);
    return removed;
  });
}
