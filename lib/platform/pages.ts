/**
 * History repository: one `pages` row per article the reader opened (never from private windows;
 * the caller decides). The DB is passed in so tests use their own.
 */
import type { PageReport, StoredPage } from '../types';
import { describeDbError, type MastheadDb } from './db';

/** The row a report would produce on a first visit, or null when the report is not an article. */
export function pageFromReport(report: PageReport, now: Date): StoredPage | null {
  const a = report.article;
  if (!report.verdict.isArticle || !a) return null;
  const at = now.toISOString();
  const row: StoredPage = {
    urlKey: report.urlKey,
    url: report.url,
    title: a.title,
    authors: [...a.authors],
    wordCount: a.wordCount,
    text: report.text,
    content: report.content,
    firstSeenAt: at,
    lastSeenAt: at,
    visits: 1,
  };
  const optional = {
    canonicalUrl: a.canonicalUrl,
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    modifiedTime: a.modifiedTime,
    lang: a.lang,
    section: a.section,
    leadImage: a.leadImage,
    excerpt: a.excerpt,
  };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (row as unknown as Record<string, unknown>)[k] = v;
  }
  return row;
}

export interface UpsertOptions {
  now: Date;
  /** False when the same tab re-sent the same page (SPA text update, re-injection): no new visit. */
  countVisit: boolean;
}

/**
 * Insert or refresh the row for an article: keeps `firstSeenAt`, bumps `lastSeenAt` and (when
 * `countVisit`) `visits`. Returns the stored row; throws an Error with a readable message
 * (`describeDbError`) on quota or open failures.
 */
export async function upsertPage(
  db: MastheadDb,
  report: PageReport,
  opts: UpsertOptions,
): Promise<StoredPage | null> {
  const fresh = pageFromReport(report, opts.now);
  if (!fresh) return null;
  try {
    return await db.transaction('rw', db.pages, async () => {
      const old = await db.pages.get(fresh.urlKey);
      const row: StoredPage = old
        ? {
            ...fresh,
            firstSeenAt: old.firstSeenAt,
            visits: (Number.isFinite(old.visits) ? old.visits : 0) + (opts.countVisit ? 1 : 0),
          }
        : fresh;
      await db.pages.put(row);
      return row;
    });
  } catch (e) {
    throw new Error(describeDbError(e), { cause: e });
  }
}
