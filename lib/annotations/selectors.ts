/**
 * Highlight selectors (W3C Web Annotation, FORMATS.md §2–3): a range of the article's text is kept as
 * a TextQuoteSelector (the exact text plus ~32 characters of whitespace-normalised context each side)
 * and a TextPositionSelector (offsets into the same text, a hint only). Pure: text in, data out.
 */
import { normalizeSpace, normOffset, PARA, prepareText, type PreparedText } from './normalize';
import {
  acceptedOccurrences,
  CONTEXT_CHARS,
  MAX_OCCURRENCES,
  MAX_SCORED_CONTEXT,
  nearMatches,
} from './score';

export { CONTEXT_CHARS, MAX_SCORED_CONTEXT };

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * Masthead extension (optional; absent on imported selectors = unknown): how many places in the
   * text the selector was made against match the quote exactly with context that anchoring would
   * accept — this one included, so 1 = unambiguous. Twins (repeated paragraphs, boilerplate) make it
   * > 1; then a changed text is only trusted with positional confirmation (see anchor.ts).
   */
  occurrences?: number;
  /** 0-based rank of this passage among those `occurrences`, in text order. */
  occurrence?: number;
  /**
   * Masthead extension (optional): places that match the quote only approximately but closely
   * enough for a fuzzy match (near-twins). When > 0, anchor() never matches this quote fuzzily.
   */
  nearMatches?: number;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type HighlightSelector = TextQuoteSelector | TextPositionSelector;

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Paint colours (page, reader view, popup swatches): background colours, light enough for dark text and visible on dark pages. */
export const COLOR_VALUES: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 0, 0.45)',
  green: 'rgba(80, 200, 120, 0.4)',
  blue: 'rgba(80, 160, 255, 0.38)',
  pink: 'rgba(255, 105, 180, 0.38)',
  purple: 'rgba(170, 110, 255, 0.38)',
};

/** A reader's highlight (stored in the `highlights` table; `urlKey` joins it to the article). */
export interface Highlight {
  id: string;
  urlKey: string;
  /** ISO-8601. */
  createdAt: string;
  color: HighlightColor;
  /** Plain text; empty when the reader wrote none. */
  note: string;
  selectors: HighlightSelector[];
  /** hashText() of the text the selectors were made against: equal hash = unchanged text. */
  textHash?: string;
}

/** Whitespace and invisible characters trimmed off a selection's ends. */
const EDGE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/;

/**
 * Selectors for [start, end) of `text` (raw offsets; clamped, swapped if reversed, whitespace
 * trimmed off both ends). Null when nothing but whitespace is selected.
 */
export function describe(
  text: string | PreparedText,
  start: number,
  end: number,
): { selectors: [TextQuoteSelector, TextPositionSelector]; textHash: string } | null {
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  const { raw, norm } = prepared;
  const a = clampInt(start, raw.length);
  const b = clampInt(end, raw.length);
  let s = Math.min(a, b);
  let e = Math.max(a, b);
  while (s < e && EDGE.test(raw[s]!)) s++;
  while (e > s && EDGE.test(raw[e - 1]!)) e--;
  if (s >= e) return null;
  const ns = normOffset(prepared, s);
  const ne = normOffset(prepared, e);
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: raw.slice(s, e),
    prefix: readable(norm.slice(Math.max(0, ns - CONTEXT_CHARS), ns)),
    suffix: readable(norm.slice(ne, ne + CONTEXT_CHARS)),
  };
  Object.assign(quote, ambiguity(norm, quote, ns));
  return {
    selectors: [quote, { type: 'TextPositionSelector', start: s, end: e }],
    textHash: prepared.hash,
  };
}

/**
 * How many places of `norm` the quote selector matches as well as anchoring can tell (scored
 * exactly as anchor() will score them later), and the rank of the one at `at`. Empty when the
 * quote cannot be found as anchor() normalises it (then nothing is claimed).
 */
function ambiguity(
  norm: string,
  quote: TextQuoteSelector,
  at: number,
): Pick<TextQuoteSelector, 'occurrences' | 'occurrence' | 'nearMatches'> {
  const q = normalizeSpace(quote.exact).trim();
  const prefix = normalizeSpace(quote.prefix);
  const suffix = normalizeSpace(quote.suffix);
  const list = acceptedOccurrences(norm, q, prefix, suffix);
  const rank = list.findIndex((c) => c.start === at);
  if (rank < 0) return {};
  const near = nearMatches(norm, q, prefix, suffix, list, DESCRIBE_MAX_CELLS);
  return { occurrences: list.length, occurrence: rank, ...(near ? { nearMatches: near } : {}) };
}

/** Edit-distance budget for the near-twin search at describe time (as for one anchor call). */
const DESCRIBE_MAX_CELLS = 2_000_000;

/** Stored context writes paragraph marks back as a blank line (normalizeSpace reverses it). */
function readable(context: string): string {
  return context.split(PARA).join('\n\n');
}

function clampInt(n: number, max: number): number {
  if (Number.isNaN(n)) return 0;
  if (!Number.isFinite(n)) return n > 0 ? max : 0;
  return Math.min(max, Math.max(0, Math.trunc(n)));
}

/** Upper bounds for selectors read from storage or an import file (hostile input). */
export const MAX_EXACT_CHARS = 20_000;
export const MAX_CONTEXT_CHARS = 256;

/**
 * The quote and position selectors of a list, validated: wrong types, empty quotes and
 * over-long fields are dropped (never thrown), so an imported annotation can at worst be orphaned.
 */
export function pickSelectors(list: unknown): { quote?: TextQuoteSelector; position?: TextPositionSelector } {
  const out: { quote?: TextQuoteSelector; position?: TextPositionSelector } = {};
  if (!Array.isArray(list)) return out;
  for (const item of list.slice(0, 16) as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const sel = item as Record<string, unknown>;
    if (sel['type'] === 'TextQuoteSelector' && !out.quote) {
      const { exact, prefix = '', suffix = '', occurrences, occurrence, nearMatches: near } = sel;
      if (typeof exact !== 'string' || !exact.trim() || exact.length > MAX_EXACT_CHARS) continue;
      if (typeof prefix !== 'string' || typeof suffix !== 'string') continue;
      out.quote = {
        type: 'TextQuoteSelector',
        exact,
        prefix: prefix.slice(-MAX_CONTEXT_CHARS),
        suffix: suffix.slice(0, MAX_CONTEXT_CHARS),
      };
      // The ambiguity record is kept only when consistent (else: unknown, as for imports).
      if (
        Number.isSafeInteger(occurrences) &&
        Number.isSafeInteger(occurrence) &&
        (occurrence as number) >= 0 &&
        (occurrence as number) < (occurrences as number) &&
        (occurrences as number) <= MAX_OCCURRENCES
      )
        Object.assign(out.quote, { occurrences, occurrence });
      if (Number.isSafeInteger(near) && (near as number) > 0) out.quote.nearMatches = near as number;
    } else if (sel['type'] === 'TextPositionSelector' && !out.position) {
      const { start, end } = sel;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) continue;
      if ((start as number) < 0 || (end as number) <= (start as number)) continue;
      out.position = { type: 'TextPositionSelector', start: start as number, end: end as number };
    }
  }
  return out;
}
