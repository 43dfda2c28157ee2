/**
 * One text normalisation for describing and anchoring highlights (FORMATS.md §3): a run of
 * whitespace (incl. NBSP and the other Unicode spaces) becomes one space — or one PARA (U+2029) when
 * it holds a blank line (a paragraph break: "\n\n" in our article text) or a PARA, so a quote that
 * spans two paragraphs does not match the same words run together — and soft hyphens and
 * zero-width characters disappear. normalizeSpace is idempotent and agrees with prepareText. Matching happens on the normalised text; `map` turns its offsets back into
 * offsets of the original text.
 */

/** Dropped entirely: soft hyphen, zero-width space/joiners, word joiner, BOM. */
function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** The characters JS `\s` matches (BOM excepted: it is invisible above). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Paragraph mark in normalised text (U+2029 PARAGRAPH SEPARATOR). */
export const PARA = '\u2029';

/** Text prepared once for many anchor calls (100 highlights on one page share it). */
export interface PreparedText {
  /** The original text; offsets in results refer to it. */
  raw: string;
  /** Normalised text. */
  norm: string;
  /** `map[i]` = offset in `raw` of normalised character i; `map[norm.length]` = raw.length. */
  map: Int32Array;
  /** FNV-1a hash of `raw` (see hashText). */
  hash: string;
}

/** Collapse whitespace runs (see above) and drop invisible characters (no trimming). */
export function normalizeSpace(text: string): string {
  return text
    .replace(/(?:\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff)+/g, '')
    .replace(/\s+/g, (run) =>
      run.includes(PARA) || run.indexOf('\n') !== run.lastIndexOf('\n') ? PARA : ' ',
    );
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: cheap "is this still the same text". */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Normalise `raw` and keep the offset map back to it. O(n); unchanged stretches are copied as slices. */
export function prepareText(raw: string): PreparedText {
  const parts: string[] = [];
  const map = new Int32Array(raw.length + 1);
  let n = 0;
  let copyFrom = 0; // start of the pending verbatim stretch of raw
  const flush = (to: number) => {
    if (to > copyFrom) parts.push(raw.slice(copyFrom, to));
  };
  let newlines = -1; // -1: not in a whitespace run; else newlines seen in the run
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c > 32 && c < 0xa0) {
      // Fast path: printable ASCII/Latin-1 is kept as is.
      newlines = -1;
      map[n++] = i;
      continue;
    }
    if (isInvisible(c)) {
      flush(i);
      copyFrom = i + 1;
    } else if (isSpace(c)) {
      if (newlines < 0) {
        newlines = 0;
        map[n++] = i;
        if (c !== 32) {
          flush(i);
          parts.push(' ');
          copyFrom = i + 1;
        }
      } else {
        flush(i); // a second whitespace character: drop it
        copyFrom = i + 1;
      }
      if ((c === 10 && ++newlines === 2) || (c === 0x2029 && newlines < 1000)) {
        newlines = 1000; // the run is a paragraph break already
        flush(i);
        copyFrom = i + 1;
        // The run's single output character becomes a paragraph break.
        const last = parts.pop()!;
        parts.push(last.slice(0, -1) + PARA);
      }
    } else {
      newlines = -1;
      map[n++] = i;
    }
  }
  flush(raw.length);
  const norm = parts.join('');
  map[n] = raw.length;
  return { raw, norm, map: map.subarray(0, n + 1), hash: hashText(raw) };
}

/** Normalised offset of the first normalised character at or after raw offset `rawOffset`. */
export function normOffset(prepared: PreparedText, rawOffset: number): number {
  const { map } = prepared;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < rawOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Raw [start, end) of the normalised range [start, end) (end exclusive, never past raw.length). */
export function rawRange(prepared: PreparedText, start: number, end: number): { start: number; end: number } {
  const { map, raw } = prepared;
  const s = map[start]!;
  const e = end > start ? map[end - 1]! + 1 : s;
  return { start: Math.min(s, raw.length), end: Math.min(e, raw.length) };
}
