/**
 * Candidate scoring shared by describe() (how ambiguous is the quote where it was made?) and
 * anchor() (which candidate, if any, to paint). Scores follow Hypothesis,
 * score = (50·quote + 20·prefix + 20·suffix + 2·position) / 92, plus acceptance rules: a minimum
 * score, one side of the context nearly intact, and context on both sides for short quotes.
 */
import { fuzzySearch, samePlace } from './fuzzy';
import { PARA } from './normalize';

/** Characters of context kept before and after the quote (Hypothesis uses 32). */
export const CONTEXT_CHARS = 32;
/** Longest context used when scoring (imported selectors may carry more than we write). */
export const MAX_SCORED_CONTEXT = 64;
export const MIN_SCORE = 0.75;
/** Quotes shorter than this need agreeing context on both sides… */
export const SHORT_QUOTE = 24;
/** …at least this similar (a word or so may differ). */
export const SHORT_QUOTE_CONTEXT = 0.6;
/**
 * Some context must have survived nearly intact on at least one side: a passage that moved or had
 * a neighbour edited keeps one side, while a look-alike elsewhere (a repeated phrase, a boilerplate
 * line) usually matches both sides only loosely.
 */
export const ONE_SIDE_INTACT = 0.9;
/** Fuzzy matches may differ from the quote in at most this share of its characters… */
export const MAX_ERROR_RATE = 0.2;
/** …and in at most this many characters (bounds the band of the edit-distance search). */
export const MAX_ERRORS = 64;
/** Quotes shorter than this are never matched fuzzily (one typo turns "said" into "sail"). */
export const MIN_FUZZY_QUOTE = 8;
/** A fuzzy match needs at least this context similarity on each side. */
export const MIN_FUZZY_CONTEXT = 0.5;
/** Most exact occurrences of a quote looked at (a very common word). */
export const MAX_OCCURRENCES = 2_000;

export interface Scored {
  start: number;
  end: number;
  score: number;
  /** Quote similarity, 1 − errors / quote length. */
  quote: number;
  prefix: number;
  suffix: number;
}

/** Levenshtein distance of two short strings (both ≤ MAX_SCORED_CONTEXT here). */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length || !b.length) return a.length + b.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function similarity(stored: string, actual: string): number {
  if (!stored.length) return actual.trim().length ? 0.5 : 1;
  return Math.max(0, 1 - levenshtein(stored, actual) / stored.length);
}

/** Scores candidates for one quote in one normalised text (context already normalised). */
export class Scorer {
  private readonly prefix: string;
  private readonly suffix: string;
  constructor(
    private readonly norm: string,
    prefix: string,
    suffix: string,
    private readonly quoteLength: number,
    private readonly hint: number,
  ) {
    this.prefix = prefix.slice(-MAX_SCORED_CONTEXT);
    this.suffix = suffix.slice(0, MAX_SCORED_CONTEXT);
  }

  score(start: number, end: number, errors: number): Scored {
    const { norm, prefix, suffix } = this;
    const p = similarity(prefix, norm.slice(Math.max(0, start - prefix.length), start));
    const s = similarity(suffix, norm.slice(end, end + suffix.length));
    const q = 1 - errors / this.quoteLength;
    const pos = this.hint < 0 ? 0.5 : 1 - Math.abs(start - this.hint) / Math.max(1, norm.length);
    return { start, end, quote: q, prefix: p, suffix: s, score: (50 * q + 20 * p + 20 * s + 2 * pos) / 92 };
  }

  /** Context characters equal verbatim right before `start` and right after `end` (≤ 32 each). */
  agreement(start: number, end: number): number {
    const { norm, prefix, suffix } = this;
    let n = 0;
    for (let k = 1; k <= Math.min(CONTEXT_CHARS, prefix.length, start); k++, n++)
      if (norm.charCodeAt(start - k) !== prefix.charCodeAt(prefix.length - k)) break;
    for (let k = 0; k < Math.min(CONTEXT_CHARS, suffix.length, norm.length - end); k++, n++)
      if (norm.charCodeAt(end + k) !== suffix.charCodeAt(k)) break;
    return n;
  }

  /** Enough evidence to paint: the minimum score, and context on both sides for short quotes. */
  accepts(c: Scored, minScore: number): boolean {
    if (c.score < minScore || Math.max(c.prefix, c.suffix) < ONE_SIDE_INTACT) return false;
    return this.quoteLength >= SHORT_QUOTE || Math.min(c.prefix, c.suffix) >= SHORT_QUOTE_CONTEXT;
  }
}

/** Start offsets of `q` in `norm` (at most MAX_OCCURRENCES). */
export function occurrencesOf(norm: string, q: string): number[] {
  const out: number[] = [];
  for (let i = norm.indexOf(q); i !== -1 && out.length < MAX_OCCURRENCES; i = norm.indexOf(q, i + 1))
    out.push(i);
  return out;
}

/**
 * The exact occurrences of `q` (normalised quote) in `norm` that the stored context would accept,
 * in text order, scored without a position hint: the places anchoring cannot tell apart by text.
 * describe() records their count and our rank among them; anchor() recounts them in changed text.
 */
export function acceptedOccurrences(
  norm: string,
  q: string,
  prefix: string,
  suffix: string,
  minScore = MIN_SCORE,
): Scored[] {
  const scorer = new Scorer(norm, prefix, suffix, q.length, -1);
  const out: Scored[] = [];
  for (const at of occurrencesOf(norm, q)) {
    const c = scorer.score(at, at + q.length, 0);
    if (scorer.accepts(c, minScore)) out.push(c);
  }
  return out;
}

/** Drop spaces an approximate alignment may have taken in at its ends. */
function trimmed(norm: string, c: Scored): Scored {
  let { start, end } = c;
  while (start < end && (norm[start] === ' ' || norm[start] === PARA)) start++;
  while (end > start && (norm[end - 1] === ' ' || norm[end - 1] === PARA)) end--;
  return start === c.start && end === c.end ? c : { ...c, start, end };
}

/** Bounded approximate matches of `q` (fuzzy.ts), scored; [] for quotes too short to match fuzzily. */
export function fuzzyCandidates(
  norm: string,
  q: string,
  prefix: string,
  suffix: string,
  scorer: Scorer,
  hint: number,
  maxCells: number,
): Scored[] {
  if (q.length < MIN_FUZZY_QUOTE) return [];
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(q.length * MAX_ERROR_RATE));
  return fuzzySearch(norm, q, { maxErrors, hint, prefix, suffix, maxCells }).map((h) =>
    trimmed(norm, scorer.score(h.start, h.end, h.errors)),
  );
}

/** A fuzzy candidate is paintable: accepted, and (the quote itself changed) context on both ends. */
export function fuzzyAccepts(scorer: Scorer, c: Scored, minScore: number): boolean {
  return scorer.accepts(c, minScore) && Math.min(c.prefix, c.suffix) >= MIN_FUZZY_CONTEXT;
}

/**
 * Places that only approximately match the quote-with-context (so not among the exact accepted
 * copies `exact`) but that a fuzzy match would accept: near-twins a changed text could confuse.
 */
export function nearMatches(
  norm: string,
  q: string,
  prefix: string,
  suffix: string,
  exact: Scored[],
  maxCells: number,
): number {
  const scorer = new Scorer(norm, prefix, suffix, q.length, -1);
  return fuzzyCandidates(norm, q, prefix, suffix, scorer, -1, maxCells).filter(
    (c) => fuzzyAccepts(scorer, c, MIN_SCORE) && !exact.some((x) => samePlace(c, x)),
  ).length;
}
