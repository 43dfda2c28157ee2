import { COMMON_WORDS, GIVEN_NAMES } from './lexicon';
import { stripMarks } from './lexicon';

/** "Austen, Jane." in a reference list: the surname's span and the name in natural order. */
export interface InvertedName {
  start: number;
  end: number;
  surname: string;
  given: string;
  /** Offset of the given name(s), which are not a mention of their own. */
  givenStart: number;
}

// At the start of a line (or after "and" in the same entry): "Surname, Given [Given]." as in
// bibliographies and reading lists: "Austen, Jane. Pride and Prejudice",
// "Marx, Karl and Engels, Friedrich. The Communist Manifesto".
const INVERTED =
  /(?<=^|\n[ \t]{0,8}|\band )(\p{Lu}[\p{Ll}'’-]{1,30}(?: \p{Lu}[\p{Ll}'’-]{1,30})?), ((?:\p{Lu}\.? ){0,2}\p{Lu}[\p{Ll}'’-]{1,30}(?: \p{Lu}[\p{Ll}'’-]{1,30})?)(?=\.(?:\s|$)| and \p{Lu}\p{Ll}{1,30}, |;)/gu;

/** Inverted "Surname, Given." names, at most `max` of them. */
export function findInvertedNames(text: string, max = 500): InvertedName[] {
  const out: InvertedName[] = [];
  for (const m of text.matchAll(INVERTED)) {
    if (out.length >= max) break;
    const [, surname, given] = m as unknown as [string, string, string];
    const firstGiven = stripMarks(given.split(' ')[0]!.replace(/\.$/, '').toLowerCase());
    const lastSurname = surname.split(' ').pop()!.toLowerCase();
    if (!GIVEN_NAMES.has(firstGiven) || COMMON_WORDS.has(lastSurname)) continue;
    const start = m.index;
    out.push({ start, end: start + surname.length, surname, given, givenStart: start + surname.length + 2 });
  }
  return out;
}
