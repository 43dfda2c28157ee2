/**
 * In-memory full-text search for the reading list: an inverted index over title, tags, note, the
 * outlet name and the saved text, ranked with BM25F (fields weighted, title highest), matching
 * every query word, the words as prefixes ("kish" finds "Kishida"), case- and diacritics-folded
 * ("Sao Paulo" finds "São Paulo"). Pure and incremental: add/remove one item at a time.
 */

export interface SearchDoc {
  id: string;
  title: string;
  text?: string;
  note?: string;
  tags?: readonly string[];
  /** Outlet / site name. */
  site?: string;
}

export interface SearchHit {
  id: string;
  score: number;
}

/** Field weights (BM25F): the title counts most, then tags, note and outlet, then the body. */
const WEIGHTS = { title: 3, tags: 2, note: 1.5, site: 1.5, text: 1 } as const;
type Field = keyof typeof WEIGHTS;
const K1 = 1.2;
const B = 0.75;
/** A prefix match scores a little below an exact word. */
const PREFIX_FACTOR = 0.85;
/** Most index terms one query word may expand to as a prefix. */
const MAX_EXPANSIONS = 64;
/** Body text indexed per item (long articles: the first ~12k words are plenty to find them). */
export const MAX_TEXT_CHARS = 80_000;
const MAX_TOKEN = 40;
/** Shortest query word that also matches as a prefix. */
const MIN_PREFIX = 2;

const LIGATURES: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

/** Anything outside printable ASCII and tab/newlines (needs Unicode folding / word rules). */
const NON_ASCII = /[^\t\n\r -~]/;
const ASCII_WORD = /[a-z0-9]+/g;

/** Lower-case, strip diacritics (NFD combining marks), expand ß/æ/œ/ø/ł…. */
export function foldText(s: string): string {
  const lower = s.toLowerCase();
  // Plain ASCII text (most of a typical English corpus) has nothing to fold: skip NFD.
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđłıþð]/g, (c) => LIGATURES[c] ?? c);
}

/** Folded words (letters/digits runs; apostrophes inside words dropped: "o'brien" → "obrien"). */
export function tokenize(s: string): string[] {
  if (!s) return [];
  let folded = foldText(s);
  if (folded.includes("'") || folded.includes('’')) folded = folded.replace(/(\p{L})['’](\p{L})/gu, '$1$2');
  // Same words as the Unicode rule below when the text is ASCII, several times faster.
  const words = NON_ASCII.test(folded) ? folded.match(/[\p{L}\p{N}]+/gu) : folded.match(ASCII_WORD);
  if (!words) return [];
  for (let i = 0; i < words.length; i++)
    if (words[i]!.length > MAX_TOKEN) words[i] = words[i]!.slice(0, MAX_TOKEN);
  return words;
}

function fieldsOf(doc: SearchDoc): Record<Field, string> {
  return {
    title: doc.title ?? '',
    tags: (doc.tags ?? []).join(' '),
    note: doc.note ?? '',
    site: doc.site ?? '',
    text: (doc.text ?? '').slice(0, MAX_TEXT_CHARS),
  };
}

/** First index in sorted `arr` whose value is ≥ `x`. */
function lowerBound(arr: readonly string[], x: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One term's postings: parallel arrays of doc numbers and weighted term frequencies, appended in
 * insertion order. Removed docs stay until the list is compacted (they are skipped when scoring);
 * `live` counts the docs still present.
 */
interface Posting {
  nums: number[];
  tfs: number[];
  live: number;
}

export class SearchIndex {
  private postings = new Map<string, Posting>();
  /** doc number → its distinct terms (to remove it again); undefined once removed. */
  private docTerms: Array<string[] | undefined> = [];
  private docLen: number[] = [];
  /** doc number → id; undefined once removed. */
  private idOf: Array<string | undefined> = [];
  private numOf = new Map<string, number>();
  private nextNum = 0;
  private totalLen = 0;
  /** Sorted vocabulary for prefix lookups; rebuilt lazily after changes. */
  private sorted: string[] | null = null;

  get size(): number {
    return this.numOf.size;
  }

  has(id: string): boolean {
    return this.numOf.has(id);
  }

  /** Add or replace one item. */
  add(doc: SearchDoc): void {
    if (this.numOf.has(doc.id)) this.remove(doc.id);
    const num = this.nextNum++;
    const tf = new Map<string, number>();
    let len = 0;
    const fields = fieldsOf(doc);
    for (const field of Object.keys(WEIGHTS) as Field[]) {
      const w = WEIGHTS[field];
      const terms = tokenize(fields[field]);
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + w);
      len += w * terms.length;
    }
    for (const [term, f] of tf) {
      let list = this.postings.get(term);
      if (!list) {
        list = { nums: [], tfs: [], live: 0 };
        this.postings.set(term, list);
        this.sorted = null;
      }
      list.nums.push(num);
      list.tfs.push(f);
      list.live++;
    }
    this.docTerms[num] = [...tf.keys()];
    this.docLen[num] = len;
    this.totalLen += len;
    this.idOf[num] = doc.id;
    this.numOf.set(doc.id, num);
  }

  remove(id: string): void {
    const num = this.numOf.get(id);
    if (num === undefined) return;
    this.idOf[num] = undefined;
    for (const term of this.docTerms[num] ?? []) {
      const list = this.postings.get(term);
      if (!list) continue;
      list.live--;
      if (list.live === 0) {
        this.postings.delete(term);
        this.sorted = null;
      } else if (list.nums.length > 2 * list.live + 16) this.compact(list);
    }
    this.totalLen -= this.docLen[num] ?? 0;
    this.docTerms[num] = undefined;
    this.numOf.delete(id);
  }

  /** Drop removed docs from a posting list (keeps the order). */
  private compact(list: Posting): void {
    let j = 0;
    for (let i = 0; i < list.nums.length; i++) {
      const num = list.nums[i]!;
      if (this.idOf[num] === undefined) continue;
      list.nums[j] = num;
      list.tfs[j++] = list.tfs[i]!;
    }
    list.nums.length = j;
    list.tfs.length = j;
  }

  private vocabulary(): string[] {
    this.sorted ??= [...this.postings.keys()].sort();
    return this.sorted;
  }

  /** Index terms a query word matches: itself (exact) and up to MAX_EXPANSIONS longer words. */
  private expand(word: string): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    if (this.postings.has(word)) out.push([word, 1]);
    // One letter is too short to stand for a word: exact matches only.
    if (word.length < MIN_PREFIX) return out;
    const vocab = this.vocabulary();
    for (let i = lowerBound(vocab, word); i < vocab.length && out.length < MAX_EXPANSIONS; i++) {
      const term = vocab[i]!;
      if (!term.startsWith(word)) break;
      if (term !== word) out.push([term, PREFIX_FACTOR]);
    }
    return out;
  }

  /**
   * Best BM25F score of each doc for one query word (over its expansions): a dense array by doc
   * number (0 = no match) and the list of matching doc numbers.
   */
  private scoreWord(word: string): { scores: Float64Array; docs: number[] } {
    const n = this.numOf.size;
    const avg = n ? this.totalLen / n : 1;
    const scores = new Float64Array(this.nextNum);
    const docs: number[] = [];
    for (const [term, factor] of this.expand(word)) {
      const list = this.postings.get(term)!;
      const idf = Math.log(1 + (n - list.live + 0.5) / (list.live + 0.5));
      const k = factor * idf * (K1 + 1);
      for (let i = 0; i < list.nums.length; i++) {
        const num = list.nums[i]!;
        if (this.idOf[num] === undefined) continue;
        const norm = list.tfs[i]! / (1 - B + (B * this.docLen[num]!) / avg);
        const s = (k * norm) / (norm + K1);
        const old = scores[num]!;
        if (old === 0) docs.push(num);
        if (s > old) scores[num] = s;
      }
    }
    return { scores, docs };
  }

  /**
   * Items matching every word of `query`, best first. `accept` filters by id before ranking
   * (the list's filters); `limit` caps the result.
   */
  search(query: string, opts: { limit?: number; accept?: (id: string) => boolean } = {}): SearchHit[] {
    const words = [...new Set(tokenize(query))];
    if (words.length === 0) return [];
    // Rarest word first, so the candidate set is small from the start.
    const perWord = words.map((w) => this.scoreWord(w)).sort((a, b) => a.docs.length - b.docs.length);
    const [first, ...rest] = perWord;
    const hits: SearchHit[] = [];
    for (const num of first!.docs) {
      let score = first!.scores[num]!;
      let all = true;
      for (const m of rest) {
        const s = m.scores[num]!;
        if (s === 0) {
          all = false;
          break;
        }
        score += s;
      }
      if (!all) continue;
      const id = this.idOf[num]!;
      if (opts.accept && !opts.accept(id)) continue;
      hits.push({ id, score });
    }
    hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return opts.limit !== undefined ? hits.slice(0, opts.limit) : hits;
  }
}
