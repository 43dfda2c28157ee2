/**
 * Re-anchor a highlight's selectors in (possibly changed) text, simple to robust (FORMATS.md §3):
 *  1. position — the text at the stored offsets still equals the quote and its context agrees
 *     (or the text hash is unchanged) → 'exact';
 *  2. quote — exact occurrences of the (whitespace-normalised) quote, scored on context and
 *     distance from the old position → 'quote';
 *  3. fuzzy — bounded approximate search (fuzzy.ts) → 'fuzzy';
 *  otherwise 'orphaned'. Candidates are scored like Hypothesis,
 *  score = (50·quote + 20·prefix + 20·suffix + 2·position) / 92, but unlike Hypothesis a minimum
 *  score applies, one side of the context must be nearly intact, short quotes need context on both
 *  sides, a fuzzy match needs both, and a fuzzy winner with a near-equal rival elsewhere is
 *  rejected: doubtful matches become orphans (shown as such) rather than paint a wrong place.
 *  Known limit: a deleted passage whose near-identical twin (same words, same 32 characters of
 *  context give or take a character) remains elsewhere is placed on the twin — text alone cannot
 *  tell them apart (`npm run eval:anchoring` counts these).
 */
import { fuzzySearch } from './fuzzy';
import { normOffset, normalizeSpace, PARA, prepareText, rawRange, type PreparedText } from './normalize';
import { CONTEXT_CHARS, MAX_SCORED_CONTEXT, pickSelectors, type TextQuoteSelector } from './selectors';

export type AnchorStatus = 'exact' | 'quote' | 'fuzzy' | 'orphaned';

/** Offsets into the raw text given to anchor(); for 'orphaned', start = end = 0. */
export interface AnchorResult {
  status: AnchorStatus;
  start: number;
  end: number;
  score: number;
}

export interface AnchorOptions {
  /** Minimum candidate score in [0, 1] (default MIN_SCORE). */
  minScore?: number;
  /** Highlight.textHash: when it equals the text's hash, the stored position is trusted. */
  textHash?: string;
  /** DP cell budget for the fuzzy step (default DEFAULT_MAX_CELLS). */
  maxCells?: number;
}

export const MIN_SCORE = 0.75;
/** Fuzzy matches may differ from the quote in at most this share of its characters… */
export const MAX_ERROR_RATE = 0.2;
/** …and in at most this many characters (bounds the band of the edit-distance search). */
export const MAX_ERRORS = 64;
/** Quotes shorter than this are never matched fuzzily (one typo turns "said" into "sail"). */
export const MIN_FUZZY_QUOTE = 8;
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
/** A fuzzy match needs at least this context similarity on each side. */
export const MIN_FUZZY_CONTEXT = 0.5;
/** Edit-distance cells per anchor call: about 10 ms of work on a laptop. */
export const DEFAULT_MAX_CELLS = 2_000_000;
const MAX_OCCURRENCES = 2_000;
const RESCORED = 16;
const RIVAL_MARGIN = 0.03;

const ORPHAN: AnchorResult = { status: 'orphaned', start: 0, end: 0, score: 0 };

interface Scored {
  start: number;
  end: number;
  score: number;
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

class Scorer {
  private readonly prefix: string;
  private readonly suffix: string;
  constructor(
    private readonly norm: string,
    quote: TextQuoteSelector,
    private readonly quoteLength: number,
    private readonly hint: number,
  ) {
    this.prefix = normalizeSpace(quote.prefix).slice(-MAX_SCORED_CONTEXT);
    this.suffix = normalizeSpace(quote.suffix).slice(0, MAX_SCORED_CONTEXT);
  }

  score(start: number, end: number, errors: number): Scored {
    const { norm, prefix, suffix } = this;
    const p = similarity(prefix, norm.slice(Math.max(0, start - prefix.length), start));
    const s = similarity(suffix, norm.slice(end, end + suffix.length));
    const q = 1 - errors / this.quoteLength;
    const pos = this.hint < 0 ? 0.5 : 1 - Math.abs(start - this.hint) / Math.max(1, norm.length);
    return { start, end, prefix: p, suffix: s, score: (50 * q + 20 * p + 20 * s + 2 * pos) / 92 };
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

function best(list: Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const c of list) if (!top || c.score > top.score) top = c;
  return top;
}

function result(prepared: PreparedText, status: AnchorStatus, c: Scored): AnchorResult {
  const { start, end } = rawRange(prepared, c.start, c.end);
  return { status, start, end, score: Math.round(c.score * 1e4) / 1e4 };
}

/** Anchor `selectors` (W3C selector list, validated here) in `text`. Never throws on bad input. */
export function anchor(
  selectors: unknown,
  text: string | PreparedText,
  options: AnchorOptions = {},
): AnchorResult {
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  const { quote, position } = pickSelectors(selectors);
  if (!quote) return ORPHAN;
  const { raw, norm } = prepared;
  const q = normalizeSpace(quote.exact).trim();
  if (!q.length || !norm.length) return ORPHAN;
  const minScore = Number.isFinite(options.minScore) ? (options.minScore as number) : MIN_SCORE;
  const hint = position ? normOffset(prepared, Math.min(position.start, raw.length)) : -1;
  const scorer = new Scorer(norm, quote, q.length, hint);

  // 1. Position.
  if (position && position.end <= raw.length && raw.slice(position.start, position.end) === quote.exact) {
    const c = scorer.score(hint, normOffset(prepared, position.end), 0);
    if (options.textHash === prepared.hash || scorer.accepts(c, minScore))
      return {
        status: 'exact',
        start: position.start,
        end: position.end,
        score: Math.round(c.score * 1e4) / 1e4,
      };
  }

  // 2. Exact quote.
  // Many occurrences (a common word): rank by how many context characters agree verbatim next to
  // the quote (O(32) each), then score the best few in full.
  let starts: { at: number; agree: number }[] = [];
  for (let i = norm.indexOf(q); i !== -1 && starts.length < MAX_OCCURRENCES; i = norm.indexOf(q, i + 1))
    starts.push({ at: i, agree: scorer.agreement(i, i + q.length) });
  if (starts.length > RESCORED) starts = starts.sort((a, b) => b.agree - a.agree).slice(0, RESCORED);
  const top = best(starts.map((c) => scorer.score(c.at, c.at + q.length, 0)));
  if (top && scorer.accepts(top, minScore)) return result(prepared, 'quote', top);

  // 3. Fuzzy.
  if (q.length < MIN_FUZZY_QUOTE) return ORPHAN;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(q.length * MAX_ERROR_RATE));
  const hits = fuzzySearch(norm, q, {
    maxErrors,
    hint,
    prefix: normalizeSpace(quote.prefix),
    suffix: normalizeSpace(quote.suffix),
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
  });
  const fuzzy = hits.map((h) => trimmed(norm, scorer.score(h.start, h.end, h.errors)));
  const win = best(fuzzy);
  // The quote itself changed, so both of its ends must be confirmed by context.
  if (!win || !scorer.accepts(win, minScore) || Math.min(win.prefix, win.suffix) < MIN_FUZZY_CONTEXT)
    return ORPHAN;
  const rival = fuzzy.some(
    (c) => c !== win && (c.end <= win.start || c.start >= win.end) && c.score >= win.score - RIVAL_MARGIN,
  );
  return rival ? ORPHAN : result(prepared, 'fuzzy', win);
}

/** Drop spaces an approximate alignment may have taken in at its ends. */
function trimmed(norm: string, c: Scored): Scored {
  let { start, end } = c;
  while (start < end && (norm[start] === ' ' || norm[start] === PARA)) start++;
  while (end > start && (norm[end - 1] === ' ' || norm[end - 1] === PARA)) end--;
  return start === c.start && end === c.end ? c : { ...c, start, end };
}
