/**
 * The extension's IndexedDB (Dexie 4). Opened only in extension contexts (background, popup,
 * options) — never in a content script, where IndexedDB is the page's storage (S11).
 *
 * Schema history is append-only (ARCHITECTURE.md §6, R5): never edit a released `version(n)`; add
 * `n + 1` with an `.upgrade()` that calls a pure function from `db-migrations.ts`, and commit
 * `tests/fixtures/db/v<n+1>.json`. `tests/lib/platform/db.test.ts` fails when a fixture is missing.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { CacheRow, CoverageItem, FeedRow, HighlightRow, SavedArticle } from '../store-types';
import type { PostingRow } from '../related/postings';
import { buildPostings } from './coverage-postings';
import type { StoredPage } from '../types';

export const DEFAULT_DB_NAME = 'masthead';

/** Tables of data derived from other tables (rebuilt from them): not the reader's stored items. */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['postings']);

export class MastheadDb extends Dexie {
  pages!: EntityTable<StoredPage, 'urlKey'>;
  saved!: EntityTable<SavedArticle, 'urlKey'>;
  highlights!: EntityTable<HighlightRow, 'id'>;
  feeds!: EntityTable<FeedRow, 'id'>;
  coverage!: EntityTable<CoverageItem, 'urlKey'>;
  cache!: EntityTable<CacheRow, 'key'>;
  postings!: EntityTable<PostingRow, 'key'>;

  /** Tests pass a unique name (Dexie captures `indexedDB` at import) or `{ indexedDB, IDBKeyRange }`. */
  constructor(name = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    // v1 — 0.1.0: articles the reader opened (history), keyed by normalised URL.
    this.version(1).stores({
      pages: '&urlKey, lastSeenAt, publishedTime, siteName',
    });
    // v2 — 0.2.0: reading list, highlights, feeds, related-coverage items, online lookup cache.
    // `pages` is unchanged, so no row upgrade runs.
    this.version(2).stores({
      saved: '&urlKey, savedAt, updatedAt, state, favourite, *tags, outletQid, publishedTime',
      highlights: '&id, urlKey, createdAt',
      feeds: '&id, url',
      coverage: '&urlKey, publishedAt, seenAt, outletQid, feedId, origin, *terms, *people',
      cache: '&key, expiresAt',
    });
    // v3 — 0.3.0: `saved` keeps only the index it is queried by (`savedAt`: newest first for the
    // reading list's first paint and for export). Filters, facets and search run in memory, and
    // every index costs IndexedDB write time (a 10,000-row import writes ~40% less with one index
    // than with seven); dropping indexes leaves every row as it is. New: compact postings of
    // `coverage`'s terms/people for related-coverage matching (lib/platform/coverage-postings.ts),
    // derived data built here from the existing rows.
    this.version(3)
      .stores({ saved: '&urlKey, savedAt', postings: '&key' })
      .upgrade((tx) =>
        buildPostings({ coverage: tx.table('coverage'), postings: tx.table('postings') }).then(
          () => undefined,
        ),
      );
    // v4 — 0.4.0: `saved` keeps no secondary index. The reading list's first page comes from a
    // `cache` row of the newest keys kept in step with every write (lib/reading-list/recent.ts),
    // and full reads sort in memory; a 10,000-row import writes ~20 % faster. Rows are unchanged;
    // the first full read after the upgrade writes the recent row.
    this.version(4).stores({ saved: '&urlKey' });
  }
}

/** Dexie error names we translate; anything else keeps its own message. */
const names = (e: unknown): string[] => {
  const out: string[] = [];
  let cur: unknown = e;
  // Dexie wraps the real cause in `.inner` (e.g. AbortError → QuotaExceededError).
  for (let depth = 0; cur && depth < 5; depth++) {
    const name = (cur as { name?: unknown }).name;
    if (typeof name === 'string') out.push(name);
    cur = (cur as { inner?: unknown }).inner;
  }
  return out;
};

/**
 * A readable, user-facing message for a database error. Quota errors (also when wrapped in an
 * AbortError's `.inner`) and open errors get their own wording; the DB is never deleted to "fix" one.
 */
export function describeDbError(e: unknown): string {
  const n = names(e);
  if (n.includes('QuotaExceededError')) {
    return 'Storage is full: Masthead could not save this page. Free some disk space, or delete old history in the options page.';
  }
  if (n.includes('VersionError')) {
    return 'The Masthead database was created by a newer version of the extension. Update Masthead; your data has been left untouched.';
  }
  if (n.includes('UpgradeError')) {
    return 'The Masthead database could not be upgraded; the previous version and its data were kept. Please report this.';
  }
  if (n.includes('OpenFailedError') || n.includes('DatabaseClosedError') || n.includes('InvalidStateError')) {
    const inner = e instanceof Error && e.message ? ` (${e.message})` : '';
    return `The Masthead database could not be opened${inner}. Your data has been left untouched.`;
  }
  if (n.includes('MissingAPIError')) {
    return 'IndexedDB is not available here (private browsing?): Masthead cannot keep history.';
  }
  return e instanceof Error ? e.message || e.name : String(e);
}

/** Open the database, turning open failures into an Error with a readable message. */
export async function openMastheadDb(name = DEFAULT_DB_NAME, options?: DexieOptions): Promise<MastheadDb> {
  const db = new MastheadDb(name, options);
  try {
    await db.open();
    return db;
  } catch (e) {
    db.close();
    throw new Error(describeDbError(e), { cause: e });
  }
}
