/**
 * Office ranking, display labels and name aliases for scripts/data-people.ts (issue: people
 * named in the article, item 3). Pure helpers over rows of the people-officeholders corpus.
 */
import type { OfficeRank } from '../lib/people/officeholders-format';

export interface HolderRow {
  country: string;
  country_name: string;
  position: string;
  positionID: string;
  position_wikidata_label: string;
  person: string;
  personID: string;
  start: string;
  end: string;
  source_repo: string;
  source_date: string;
}

const HEAD =
  /^(?:President|Prime Minister|Premier|Chancellor|Federal Chancellor|Taoiseach|King|Queen|Monarch|Emir|Sultan|Supreme Leader|Head of State|Chief Executive|First Minister|Co-Prince|Captain Regent|Chairman of the Presidential Council|President of the Government|President of the Council of Ministers|President of the Confederation|General Secretary of the Chinese Communist Party)$/i;
const INTL_HEAD = /^(?:Secretary-General|Director-General|President) of\b/i;
const LOWER =
  /\b(?:ambassador|deputy|vice|under-secretary|undersecretary|assistant|state secretary|parliamentary secretary|junior|permanent representative|high commissioner|consul|judge|justice of|member of|mayor|first lady|spouse)\b/i;
const CABINET =
  /\b(?:minister|secretary|attorney[- ]general|chancellor of the exchequer|governor of the (?:central|national|reserve|state) bank|governor of (?:the )?bank|president of the (?:central|national) bank|chief justice|speaker|leader of the opposition|leader of the house|chief of (?:the )?(?:general|defence) staff|prosecutor general|treasurer|vice[- ]president|deputy prime minister|vice premier)\b/i;

/** 1 head of state/government or of an international body, 2 minister-level, 3 other. */
export function officeRank(r: HolderRow): OfficeRank {
  const p = r.position.trim();
  if (HEAD.test(p)) return 1;
  if (r.country_name === 'International organisations' && INTL_HEAD.test(p)) return 1;
  if (/^(?:Deputy Prime Minister|Vice President|Vice Premier|Vice-President)$/i.test(p)) return 2;
  if (LOWER.test(p)) return 3;
  return CABINET.test(p) ? 2 : 3;
}

const SHORT_COUNTRY: Record<string, string> = {
  'United States of America': 'US',
  'United Kingdom': 'UK',
};

/** Country names read with "the": "Minister of State for Climate Change of the United Kingdom". */
const WITH_THE =
  /^(?:United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Czech Republic|Dominican Republic|Central African Republic|Democratic Republic|Republic of|Federated States|Holy See|Vatican)|Islands$|Emirates$/;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * "US Secretary of Defense", "Prime Minister of Japan", "Minister for Foreign Affairs of
 * Japan": the Wikidata label of the position when it names the jurisdiction, else the corpus'
 * short title with the jurisdiction appended.
 */
export function officeLabel(r: HolderRow): string {
  const wd = r.position_wikidata_label.trim();
  const title = r.position.trim();
  const place = r.country_name.trim();
  const placeNames = [place, place.replace(/ of America$/, ''), SHORT_COUNTRY[place] ?? ''].filter(Boolean);
  const names = (s: string) => placeNames.some((n) => fold(s).includes(fold(n)));
  let label: string;
  if (wd && names(wd)) label = wd;
  else if (names(title) || place === '' || place === 'International organisations') label = wd || title;
  else label = `${title} of ${WITH_THE.test(place) ? 'the ' : ''}${place.replace(/ of America$/, '')}`;
  label = label.replace(/^United States (?=\p{Lu})/u, 'US ').replace(/^United Kingdom (?=\p{Lu})/u, 'UK ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'di',
  'du',
]);

/**
 * Other written forms of a name, each of which stays an exact match: the English Wikipedia
 * title (without its "(…)" qualifier), the diacritics-folded forms, the name without middle
 * initials, and "First Last" for a three-word Western name whose middle word is a known given
 * name. data-people.ts drops an alias that is another person's own name.
 */
export function nameAliases(name: string, enwiki: string, givenNames: Set<string>): string[] {
  const out = new Set<string>();
  const title = enwiki.replace(/\s*\(.*\)\s*$/, '').trim();
  const bases = [name, title].filter((s) => s && !/[,()]/.test(s));
  for (const base of bases) {
    out.add(base);
    const words = base.split(/\s+/);
    const noInitials = words.filter((w, i) => i === 0 || i === words.length - 1 || !/^\p{Lu}\.$/u.test(w));
    if (noInitials.length >= 2 && noInitials.length < words.length) out.add(noInitials.join(' '));
    if (words.length === 3) {
      const [first, middle, last] = words.map((w) => w.toLowerCase()) as [string, string, string];
      const western = givenNames.has(first) && givenNames.has(middle) && !givenNames.has(last);
      if (western && !PARTICLES.has(middle) && !middle.includes('.')) out.add(`${words[0]} ${words[2]}`);
    }
  }
  for (const a of [...out]) {
    const folded = a.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    if (folded !== a) out.add(folded);
  }
  out.delete(name);
  return [...out].filter((a) => a.trim().split(/\s+/).length >= 2);
}
