import type { Token } from './tokenize';
import {
  COMMON_WORDS,
  GIVEN_NAMES,
  NAME_PARTICLES,
  PERSON_NOUNS,
  stripMarks,
  SURNAMES,
  WORD_GIVEN_NAMES,
} from './lexicon';

/**
 * Plural common nouns that head the names of organisations, events and groups ("Wycliffe Bible
 * Translators", "Barstool Sports", "Homeland Security Departments"). General English, written
 * for this module; none is a common surname (those stay out: Mills, Rogers, Waters, Banks…).
 */
const INSTITUTIONAL_PLURALS = new Set(
  (
    'sports games awards prizes olympics services systems industries studies affairs relations resources sciences ' +
    'arts records pictures films studios airlines airways motors partners holdings solutions technologies ' +
    'communications networks products foods stores translators departments ministries disorders diseases ' +
    'associates laboratories labs enterprises investments securities properties logistics pharmaceuticals ' +
    'brands ventures works forces troops nations islands mountains rocks fields gardens ' +
    'engineers architects publishers manufacturers producers workers teachers nurses doctors farmers ' +
    'veterans volunteers friends families children brothers sisters'
  ).split(' '),
);

// Endings of derived common nouns, never of a surname: "Departments", "Translators", "Communities".
const DERIVED_NOUN = /(?:ment|tion|sion|ity|ance|ence|ency|ness|ship|ism|ology|ator|ctor)$/;

/** Singular candidates of an English plural ("disorders" → "disorder", "studies" → "study"). */
function singulars(w: string): string[] {
  return [w.slice(0, -1), w.replace(/ies$/, 'y'), w.replace(/(ch|sh|ss|x|z)es$/, '$1')];
}

/** The word is the plural of a common noun, by the lexicons or by a derivational ending. */
export function isCommonPlural(w: string): boolean {
  if (!/[^s']s$/.test(w) || SURNAMES.has(w)) return false;
  if (INSTITUTIONAL_PLURALS.has(w)) return true;
  return singulars(w).some((x) => COMMON_WORDS.has(x) || PERSON_NOUNS.has(x) || DERIVED_NOUN.test(x));
}

/** A given name, surname, initial or particle: a word that may stand inside a person's name. */
function nameWord(t: Token, i: number): boolean {
  const w = stripMarks(t.lower);
  if (GIVEN_NAMES.has(w) || SURNAMES.has(w) || (t.dot && t.text.length === 1)) return true;
  return i === 0 ? WORD_GIVEN_NAMES.has(w) : NAME_PARTICLES.has(w);
}

/**
 * A capitalised run of two or more words ending in the plural of a common noun names a group
 * or an organisation, not a person: "Wycliffe Bible Translators", "Iodine Deficiency
 * Disorders", "Moon Rocks". A person's name ends in a surname, so the rule stands back when
 * the last word is a known surname ("Tom Jones", "John Adams", "Bill Evans") or when every
 * word before it is a given name, surname or initial ("Roger Waters", "Jenna Banks").
 */
export function endsInCommonPlural(tokens: Token[]): boolean {
  if (tokens.length < 2) return false;
  const last = tokens[tokens.length - 1]!.lower;
  if (!isCommonPlural(last)) return false;
  return !tokens.slice(0, -1).every(nameWord);
}

/**
 * One capitalised word naming a group of people by belief, origin or following: "Islamists",
 * "Tunisians", "Shiites", "Marxists". No common surname ends so (those ending in -s stand in
 * SURNAMES and are kept: "Adams", "Evans").
 */
export function isGroupWord(tokens: Token[]): boolean {
  if (tokens.length !== 1) return false;
  const w = stripMarks(tokens[0]!.lower);
  return /.{3}(?:ists|ians|ites)$/.test(w) && !SURNAMES.has(w);
}
