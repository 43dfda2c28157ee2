/**
 * lib/people/data/officeholders.json — people with the offices they held and when
 * (issue: people named in the article, item 3). Built by scripts/data-people.ts from
 * ../shared/corpora/people-officeholders (Wikidata P39 "position held", CC0, via
 * every-politician-scrapers). Compact and pre-indexed, so that loading it in the background is
 * one JSON parse and nothing else: offices and corpus snapshots are tables, terms point into
 * them by index, and `names` maps each lookup key ({@link nameKey} of a canonical name or an
 * alias, folded at build time) to the QIDs of the people it names.
 *
 * Every term is one fact. Its source is the person's Wikidata item (`itemUrl` + QID, where
 * the P39 statement lives) and its as-of date is the snapshot date of the corpus repository
 * that gave the row (`snapshots[term[3]][1]`). An empty end means "no end recorded as of that
 * date", not "still in office".
 */

/** ISO 8601 date at the precision Wikidata has: YYYY, YYYY-MM or YYYY-MM-DD. */
export type PartialDate = string;

/** [Wikidata QID of the position, display label with its jurisdiction, ISO country or "", rank]. */
export type OfficeRow = [qid: string, label: string, country: string, rank: OfficeRank];

/** 1 head of state or government / head of an international body; 2 minister-level; 3 other. */
export type OfficeRank = 1 | 2 | 3;

/** [index into `offices`, start, end ("" = none recorded), index into `snapshots`]. */
export type TermRow = [office: number, start: PartialDate, end: PartialDate, snapshot: number];

/** [name (Wikidata English label), terms]; the aliases live, folded, in `names`. */
export type PersonRow = [name: string, terms: TermRow[]];

/** [corpus repository, snapshot date YYYY-MM-DD]: the as-of date of the facts it gave. */
export type SnapshotRow = [repo: string, asOf: string];

export interface OfficeholdersFile {
  format: 'masthead-officeholders';
  version: 2;
  /** Date the file was built. */
  built: string;
  licence: string;
  attribution: string;
  /** Source URL of a fact: itemUrl + the person's QID. */
  itemUrl: string;
  snapshots: SnapshotRow[];
  offices: OfficeRow[];
  /** Keyed by the person's Wikidata QID. */
  people: Record<string, PersonRow>;
  /** {@link nameKey} of a name or alias → QIDs of the people it names (keys of `people`). */
  names: Record<string, string[]>;
}

/** Lookup key of a name: diacritics folded, lower case, one kind of apostrophe and space. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[‐‑–]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const QID = /^Q[1-9]\d*$/;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

const isStr = (x: unknown): x is string => typeof x === 'string';
const isIndex = (x: unknown, length: number) =>
  Number.isInteger(x) && (x as number) >= 0 && (x as number) < length;

function checkTerm(t: unknown, file: OfficeholdersFile): string | null {
  if (!Array.isArray(t) || t.length !== 4) return 'term is not [office, start, end, snapshot]';
  const [office, start, end, snap] = t as unknown[];
  if (!isIndex(office, file.offices.length)) return 'term office index out of range';
  if (!isIndex(snap, file.snapshots.length)) return 'term snapshot index out of range';
  if (!isStr(start) || !DATE.test(start)) return `bad start ${String(start)}`;
  if (!isStr(end) || (end !== '' && !DATE.test(end))) return `bad end ${String(end)}`;
  return null;
}

function checkPerson(qid: string, row: unknown, file: OfficeholdersFile): string | null {
  if (!QID.test(qid)) return `bad QID ${qid}`;
  if (!Array.isArray(row) || row.length !== 2) return `${qid}: not [name, terms]`;
  const [name, terms] = row as unknown[];
  if (!isStr(name) || !name.trim()) return `${qid}: empty name`;
  if (!Array.isArray(terms) || terms.length === 0) return `${qid}: no terms`;
  for (const t of terms) {
    const why = checkTerm(t, file);
    if (why) return `${qid}: ${why}`;
  }
  return null;
}

/** Every problem in the file (empty when valid); checks each record. */
export function validateOfficeholders(file: unknown): string[] {
  const f = file as OfficeholdersFile;
  if (!f || typeof f !== 'object') return ['not an object'];
  const errors: string[] = [];
  if (f.format !== 'masthead-officeholders' || f.version !== 2) errors.push('unknown format/version');
  if (!isStr(f.itemUrl) || !/^https:\/\//.test(f.itemUrl)) errors.push('bad itemUrl');
  if (!hasTables(f)) return [...errors, 'missing tables'];
  f.snapshots.forEach((s, i) => {
    if (!Array.isArray(s) || !isStr(s[0]) || !isStr(s[1]) || !/^\d{4}-\d{2}-\d{2}$/.test(s[1]))
      errors.push(`snapshot ${i} malformed`);
  });
  f.offices.forEach((o, i) => {
    if (!Array.isArray(o) || !QID.test(String(o[0])) || !isStr(o[1]) || !o[1].trim() || !isStr(o[2]))
      errors.push(`office ${i} malformed`);
    else if (![1, 2, 3].includes(o[3])) errors.push(`office ${i} bad rank`);
  });
  for (const [qid, row] of Object.entries(f.people)) {
    const why = checkPerson(qid, row, f);
    if (why) errors.push(why);
  }
  return [...errors, ...checkNames(f)];
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  !!x && typeof x === 'object' && !Array.isArray(x);

/** The tables are there (the cheap check made when the shipped file is loaded). */
export function hasTables(f: OfficeholdersFile): boolean {
  return Array.isArray(f.snapshots) && Array.isArray(f.offices) && isRecord(f.people) && isRecord(f.names);
}

/** Every key is folded and names known people; every person is found by their name's key. */
function checkNames(f: OfficeholdersFile): string[] {
  const errors: string[] = [];
  for (const [key, qids] of Object.entries(f.names)) {
    if (!key || nameKey(key) !== key) errors.push(`name key not folded: ${key}`);
    else if (
      !Array.isArray(qids) ||
      qids.length === 0 ||
      !qids.every((q) => isStr(q) && Object.hasOwn(f.people, q))
    )
      errors.push(`name ${key}: bad QIDs`);
  }
  for (const [qid, row] of Object.entries(f.people)) {
    const key = Array.isArray(row) && isStr(row[0]) ? nameKey(row[0]) : '';
    const named = Object.hasOwn(f.names, key) ? f.names[key] : undefined;
    if (!Array.isArray(named) || !named.includes(qid)) errors.push(`${qid}: not found by its name`);
  }
  return errors.slice(0, 50);
}
