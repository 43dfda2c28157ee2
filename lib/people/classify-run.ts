import { capLike, type NameRun } from './name-runs';
import type { Token } from './tokenize';
import {
  COMMON_WORDS,
  DEMONYMS,
  GIVEN_NAMES,
  KNOWN_PEOPLE,
  KNOWN_SURNAMES,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  NEVER_NAMES,
  NON_PERSON_HEADS,
  ORGANIZATIONS,
  PLACES,
  SURNAMES,
  TITLES,
  TITLE_MODIFIERS,
  TRAILING_NOISE,
  PERSON_NOUNS,
  WORD_GIVEN_NAMES,
  THING_PREFIXES,
  stripMarks,
} from './lexicon';
import { OUTLET_ALIASES } from './outlets';
import { endsInCommonPlural, isGroupWord } from './plural-heads';

/** Why a run was taken for a person's name. */
export type NameEvidence = 'title' | 'known' | 'given' | 'surname' | 'cue' | 'shape';

export interface NameCandidate {
  /** Name tokens, titles removed ("Shinzo Abe"). */
  name: Token[];
  /** Title tokens in the same run, right before the name ("Prime Minister"). */
  title: Token[];
  /** Why the name is taken for a person's; null: only if it links to a person named in full. */
  evidence: NameEvidence | null;
  /** A place-like or determined single word: may link to a known person, never stands alone. */
  linkOnly?: boolean;
}

// Right after a name: a speech verb, an appositive, a relative clause or a kinship noun.
const PERSON_CUE =
  /^(?:['’]s?\s+(?:wife|husband|son|daughter|father|mother|brother|sister|family|death|birth)\b|,?\s+(?:said|says|told|tells|added|asked|explained|wrote|writes|stated|noted|argued|insisted|recalled|replied|declared|announced|was born|died|who)\b|\s+\((?:born\b|b\.\s|\d{1,2}\s+[A-Z][a-z]+\s+\d{3,4}\s*[–-]\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{3,4}\)|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*[–-]\s*[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\))|,\s+(?:\d{1,3}|aged \d+),)/;

/**
 * An appositive that says what a person is: "Valeska Paris, an Australian woman and former
 * Scientologist,", "Claudio De Vincenti, undersecretary to the prime minister,", or where
 * they are from: "Nick Bos, of the University of Helsinki".
 */
function appositiveRole(after: string): boolean {
  if (/^,\s+of\s+(?:the\s+)?\p{Lu}/u.test(after)) return true;
  const m = /^,\s+([^,.;:()"“”]{2,80})/u.exec(after);
  if (!m) return false;
  const words = m[1]!.split(/\s+/).slice(0, 7);
  if (!/^(?:a|an|the|\p{Ll}[\p{L}-]*)$/u.test(words[0] ?? '')) return false;
  return words.some((w) => {
    const lw = w.toLowerCase().replace(/['’]s$/, '');
    return (
      /^\p{Ll}/u.test(w) && (PERSON_NOUNS.has(lw) || TITLES.has(lw) || PERSON_NOUNS.has(lw.replace(/s$/, '')))
    );
  });
}

const nameKey = (tokens: Token[]) => tokens.map((t) => t.lower).join(' ');

function isKnownName(tokens: Token[]): boolean {
  return KNOWN_PEOPLE.has(nameKey(tokens)) || KNOWN_PEOPLE.has(stripMarks(nameKey(tokens)));
}

/** Index after the last title word (not a mere modifier) that still leaves a name behind it, or 0. */
function titleEnd(tokens: Token[]): number {
  let end = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const w = tokens[i]!.lower;
    if (TITLES.has(w) && !TITLE_MODIFIERS.has(w)) end = i + 1;
  }
  return end;
}

const FOREIGN_ARTICLES = new Set(['la', 'le', 'les', 'el', 'il', 'lo', 'los', 'las', 'der', 'die', 'das']);

function isThing(tokens: Token[]): boolean {
  const key = nameKey(tokens);
  if (tokens.every((t) => TITLES.has(t.lower))) return true;
  if (ORGANIZATIONS.has(key) || OUTLET_ALIASES.has(key)) return true;
  if (tokens.length === 1 && (PLACES.has(key) || DEMONYMS.has(key) || NEVER_NAMES.has(key))) return true;
  if (tokens.length > 1 && PLACES.has(key)) return true;
  if (tokens.length > 1 && THING_PREFIXES.has(tokens[0]!.lower)) return true;
  // A title of a work or a place in a Romance or German language: "La Machine Infernale",
  // "Santo Spirito", "Die Walküre" (a particle-led surname has at most two words: "Le Drian").
  if (tokens.length > 2 && FOREIGN_ARTICLES.has(tokens[0]!.lower)) return true;
  if (tokens.length > 1 && /^(?:santo|santa|san|são|sankt)$/.test(tokens[0]!.lower)) return true;
  // Ends in the plural of a common noun: "Wycliffe Bible Translators", "Iodine Deficiency
  // Disorders" (but "Roger Waters", "Tom Jones").
  if (endsInCommonPlural(tokens)) return true;
  // One word naming a group: "Islamists", "Tunisians".
  if (isGroupWord(tokens)) return true;
  const last = tokens[tokens.length - 1]!.lower;
  if (NON_PERSON_HEADS.has(last) && !SURNAMES.has(last)) return true;
  // A middle name that is also a thing-head, between a given name and a surname: "Eric Temple Bell".
  const middleName =
    tokens.length === 3 && GIVEN_NAMES.has(stripMarks(tokens[0]!.lower)) && SURNAMES.has(stripMarks(last));
  if (middleName) return false;
  // A thing-head anywhere inside ("Kyodo News Agency", "Press TV News Roku").
  return tokens.some(
    (t, i) => i > 0 && NON_PERSON_HEADS.has(t.lower) && !SURNAMES.has(t.lower) && !GIVEN_NAMES.has(t.lower),
  );
}

/** "Andy Warhol Foundation" → "Andy Warhol": a known given name, a surname, then a thing-head. */
function personBeforeHead(tokens: Token[]): Token[] {
  const head = tokens.findIndex((t, i) => i >= 2 && NON_PERSON_HEADS.has(t.lower));
  if (head < 2 || head > 3 || !GIVEN_NAMES.has(stripMarks(tokens[0]!.lower))) return tokens;
  const name = tokens.slice(0, head);
  const doubtful = (t: Token, i: number) =>
    NON_PERSON_HEADS.has(t.lower) ||
    t.possessive ||
    (i > 0 && COMMON_WORDS.has(t.lower) && !SURNAMES.has(t.lower));
  return name.some(doubtful) ? tokens : name;
}

/** Drops sentence-initial function words and leading demonyms/places ("However", "Japanese"). */
function dropLeading(tokens: Token[], sentenceInitial: boolean): Token[] {
  let a = 0;
  while (a < tokens.length - 1 || (a < tokens.length && sentenceInitial)) {
    const w = tokens[a]!.lower;
    if (NAME_PARTICLES.has(w)) break; // "Le Drian said"
    const common = COMMON_WORDS.has(w) && !GIVEN_NAMES.has(w) && !SURNAMES.has(w);
    // "Paris Hilton": a place word before a known surname is the given name.
    const beforeKnown = tokens.length - a === 2 && KNOWN_SURNAMES.has(stripMarks(tokens[a + 1]!.lower));
    const place = (PLACES.has(w) || DEMONYMS.has(w)) && !GIVEN_NAMES.has(w) && !beforeKnown;
    // A lone place name stays: it may be the surname of a person named in full ("Paris").
    const lone = a === tokens.length - 1;
    if (!(common && sentenceInitial) && !(place && !lone) && !NEVER_NAMES.has(w)) break;
    a++;
  }
  return tokens.slice(a);
}

const nameWordOrRare = (t: Token) =>
  !COMMON_WORDS.has(t.lower) || GIVEN_NAMES.has(t.lower) || SURNAMES.has(t.lower);

function evidenceFor(
  name: Token[],
  hasTitle: boolean,
  after: string,
  sentenceInitial: boolean,
): NameEvidence | null {
  // After a title, a name has a name word: "Major League Baseball" is no one.
  if (hasTitle) return name.some(nameWordOrRare) ? 'title' : null;
  if (isKnownName(name)) return 'known';
  if (name.length === 1 && !sentenceInitial && KNOWN_SURNAMES.has(stripMarks(name[0]!.lower))) return 'known';
  const first = name[0]!.lower;
  const last = name[name.length - 1]!.lower;
  // A particle inside the name is not a common word here ("Ludwig van Beethoven").
  const inner = (t: Token, i: number) => i > 0 && i < name.length - 1 && NAME_PARTICLES.has(t.lower);
  const plausible = name.every(
    (t, i) =>
      inner(t, i) ||
      (i > 0 && WORD_GIVEN_NAMES.has(t.lower)) ||
      !(COMMON_WORDS.has(t.lower) && !GIVEN_NAMES.has(t.lower) && !SURNAMES.has(t.lower)),
  );
  if (name.length >= 2 && GIVEN_NAMES.has(stripMarks(first)) && plausible) return 'given';
  // Inside a sentence, a given name and capitalised words after it: "Isaac Newton", "Brook Taylor".
  const given = GIVEN_NAMES.has(stripMarks(first)) || WORD_GIVEN_NAMES.has(first);
  if (
    given &&
    !sentenceInitial &&
    name.filter((t, i) => !inner(t, i)).length <= 3 &&
    name
      .slice(1)
      .every(
        (t, i) =>
          (capLike(t) || NAME_SUFFIXES.has(t.lower) || inner(t, i + 1)) &&
          !PLACES.has(t.lower) &&
          !DEMONYMS.has(t.lower) &&
          !NON_PERSON_HEADS.has(t.lower),
      )
  )
    return 'given';
  if (name.length >= 2 && SURNAMES.has(stripMarks(last)) && plausible && !sentenceInitial) return 'surname';
  if (name.length === 2 && FAMILY_SYLLABLE.test(name[0]!.text) && SYLLABIC_GIVEN.test(name[1]!.text))
    return 'shape';

  if (
    (PERSON_CUE.test(after) || (name.length >= 2 && appositiveRole(after))) &&
    plausible &&
    name.length <= 4
  )
    return 'cue';
  return null;
}

// Word endings of abstract and collective nouns and adjectives, never of a name's last part;
// also of French and Latin adjectives in titles ("Mécanique Analytique", "Academia Sinica").
const NOUNLIKE_ENDING =
  /(?:ism|ics|ity|ence|ance|tion|sion|ment|ness|logy|ship|ical|ive|ous|ium|ing|ers|ies|ics|ary|ate|ist|ique|oise|ienne|ica)$/;
// A romanised two-syllable given name: "Wai-ching", "Kwok-hung", "Joo-ho", "Kai-shek".
export const SYLLABIC_GIVEN = /^\p{Lu}\p{Ll}{1,5}-(?:\p{Ll}{1,6}|\p{Lu}\p{Ll}{1,2})$/u;
// A romanised family name of one syllable before such a given name: "Park Joo-ho", "Lam Cheuk-ting".
const FAMILY_SYLLABLE = /^\p{Lu}\p{Ll}{1,4}$/u;
// Before a title of a work or a place, not before a person's name.
const NOT_PERSON_BEFORE =
  /(?:\b(?:the|a|an|his|her|its|their|our|my|your|this|in|at|on|into|near|from|called|titled|entitled|drama|series|film|movie|show|novel|book|album|song|play|opera|magazine|journal|newspaper|company|band|club|team)\s+|["“‘'(])$/i;
const WORK_BEFORE =
  /\b(?:novel|film|movie|book|album|song|single|opera|musical|sitcom|episode|poem|painting|documentary)\s+$/i;
const NOT_PERSON_AFTER = /^[!?]?\s*(?:\(\d{4}\)|\(\d{4}[^\d–-])/;

/**
 * Two or three capitalised words that look like a name and stand where a name stands:
 * none is a common word (unless a given name or surname), the last has no noun ending, no
 * article or locative before, no "(2010)" after (a work), and not opening the sentence.
 */
function nameShaped(name: Token[], before: string, after: string): boolean {
  if (name.length < 2 || name.length > 3) return false;
  if (NOT_PERSON_BEFORE.test(before) || NOT_PERSON_AFTER.test(after)) return false;
  const known = (t: Token, i: number) =>
    GIVEN_NAMES.has(stripMarks(t.lower)) ||
    SURNAMES.has(stripMarks(t.lower)) ||
    (i === 0 && WORD_GIVEN_NAMES.has(t.lower));
  return name.every(
    (t, i) =>
      (capLike(t) || (NAME_PARTICLES.has(t.lower) && i > 0)) &&
      (known(t, i) ||
        NAME_PARTICLES.has(t.lower) ||
        (!COMMON_WORDS.has(t.lower) &&
          (!NOUNLIKE_ENDING.test(t.lower) || SYLLABIC_GIVEN.test(t.text) || known(name[0]!, 0)))) &&
      !(t.dot && t.text.length > 1 && i < name.length - 1) &&
      !NON_PERSON_HEADS.has(t.lower) &&
      !PLACES.has(t.lower) &&
      !DEMONYMS.has(t.lower),
  );
}

/** A capitalised word before the surname of a known person, where a name stands: "Brook Taylor". */
function beforeKnownSurname(name: Token[], before: string, after: string): boolean {
  if (name.length !== 2 || NOT_PERSON_BEFORE.test(before) || NOT_PERSON_AFTER.test(after)) return false;
  const [first, last] = [name[0]!, name[1]!];
  const w = first.lower;
  return (
    KNOWN_SURNAMES.has(stripMarks(last.lower)) &&
    first.cap &&
    !first.possessive &&
    !first.dot &&
    ![TITLES, PLACES, DEMONYMS, NON_PERSON_HEADS, NAME_SUFFIXES].some((list) => list.has(w))
  );
}

/** After a title, a thing-head, a person noun or a place, what follows may be a name. */
function splitAfterDescriptor(tokens: Token[]): number {
  let cut = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const w = tokens[i]!.lower;
    const rest = tokens.length - i - 1;
    const nextGiven = GIVEN_NAMES.has(stripMarks(tokens[i + 1]!.lower));
    const nameWord = GIVEN_NAMES.has(w) || SURNAMES.has(w) || WORD_GIVEN_NAMES.has(w);
    if (NON_PERSON_HEADS.has(w) && (rest >= 2 || nextGiven)) cut = i + 1;
    // A leading common noun before a two- or three-part name: "Mathematician Hermann Weyl",
    // "Scientologist Tom Cruise", "University Simon Ličen".
    else if (
      i === 0 &&
      (rest === 2 || rest === 3) &&
      !nameWord &&
      (COMMON_WORDS.has(w) ||
        COMMON_WORDS.has(w.replace(/s$/, '')) ||
        PERSON_NOUNS.has(w) ||
        /^\p{L}+ist$/u.test(w) ||
        // "Pan-democrat Lam Cheuk-ting", "Ex-minister …", "Pro-Beijing …".
        /^(?:pan|ex|pro|anti|non|neo|co|post|pre)-\p{Ll}/u.test(w))
    )
      cut = 1;
    else if (
      (PERSON_NOUNS.has(w) || PLACES.has(w) || DEMONYMS.has(w)) &&
      !GIVEN_NAMES.has(w) &&
      rest >= 2 &&
      nextGiven
    )
      cut = i + 1;
  }
  return cut;
}

function trimTrailing(tokens: Token[]): Token[] {
  let b = tokens.length;
  while (b > 1 && TRAILING_NOISE.has(tokens[b - 1]!.lower) && !tokens[b - 2]!.possessive) b--;
  return tokens.slice(0, b);
}

const WH_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'where', 'when', 'why', 'how']);
const STREET_SUFFIX = /\p{L}{3}(?:strasse|straße|gasse|platz|allee|straat|gracht|plein|steeg)$/u;

/** Shapes that are never a person's name. */
function isNotAName(name: Token[]): boolean {
  const last = name[name.length - 1]!;
  if (name.some((t) => /['’](?:m|ll|ve|re|d|t)$/i.test(t.text))) return true; // "I'm", "We'll"
  if (name.every((t) => t.text.length === 1)) return true; // "U.S."
  // An interrogative is never part of a name: "Doctor Who", "Guess Who".
  if (name.some((t) => WH_WORDS.has(t.lower))) return true;
  // A street or square written as one word: "Friedrichstrasse", "Alexanderplatz", "Kalverstraat".
  if (name.length === 1 && STREET_SUFFIX.test(last.lower)) return true;
  if (name.length > 1 && TITLES.has(last.lower) && !SURNAMES.has(last.lower)) return true; // "Virginia Governor"
  if (name.length > 1 && name.every((t) => DEMONYMS.has(t.lower) || PLACES.has(t.lower))) return true; // "Roman Catholic"
  if (name.length === 1 && DEMONYMS.has(last.lower)) return true;
  // Plural of a common noun or demonym: a group ("Voters", "Democrats").
  const w = last.lower;
  return (
    name.length === 1 &&
    /s$/.test(w) &&
    [w.slice(0, -1), w.replace(/ies$/, 'y'), w.replace(/es$/, '')].some(
      (x) => COMMON_WORDS.has(x) || DEMONYMS.has(x) || PERSON_NOUNS.has(x),
    )
  );
}

const DETERMINER = /^(?:the|a|an|this|that|these|those|our|their)$/;

// Before a place, not a person: "in Kanata", "suburb of Preston", "at Shea", "Earl of Clare".
const PLACE_BEFORE =
  /\b(?:in|at|from|near|into|native|(?:suburb|city|town|village|county|province|state|region|district|port|island|plains?|mount|valley|river|lake|gulf|sea|earl|duke|count|marquess|baron|bishop)\s+of)\s+$/i;
const placeWord = (w: string | undefined) => w !== undefined && PLACES.has(w.toLowerCase());

/**
 * A lone capitalised word where places stand: after a locative preposition, or next to a
 * place name across a comma ("Irving, Texas", "Exeter, Devon", "Arkansas, Fayetteville").
 */
function inPlaceContext(text: string, tok: Token): boolean {
  const before = text.slice(Math.max(0, tok.start - 24), tok.start);
  const after = text.slice(tok.end, tok.end + 24);
  return (
    PLACE_BEFORE.test(before) ||
    placeWord(/^,\s+(\p{Lu}\p{L}+)/u.exec(after)?.[1]) ||
    placeWord(/(\p{Lu}\p{L}+),\s+$/u.exec(before)?.[1])
  );
}

// A photo or video credit right before the name: "Image: Mathias Krumbholz.", "Photo: Jane Roe",
// "Video: Ann Lee & Bob Ray.", "Photo by John Smith". An agency here is an outlet, not a person.
const CREDIT_BEFORE =
  /(?:^|[\s([|])(?:Image|Images|Photo|Photos|Photograph|Picture|Video|Credit|Illustration)(?:\s+by)?:?\s+(?:[\p{L}\p{M}'’.-]+(?:\s+[\p{L}\p{M}'’.-]+){0,3}\s+(?:&|and)\s+)?$/u;
const CREDIT_AFTER = /^(?:\s*(?:&|and)\s+\p{Lu}|[.,;/)\]|]|\s*\n|\s*$)/u;

/**
 * Evidence from the shape of the text around a name rather than its words: a quoted nickname
 * inside it (`Austin Shepherd "Shep" Padalecki`), initials before surnames ("W. W. Rouse Ball",
 * "Jay A. Pritzker"), or a photo credit.
 */
function structuralEvidence(name: Token[], text: string): NameEvidence | null {
  const inner = name.slice(1, -1);
  if (inner.some((t) => /^ ["“]$/.test(t.gapBefore))) return 'cue';
  const initials = name.filter((t) => t.dot && t.text.length === 1 && t.cap).length;
  const words = name.filter((t) => t.text.length > 1);
  if (
    initials > 0 &&
    words.length >= 1 &&
    words.length <= 2 &&
    words.every(
      (t) => t.cap && !COMMON_WORDS.has(t.lower) && !PLACES.has(t.lower) && !NON_PERSON_HEADS.has(t.lower),
    ) &&
    !name[name.length - 1]!.dot
  )
    return 'shape';
  const first = name[0]!;
  const last = name[name.length - 1]!;
  const before = text.slice(Math.max(0, first.start - 80), first.start);
  const after = text.slice(last.end, last.end + 4);
  if (name.length <= 3 && CREDIT_BEFORE.test(before) && CREDIT_AFTER.test(after)) return 'cue';
  return null;
}

/**
 * Splits a capitalised run into title and name, and says whether the name is a person's.
 * Returns null for things (organisations, places, outlets, treaties, systems); single
 * words that are places or otherwise doubtful come back with `linkOnly`, so that they can
 * still name a person introduced in full ("Lincoln" after "Abraham Lincoln").
 */
export function classifyRun(run: NameRun, text: string, prev?: Token): NameCandidate | null {
  let tokens = run.tokens;
  if (run.epithet) return { name: tokens, title: [], evidence: 'given' };
  // Right after "St.", several words name a place or a thing named after one ("St. Louis
  // Cardinals", "St. Andrews University"); one word is the saint ("St. Jerome").
  const afterSaint = prev?.dot && /^(?:st|ste)$/.test(prev.lower) && /^\. ?$/.test(tokens[0]!.gapBefore);
  if (afterSaint && tokens.length > 1) return null;
  while (tokens.length > 1 && NAME_SUFFIXES.has(tokens[0]!.lower)) tokens = tokens.slice(1);
  // The whole run is a known place or organisation ("St. Petersburg", "Al Jazeera").
  const whole = nameKey(tokens).replace(/\./g, '');
  if (tokens.length > 1 && (PLACES.has(whole) || ORGANIZATIONS.has(whole) || OUTLET_ALIASES.has(whole)))
    return null;
  const cut = titleEnd(tokens);
  const title = tokens.slice(0, cut);
  let name = tokens.slice(cut);
  if (cut === 0) {
    name = dropLeading(name, run.sentenceInitial);
    name = name.slice(splitAfterDescriptor(name));
  }
  name = trimTrailing(name);
  if (name.length === 0 || name.length > 6) return null;
  name = personBeforeHead(name);
  if (isNotAName(name)) return null;
  const lastTok = name[name.length - 1]!;
  if (isThing(name))
    return name.length === 1 && !OUTLET_ALIASES.has(lastTok.lower)
      ? { name, title, evidence: null, linkOnly: true }
      : null;
  const after = text.slice(lastTok.end, lastTok.end + 90);
  const sentenceInitial = run.sentenceInitial && name[0] === run.tokens[0];
  let evidence =
    evidenceFor(name, title.length > 0, after, sentenceInitial) ?? structuralEvidence(name, text);
  const before = text.slice(Math.max(0, name[0]!.start - 16), name[0]!.start);
  // Right after the kind of a work, a capitalised run is its title: "the graphic novel Angel
  // Catbird", "the film Jules et Jim" (a title, or a person's name within a title).
  if (title.length === 0 && (evidence === 'given' || evidence === 'surname') && WORK_BEFORE.test(before))
    evidence = null;
  // The whole run (or the run after a title) is the name, in running text.
  if (!evidence && !sentenceInitial && name[0] === tokens[cut]) {
    if (nameShaped(name, before, after) || beforeKnownSurname(name, before, after)) evidence = 'shape';
  }
  if (
    name.length === 1 &&
    title.length === 0 &&
    evidence &&
    evidence !== 'title' &&
    inPlaceContext(text, lastTok)
  )
    return { name, title, evidence: null, linkOnly: true };
  // Names take no article: "the Onion said", "the Taliban".
  // "How The Onion writes": a capitalised article inside the run determines the name too.
  const at = run.tokens.indexOf(name[0]!);
  const article = at === 0 ? prev : run.tokens[at - 1];
  const determined = cut === 0 && article !== undefined && DETERMINER.test(article.lower);
  // A known person's surname stays one before a noun: "the Obama administration".
  if (
    determined &&
    evidence !== 'known' &&
    (name.length === 1 || evidence === 'cue' || evidence === 'surname')
  )
    evidence = null;
  // One word after a place names a thing of that place ("Edmonton Sun", "Toronto Star"); it may
  // still be the surname of a person named in full.
  const afterPlace = cut === 0 && at > 0 && PLACES.has(run.tokens[at - 1]!.lower) && name.length === 1;
  if (afterPlace && evidence !== 'known') return { name, title, evidence: null, linkOnly: true };
  return { name, title, evidence, linkOnly: determined && name.length === 1 };
}
