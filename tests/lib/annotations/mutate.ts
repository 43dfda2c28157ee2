/**
 * Text mutations for the anchoring tests and `npm run eval:anchoring`, with tracking of where a
 * range moved: every mutation is a list of non-overlapping edits in the original text's
 * coordinates, applied from the end backwards, and the range is mapped through each edit.
 */

export interface Edit {
  at: number;
  del: number;
  ins: string;
}

export interface Tracked {
  text: string;
  start: number;
  end: number;
  /** The whole range was deleted: the only correct answer is 'orphaned'. */
  destroyed: boolean;
}

export type Rng = () => number;

/** mulberry32: small seeded PRNG. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const randInt = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** Apply edits (non-overlapping, original coordinates) and map [start, end) through them. */
export function applyEdits(text: string, start: number, end: number, edits: Edit[]): Tracked {
  const sorted = [...edits].sort((a, b) => b.at - a.at);
  let out = text;
  let s = start;
  let e = end;
  let destroyed = false;
  for (const ed of sorted) {
    if (ed.del > 0 && s >= ed.at && e <= ed.at + ed.del) destroyed = true;
    out = out.slice(0, ed.at) + ed.ins + out.slice(ed.at + ed.del);
    const shift = ed.ins.length - ed.del;
    // start: an insertion exactly at the start goes before the range
    if (s >= ed.at + ed.del) s += shift;
    else if (s > ed.at) s = ed.at;
    // end: an insertion exactly at the end goes after the range
    if (e > ed.at + ed.del || (ed.del > 0 && e === ed.at + ed.del)) e += shift;
    else if (e > ed.at) e = ed.at + ed.ins.length;
  }
  return { text: out, start: s, end: Math.max(s, e), destroyed };
}

export interface Span {
  start: number;
  end: number;
}

/** Paragraphs of a "\n\n"-separated text. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const part of text.split('\n\n')) {
    out.push({ start: at, end: at + part.length });
    at += part.length + 2;
  }
  return out.filter((p) => p.end > p.start);
}

/** Word spans (runs of non-space). */
export function wordSpans(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m.index + m[0].length > to) break;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A paragraph of new text inserted at a random paragraph boundary. */
export function insertParagraph(r: Rng, text: string, filler: string): Edit[] {
  const paras = paragraphs(text);
  const at = r() < 0.1 ? 0 : pick(r, paras).end;
  return [{ at, del: 0, ins: at === 0 ? `${filler}\n\n` : `\n\n${filler}` }];
}

/** Delete one random paragraph that does not touch [start, end). */
export function deleteParagraph(r: Rng, text: string, start: number, end: number): Edit[] {
  const paras = paragraphs(text).filter((p) => p.end + 2 <= start || p.start >= end + 2);
  if (!paras.length) return [];
  const p = pick(r, paras);
  return p.start >= end
    ? [{ at: p.start - 2, del: p.end - p.start + 2, ins: '' }]
    : [{ at: p.start, del: p.end - p.start + 2, ins: '' }];
}

const SPACES = ['  ', '\u00a0', ' \n', '\t', '\n  ', ' \u200b'];

/** Change about one space in `rate` (anywhere, inside the quote too) into other whitespace. */
export function changeWhitespace(r: Rng, text: string, rate = 0.08): Edit[] {
  const edits: Edit[] = [];
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1))
    if (r() < rate) edits.push({ at: i, del: 1, ins: pick(r, SPACES) });
  return edits;
}

/** Replace one word within `radius` characters before or after [start, end) (outside it). */
export function editNear(
  r: Rng,
  text: string,
  start: number,
  end: number,
  word: string,
  radius = 40,
): Edit[] {
  const near = [
    ...wordSpans(text, Math.max(0, start - radius), start),
    ...wordSpans(text, end, Math.min(text.length, end + radius)),
  ].filter((w) => w.end <= start || w.start >= end);
  if (!near.length) return [];
  const w = pick(r, near);
  return [{ at: w.start, del: w.end - w.start, ins: word }];
}

/** Replace, delete or insert one word strictly inside [start, end). */
export function editIn(r: Rng, text: string, start: number, end: number, word: string): Edit[] {
  const inside = wordSpans(text, start, end);
  if (inside.length < 3) return [];
  const w = inside[randInt(r, 1, inside.length - 2)]!;
  const kind = r();
  if (kind < 0.5) return [{ at: w.start, del: w.end - w.start, ins: word }];
  if (kind < 0.75) return [{ at: w.start, del: w.end - w.start + 1, ins: '' }];
  return [{ at: w.start, del: 0, ins: `${word} ` }];
}

/** Delete the paragraph(s) holding [start, end) entirely. */
export function deletePassage(text: string, start: number, end: number): Edit[] {
  const paras = paragraphs(text);
  const first = paras.find((p) => p.end > start) ?? paras[0]!;
  const last = [...paras].reverse().find((p) => p.start < end) ?? first;
  const from = first.start;
  const to = Math.min(text.length, last.end + 2);
  return [{ at: from, del: to - from, ins: '' }];
}
