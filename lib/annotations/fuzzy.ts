/**
 * Bounded approximate search for a quote in a (normalised) text: seed-and-verify.
 *  1. Seeds: exact pieces of the quote, the end of the stored prefix and the start of the stored
 *     suffix, found with indexOf; each occurrence votes for where the quote would start. Pieces
 *     that occur too often carry no information and are skipped.
 *  2. Votes are clustered; the strongest clusters (plus the position hint) become candidates.
 *  3. Each candidate is verified with a banded semi-global edit distance (Levenshtein, the quote
 *     aligned in full, free start and end in the text) in a window around it.
 * Work is capped by `maxCells` DP cells per call, so a 1 MB page or a 20 kB quote cannot hang a tab
 * (Hypothesis' diff-match-patch matcher once locked up a page for 40 s).
 */

export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

export interface FuzzyOptions {
  /** Maximum edit distance accepted. */
  maxErrors: number;
  /** Expected start (normalised offset) or -1. */
  hint: number;
  prefix: string;
  suffix: string;
  /** DP cell budget for the whole call. */
  maxCells: number;
  maxCandidates?: number;
}

const MAX_SEED_OCCURRENCES = 40;
const MAX_QUOTE_SEEDS = 32;
const CONTEXT_SEED = 16;
const SLACK = 8;

interface Vote {
  at: number;
  weight: number;
}

function occurrences(text: string, piece: string, limit: number): number[] | null {
  const out: number[] = [];
  for (let i = text.indexOf(piece); i !== -1; i = text.indexOf(piece, i + 1)) {
    if (out.length >= limit) return null;
    out.push(i);
  }
  return out;
}

function collectVotes(text: string, quote: string, opts: FuzzyOptions): Vote[] {
  const m = quote.length;
  const votes: Vote[] = [];
  const add = (piece: string, offset: number, weight: number) => {
    if (piece.trim().length < 4) return;
    const found = occurrences(text, piece, MAX_SEED_OCCURRENCES);
    if (!found) return;
    for (const at of found) votes.push({ at: at - offset, weight });
  };
  const len = Math.min(24, Math.max(6, Math.floor(m / 4)));
  const count = Math.max(1, Math.floor(m / len));
  const step = count > MAX_QUOTE_SEEDS ? count / MAX_QUOTE_SEEDS : 1;
  for (let k = 0; k < Math.min(count, MAX_QUOTE_SEEDS); k++) {
    const off = Math.floor(k * step) * len;
    add(quote.slice(off, off + len), off, 1);
  }
  if (m > len) add(quote.slice(m - len), m - len, 1);
  const pre = opts.prefix.slice(-CONTEXT_SEED);
  if (pre.length >= 8) add(pre, -pre.length, 0.75);
  const suf = opts.suffix.slice(0, CONTEXT_SEED);
  if (suf.length >= 8) add(suf, m, 0.75);
  if (opts.hint >= 0) votes.push({ at: opts.hint, weight: 0.5 });
  return votes;
}

/** Cluster votes lying within `radius` of each other; strongest first. */
function clusters(votes: Vote[], radius: number): { at: number; weight: number }[] {
  votes.sort((a, b) => a.at - b.at);
  const out: { at: number; weight: number }[] = [];
  let i = 0;
  while (i < votes.length) {
    let j = i;
    let weight = 0;
    while (j < votes.length && votes[j]!.at - votes[i]!.at <= radius) weight += votes[j++]!.weight;
    out.push({ at: votes[(i + j - 1) >> 1]!.at, weight });
    i = j;
  }
  return out.sort((a, b) => b.weight - a.weight);
}

/**
 * Best alignment of `quote` in text[ws, we) whose start lies near `c0` (window-relative), by banded
 * semi-global Levenshtein. Returns absolute offsets.
 */
function verify(text: string, quote: string, ws: number, we: number, c0: number, band: number): FuzzyMatch {
  const m = quote.length;
  const w = we - ws;
  const INF = 1 << 29;
  let prev = new Int32Array(w + 2);
  let cur = new Int32Array(w + 2);
  let prevS = new Int32Array(w + 2);
  let curS = new Int32Array(w + 2);
  for (let j = 0; j <= w; j++) prevS[j] = j; // row 0: free start anywhere
  prev[w + 1] = INF;
  let best: FuzzyMatch = { start: 0, end: 0, errors: INF };
  for (let i = 1; i <= m; i++) {
    const qc = quote.charCodeAt(i - 1);
    const jlo = Math.max(0, c0 + i - band);
    const jhi = Math.min(w, c0 + i + band);
    if (jlo > jhi) break;
    for (let j = jlo; j <= jhi; j++) {
      let d = prev[j]! + 1; // quote character missing from the text
      let s = prevS[j]!;
      if (j > jlo && cur[j - 1]! + 1 < d) {
        d = cur[j - 1]! + 1; // extra text character
        s = curS[j - 1]!;
      }
      if (j > 0) {
        const diag = prev[j - 1]! + (text.charCodeAt(ws + j - 1) === qc ? 0 : 1);
        if (diag <= d) {
          d = diag;
          s = prevS[j - 1]!;
        }
      }
      cur[j] = d;
      curS[j] = s;
    }
    if (jlo > 0) cur[jlo - 1] = INF;
    cur[jhi + 1] = INF;
    if (i === m) {
      const target = c0 + m;
      for (let j = jlo; j <= jhi; j++) {
        const e = cur[j]!;
        if (e < best.errors || (e === best.errors && Math.abs(j - target) < Math.abs(best.end - ws - target)))
          best = { start: ws + curS[j]!, end: ws + j, errors: e };
      }
    }
    [prev, cur] = [cur, prev];
    [prevS, curS] = [curS, prevS];
  }
  return best;
}

/**
 * Two spans are the same place when they overlap by at least half their union (IoU ≥ 0.5). Merely
 * overlapping spans can be distinct copies: in repetitive text a long quote overlaps its own twin.
 */
export function samePlace(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return inter > 0 && 2 * inter >= Math.max(a.end, b.end) - Math.min(a.start, b.start);
}

/** Candidate approximate matches (errors ≤ maxErrors), best-supported first; [] when none. */
export function fuzzySearch(text: string, quote: string, opts: FuzzyOptions): FuzzyMatch[] {
  const m = quote.length;
  if (m === 0 || text.length === 0) return [];
  const k = Math.max(0, Math.floor(opts.maxErrors));
  const band = k + SLACK;
  const rowCells = 2 * band + 1;
  let budget = opts.maxCells;
  const found: FuzzyMatch[] = [];
  const cands = clusters(collectVotes(text, quote, opts), Math.max(SLACK, k >> 1));
  // A cluster needs at least one seed: the position hint alone is no evidence of the quote.
  for (const c of cands.filter((x) => x.weight >= 1).slice(0, opts.maxCandidates ?? 6)) {
    const cells = (m + 1) * rowCells;
    if (cells > budget) break;
    budget -= cells;
    const ws = Math.max(0, c.at - band);
    const we = Math.min(text.length, c.at + m + band);
    if (we <= ws) continue;
    const hit = verify(text, quote, ws, we, c.at - ws, band);
    if (hit.errors > k || hit.end <= hit.start) continue;
    if (found.some((f) => samePlace(f, hit) && f.errors <= hit.errors)) continue;
    found.push(hit);
  }
  return found;
}
