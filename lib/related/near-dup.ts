/**
 * Near-duplicate detection for wire copies (one agency story republished by many outlets, with a
 * new headline or a trimmed ending): MinHash over word shingles. 64 hash functions; the share of
 * equal minima estimates the Jaccard similarity of the two shingle sets.
 */
import { foldWord } from './terms';

export const MINHASH_SIZE = 64;
/** Estimated Jaccard at or above which two items are copies of one text. */
export const DUPLICATE_JACCARD = 0.5;

const WORD = /[\p{L}\p{N}]+/gu;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(x: number, seed: number): number {
  let h = (x ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Word shingles: 3-grams for texts of 12+ words, else 1- and 2-grams (short headlines). */
export function shingles(text: string, maxWords = 400): Set<string> {
  const words: string[] = [];
  for (const m of text.matchAll(WORD)) {
    words.push(foldWord(m[0]));
    if (words.length >= maxWords) break;
  }
  const out = new Set<string>();
  if (words.length >= 12) {
    for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  } else {
    for (let i = 0; i < words.length; i++) {
      out.add(words[i]!);
      if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
    }
  }
  return out;
}

/** MinHash signature of a shingle set (empty set → empty signature). */
export function minhash(set: ReadonlySet<string>): Uint32Array {
  if (set.size === 0) return new Uint32Array(0);
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const s of set) {
    const base = fnv1a(s);
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = mix(base, k + 1);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures (0 when either is empty). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

/** Signature of an item's headline plus the start of its text (or summary). */
export function itemSignature(title: string, body: string): Uint32Array {
  return minhash(shingles(`${title} ${body.slice(0, 3000)}`));
}

/**
 * Group ranked items into copies: each item joins the first earlier group whose representative it
 * duplicates (same folded headline, or signature similarity ≥ `threshold`), else starts a group.
 * Representatives keep their rank order.
 */
export function groupDuplicates<T>(
  ranked: readonly T[],
  textOf: (item: T) => { title: string; body: string },
  threshold = DUPLICATE_JACCARD,
): { rep: T; duplicates: T[] }[] {
  const groups: { rep: T; duplicates: T[]; sig: Uint32Array; head: string }[] = [];
  for (const item of ranked) {
    const { title, body } = textOf(item);
    const head = [...title.matchAll(WORD)].map((m) => foldWord(m[0])).join(' ');
    const sig = itemSignature(title, body);
    const g = groups.find(
      (x) => (head.length > 15 && x.head === head) || similarity(x.sig, sig) >= threshold,
    );
    if (g) g.duplicates.push(item);
    else groups.push({ rep: item, duplicates: [], sig, head });
  }
  return groups.map(({ rep, duplicates }) => ({ rep, duplicates }));
}
