/**
 * Builds lib/people/data/officeholders.json (issue: people named in the article, item 3):
 * notable people with the offices they held since 2000 and the dates, keyed by Wikidata QID.
 * Run: `npm run data:people` (reads ../shared/corpora/people-officeholders in place; override
 * the corpora folder with MASTHEAD_CORPORA). Format: lib/people/officeholders-format.ts.
 *
 * Selection: a person is kept when the corpus gives them an English Wikipedia article and at
 * least one term, ending in or after 2000 (the corpus' own cut-off), in an office of rank 1 or
 * 2 (heads of state/government, heads of international bodies, ministers, central bank
 * governors, speakers, opposition leaders … see data-people-offices.ts). All their terms are
 * kept, rank-3 offices (ambassadors, judges, deputies) included, so the role on a date is
 * complete. Consecutive terms in one office are merged (Abe 2012-12-26 → 2014-12-24 →
 * 2017-11-01 → 2020-09-16 is one term from 2012-12-26). Rows whose end precedes their start
 * (source errors) are dropped.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { parseCsv, corporaDir } from './data-outlets-csv';
import { officeLabel, officeRank, nameAliases, type HolderRow } from './data-people-offices';
import type {
  OfficeholdersFile,
  OfficeRow,
  PersonRow,
  SnapshotRow,
  TermRow,
} from '../lib/people/officeholders-format';
import { nameKey, validateOfficeholders } from '../lib/people/officeholders-format';

const root = resolve(import.meta.dirname, '..');
const folder = resolve(corporaDir(root), 'people-officeholders');
const outPath = resolve(root, 'lib/people/data/officeholders.json');
const knownNames = resolve(root, 'lib/people/known-names.json');
const leadersPath = resolve(root, 'lib/people/known-leaders.json');

interface PersonCsv {
  personID: string;
  name: string;
  enwiki: string;
}

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Day number of a full date, for "next term starts the day the last one ends" merging. */
const dayOf = (d: string) => (d.length === 10 ? Date.parse(`${d}T00:00:00Z`) / 86_400_000 : NaN);

function mergeTerms(terms: TermRow[]): TermRow[] {
  const sorted = [...terms].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  const out: TermRow[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    const gap = last && last[0] === t[0] && last[2] ? dayOf(t[1]) - dayOf(last[2]) : NaN;
    if (last && gap >= 0 && gap <= 2) {
      if (!t[2] || (last[2] && t[2] > last[2])) last[2] = t[2];
      last[3] = Math.max(last[3], t[3]);
    } else if (!out.some((o) => o[0] === t[0] && o[1] === t[1] && o[2] === t[2])) out.push([...t]);
  }
  return out.sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0]);
}

/**
 * lib/people/known-leaders.json: the names of heads of state and government and of
 * international bodies (rank-1 offices) since 2000, a small gazetteer for recognition in the
 * page (the full file stays in the background). Surnames: the last word of those names.
 */
function writeLeaders(
  file: OfficeholdersFile,
  aliasesOf: Map<string, string[]>,
): { bytes: number; names: number; surnames: number } {
  const names = new Set<string>();
  for (const [qid, [name, terms]] of Object.entries(file.people)) {
    if (!terms.some(([o]) => file.offices[o]![3] === 1)) continue;
    for (const n of [name, ...(aliasesOf.get(qid) ?? [])])
      if (!/[,()]|\s(?:of|the)\s/i.test(n)) names.add(n.toLowerCase());
  }
  const surnames = new Set([...names].map((n) => fold(n).split(' ').pop()!).filter((w) => w.length >= 4));
  const out = {
    source:
      'people-officeholders (CC0, Wikidata via every-politician-scrapers): rank-1 officeholders, see scripts/data-people.ts',
    names: [...names].sort(),
    surnames: [...surnames].sort(),
  };
  const json = JSON.stringify(out);
  writeFileSync(leadersPath, json);
  return { bytes: Buffer.byteLength(json), names: names.size, surnames: surnames.size };
}

function main(): void {
  const holdersPath = resolve(folder, 'holders.csv');
  if (!existsSync(holdersPath))
    throw new Error(`holders.csv not found at ${holdersPath} (set MASTHEAD_CORPORA)`);
  const rows = parseCsv(readFileSync(holdersPath, 'utf8')) as unknown as HolderRow[];
  const people = new Map(
    (parseCsv(readFileSync(resolve(folder, 'people.csv'), 'utf8')) as unknown as PersonCsv[]).map((p) => [
      p.personID,
      p,
    ]),
  );
  const given = new Set<string>(
    (JSON.parse(readFileSync(knownNames, 'utf8')) as { givenNames: string[] }).givenNames,
  );

  const byPerson = new Map<string, HolderRow[]>();
  let backwards = 0;
  for (const r of rows) {
    if (r.end && r.end < r.start) {
      backwards++;
      continue;
    }
    byPerson.set(r.personID, [...(byPerson.get(r.personID) ?? []), r]);
  }
  const selected = [...byPerson.entries()].filter(([qid, list]) => {
    const p = people.get(qid);
    return p?.enwiki && p.name.trim() && list.some((r) => officeRank(r) <= 2);
  });

  const snapshots: SnapshotRow[] = [];
  const snapIdx = new Map<string, number>();
  const offices: OfficeRow[] = [];
  const officeIdx = new Map<string, number>();
  const intern = <T>(map: Map<string, number>, table: T[], key: string, row: () => T) => {
    let i = map.get(key);
    if (i === undefined) {
      i = table.push(row()) - 1;
      map.set(key, i);
    }
    return i;
  };

  const out: Record<string, PersonRow> = {};
  const aliasesOf = new Map<string, string[]>();
  const names: Record<string, string[]> = {};
  const primary = new Set(selected.map(([qid]) => fold(people.get(qid)!.name)));
  let droppedAliases = 0;
  for (const [qid, list] of selected.sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)))) {
    const person = people.get(qid)!;
    const terms = list.map((r): TermRow => {
      const o = intern(officeIdx, offices, `${r.positionID}|${r.country_name}`, (): OfficeRow => [
        r.positionID,
        officeLabel(r),
        r.country,
        officeRank(r),
      ]);
      const s = intern(snapIdx, snapshots, r.source_repo, (): SnapshotRow => [r.source_repo, r.source_date]);
      return [o, r.start, r.end, s];
    });
    const aliases = nameAliases(person.name, person.enwiki, given).filter((a) => {
      const clash = primary.has(fold(a)) && fold(a) !== fold(person.name);
      if (clash) droppedAliases++;
      return !clash;
    });
    out[qid] = [person.name, mergeTerms(terms)];
    aliasesOf.set(qid, aliases);
    for (const key of new Set([person.name, ...aliases].map(nameKey))) if (key) (names[key] ??= []).push(qid);
  }

  const file: OfficeholdersFile = {
    format: 'masthead-officeholders',
    version: 2,
    built: new Date().toISOString().slice(0, 10),
    licence: 'CC0-1.0 (Wikidata); courtesy credit: Wikidata via every-politician-scrapers',
    attribution: 'Wikidata (P39 position held) via every-politician-scrapers, corpus people-officeholders',
    itemUrl: 'https://www.wikidata.org/wiki/',
    snapshots,
    offices,
    people: out,
    names,
  };
  const errors = validateOfficeholders(file);
  if (errors.length) throw new Error(`invalid officeholders file: ${errors.slice(0, 5).join('; ')}`);
  mkdirSync(dirname(outPath), { recursive: true });
  const json = JSON.stringify(file);
  writeFileSync(outPath, json);
  const leaders = writeLeaders(file, aliasesOf);
  const termCount = Object.values(out).reduce((n, p) => n + p[1].length, 0);
  console.log(
    JSON.stringify({
      outPath,
      bytes: Buffer.byteLength(json),
      people: Object.keys(out).length,
      offices: offices.length,
      terms: termCount,
      nameKeys: Object.keys(names).length,
      snapshots: snapshots.length,
      rowsRead: rows.length,
      rowsDroppedEndBeforeStart: backwards,
      aliasesDroppedAsOtherPersonsName: droppedAliases,
      leaders,
    }),
  );
}

main();
