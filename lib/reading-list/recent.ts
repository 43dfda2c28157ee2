/**
 * The newest saved items' keys, kept in one `cache` row (key RECENT_KEY) so the reading list
 * paints its first page at once without an index on `saved.savedAt`: every index costs each write
 * (a 10,000-row import writes ~20 % faster without it), and this row costs one small put per
 * write transaction instead.
 *
 * Invariant: `entries` (newest first, ≤ RECENT_SIZE) are the newest saved rows, in order — a
 * prefix of the whole list, never a guess. `all` says the prefix is the whole list. Adds keep the
 * prefix (a row is added only when it sorts before the last entry, or when `all`), deletes shorten
 * it. A missing or unreadable row just means "unknown": the page then reads everything, as it does
 * after every first paint anyway, and rewrites the row (`rebuildRecent`). Call the note* helpers
 * inside the transaction that writes `saved`, with `cache` in its scope.
 */
import type { MastheadDb } from '../platform/db';
import { NEVER_EXPIRES, type CacheRow, type SavedArticle } from '../store-types';

export const RECENT_KEY = 'reading-list:recent';
/** Entries kept: the reading list's first page (about two screens). */
export const RECENT_SIZE = 40;

type Entry = [savedAt: string, urlKey: string];

export interface Recent {
  entries: Entry[];
  /** The entries are every saved row. */
  all: boolean;
  /** Changes on every write of the row (a rebuild from an older read must not overwrite it). */
  version: number;
}

type RecentDb = Pick<MastheadDb, 'saved' | 'cache' | 'transaction'>;

/** Newest first: savedAt descending, then URL key descending (the order a reversed index gave). */
export function newestFirst(
  a: Pick<SavedArticle, 'savedAt' | 'urlKey'>,
  b: Pick<SavedArticle, 'savedAt' | 'urlKey'>,
): number {
  const x = typeof a.savedAt === 'string' ? a.savedAt : '';
  const y = typeof b.savedAt === 'string' ? b.savedAt : '';
  if (x !== y) return x < y ? 1 : -1;
  return a.urlKey < b.urlKey ? 1 : a.urlKey > b.urlKey ? -1 : 0;
}

const entryOrder = (a: Entry, b: Entry) =>
  newestFirst({ savedAt: a[0], urlKey: a[1] }, { savedAt: b[0], urlKey: b[1] });

/** The stored row, or null when it is missing or not of the expected shape. */
function asRecent(row: CacheRow | undefined): Recent | null {
  const v = row?.value as Partial<Recent> | undefined;
  if (!v || !Array.isArray(v.entries) || typeof v.all !== 'boolean' || !Number.isSafeInteger(v.version))
    return null;
  if (v.entries.length > RECENT_SIZE) return null;
  const ok = v.entries.every(
    (e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string',
  );
  return ok ? (v as Recent) : null;
}

export async function readRecent(db: Pick<MastheadDb, 'cache'>): Promise<Recent | null> {
  return asRecent(await db.cache.get(RECENT_KEY));
}

function put(db: Pick<MastheadDb, 'cache'>, r: Recent): Promise<unknown> {
  return db.cache.put({ key: RECENT_KEY, expiresAt: NEVER_EXPIRES, value: r });
}

/** Rows just added to `saved` (in the same transaction). */
export async function noteAdded(
  db: Pick<MastheadDb, 'cache'>,
  rows: readonly Pick<SavedArticle, 'savedAt' | 'urlKey'>[],
): Promise<void> {
  if (rows.length === 0) return;
  const r = await readRecent(db);
  if (!r) return; // unknown stays unknown until the next full read
  let entries = r.entries;
  let all = r.all;
  const last = entries.at(-1);
  const fits = rows.filter((x) => all || (last !== undefined && entryOrder([x.savedAt, x.urlKey], last) < 0));
  if (fits.length === 0) return;
  const keys = new Set(fits.map((x) => x.urlKey));
  entries = [
    ...entries.filter((e) => !keys.has(e[1])),
    ...fits.map((x): Entry => [x.savedAt, x.urlKey]),
  ].sort(entryOrder);
  if (entries.length > RECENT_SIZE) {
    entries = entries.slice(0, RECENT_SIZE);
    all = false;
  }
  await put(db, { entries, all, version: r.version + 1 });
}

/** Keys just deleted from `saved` (in the same transaction). */
export async function noteRemoved(db: Pick<MastheadDb, 'cache'>, urlKeys: readonly string[]): Promise<void> {
  const r = await readRecent(db);
  if (!r) return;
  const gone = new Set(urlKeys);
  const entries = r.entries.filter((e) => !gone.has(e[1]));
  if (entries.length !== r.entries.length) await put(db, { ...r, entries, version: r.version + 1 });
}

/**
 * The first page: the newest saved rows as the recent row names them (`all`: they are the whole
 * list), or null when that is not known (no row yet) or there is nothing to show early (then the
 * caller reads everything).
 */
export async function firstPage(db: RecentDb): Promise<{ rows: SavedArticle[]; all: boolean } | null> {
  return db.transaction('r', db.saved, db.cache, async () => {
    const r = await readRecent(db);
    if (!r || r.entries.length === 0) return null;
    const found = await db.saved.bulkGet(r.entries.map((e) => e[1]));
    const rows = found.filter((x): x is SavedArticle => !!x);
    // A row named but missing means the recent row is stale (a write that bypassed it).
    return { rows, all: r.all && rows.length === found.length };
  });
}

/**
 * Every saved row, newest first, with the recent row's version as read in the same transaction
 * (pass both to rebuildRecent).
 */
export async function readAllNewestFirst(
  db: RecentDb,
): Promise<{ rows: SavedArticle[]; version: number | null }> {
  return db.transaction('r', db.saved, db.cache, async () => {
    const [rows, r] = await Promise.all([db.saved.toArray(), readRecent(db)]);
    return { rows: rows.sort(newestFirst), version: r?.version ?? null };
  });
}

/**
 * Rewrite the recent row from a full read (`rows` newest first), unless it changed since that
 * read (`seen`, the version read with the rows) or is already right.
 */
export async function rebuildRecent(
  db: RecentDb,
  rows: readonly Pick<SavedArticle, 'savedAt' | 'urlKey'>[],
  seen: number | null,
): Promise<boolean> {
  return db.transaction('rw', db.cache, async () => {
    const r = await readRecent(db);
    if ((r?.version ?? null) !== seen) return false;
    const entries = rows.slice(0, RECENT_SIZE).map((x): Entry => [x.savedAt, x.urlKey]);
    const all = rows.length <= RECENT_SIZE;
    const same =
      r !== null &&
      r.all === all &&
      r.entries.length === entries.length &&
      r.entries.every((e, i) => e[1] === entries[i]![1] && e[0] === entries[i]![0]);
    if (same) return false;
    await put(db, { entries, all, version: (r?.version ?? 0) + 1 });
    return true;
  });
}
