/**
 * Same-story matching (issue: related coverage). Pure: an article and candidate items in, ranked
 * matches with reasons out. The same scoring runs over an in-memory index (here) and over the
 * IndexedDB store (query.ts), which only adds candidate retrieval.
 *
 * score = dateFactor × (0.65·termSim + 0.35·peopleSim), or dateFactor × termSim when either side
 * names nobody.
 * - termSim: cosine of the two stored term lists, each term weighted by its rank
 *   (terms.rankWeight) × idf (ln(1 + N/df), from the collection the candidates come from).
 * - peopleSim: people in common (same key, or same surname when one side names only the surname)
 *   over the smaller of the two lists, capped at 3.
 * - dateFactor: 1 inside ±windowDays of the article's date, then falling linearly to 0 at
 *   3×windowDays; 0.8 when either date is unknown.
 * A candidate sharing a single term and no person with the article gets half its score (one
 * common word, e.g. "South" in "South Korea" and "South Wales", is not a story).
 * Matches at or above `threshold` are same-story; copies of one text are merged (near-dup.ts).
 */
import type { CoverageItem } from '../store-types';
import { foldWord, keyPeople, keyTerms, rankWeight, stem, surnameOf } from './terms';
import { groupDuplicates } from './near-dup';

/** The fields of a CoverageItem that matching reads. */
export type MatchItem = Pick<
  CoverageItem,
  'urlKey' | 'url' | 'title' | 'publishedAt' | 'terms' | 'people'
> & {
  outletQid?: string;
  /** Text or summary, when kept: used only to find near-duplicates. */
  text?: string;
  summary?: string;
};

export interface MatchArticle {
  title: string;
  text?: string;
  publishedAt?: string;
  /** Precomputed keys (else computed from title + text). */
  terms?: string[];
  people?: string[];
  /** Excluded from results (the article itself). */
  urlKey?: string;
}

export interface MatchOptions {
  /** Same-story window around the article's date, in days (default 3). */
  windowDays: number;
  /** Minimum score of a same-story match (default DEFAULT_THRESHOLD). */
  threshold: number;
  /** Maximum groups returned (default 50). */
  limit: number;
  /** Merge near-duplicates (default true). */
  mergeDuplicates: boolean;
}

export interface RelatedMatch<T extends MatchItem = MatchItem> {
  item: T;
  score: number;
  reasons: string[];
  /** Other copies of the same text (wire stories republished elsewhere), best first. */
  duplicates: { item: T; score: number }[];
}

/** Chosen on the BASIL sweep (tests/eval/related.ts prints it): see README of lib/related. */
export const DEFAULT_THRESHOLD = 0.2;
export const DEFAULT_OPTIONS: MatchOptions = {
  windowDays: 3,
  threshold: DEFAULT_THRESHOLD,
  limit: 50,
  mergeDuplicates: true,
};

const W_TERMS = 0.65;
const W_PEOPLE = 0.35;
const UNKNOWN_DATE_FACTOR = 0.8;
const THIN_EVIDENCE = 0.5;

/** Document frequencies → idf. Unknown terms get `fallback` (e.g. the mean idf of known ones). */
export type IdfFn = (term: string) => number;

export function idfFrom(df: ReadonlyMap<string, number>, n: number): IdfFn {
  const size = Math.max(1, n);
  return (t) => Math.log(1 + size / Math.max(1, df.get(t) ?? 1));
}

export function dateFactor(articleDate: string | undefined, itemDate: string, windowDays: number): number {
  const a = Date.parse(articleDate ?? '');
  const b = Date.parse(itemDate);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return UNKNOWN_DATE_FACTOR;
  const days = Math.abs(b - a) / 86_400_000;
  if (days <= windowDays) return 1;
  return Math.max(0, 1 - (days - windowDays) / (2 * windowDays));
}

function vector(terms: readonly string[], idf: IdfFn): Map<string, number> {
  const v = new Map<string, number>();
  terms.forEach((t, i) => {
    if (!v.has(t)) v.set(t, rankWeight(i) * idf(t));
  });
  return v;
}

function norm(v: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** People in common: same key, or same surname when one of the two is a bare surname. */
export function sharedPeople(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of a) {
    const hit = b.find(
      (q) => q === p || ((!p.includes(' ') || !q.includes(' ')) && surnameOf(p) === surnameOf(q)),
    );
    if (hit) out.push(p.includes(' ') ? p : hit);
  }
  return [...new Set(out)];
}

const titleCase = (k: string): string =>
  k.replace(/(^|[\s-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());

/** A prepared query: the article's weighted vector and people. */
export interface PreparedArticle {
  terms: string[];
  people: string[];
  publishedAt: string;
  urlKey: string;
}

export function prepareArticle(a: MatchArticle): PreparedArticle {
  const text = typeof a.text === 'string' ? a.text : '';
  const title = typeof a.title === 'string' ? a.title : '';
  return {
    terms: a.terms ?? keyTerms(text, title),
    people: a.people ?? keyPeople(text, title),
    publishedAt: a.publishedAt ?? '',
    urlKey: a.urlKey ?? '',
  };
}

/** The article's weighted vector and its norm, made once per article and idf (many items are scored). */
const queryVectors = new WeakMap<PreparedArticle, { idf: IdfFn; qv: Map<string, number>; qn: number }>();
function queryVector(q: PreparedArticle, idf: IdfFn): { qv: Map<string, number>; qn: number } {
  const hit = queryVectors.get(q);
  if (hit?.idf === idf) return hit;
  const qv = vector(q.terms, idf);
  const made = { idf, qv, qn: norm(qv) };
  queryVectors.set(q, made);
  return made;
}

/** Score one candidate against a prepared article (`content`: the score before the date factor). */
export function scoreItem(
  q: PreparedArticle,
  item: MatchItem,
  idf: IdfFn,
  windowDays = DEFAULT_OPTIONS.windowDays,
): { score: number; content: number; reasons: string[] } {
  const { qv, qn } = queryVector(q, idf);
  const iv = vector(item.terms ?? [], idf);
  let dot = 0;
  const common: [string, number][] = [];
  for (const [t, w] of qv) {
    const x = iv.get(t);
    if (x !== undefined) {
      dot += w * x;
      common.push([t, w * x]);
    }
  }
  const denom = qn * norm(iv);
  const termSim = denom > 0 ? dot / denom : 0;
  const people = q.people.length && item.people?.length ? sharedPeople(q.people, item.people) : [];
  const hasPeople = q.people.length > 0 && (item.people?.length ?? 0) > 0;
  // Share of the article's key people (up to 3) the item names: an item naming only one of them
  // is not "everyone in common" just because it names nobody else.
  const peopleSim = hasPeople ? Math.min(1, people.length / Math.min(3, q.people.length)) : 0;
  let content = hasPeople ? W_TERMS * termSim + W_PEOPLE * peopleSim : termSim;
  // Thin evidence (short items make cosines jumpy): at most one shared person and fewer than two
  // shared words beyond that person's own name — e.g. a same-day story about another event that
  // names one famous person the article also names.
  if (people.length <= 1) {
    const nameWords = new Set(people.flatMap((p) => p.split(' ').map((w) => stem(foldWord(w)))));
    const otherCommon = common.filter(([t]) => !nameWords.has(t)).length;
    if (otherCommon < 2) content *= THIN_EVIDENCE;
  }
  const df = dateFactor(q.publishedAt, item.publishedAt, windowDays);
  const reasons: string[] = [];
  if (people.length) reasons.push(`Names the same people: ${people.slice(0, 4).map(titleCase).join(', ')}`);
  if (common.length) {
    const top = common
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([t]) => t);
    reasons.push(`Shares key words: ${top.join(', ')} (${Math.round(termSim * 100)}% term similarity)`);
  }
  const a = Date.parse(q.publishedAt);
  const b = Date.parse(item.publishedAt);
  if (Number.isFinite(a) && Number.isFinite(b)) {
    const days = Math.round(Math.abs(b - a) / 86_400_000);
    reasons.push(
      days === 0
        ? 'Published the same day'
        : `Published ${days} day${days === 1 ? '' : 's'} ${b < a ? 'before' : 'after'}`,
    );
  } else reasons.push('Publication date unknown');
  return { score: df * content, content, reasons };
}

/** Rank scored items, keep those at or above the threshold, merge copies, cut to `limit`. */
export function rankMatches<T extends MatchItem>(
  scored: { item: T; score: number; reasons: string[] }[],
  o: MatchOptions,
): RelatedMatch<T>[] {
  const kept = scored
    .filter((s) => s.score >= o.threshold)
    .sort((a, b) => b.score - a.score || (a.item.urlKey < b.item.urlKey ? -1 : 1));
  if (!o.mergeDuplicates) return kept.slice(0, o.limit).map((s) => ({ ...s, duplicates: [] }));
  const groups = groupDuplicates(kept, (s) => ({
    title: s.item.title ?? '',
    body:
      typeof s.item.text === 'string'
        ? s.item.text
        : typeof s.item.summary === 'string'
          ? s.item.summary
          : '',
  }));
  return groups.slice(0, o.limit).map(({ rep, duplicates }) => ({
    ...rep,
    duplicates: duplicates.map((d) => ({ item: d.item, score: d.score })),
  }));
}

/** In-memory index over candidate items: postings by term and person, document frequencies. */
export class RelatedIndex<T extends MatchItem = MatchItem> {
  readonly items: T[];
  private readonly byTerm = new Map<string, number[]>();
  private readonly byPerson = new Map<string, number[]>();

  constructor(items: Iterable<T>) {
    this.items = [...items];
    this.items.forEach((it, i) => {
      for (const t of new Set(it.terms ?? [])) push(this.byTerm, t, i);
      for (const p of new Set(it.people ?? [])) {
        push(this.byPerson, p, i);
        const s = surnameOf(p);
        if (s !== p) push(this.byPerson, s, i);
      }
    });
  }

  get size(): number {
    return this.items.length;
  }

  idf(): IdfFn {
    const n = this.items.length;
    return (t) => Math.log(1 + Math.max(1, n) / Math.max(1, this.byTerm.get(t)?.length ?? 1));
  }

  /** Items sharing at least one term or person with the article. */
  candidates(q: PreparedArticle): T[] {
    const hit = new Set<number>();
    for (const t of q.terms) for (const i of this.byTerm.get(t) ?? []) hit.add(i);
    for (const p of q.people) {
      for (const i of this.byPerson.get(p) ?? []) hit.add(i);
      for (const i of this.byPerson.get(surnameOf(p)) ?? []) hit.add(i);
    }
    return [...hit].sort((a, b) => a - b).map((i) => this.items[i]!);
  }
}

function push(m: Map<string, number[]>, k: string, i: number): void {
  const list = m.get(k);
  if (list) list.push(i);
  else m.set(k, [i]);
}

/**
 * Same-story items for an article, best first. `candidates` is a list (an index is built for it:
 * idf comes from the list) or a prebuilt RelatedIndex.
 */
export function findRelated<T extends MatchItem>(
  article: MatchArticle,
  candidates: readonly T[] | RelatedIndex<T>,
  opts: Partial<MatchOptions> = {},
): RelatedMatch<T>[] {
  const o: MatchOptions = { ...DEFAULT_OPTIONS, ...opts };
  const index = candidates instanceof RelatedIndex ? candidates : new RelatedIndex(candidates);
  const q = prepareArticle(article);
  const idf = index.idf();
  const scored = index
    .candidates(q)
    .filter((it) => !q.urlKey || it.urlKey !== q.urlKey)
    .map((item) => ({ item, ...scoreItem(q, item, idf, o.windowDays) }));
  return rankMatches(scored, o);
}
