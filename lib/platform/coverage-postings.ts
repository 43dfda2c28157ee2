/**
 * The `postings` table (lib/related/postings.ts): per index key, the coverage rows that hold it,
 * so a related-coverage query reads its ~18 posting lists in one `bulkGet` instead of walking
 * ~400 index entries (Chromium checks each against its row). Kept in step by every write in
 * lib/platform/coverage.ts, in the same transaction; built from the rows by the v3 upgrade
 * (lib/platform/db.ts), and again after the first query that finds it not built (a new or wiped
 * database, or a bulk write around the helpers that dropped the POSTINGS_BUILT_KEY row).
 */
import {
  applyChange,
  POSTING_KEEP,
  POSTINGS_BUILT_KEY,
  postingList,
  PostingsBuilder,
  type PostingChanges,
  type PostingRow,
} from '../related/postings';
import { indexPosting, TOO_COMMON, type CoverageTableLike, type PostingsReader } from '../related/query';
import { recountCoverage } from './coverage-stats';
import type { MastheadDb } from './db';

/** The tables involved (MastheadDb, or a Dexie upgrade transaction's tables). */
export type PostingsDb = Pick<MastheadDb, 'coverage' | 'postings'>;

/** Rows read (and posting rows written) per request while building. */
const CHUNK = 2000;

/** What the query's postings reader needs: Dexie's tables, or lib/platform/idb-read.ts readers. */
export interface PostingsReadDb {
  coverage: Pick<CoverageTableLike, 'where'>;
  postings: { bulkGet(keys: string[]): PromiseLike<(PostingRow | undefined)[]> };
}

/**
 * The query's postings reader (lib/related/query.ts), inside a transaction over `coverage` and
 * `postings`: rows already read (`prefetched`, by key) are used as they are, the rest come in one
 * `bulkGet`; a row that lacks the keys the query needs is read from its index.
 */
export function postingsReader(
  db: PostingsReadDb,
  prefetched: ReadonlyMap<string, PostingRow | undefined> = new Map(),
): PostingsReader {
  return async (keys, limit) => {
    const missing = keys.filter((k) => !prefetched.has(k));
    const read = missing.length ? await db.postings.bulkGet(missing) : [];
    const rows = new Map(prefetched);
    missing.forEach((k, i) => rows.set(k, read[i]));
    return Promise.all(
      keys.map((k) => {
        const list = postingList(rows.get(k), limit);
        if (list === null) return TOO_COMMON;
        return list ?? indexPosting(db.coverage, k, limit);
      }),
    );
  };
}

/**
 * Applies `changes` to the postings, inside a read-write transaction over `coverage` and
 * `postings`, after the coverage rows were written (a posting whose keys must be read again reads
 * them from the index, which then holds the new state).
 */
export async function updatePostings(db: PostingsDb, changes: PostingChanges): Promise<void> {
  if (changes.size === 0) return;
  const keys = [...changes.keys()];
  const prev = await db.postings.bulkGet(keys);
  const put: PostingRow[] = [];
  const gone: string[] = [];
  const reread: string[] = [];
  keys.forEach((k, i) => {
    const { row, reread: again } = applyChange(k, prev[i], changes.get(k)!);
    if (!row) gone.push(k);
    else if (again) reread.push(k);
    else put.push(row);
  });
  const lists = await Promise.all(reread.map((k) => indexPosting(db.coverage, k, POSTING_KEEP)));
  reread.forEach((key, i) => {
    const keys = lists[i]!;
    if (keys.length === 0) gone.push(key);
    else put.push(keys.length > POSTING_KEEP ? { key, n: keys.length } : { key, n: keys.length, keys });
  });
  if (gone.length) await db.postings.bulkDelete(gone);
  if (put.length) await db.postings.bulkPut(put);
}

/**
 * Builds the postings table from the coverage rows (read in primary-key order, CHUNK at a time),
 * inside a read-write transaction over `coverage` and `postings`, and marks it built. Returns the
 * number of coverage rows (the walk counts them).
 */
export async function buildPostings(db: PostingsDb): Promise<number> {
  const builder = new PostingsBuilder();
  let count = 0;
  let last: string | undefined;
  for (;;) {
    const rows = await (
      last === undefined ? db.coverage.toCollection() : db.coverage.where(':id').above(last)
    )
      .limit(CHUNK)
      .toArray();
    for (const r of rows) builder.add(r.urlKey, r);
    count += rows.length;
    if (rows.length < CHUNK) break;
    last = rows[rows.length - 1]!.urlKey;
  }
  await db.postings.clear();
  const out = builder.rows();
  for (let i = 0; i < out.length; i += CHUNK) await db.postings.bulkPut(out.slice(i, i + CHUNK));
  await db.postings.put({ key: POSTINGS_BUILT_KEY, n: count });
  return count;
}

/** Whether the postings are built and kept in step (see POSTINGS_BUILT_KEY). */
export async function postingsBuilt(db: {
  postings: { get(key: string): PromiseLike<PostingRow | undefined> };
}): Promise<boolean> {
  return (await db.postings.get(POSTINGS_BUILT_KEY)) !== undefined;
}

/**
 * Rebuilds the postings unless another caller just did (one read-write transaction), and keeps
 * the row count the walk made (lib/platform/coverage-stats.ts).
 */
export async function rebuildPostings(db: MastheadDb): Promise<void> {
  await db.transaction('rw', db.coverage, db.postings, db.cache, async () => {
    if (await postingsBuilt(db)) return;
    await recountCoverage(db, await buildPostings(db));
  });
}
