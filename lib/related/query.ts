/**
 * Same-story matching over the IndexedDB `coverage` table (issue: related coverage), through a
 * table-like interface that Dexie's `db.coverage` satisfies (lib/ stays free of Dexie imports).
 *
 * Retrieval, bounded at any table size (cost grows with posting sizes, not with the table):
 * 1. for each of the article's top `queryTerms` terms and its `queryPeople` people (and their
 *    surnames), the primary keys of the items holding it, capped at `maxPosting` — from a
 *    `postings` reader when the caller has one (lib/platform/coverage-postings.ts: all lists in
 *    one bulk read), else from the multi-entry `terms`/`people` indexes: a term stored on more
 *    items than that says little about one story, so it does not rank candidates (for scoring it
 *    gets the idf of a posting just over the cap);
 * 2. keys are ranked by the idf-weighted sum of their postings (idf = ln(1 + N/df), df = posting
 *    size, N = table count);
 * 3. rows are read best first, `fetchBatch` at a time (one `bulkGet` each, the costly step), and
 *    scored by match.ts (same scoring as in memory, date window included). Another batch is read
 *    only while at least half of the last one was useful — same-story matches, or same-topic
 *    items from other weeks that may crowd in-window ones out — up to `maxFetch` rows. Past the
 *    first `minFetch`, only candidates with `minEvidence` of the best one's posting score.
 * Terms of a fetched item that were not looked up get the mean idf of the looked-up ones.
 */
import type { CoverageItem } from '../store-types';
import {
  DEFAULT_OPTIONS,
  prepareArticle,
  rankMatches,
  scoreItem,
  type IdfFn,
  type MatchArticle,
  type MatchOptions,
  type PreparedArticle,
  type RelatedMatch,
} from './match';
import { splitPostingKey } from './postings';
import { rankWeight, surnameOf } from './terms';

/**
 * Posting lists for many index keys at once (`terms:japan`, `people:shinzo abe`), in order: each
 * the primary keys of the rows holding it, or TOO_COMMON when more than `limit` rows hold it.
 * lib/platform/coverage-postings.ts reads them from the compact `postings` table in one request
 * each; without a reader the table's multi-entry indexes are read.
 */
export type PostingsReader = (
  keys: readonly string[],
  limit: number,
) => Promise<readonly (readonly string[])[]>;

/** A posting list standing for "on more rows than the limit" (compared by identity). */
export const TOO_COMMON: readonly string[] = Object.freeze([]);

/** The subset of Dexie's Table<CoverageItem, string> used here. */
export interface CoverageTableLike {
  count(): Promise<number>;
  where(index: string): { equals(key: string): { limit(n: number): { primaryKeys(): Promise<string[]> } } };
  bulkGet(keys: string[]): Promise<(CoverageItem | undefined)[]>;
}

export interface StoreQueryOptions extends MatchOptions {
  queryTerms: number;
  queryPeople: number;
  maxPosting: number;
  fetchBatch: number;
  maxFetch: number;
  /** Candidates always read (when there are as many), whatever their evidence. */
  minFetch: number;
  /** Past `minFetch`: the least posting evidence read, as a share of the best candidate's. */
  minEvidence: number;
  /**
   * Optional memo kept by the caller across queries (e.g. for the worker's lifetime): keys found
   * too common are added here and not read again. The store only grows between prunes, so a
   * common term stays common; clear the set after pruning.
   */
  commonKeys?: Set<string>;
  /**
   * Rows in the table, when the caller keeps the count (lib/platform/coverage-stats.ts):
   * IndexedDB's `count()` walks the whole store, the slowest step at 100k rows.
   */
  total?: number | Promise<number>;
  /** Reads postings from elsewhere than the table's indexes (same answers, fewer requests). */
  postings?: PostingsReader;
}

/**
 * Up to `limit + 1` primary keys of the rows whose `terms`/`people` index holds a posting key's
 * value (`terms:japan`), read from the table's multi-entry index; [] for a key of another form.
 */
export function indexPosting(
  table: Pick<CoverageTableLike, 'where'>,
  key: string,
  limit: number,
): Promise<string[]> {
  const s = splitPostingKey(key);
  if (!s) return Promise.resolve([]);
  return table
    .where(s.index)
    .equals(s.value)
    .limit(limit + 1)
    .primaryKeys();
}

export const DEFAULT_STORE_OPTIONS: StoreQueryOptions = {
  ...DEFAULT_OPTIONS,
  // Measured with scripts/bench/related.mjs (fake-indexeddb): reading keys and rows dominates, so
  // these bound the work per query; same-story recall on the bench's planted stories stays 1.
  queryTerms: 10,
  queryPeople: 6,
  maxPosting: 200,
  fetchBatch: 25,
  maxFetch: 125,
  // npm run -s eval:related: store recall@5 0.9933 as with every candidate eligible, and 43 %
  // fewer rows read per query (22.8 against 40.3 on average; each row is a request).
  minFetch: 16,
  minEvidence: 0.2,
};

export interface StoreQueryStats {
  total: number;
  /** The posting lists came from a postings reader (false: from the table's indexes). */
  viaPostings: boolean;
  postingsRead: number;
  termsDropped: string[];
  candidates: number;
  fetched: number;
  /** Milliseconds reading postings (and the count), and reading + scoring rows (of which reading). */
  postingsMs: number;
  fetchMs: number;
  readMs: number;
  /** Of fetchMs: scoring the rows read, and ranking/merging the scored ones. */
  scoreMs: number;
  rankMs: number;
}

/**
 * The index keys a query looks up for an article, and the terms and people keys it scores. Rare
 * terms first: terms already known to be too common (`common`) take no lookup and leave their
 * place to the article's next terms, so `queryTerms` lookups go to selective ones.
 */
export function lookupKeys(
  q: PreparedArticle,
  o: Pick<StoreQueryOptions, 'queryTerms' | 'queryPeople'>,
  common?: ReadonlySet<string>,
): { terms: string[]; personKeys: string[]; wanted: string[] } {
  const isCommon = (t: string) => common?.has(`terms:${t}`) === true;
  const lookup = q.terms.filter((t) => !isCommon(t)).slice(0, o.queryTerms);
  const terms = [...q.terms.filter(isCommon), ...lookup];
  const personKeys = [...new Set(q.people.slice(0, o.queryPeople).flatMap((p) => [p, surnameOf(p)]))];
  const lookups = [...terms.map((t) => `terms:${t}`), ...personKeys.map((p) => `people:${p}`)];
  return { terms, personKeys, wanted: lookups.filter((k) => !common?.has(k)) };
}

/** Related items from the store, best first, and what the query did (for the bench and debugging). */
export async function findRelatedInStore(
  table: CoverageTableLike,
  article: MatchArticle,
  opts: Partial<StoreQueryOptions> = {},
): Promise<{ matches: RelatedMatch<CoverageItem>[]; stats: StoreQueryStats }> {
  const o: StoreQueryOptions = { ...DEFAULT_STORE_OPTIONS, ...opts };
  const q = prepareArticle(article);
  const common = o.commonKeys;
  const { terms, personKeys, wanted } = lookupKeys(q, o, common);
  const fromIndexes: PostingsReader = (keys, limit) =>
    Promise.all(keys.map((k) => indexPosting(table, k, limit)));
  const t0 = performance.now();
  const [total, lists] = await Promise.all([
    o.total ?? table.count(),
    (o.postings ?? fromIndexes)(wanted, o.maxPosting),
  ]);
  const t1 = performance.now();
  const read = new Map(wanted.map((k, i) => [k, lists[i]!]));
  const postingOf = (k: string) => read.get(k) ?? TOO_COMMON;
  const stats: StoreQueryStats = {
    total,
    viaPostings: o.postings !== undefined,
    postingsRead: 0,
    termsDropped: [],
    candidates: 0,
    fetched: 0,
    postingsMs: t1 - t0,
    fetchMs: 0,
    readMs: 0,
    scoreMs: 0,
    rankMs: 0,
  };
  if (total === 0) return { matches: [], stats };

  const idfOf = new Map<string, number>();
  const acc = new Map<string, number>();
  /** Adds a posting to the candidate ranking; idf is kept for terms (people keys have their own). */
  const addPostings = (index: 'terms' | 'people', key: string, list: readonly string[], weight: number) => {
    stats.postingsRead += list.length;
    const tooCommon = list === TOO_COMMON || list.length > o.maxPosting;
    const idf = Math.log(1 + total / (tooCommon ? o.maxPosting + 1 : Math.max(1, list.length)));
    if (index === 'terms') idfOf.set(key, idf);
    if (tooCommon) {
      stats.termsDropped.push(index === 'terms' ? key : `person:${key}`);
      common?.add(`${index}:${key}`);
      return;
    }
    for (const k of list) acc.set(k, (acc.get(k) ?? 0) + idf * weight);
  };
  const rank = new Map(q.terms.map((t, i) => [t, i]));
  terms.forEach((t, i) => addPostings('terms', t, postingOf(`terms:${t}`), rankWeight(rank.get(t) ?? i)));
  personKeys.forEach((p) => addPostings('people', p, postingOf(`people:${p}`), 1));

  const best = [...acc]
    .filter(([k]) => k !== q.urlKey)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxFetch);
  // Past the first `minFetch`, a candidate is read only when its posting evidence is at least
  // `minEvidence` of the best one's: one shared word where the best shares ten is not a lead.
  const floor = (best[0]?.[1] ?? 0) * o.minEvidence;
  const ranked = best.filter(([, v], i) => i < o.minFetch || v >= floor).map(([k]) => k);
  stats.candidates = acc.size;

  const known = terms.map((t) => idfOf.get(t)).filter((x): x is number => x !== undefined);
  const fallback = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const idf: IdfFn = (t) => idfOf.get(t) ?? fallback;

  const scored: { item: CoverageItem; score: number; reasons: string[] }[] = [];
  for (let from = 0; from < ranked.length; from += o.fetchBatch) {
    const r0 = performance.now();
    const rows = (await table.bulkGet(ranked.slice(from, from + o.fetchBatch))).filter(
      (r): r is CoverageItem => !!r,
    );
    const r1 = performance.now();
    stats.readMs += r1 - r0;
    stats.fetched += rows.length;
    let useful = 0;
    for (const item of rows) {
      const { content, ...s } = scoreItem(q, item, idf, o.windowDays);
      scored.push({ item, ...s });
      // A match, or a same-topic item from another week that may be crowding in-window ones out.
      if (content >= o.threshold) useful++;
    }
    stats.scoreMs += performance.now() - r1;
    // Read on only while at least half the batch was useful: the ranking has not run dry yet.
    if (useful * 2 < rows.length) break;
  }
  const k0 = performance.now();
  const matches = rankMatches(scored, o);
  stats.rankMs = performance.now() - k0;
  stats.fetchMs = performance.now() - t1;
  return { matches, stats };
}
