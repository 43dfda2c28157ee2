import type { ScannedName } from './scan-candidates';
import type { PersonDraft, PersonRegistry } from './person-registry';
import { COMMON_WORDS, GIVEN_NAMES, SURNAMES, WORD_GIVEN_NAMES } from './lexicon';
import type { Token } from './tokenize';
import { isCommonPlural } from './plural-heads';
import { SYLLABIC_GIVEN } from './classify-run';
import { stripMarks } from './lexicon';
import { findInvertedNames } from './inverted-names';

const COORDINATION = /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$/;

function addRole(p: PersonDraft | undefined, n: ScannedName): void {
  if (p && n.role && !p.roles.some((r) => r.start === n.role?.start)) p.roles.push(n.role);
}

/** A common word that is no given name or surname. */
const plainWord = (t: Token) =>
  COMMON_WORDS.has(t.lower) &&
  !GIVEN_NAMES.has(t.lower) &&
  !SURNAMES.has(t.lower) &&
  !WORD_GIVEN_NAMES.has(t.lower);

/** Only common words ("People Power"), or a common plural at the end ("Moon Rocks"). */
const notListedName = (name: Token[]) =>
  name.every(plainWord) || isCommonPlural(name[name.length - 1]!.lower);

/**
 * "Romelu Lukaku, Yannick Carrasco, and Dries Mertens": names listed with a person are people,
 * unless the name is made of common words.
 */
function acceptCoordinated(text: string, names: ScannedName[], accepted: Set<ScannedName>): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < names.length; i++) {
      const n = names[i]!;
      if (accepted.has(n) || n.name.length < 2 || n.name.length > 3 || notListedName(n.name)) continue;
      const linked = [names[i - 1], names[i + 1]].some((m) => {
        if (!m || !accepted.has(m)) return false;
        const [a, b] = m.name[0]!.start < n.name[0]!.start ? [m, n] : [n, m];
        return COORDINATION.test(
          text.slice(a.name[a.name.length - 1]!.end, b.name[0]!.start).replace(/^['’]s?/, ''),
        );
      });
      if (linked) accepted.add(n);
    }
  }
}

/**
 * Turns scanned names into people: full names first (so that short forms anywhere in the
 * text can link to them), then titled or cued single names, then the rest by linking.
 */
export function registerNames(text: string, registry: PersonRegistry, scanned: ScannedName[]): void {
  // "Austen, Jane.": the person is Jane Austen, named by the surname; "Jane" is no one else.
  const inverted = findInvertedNames(text);
  for (const v of inverted) registry.addInverted(v.start, v.end, v.surname, v.given);
  const givenAt = new Set(inverted.map((v) => v.givenStart));
  const names = scanned.filter((n) => !givenAt.has(n.name[0]!.start));
  const lastPart = (n: ScannedName) => stripMarks(n.name[n.name.length - 1]!.lower);
  // A two- or three-part name ending in the surname of a known person ("Johann Bernoulli").
  const strongSurnames = new Set(
    names.filter((n) => n.evidence && n.evidence !== 'shape' && n.name.length >= 2).map(lastPart),
  );
  // Name-shaped runs that start with a person's surname are things named after them
  // ("Warhol Polaroid", "Obama Foundation"); and those ending in a word the text also writes
  // in lower case name a thing ("Systems Research", "Oriental Languages").
  const lowerLast = (n: ScannedName) =>
    n.evidence === 'shape' && lowerCaseWords(text).has(n.name[n.name.length - 1]!.lower);
  const accepted = new Set(
    names.filter(
      (n) =>
        n.evidence &&
        !lowerLast(n) &&
        !(
          n.evidence === 'shape' &&
          strongSurnames.has(stripMarks(n.name[0]!.lower)) &&
          !SYLLABIC_GIVEN.test(n.name[n.name.length - 1]!.text)
        ),
    ),
  );
  for (const n of names) {
    if (!accepted.has(n) && n.name.length >= 2 && n.name.length <= 3 && strongSurnames.has(lastPart(n)))
      accepted.add(n);
  }
  acceptCoordinated(text, names, accepted);
  // People known only from name-shaped runs: their lone given name is not linked ("Cyclone").
  const weak = new Set<PersonDraft>();
  const strong = new Set<PersonDraft>();
  for (const n of names) {
    if (!accepted.has(n) || n.name.length < 2) continue;
    const p = registry.addFull(n.name);
    (n.evidence === 'shape' ? weak : strong).add(p);
    addRole(p, n);
  }
  for (const p of strong) weak.delete(p);
  let lowerWords: Set<string> | undefined;
  for (const n of names) {
    if (!accepted.has(n) || n.name.length >= 2) continue;
    const kind = n.evidence === 'title' ? 'honorific' : 'surname';
    // A word the text also writes in lower case is a common word here ("Voters see …").
    const common = kind !== 'honorific' && (lowerWords ??= lowerCaseWords(text)).has(n.name[0]!.lower);
    if (!registry.link(n.name, kind) && !common) registry.addSingle(n.name, kind);
    addRole(registry.ownerAt(n.name[0]!.start), n);
  }
  const unlinked: ScannedName[] = [];
  for (const n of names) {
    if (accepted.has(n)) continue;
    const [best] = registry.candidatesFor(n.name, n.name[0]!.start);
    // Places ("Paris") and doubtful single words only as the surname of someone named in full.
    const surnameOnly = weak.has(best?.person as PersonDraft) || n.linkOnly === true;
    if (best && !(surnameOnly && best.kind !== 'surname' && best.kind !== 'full')) {
      registry.link(n.name);
      addRole(registry.ownerAt(n.name[0]!.start), n);
    } else if (!best && n.name.length === 1 && !n.linkOnly) unlinked.push(n);
  }
  addRepeatedNames(text, registry, unlinked);
}

let lowerCache: { text: string; words: Set<string> } | undefined;

/** Distinct words written in lower case in the text (bounded by its distinct words); last text cached. */
export function lowerCaseWords(text: string): Set<string> {
  if (lowerCache?.text === text) return lowerCache.words;
  const out = new Set<string>();
  lowerCache = { text, words: out };
  for (const m of text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{Ll}\p{M}'’-]{0,40}/gu)) out.add(m[0]);
  return out;
}

const LOCATIVE = /\b(?:in|at|from|near|to|into|across|outside|inside|around)\s+$/i;

/**
 * A lone known given name or surname used twice or more ("Byron", "Gloria") is a person,
 * unless it is ever used as a place ("in Houston").
 */
function addRepeatedNames(text: string, registry: PersonRegistry, singles: ScannedName[]): void {
  const count = new Map<string, number>();
  const key = (n: ScannedName) => stripMarks(n.name[0]!.lower);
  for (const n of singles) {
    const placeLike = LOCATIVE.test(text.slice(Math.max(0, n.name[0]!.start - 12), n.name[0]!.start));
    count.set(key(n), placeLike ? -Infinity : (count.get(key(n)) ?? 0) + 1);
  }
  for (const n of singles) {
    const k = key(n);
    if ((count.get(k) ?? 0) < 2 || !(GIVEN_NAMES.has(k) || SURNAMES.has(k))) continue;
    if (!registry.link(n.name)) registry.addSingle(n.name, 'surname');
  }
}
