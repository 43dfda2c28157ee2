/**
 * Compact postings for the `coverage` table (pure; the IndexedDB side is
 * lib/platform/coverage-postings.ts): one row per index key (`terms:japan`, `people:shinzo abe`)
 * with how many coverage rows hold it and, while that is at most POSTING_KEEP, their keys.
 *
 * The same lists are in the `*terms` / `*people` multi-entry indexes, but reading an index key's
 * entries costs one storage lookup per entry in Chromium (each entry is checked against its row):
 * ~2.5 ms for 200 entries, where one postings row is one read. Above POSTING_KEEP rows a key is
 * too common for any query to read (lib/related/query.ts reads at most `maxPosting` ≤ 200 keys),
 * so only its count is kept, and the row stays small however large the table grows.
 */

/** Keys are kept while a posting has at most this many rows (the query's `maxPosting` ≤ this). */
export const POSTING_KEEP = 256;

export interface PostingRow {
  /** `${index}:${value}`, index 'terms' or 'people' (the same form as the query's `commonKeys`). */
  key: string;
  /** Coverage rows holding the value. */
  n: number;
  /** Their primary keys, present exactly when n ≤ POSTING_KEEP. */
  keys?: string[];
}

/**
 * The row saying the table was built from the coverage rows and kept in step since (`n`: rows at
 * the build). Missing (a new or wiped database, a write around the helpers that removed it): the
 * next query reads the indexes and rebuilds. Not a posting: it has no index prefix.
 */
export const POSTINGS_BUILT_KEY = '#built';

/** The indexes mirrored here (multi-entry, string values). */
export const POSTING_INDEXES = ['terms', 'people'] as const;
export type PostingIndex = (typeof POSTING_INDEXES)[number];

/** Splits `terms:japan` into its index and value (null for a key of another form). */
export function splitPostingKey(key: string): { index: PostingIndex; value: string } | null {
  const i = key.indexOf(':');
  const index = key.slice(0, i);
  return i > 0 && (POSTING_INDEXES as readonly string[]).includes(index)
    ? { index: index as PostingIndex, value: key.slice(i + 1) }
    : null;
}

/** The posting keys of a coverage row, as the multi-entry indexes hold them (strings, once each). */
export function postingKeysOf(row: { terms?: unknown; people?: unknown } | undefined): Set<string> {
  const out = new Set<string>();
  if (!row) return out;
  for (const index of POSTING_INDEXES) {
    const values = row[index];
    if (!Array.isArray(values)) continue;
    for (const v of values) if (typeof v === 'string') out.add(`${index}:${v}`);
  }
  return out;
}

/** Posting key → primary keys to add and to remove. */
export type PostingChanges = Map<string, { add: string[]; remove: string[] }>;

/**
 * Records that the row `urlKey` went from `before` to `after` (undefined: absent). Keys held by
 * both are untouched, so rewriting a row as it was changes nothing.
 */
export function recordChange(
  changes: PostingChanges,
  urlKey: string,
  before: { terms?: unknown; people?: unknown } | undefined,
  after: { terms?: unknown; people?: unknown } | undefined,
): void {
  const was = postingKeysOf(before);
  const now = postingKeysOf(after);
  const entry = (k: string) => {
    let e = changes.get(k);
    if (!e) changes.set(k, (e = { add: [], remove: [] }));
    return e;
  };
  for (const k of now) if (!was.has(k)) entry(k).add.push(urlKey);
  for (const k of was) if (!now.has(k)) entry(k).remove.push(urlKey);
}

/**
 * The new state of one posting after `change`: null when no row holds the key any more;
 * `reread: true` when its keys are needed (n ≤ POSTING_KEEP) but were not kept (the caller reads
 * them from the index, after the coverage writes).
 */
export function applyChange(
  key: string,
  prev: PostingRow | undefined,
  change: { add: readonly string[]; remove: readonly string[] },
): { row: PostingRow | null; reread: boolean } {
  const n = Math.max(0, (prev?.n ?? 0) + change.add.length - change.remove.length);
  if (n === 0) return { row: null, reread: false };
  if (n > POSTING_KEEP) return { row: { key, n }, reread: false };
  const had = prev === undefined ? [] : prev.keys;
  if (!had) return { row: { key, n }, reread: true };
  const gone = new Set(change.remove);
  const keys = had.filter((k) => !gone.has(k));
  const present = new Set(keys);
  for (const k of change.add) if (!present.has(k)) keys.push(k);
  // A count that disagrees with the kept keys (a write around the helpers) is re-read.
  if (keys.length !== n) return { row: { key, n }, reread: true };
  return { row: { key, n, keys }, reread: false };
}

/** Builds every posting from scratch; feed it rows in any order, then call `rows()`. */
export class PostingsBuilder {
  // Per index, value → count, keys (dropped past POSTING_KEEP) and the last row counted (a value
  // repeated within one row counts once). Keyed by the bare value: no string per entry.
  private readonly maps = new Map<PostingIndex, Map<string, { n: number; keys?: string[]; last: string }>>(
    POSTING_INDEXES.map((i) => [i, new Map()]),
  );

  add(urlKey: string, row: { terms?: unknown; people?: unknown }): void {
    for (const [index, map] of this.maps) {
      const values = row[index];
      if (!Array.isArray(values)) continue;
      for (const v of values) {
        if (typeof v !== 'string') continue;
        const p = map.get(v);
        if (!p) map.set(v, { n: 1, keys: [urlKey], last: urlKey });
        else if (p.last !== urlKey) {
          p.last = urlKey;
          p.n++;
          if (p.n > POSTING_KEEP) delete p.keys;
          else p.keys?.push(urlKey);
        }
      }
    }
  }

  rows(): PostingRow[] {
    const out: PostingRow[] = [];
    for (const [index, map] of this.maps) {
      for (const [v, { n, keys }] of map)
        out.push(keys ? { key: `${index}:${v}`, n, keys } : { key: `${index}:${v}`, n });
    }
    return out;
  }
}

/** The stored row as the query reads it: its keys, or null when it has more than `limit` rows. */
export function postingList(row: PostingRow | undefined, limit: number): string[] | null | undefined {
  if (!row) return [];
  if (row.n > limit) return null;
  // Missing keys under the cap (a damaged row): undefined tells the caller to read the index.
  return Array.isArray(row.keys) ? row.keys : undefined;
}
