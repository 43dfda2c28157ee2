import type { Token } from './tokenize';
import { HONORIFIC_ABBREVIATIONS, NAME_PARTICLES, NAME_SUFFIXES, TITLES } from './lexicon';

/** A maximal sequence of capitalised tokens that may contain a name, within one sentence. */
export interface NameRun {
  tokens: Token[];
  /** The first token starts a sentence, a line or a quotation (capital letter is not evidence). */
  sentenceInitial: boolean;
}

const SENTENCE_GAP = /[.!?:;"“”«»()[\]{}|/\\•·–—\n]/;

function isInitial(t: Token): boolean {
  return t.dot && t.text.length === 1 && t.cap;
}

/** The token may be part of a name: capitalised, an initial, or a particle like "van". */
function isNamePart(t: Token): boolean {
  // Irish "Ó Dálaigh" is the one common one-letter name part without a dot.
  if (t.text.length === 1) return isInitial(t) || t.text === 'Ó';
  return t.cap || NAME_PARTICLES.has(t.lower) || /^(al|el|ad|as|ash|bin|ibn|abu|d)[-'’]\p{Lu}/u.test(t.text);
}

/** An abbreviation whose dot does not end the sentence ("Mr.", "Gen.", "W.", "Jr."). */
function dotIsAbbreviation(t: Token): boolean {
  return (
    isInitial(t) || HONORIFIC_ABBREVIATIONS.has(t.lower) || TITLES.has(t.lower) || NAME_SUFFIXES.has(t.lower)
  );
}

/** Only spaces (or the dot of an abbreviation) separate two tokens of one name. */
function joins(prev: Token, next: Token): boolean {
  if (prev.possessive) return false;
  if (!prev.dot) return /^[ \t\u00a0]{1,2}$/.test(next.gapBefore);
  if (!dotIsAbbreviation(prev)) return false;
  // "Dr. Bailey", "W. W. Rouse Ball", and "U.S." written without spaces.
  return /^\.[ \t\u00a0]{0,2}$/.test(next.gapBefore) && (next.gapBefore.length > 1 || isInitial(prev));
}

function startsSentence(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  let gap = tokens[i]!.gapBefore;
  if (prev.dot) {
    if (!dotIsAbbreviation(prev)) return true;
    gap = gap.slice(1);
  }
  return SENTENCE_GAP.test(gap);
}

function trimParticles(run: Token[]): Token[] {
  let a = 0;
  let b = run.length;
  while (a < b && !run[a]!.cap) a++;
  while (b > a && !run[b - 1]!.cap) b--;
  return run.slice(a, b);
}

/** Groups tokens into capitalised runs; particles are kept only between capitalised words. */
export function findNameRuns(tokens: Token[], maxRuns = Infinity): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length && runs.length < maxRuns) {
    if (!isNamePart(tokens[i]!) || !tokens[i]!.cap) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && j - i < 12 && isNamePart(tokens[j]!) && joins(tokens[j - 1]!, tokens[j]!))
      j++;
    const run = trimParticles(tokens.slice(i, j));
    if (run.length > 0) runs.push({ tokens: run, sentenceInitial: startsSentence(tokens, i) });
    i = j;
  }
  return runs;
}
