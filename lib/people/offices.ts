/**
 * The office a person named in an article held on the article's date (issue: people named in
 * the article, item 3), from lib/people/data/officeholders.json (Wikidata, CC0). Background
 * only: the file is large (see scripts/bench-people.ts for its size and load time).
 *
 * Conservative by design — a wrong fact is worse than none: a name matches only as the exact
 * canonical name or an alias (diacritics and case folded); when several people share it, the
 * office held on the date and the role the text states must single one out, else null.
 */
import {
  hasTables,
  nameKey,
  validateOfficeholders,
  type OfficeholdersFile,
  type OfficeRow,
} from './officeholders-format';
import data from './data/officeholders.json';

export { nameKey };

export interface RoleAtDate {
  /** The person's Wikidata QID (the source of the fact is their item). */
  qid: string;
  label: string;
  /** ISO date the office began */
  since?: string;
  until?: string;
  source: string;
  asOf: string;
}

interface Term {
  office: OfficeRow;
  start: string;
  end: string;
  asOf: string;
}

interface Person {
  qid: string;
  terms: Term[];
}

export interface OfficeIndex {
  /** The people a name (any form: folded here) may be; undefined when none. */
  readonly named: (name: string) => readonly Person[] | undefined;
  readonly itemUrl: string;
}

/**
 * Index over a file whose `names` table is already keyed (scripts/data-people.ts folds every
 * name at build time): no work up front, a person's terms are expanded on first lookup.
 */
function indexOver(f: OfficeholdersFile): OfficeIndex {
  const cache = new Map<string, Person>();
  const person = (qid: string): Person => {
    let p = cache.get(qid);
    if (!p) {
      const terms = f.people[qid]![1].map(([o, start, end, s]) => ({
        office: f.offices[o]!,
        start,
        end,
        asOf: f.snapshots[s]![1],
      }));
      p = { qid, terms };
      cache.set(qid, p);
    }
    return p;
  };
  return {
    itemUrl: f.itemUrl,
    named(name) {
      if (typeof name !== 'string' || name.length > 200) return undefined;
      const key = nameKey(name);
      return Object.hasOwn(f.names, key) ? f.names[key]!.map(person) : undefined;
    },
  };
}

/** Index over any officeholders file: validated record by record first (throws when invalid). */
export function buildOfficeIndex(file: unknown): OfficeIndex {
  const errors = validateOfficeholders(file);
  if (errors.length) throw new Error(`officeholders data invalid: ${errors.slice(0, 3).join('; ')}`);
  return indexOver(file as OfficeholdersFile);
}

/**
 * Index over the shipped file, as built by scripts/data-people.ts: only its format and tables
 * are checked here, the records were validated when it was built (and are by
 * tests/lib/people/officeholders-schema.test.ts). Costs nothing beyond the JSON parse.
 */
export function shippedOfficeIndex(file: unknown): OfficeIndex {
  const f = file as OfficeholdersFile;
  if (!f || f.format !== 'masthead-officeholders' || f.version !== 2 || !hasTables(f))
    throw new Error('officeholders data: unknown format or version');
  return indexOver(f);
}

let loaded: OfficeIndex | undefined;
export function loadOfficeIndex(): OfficeIndex {
  loaded ??= shippedOfficeIndex(data);
  return loaded;
}

/** YYYY-MM-DD of an ISO date or date-time, else undefined. */
function dayOf(iso: string | undefined): string | undefined {
  const m = typeof iso === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(iso.trim()) : null;
  return m ? m[1] : undefined;
}

/**
 * In office on `day` for certain: a start known only to the year/month counts from its last
 * day, an end known only to the year/month from its first day (the end day itself is outside:
 * on 2017-01-20 the President is the incoming one). With no end recorded, only up to the
 * snapshot date: after it the corpus cannot say.
 */
function activeOn(t: Term, day: string): boolean {
  const start = t.start.length === 4 ? `${t.start}-12-31` : t.start.length === 7 ? `${t.start}-31` : t.start;
  if (start > day) return false;
  if (!t.end) return day <= t.asOf;
  return day < t.end;
}

const SAME: Record<string, string> = {
  defense: 'defence',
  american: 'us',
  british: 'uk',
  america: 'us',
  treasury: 'finance',
};
const STOP = new Set(['of', 'the', 'for', 'and', 's', 'de', 'a', 'an']);
const HEADS = new Set([
  'president',
  'minister',
  'secretary',
  'chancellor',
  'governor',
  'king',
  'queen',
  'premier',
  'speaker',
  'leader',
  'chairman',
  'chair',
  'director',
  'attorney',
  'prosecutor',
  'justice',
  'ambassador',
  'emir',
  'sultan',
  'mayor',
]);

function words(s: string): string[] {
  return nameKey(s)
    .replace(/\bunited states\b/g, 'us')
    .replace(/\bunited kingdom\b/g, 'uk')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => SAME[w] ?? w);
}

const near = (a: string, b: string) =>
  a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)));

/**
 * How well the role the text states fits an office label: the number of its other words
 * (portfolio, jurisdiction) found in the label; 0 when an office noun of it is missing there.
 */
function roleFit(role: string | undefined, label: string): number {
  if (!role) return 0;
  const have = words(label);
  const want = words(role);
  if (want.some((w) => HEADS.has(w) && !have.includes(w))) return 0;
  return want.filter((w) => !HEADS.has(w) && have.some((h) => near(w, h))).length;
}

/** The entries with the best fit, when exactly one has it and it is above 0. */
function bestFit<T extends { fit: number }>(list: T[]): T | undefined {
  const top = Math.max(0, ...list.map((x) => x.fit));
  const fitting = list.filter((x) => x.fit === top);
  return top > 0 && fitting.length === 1 ? fitting[0] : undefined;
}

interface Held {
  person: Person;
  term: Term;
  fit: number;
}

function better(a: Held, b: Held): Held {
  if (a.fit !== b.fit) return a.fit > b.fit ? a : b;
  if (a.term.office[3] !== b.term.office[3]) return a.term.office[3] < b.term.office[3] ? a : b;
  return a.term.start >= b.term.start ? a : b;
}

/** Per candidate, its best office on the day; only candidates in some office then. */
function heldOn(people: readonly Person[], day: string, role: string | undefined): Held[] {
  const out: Held[] = [];
  for (const person of people) {
    let best: Held | undefined;
    for (const term of person.terms) {
      if (!activeOn(term, day)) continue;
      const h = { person, term, fit: roleFit(role, term.office[1]) };
      best = best ? better(best, h) : h;
    }
    if (best) out.push(best);
  }
  return out;
}

/** The one candidate left after the role in the text narrows them, else undefined. */
function single<T extends { fit: number }>(list: T[], role: string | undefined): T | undefined {
  if (list.length === 1) return list[0];
  return role ? bestFit(list) : undefined;
}

/** The person's office(s) on the article's date; null when unknown, ambiguous or no date. */
export function roleAtDate(
  index: OfficeIndex,
  name: string,
  isoDate: string | undefined,
  roleInText?: string,
): RoleAtDate | null {
  const day = dayOf(isoDate);
  const people = index.named(name);
  if (!day || !people) return null;
  const held = single(heldOn(people, day, roleInText), roleInText);
  if (!held) return null;
  const { term, person } = held;
  return {
    qid: person.qid,
    label: term.office[1],
    since: term.start,
    ...(term.end ? { until: term.end } : {}),
    source: `${index.itemUrl}${person.qid}`,
    asOf: term.asOf,
  };
}

export function qidForName(
  index: OfficeIndex,
  name: string,
  isoDate?: string,
  roleInText?: string,
): string | null {
  const people = index.named(name);
  if (!people) return null;
  if (people.length === 1) return people[0]!.qid;
  const day = dayOf(isoDate);
  if (day) {
    const held = single(heldOn(people, day, roleInText), roleInText);
    if (held) return held.person.qid;
  }
  if (!roleInText) return null;
  const fits = people.map((person) => ({
    person,
    fit: Math.max(0, ...person.terms.map((t) => roleFit(roleInText, t.office[1]))),
  }));
  return bestFit(fits)?.person.qid ?? null;
}
