import type { Token } from './tokenize';
import {
  COMMON_WORDS,
  GIVEN_NAMES,
  HONORIFIC_ABBREVIATIONS,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  PLACES,
  SURNAMES,
} from './lexicon';

/** A maximal sequence of capitalised tokens that may contain a name, within one sentence. */
export interface NameRun {
  tokens: Token[];
  /** The first token starts a sentence, a line or a quotation (capital letter is not evidence). */
  sentenceInitial: boolean;
  /** A given name with its place of origin: "Hilary of Poitiers", "Catherine of Aragon". */
  epithet?: boolean;
}

// A closing parenthesis does not end the sentence ("(1928 – 2017) was", "Clouds), Orson Welles").
const SENTENCE_GAP = /[.!?:;"“”«»([\]{}|/\\•·–—\n]/;

function isInitial(t: Token): boolean {
  return t.dot && t.text.length === 1 && t.cap;
}

const PREFIXED_SURNAME = /^(?:al|el|ad|as|ash|bin|ibn|abu|d)[-'’]\p{Lu}/u;

/** Capitalised, or a surname with a lower-case prefix ("d'Alembert", "al-Sabunji"). */
export function capLike(t: Token): boolean {
  return t.cap || PREFIXED_SURNAME.test(t.text);
}

/** The token may be part of a name: capitalised, an initial, or a particle like "van". */
function isNamePart(t: Token): boolean {
  // Irish "Ó Dálaigh" is the one common one-letter name part without a dot.
  if (t.text.length === 1) return isInitial(t) || t.text === 'Ó';
  return capLike(t) || NAME_PARTICLES.has(t.lower);
}

// Abbreviated titles missing from the honorifics list. A title written in full ("Governor.",
// "Energy.") ends its sentence when a dot follows.
const ABBREVIATED_TITLES = new Set(['col', 'dep', 'sec', 'pres', 'fm']);

/** An abbreviation whose dot does not end the sentence ("Mr.", "Gen.", "W.", "Jr."). */
function dotIsAbbreviation(t: Token): boolean {
  return (
    isInitial(t) ||
    HONORIFIC_ABBREVIATIONS.has(t.lower) ||
    ABBREVIATED_TITLES.has(t.lower) ||
    NAME_SUFFIXES.has(t.lower)
  );
}

/**
 * Only spaces (or the dot of an abbreviation) separate two tokens of one name. Inside an
 * editorial insertion opened at the run's start, its closing bracket may too: "[George W.]
 * Bush", "[Phil] Gramm" in transcripts.
 */
function joins(prev: Token, next: Token, bracketOpen = false): boolean {
  if (prev.possessive) return false;
  const gap = bracketOpen ? next.gapBefore.replace(/^(\.?)\](?=[ \t\u00a0])/, '$1') : next.gapBefore;
  if (!prev.dot) return /^[ \t\u00a0]{1,2}$/.test(gap);
  if (!dotIsAbbreviation(prev)) return false;
  // "Dr. Bailey", "W. W. Rouse Ball", and "U.S." written without spaces.
  return /^\.[ \t\u00a0]{0,2}$/.test(gap) && (gap.length > 1 || isInitial(prev));
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
  while (b > a && !capLike(run[b - 1]!)) b--;
  return run.slice(a, b);
}

const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3})$/;

/** A regnal number after a name ("Louis XV", "Elizabeth II"); a lone "I" only before punctuation. */
function isRegnal(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  if (!ROMAN.test(t.text) || t.possessive) return false;
  if (t.text !== 'I') return true;
  const next = tokens[j + 1];
  return !next || /^[,;.)\]]|\n/.test(next.gapBefore) || next.lower === 'of';
}

/**
 * A quoted nickname between two parts of a name: `Austin Shepherd "Shep" Padalecki`,
 * `Finley "Finn" Polmar`. True when tokens[j] is a capitalised word in straight or curly
 * double quotes, directly between two capitalised name parts.
 */
function isNickname(tokens: Token[], j: number): boolean {
  const nick = tokens[j];
  const next = tokens[j + 1];
  const prev = tokens[j - 1];
  return (
    nick !== undefined &&
    next !== undefined &&
    prev !== undefined &&
    prev.cap &&
    !prev.dot &&
    !prev.possessive &&
    nick.cap &&
    !nick.dot &&
    !nick.possessive &&
    /^ ["“]$/.test(nick.gapBefore) &&
    /^["”] $/.test(next.gapBefore) &&
    capLike(next)
  );
}

const bare = (t: Token) => !t.dot && !t.possessive;

/**
 * Length of "of Y" after a lone given name when it names the person by where they were from:
 * "Hilary of Poitiers", "Catherine of Aragon", "Francis of Assisi". The given name is nothing
 * else (no surname, no place: "Kennedy of Massachusetts", "Victoria of Australia" stay out),
 * Y is one capitalised word that is not a common word, and no capitalised word follows it.
 */
function epithetLength(tokens: Token[], i: number): number {
  const [x, of, y, next] = [tokens[i]!, tokens[i + 1], tokens[i + 2], tokens[i + 3]];
  if (!of || !y || of.text !== 'of' || !bare(x) || of.dot || y.dot) return 0;
  if (!GIVEN_NAMES.has(x.lower) || SURNAMES.has(x.lower) || PLACES.has(x.lower)) return 0;
  if (of.gapBefore !== ' ' || y.gapBefore !== ' ' || !y.cap || COMMON_WORDS.has(y.lower)) return 0;
  if (next && !y.possessive && isNamePart(next) && joins(y, next)) return 0;
  return 2;
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
    const epithet = startsSentence(tokens, i) ? 0 : epithetLength(tokens, i);
    if (epithet > 0 && (i === 0 || !joins(tokens[i - 1]!, tokens[i]!) || !isNamePart(tokens[i - 1]!))) {
      runs.push({ tokens: tokens.slice(i, i + 1 + epithet), sentenceInitial: false, epithet: true });
      i += 1 + epithet;
      continue;
    }
    let j = i + 1;
    let bracket = /\[$/.test(tokens[i]!.gapBefore);
    while (j < tokens.length && j - i < 12) {
      if (isNickname(tokens, j)) {
        j += 2;
        continue;
      }
      if (!isNamePart(tokens[j]!) || !joins(tokens[j - 1]!, tokens[j]!, bracket)) break;
      if (bracket && tokens[j]!.gapBefore.includes(']')) bracket = false;
      j++;
    }
    let run = trimParticles(tokens.slice(i, j));
    const endsAt = run.length > 0 ? run[run.length - 1]!.index + 1 : j;
    if (endsAt === j && j < tokens.length && joins(tokens[j - 1]!, tokens[j]!) && isRegnal(tokens, j)) {
      run = [...run, tokens[j]!];
      j++;
    }
    if (run.length > 0) runs.push({ tokens: run, sentenceInitial: startsSentence(tokens, i) });
    i = j;
  }
  return runs;
}
