/**
 * Key terms and people of a story, as stored on every CoverageItem (`terms`, `people`: the
 * multi-entry indexes that candidate retrieval walks). Pure, linear in the text length.
 *
 * Terms: lower-cased words, diacritics folded, English stopwords and news boilerplate dropped,
 * light stemming (plurals, -ing/-ed/-ly, possessives). A term's weight is sublinear in its count
 * ((1 + ln tf), the title counting 3× and the lead 2×) and higher for words written with a capital
 * inside a sentence (names of places, organisations, people). Only the `max` best are kept,
 * best first; matching weighs them by rank (`rankWeight`).
 */
import { extractPeople } from '../people/extract';
import { STOPWORDS } from './stopwords';

export const DEFAULT_MAX_TERMS = 24;
export const DEFAULT_MAX_PEOPLE = 8;
/** Characters of text read for terms and people (a long article's head says what it is about). */
export const MAX_TEXT = 20_000;
const LEAD_CHARS = 600;

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Lower case, no diacritics, no apostrophes/dots inside ("U.S." → "us", "O'Brien" → "obrien"). */
export function foldWord(w: string): string {
  return w
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '');
}

/** Light English stemmer: consistent rather than linguistically exact. */
export function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (/(ss|us|is)$/.test(s)) {
    /* keep: "congress", "virus", "crisis" */
  } else if (/(ches|shes|xes|sses|zes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed') && !s.endsWith('eed')) s = s.slice(0, -2);
  else if (s.length > 5 && s.endsWith('ly')) s = s.slice(0, -2);
  if (s.length > 4 && /([^aeiouls])\1$/.test(s)) s = s.slice(0, -1); // "stopp" → "stop"
  if (s.length > 4 && s.endsWith('e')) s = s.slice(0, -1); // "increase"/"increased" agree
  return s;
}

export interface TermToken {
  term: string;
  /** Written with a capital letter and not at the start of a sentence. */
  proper: boolean;
  at: number;
}

/** The text's terms in order (stopwords, 1-letter words and bare short numbers removed). */
export function termTokens(text: string): TermToken[] {
  const out: TermToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const folded = foldWord(raw.replace(/['’]s$/, ''));
    if (folded.length < 2 || STOPWORDS.has(folded)) continue;
    if (/^\d+$/.test(folded) && folded.length !== 4) continue; // keep years, drop counts
    const term = stem(folded.replace(/-/g, ''));
    if (term.length < 2 || STOPWORDS.has(term)) continue;
    const first = raw.charAt(0);
    let proper = first !== first.toLowerCase();
    if (proper) {
      // Sentence start? Look back over spaces and quotes for ., !, ? or the text start.
      let j = m.index - 1;
      while (j >= 0 && /[\s"“‘'([]/.test(text[j]!)) j--;
      if (j < 0 || /[.!?:;\n]/.test(text[j]!)) proper = false;
    }
    out.push({ term, proper, at: m.index });
  }
  return out;
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Weighted terms of a story (title 3×, lead 2×, sublinear tf, proper nouns 1.5×), best first. */
export function weightedTerms(text: string, title = ''): WeightedTerm[] {
  const counts = new Map<string, { tf: number; proper: number; n: number; first: number }>();
  const add = (tokens: TermToken[], weight: (t: TermToken) => number, offset: number) => {
    for (const t of tokens) {
      const c = counts.get(t.term) ?? { tf: 0, proper: 0, n: 0, first: t.at + offset };
      c.tf += weight(t);
      c.n++;
      if (t.proper) c.proper++;
      counts.set(t.term, c);
    }
  };
  add(termTokens(title.slice(0, 1000)), () => 3, -1e6);
  add(termTokens(text.slice(0, MAX_TEXT)), (t) => (t.at < LEAD_CHARS ? 2 : 1), 0);
  const out: (WeightedTerm & { first: number })[] = [];
  for (const [term, c] of counts) {
    const properShare = c.proper / c.n;
    out.push({ term, weight: (1 + Math.log(c.tf)) * (1 + 0.5 * properShare), first: c.first });
  }
  out.sort((a, b) => b.weight - a.weight || a.first - b.first || (a.term < b.term ? -1 : 1));
  return out.map(({ term, weight }) => ({ term, weight }));
}

/** The `max` best terms of a story, best first (what CoverageItem.terms stores). */
export function keyTerms(text: string, title = '', max = DEFAULT_MAX_TERMS): string[] {
  return weightedTerms(typeof text === 'string' ? text : '', typeof title === 'string' ? title : '')
    .slice(0, Math.max(0, max))
    .map((w) => w.term);
}

/** Weight of the term at `rank` (0-based) in a stored term list. */
export function rankWeight(rank: number): number {
  return 1 / (1 + rank / 8);
}

/** A person's matching key: folded words joined by single spaces ("Shinzō Abe" → "shinzo abe"). */
export function personKey(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => foldWord(w).replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter(Boolean)
    .join(' ');
}

/** The surname part of a person key ("shinzo abe" → "abe"). */
export function surnameOf(key: string): string {
  const i = key.lastIndexOf(' ');
  return i < 0 ? key : key.slice(i + 1);
}

/** People named in a story (most prominent first), as person keys. */
export function keyPeople(text: string, title = '', max = DEFAULT_MAX_PEOPLE): string[] {
  const body = typeof text === 'string' ? text.slice(0, MAX_TEXT) : '';
  const head = typeof title === 'string' ? title.slice(0, 1000) : '';
  // The title is given to the extractor both as title (prominence) and as a first line (mentions).
  const { people } = extractPeople({ text: head ? `${head}.\n\n${body}` : body, title: head });
  const keys: string[] = [];
  for (const p of people) {
    const k = personKey(p.name);
    if (k && !keys.includes(k)) keys.push(k);
    if (keys.length >= max) break;
  }
  return keys;
}

/** Both stored fields at once. */
export function storyKeys(text: string, title = ''): { terms: string[]; people: string[] } {
  return { terms: keyTerms(text, title), people: keyPeople(text, title) };
}
