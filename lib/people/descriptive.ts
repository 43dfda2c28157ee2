import type { PersonMention } from './types';
import { DEMONYMS, PLACES, ROLE_HEADS } from './lexicon';

/** What a role means for matching: its content words and its country, if stated. */
export interface RoleSignature {
  words: string;
  country?: string;
}

const SYNONYMS: Record<string, string> = {
  premier: 'prime minister',
  pm: 'prime minister',
  defence: 'defense',
  fm: 'foreign minister',
  chief: 'head',
  spokeswoman: 'spokesperson',
  spokesman: 'spokesperson',
};
const COUNTRY_ALIASES: Record<string, string> = {
  us: 'us',
  'u.s.': 'us',
  usa: 'us',
  american: 'us',
  'united states': 'us',
  america: 'us',
  uk: 'uk',
  'u.k.': 'uk',
  british: 'uk',
  britain: 'uk',
  'united kingdom': 'uk',
  french: 'france',
  dutch: 'netherlands',
  swiss: 'switzerland',
  philippine: 'philippines',
  filipino: 'philippines',
  greek: 'greece',
  turkish: 'turkey',
  danish: 'denmark',
};
const FILLER = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'then',
  'now',
  'former',
  'current',
  'new',
  'visiting',
  'top',
  's',
]);

/** Maps a demonym or country to a comparable key ("Japanese" → "japa", "U.S." → "us"). */
function countryKey(word: string): string | undefined {
  const w = word.toLowerCase();
  if (COUNTRY_ALIASES[w]) return COUNTRY_ALIASES[w];
  if (DEMONYMS.has(w) || PLACES.has(w)) return w.slice(0, 4);
  return undefined;
}

/** Content words of a role, sorted, synonyms folded; country held apart. */
export function roleSignature(role: string): RoleSignature | undefined {
  let country: string | undefined;
  const words: string[] = [];
  const raw = role
    .replace(/['’]s\b/g, '')
    .replace(/\bU\.S\./g, 'US')
    .replace(/\bUnited States\b/gi, 'US');
  for (const w of raw
    .toLowerCase()
    .split(/[^\p{L}.-]+/u)
    .filter(Boolean)) {
    const key = countryKey(w.replace(/\.$/, ''));
    if (key) country = key;
    else if (!FILLER.has(w)) words.push(...(SYNONYMS[w] ?? w).split(' '));
  }
  if (!words.some((w) => ROLE_HEADS.has(w))) return undefined;
  return { words: [...new Set(words)].sort().join(' '), country };
}

// "the US secretary of defense", "Japan's prime minister", "the premier", "the Japanese foreign minister"
// Word lengths are bounded: an unbounded `[\p{L}]+` backtracks over a 5 MB word until the
// regexp stack overflows.
const DESCRIPTION =
  /\b(?:the|[\p{Lu}][\p{L}]{1,40}['’]s)\s+((?:[\p{L}.-]{1,40}\s+){0,3}?(?:premier|prime minister|president|chancellor|(?:[a-z]{1,40}\s+)?(?:minister|secretary|spokes(?:man|woman|person)|ambassador|envoy|governor|mayor|senator)(?:\s+of\s+(?:the\s+)?[a-z]{1,40})?))\b/giu;

/**
 * Resolves descriptive references ("the US secretary of defense") to the single person
 * whose stated role has the same content words and, when the phrase names one, the same
 * country. Ambiguous or unmatched descriptions are left alone.
 */
export function findDescriptiveMentions(
  text: string,
  roles: Array<RoleSignature | undefined>,
  maxMatches = 2000,
): Array<{ person: number; mention: PersonMention }> {
  const out: Array<{ person: number; mention: PersonMention }> = [];
  for (const m of text.matchAll(DESCRIPTION)) {
    if (out.length >= maxMatches) break;
    const sig = roleSignature(m[0]);
    if (!sig) continue;
    const hits = roles
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r && r.words === sig.words && (!sig.country || r.country === sig.country));
    if (hits.length !== 1) continue;
    const start = m.index;
    const end = start + m[0].length;
    // Followed by a capitalised name: a pre-modifier, already counted as a role.
    if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
    out.push({
      person: hits[0]!.i,
      mention: { start, end, text: text.slice(start, end), kind: 'descriptive' },
    });
  }
  return out;
}
