import type { PersonMention, PersonQuote } from './types';

/** A quotation found in the text, before attribution. */
export interface QuoteSpan {
  text: string;
  start: number;
  end: number;
}

/** A quote with the offset of the mention that says it, or of a pronoun to resolve. */
export interface Attribution {
  quote: PersonQuote;
  speakerAt: number;
  pronoun?: { start: number; end: number; text: string };
}

const CURLY = /“([^“”]{2,2000})”/g;
const STRAIGHT = /"([^"\n]{2,2000})"/g;

/** Double-quoted spans of at least two words, curly or straight. */
export function findQuoteSpans(text: string, max = 5000): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (const re of [CURLY, STRAIGHT]) {
    for (const m of text.matchAll(re)) {
      if (spans.length >= max) break;
      const inner = m[1]!;
      const lead = inner.length - inner.trimStart().length;
      const body = inner.trim();
      if (!/\S\s+\S/.test(body)) continue;
      const start = m.index + 1 + lead;
      spans.push({ text: body, start, end: start + body.length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

const SPEECH =
  '(?:said|says|told|tells|added|adds|asked|explained|wrote|writes|stated|noted|declared|insisted|argued|replied|recalled|warned|stressed)';
// After the quote: `," Mattis told Abe` / `," the US secretary of defense said` / `," said Mattis`.
const AFTER = new RegExp(
  `^[,.!?…]?["”]?\\s*(?:([^.!?"“”\\n]{1,80}?)\\s+(${SPEECH})\\b|(${SPEECH})\\s+([^.!?"“”\\n]{1,60}))`,
  'u',
);
// Before the quote, in the same sentence: `Mattis said, "` / `Mattis told reporters: "` /
// `quoted the premier as saying, "` / `according to Abe, "`. Cue first, speaker by position,
// so that no pattern starts with an open-ended subject (which backtracks on long text).
const QUOTED_AS = /quoted\s+(.{1,80}?)\s+as\s+saying[,:]?\s*["“]?$/u;
const SAID_BEFORE = new RegExp(`\\s(${SPEECH})(?:\\s+[^.!?"“”,:\\n]{1,40})?[,:]?\\s*["“]?$`, 'u');
const ACCORDING = /according to\s+(.{1,60}?)[,:]?\s*["“]?$/u;
const PRONOUN = /^(?:he|she)$/i;

function cueAfter(text: string, q: QuoteSpan): { cue: string; from: number; to: number } | undefined {
  const after = text.slice(q.end, q.end + 160);
  const m = AFTER.exec(after);
  if (!m) return undefined;
  if (m[1] !== undefined) {
    const from = q.end + m.index + m[0].indexOf(m[1]);
    return { cue: m[2]!, from, to: from + m[1]!.length };
  }
  const from = q.end + m[0]!.lastIndexOf(m[4]!);
  return { cue: m[3]!, from, to: from + m[4]!.length };
}

function cueBefore(text: string, q: QuoteSpan): { cue: string; from: number; to: number } | undefined {
  let from = Math.max(0, q.start - 200);
  const window = text.slice(from, q.start);
  const stop = Math.max(...['.', '!', '?', '\n', '”'].map((c) => window.lastIndexOf(c, window.length - 2)));
  from += stop + 1;
  const sentence = text.slice(from, q.start);
  const quoted = QUOTED_AS.exec(sentence);
  if (quoted?.[1]) {
    const at = from + quoted.index + quoted[0].indexOf(quoted[1]);
    return { cue: 'quoted … as saying', from: at, to: at + quoted[1].length };
  }
  const said = SAID_BEFORE.exec(sentence);
  if (said?.[1]) return { cue: said[1], from, to: from + said.index };
  const according = ACCORDING.exec(sentence);
  if (according?.[1]) {
    const at = from + according.index + according[0].indexOf(according[1]);
    return { cue: 'according to', from: at, to: at + according[1].length };
  }
  return undefined;
}

/** Mentions (sorted by start) lying inside [from, to), by binary search. */
function mentionsWithin(sorted: PersonMention[], from: number, to: number): PersonMention[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: PersonMention[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < to; i++)
    if (sorted[i]!.end <= to) out.push(sorted[i]!);
  return out;
}

/**
 * Attributes each quotation to the mention that the attribution cue points at: the subject
 * of "said/told" right after the quote, the subject before "said, …" or the object of
 * "quoted … as saying". Pronoun speakers are returned for the caller to resolve.
 */
export function attributeQuotes(text: string, spans: QuoteSpan[], mentions: PersonMention[]): Attribution[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out: Attribution[] = [];
  for (const q of spans) {
    const cue = cueAfter(text, q) ?? cueBefore(text, q);
    if (!cue) continue;
    const quote: PersonQuote = { text: q.text, start: q.start, end: q.end, cue: cue.cue };
    const inside = mentionsWithin(sorted, cue.from, cue.to);
    if (inside.length > 0) {
      // The subject is the mention closest to the verb for "X said", the first for "said X".
      const pick = cue.to <= q.start ? inside[inside.length - 1]! : inside[0]!;
      out.push({ quote, speakerAt: pick.start });
      continue;
    }
    const phrase = text.slice(cue.from, cue.to).trim();
    if (PRONOUN.test(phrase)) {
      const at = text.indexOf(phrase, cue.from);
      out.push({ quote, speakerAt: -1, pronoun: { start: at, end: at + phrase.length, text: phrase } });
    }
  }
  return out;
}
