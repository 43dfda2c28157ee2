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
 *  Twins: when the quote and its context match more than one place of the text it was made against
 *  (describe() records `occurrences` and this passage's rank `occurrence`), text alone cannot tell
 *  the copies apart once the text changes. Then a match needs positional confirmation: the number
 *  of accepted exact copies is unchanged and we take the one with our rank (or, if exactly one copy
 *  is missing, a fuzzy match that fills that rank — the original, edited); anything else — the
 *  original deleted, a twin edited, a copy added — orphans the highlight. A passage recorded as
 *  unique that now has two acceptable places (a copy added) is placed only where its context is
 *  verbatim, else orphaned. Without that record
 *  (imported selectors), or for a passage that was unique, a winner with a near-equal accepted
 *  rival is likewise orphaned, never painted on a coin toss.
 */
import { samePlace } from './fuzzy';
import { normOffset, normalizeSpace, prepareText, rawRange, type PreparedText } from './normalize';
import {
  acceptedOccurrences,
  fuzzyAccepts,
  fuzzyCandidates,
  MAX_ERROR_RATE,
  MAX_ERRORS,
  MIN_FUZZY_CONTEXT,
  MIN_FUZZY_QUOTE,
  MIN_SCORE,
  occurrencesOf,
  ONE_SIDE_INTACT,
  Scorer,
  SHORT_QUOTE,
  SHORT_QUOTE_CONTEXT,
  type Scored,
} from './score';
import { pickSelectors, type TextPositionSelector, type TextQuoteSelector } from './selectors';

export {
  MAX_ERROR_RATE,
  MAX_ERRORS,
  MIN_FUZZY_CONTEXT,
  MIN_FUZZY_QUOTE,
  MIN_SCORE,
  ONE_SIDE_INTACT,
  SHORT_QUOTE,
  SHORT_QUOTE_CONTEXT,
};

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

/** Edit-distance cells per anchor call: about 10 ms of work on a laptop. */
export const DEFAULT_MAX_CELLS = 2_000_000;
const RESCORED = 16;
/** Accepted candidates scoring within this of the winner are rivals (> the 2/92 position term). */
const RIVAL_MARGIN = 0.03;
/** Least quote similarity for a fuzzy match standing in for an edited twin (see anchorTwin). */
const TWIN_FUZZY_QUOTE = 0.95;

const ORPHAN: AnchorResult = { status: 'orphaned', start: 0, end: 0, score: 0 };

function best(list: Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const c of list) if (!top || c.score > top.score) top = c;
  return top;
}

/** Another candidate, not overlapping `win`, that would be accepted and scores nearly as well. */
function hasRival(list: Scored[], win: Scored, ok: (c: Scored) => boolean): boolean {
  return list.some((c) => c !== win && !samePlace(c, win) && c.score >= win.score - RIVAL_MARGIN && ok(c));
}

function result(prepared: PreparedText, status: AnchorStatus, c: Scored): AnchorResult {
  const { start, end } = rawRange(prepared, c.start, c.end);
  return { status, start, end, score: Math.round(c.score * 1e4) / 1e4 };
}

/** Everything one anchor call needs, computed once. */
interface Ctx {
  prepared: PreparedText;
  quote: TextQuoteSelector;
  position: TextPositionSelector | undefined;
  q: string;
  hint: number;
  minScore: number;
  maxCells: number;
  scorer: Scorer;
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
  const scorer = new Scorer(norm, normalizeSpace(quote.prefix), normalizeSpace(quote.suffix), q.length, hint);
  const ctx: Ctx = {
    prepared,
    quote,
    position,
    q,
    hint,
    minScore,
    scorer,
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
  };
  const holds =
    !!position && position.end <= raw.length && raw.slice(position.start, position.end) === quote.exact;

  // Unchanged text: the stored position is the passage.
  if (holds && options.textHash === prepared.hash) {
    const c = scorer.score(hint, normOffset(prepared, position.end), 0);
    return {
      status: 'exact',
      start: position.start,
      end: position.end,
      score: Math.round(c.score * 1e4) / 1e4,
    };
  }
  if ((quote.occurrences ?? 1) > 1) return anchorTwin(ctx, quote.occurrences!, quote.occurrence ?? 0);
  // 1. Position.
  let added: boolean | undefined;
  const copy = () => (added ??= copyAdded(ctx));
  if (holds) {
    const c = scorer.score(hint, normOffset(prepared, position.end), 0);
    if (scorer.accepts(c, minScore) && (intactContext(c) || !copy()))
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
  let starts = occurrencesOf(norm, q).map((at) => ({ at, agree: scorer.agreement(at, at + q.length) }));
  if (starts.length > RESCORED) starts = starts.sort((a, b) => b.agree - a.agree).slice(0, RESCORED);
  const exact = starts.map((c) => scorer.score(c.at, c.at + q.length, 0));
  const ok = (c: Scored) => scorer.accepts(c, minScore);
  const top = best(exact);
  if (top && ok(top))
    return hasRival(exact, top, ok) || (!intactContext(top) && copy())
      ? ORPHAN
      : result(prepared, 'quote', top);

  // 3. Fuzzy.
  const win = fuzzy(ctx, []);
  return win ? result(prepared, 'fuzzy', win) : ORPHAN;
}

const intactContext = (c: Scored) => c.prefix === 1 && c.suffix === 1;

/**
 * A passage recorded as unique now has more than one place anchoring would accept: a near-copy was
 * added (a pull quote, a repeated lede). The stored position then only counts when the context
 * around it is verbatim: a copy inserted before the passage can land on the old offset by chance.
 */
function copyAdded(ctx: Ctx): boolean {
  const { quote, prepared, q, minScore } = ctx;
  if (quote.occurrences !== 1) return false;
  const prefix = normalizeSpace(quote.prefix);
  const suffix = normalizeSpace(quote.suffix);
  return acceptedOccurrences(prepared.norm, q, prefix, suffix, minScore).length > 1;
}

/**
 * The passage had twins when described (`count` accepted copies, ours the `rank`-th) and the text
 * changed: accept only a placement confirmed by rank and count (see the header).
 */
function anchorTwin(ctx: Ctx, count: number, rank: number): AnchorResult {
  const { prepared, quote, q, scorer, minScore } = ctx;
  const copies = acceptedOccurrences(
    prepared.norm,
    q,
    normalizeSpace(quote.prefix),
    normalizeSpace(quote.suffix),
  );
  if (copies.length === count) {
    const c = scorer.score(copies[rank]!.start, copies[rank]!.end, 0);
    if (!scorer.accepts(c, minScore)) return ORPHAN;
    const res = result(prepared, 'quote', c);
    const { position } = ctx;
    return position && res.start === position.start && res.end === position.end
      ? { ...res, status: 'exact' }
      : res;
  }
  if (copies.length !== count - 1) return ORPHAN;
  // One copy fewer: ours may have been edited — a fuzzy match away from the surviving copies that
  // takes exactly our rank among them.
  const win = fuzzy(ctx, copies);
  // Repeated text makes near-copies likely: only a small edit passes for "ours, edited".
  if (!win || win.quote < TWIN_FUZZY_QUOTE) return ORPHAN;
  const before = copies.filter((c) => c.start < win.start).length;
  return before === rank ? result(prepared, 'fuzzy', win) : ORPHAN;
}

/**
 * Bounded fuzzy search ignoring hits that overlap `exclude`; the accepted winner without a rival.
 * None when the passage had near-twins where it was made: an approximate match could be either.
 */
function fuzzy(ctx: Ctx, exclude: Scored[]): Scored | undefined {
  const { prepared, quote, q, scorer, minScore } = ctx;
  if ((quote.nearMatches ?? 0) > 0) return undefined;
  const prefix = normalizeSpace(quote.prefix);
  const suffix = normalizeSpace(quote.suffix);
  const found = fuzzyCandidates(prepared.norm, q, prefix, suffix, scorer, ctx.hint, ctx.maxCells).filter(
    (c) => !exclude.some((x) => samePlace(c, x)),
  );
  const win = best(found);
  if (!win || !fuzzyAccepts(scorer, win, minScore)) return undefined;
  return hasRival(found, win, () => true) ? undefined : win;
}
