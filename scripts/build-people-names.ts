/**
 * Builds lib/people/known-names.json, the word lists behind people recognition
 * (issue: people named in the article). Run: `node --import tsx scripts/build-people-names.ts`.
 *
 * Sources, both read at build time only:
 * - compromise 14 lexicon (MIT): given names, surnames, honorifics, organisations, places,
 *   demonyms, role nouns ("Actor") and common single words. Shipping these lists instead of
 *   compromise itself keeps the extension bundle small (see lib/people/README in the report).
 * - ../shared/corpora/people-officeholders/people.csv (CC0, Wikidata via
 *   every-politician-scrapers): full names + QIDs of officeholders with an English Wikipedia
 *   article, and their given names / surnames when shared by at least two people.
 *   Override the corpora folder with MASTHEAD_CORPORA.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import nlp from 'compromise';

const root = resolve(import.meta.dirname, '..');
const corpora = process.env.MASTHEAD_CORPORA ?? resolve(root, '../shared/corpora');
const csvPath = resolve(corpora, 'people-officeholders/people.csv');
const outPath = resolve(root, 'lib/people/known-names.json');

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun']);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
const ORG_TAGS = new Set(['Organization', 'SportsTeam']);

type ListName =
  | 'givenNames'
  | 'surnames'
  | 'famous'
  | 'honorifics'
  | 'organizations'
  | 'places'
  | 'demonyms'
  | 'roleNouns'
  | 'commonWords';
type Lists = Record<ListName, Set<string>>;

function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : [String(value)];
}

function fromCompromise(): Lists {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  const lists: Lists = {
    givenNames: new Set(),
    surnames: new Set(),
    famous: new Set(),
    honorifics: new Set(),
    organizations: new Set(),
    places: new Set(),
    demonyms: new Set(),
    roleNouns: new Set(),
    commonWords: new Set(),
  };
  for (const [word, raw] of Object.entries(lexicon)) {
    const tags = tagsOf(raw);
    const has = (t: string) => tags.includes(t);
    if (has('FirstName') || has('MaleName') || has('FemaleName')) lists.givenNames.add(word);
    if (has('LastName')) lists.surnames.add(word);
    if (has('Person') && word.includes(' ')) lists.famous.add(word);
    if (has('Honorific')) lists.honorifics.add(word);
    if (tags.some((t) => ORG_TAGS.has(t))) lists.organizations.add(word);
    if (tags.some((t) => PLACE_TAGS.has(t))) lists.places.add(word);
    if (has('Demonym')) lists.demonyms.add(word);
    if (has('Actor') && !word.includes(' ')) lists.roleNouns.add(word);
    const single = /^[a-z]+$/.test(word);
    if (single && !tags.some((t) => NAME_TAGS.has(t) || PLACE_TAGS.has(t))) lists.commonWords.add(word);
  }
  return lists;
}

/** Minimal RFC 4180 line split (people.csv quotes fields that contain commas). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function fromOfficeholders(lists: Lists): Array<[string, string]> {
  if (!existsSync(csvPath)) throw new Error(`people.csv not found at ${csvPath} (set MASTHEAD_CORPORA)`);
  const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1).map(splitCsvLine);
  const people: Array<[string, string]> = [];
  const firstCount = new Map<string, number>();
  const lastCount = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const [qid, name, , , , enwiki] of rows) {
    if (!qid || !name || !enwiki) continue;
    // Wikipedia titles carry the common English form ("Shinzo Abe" for "Shinzō Abe").
    const forms = new Set([name, enwiki.replace(/ \(.*\)$/, '')]);
    for (const form of forms) {
      const parts = form.split(/\s+/);
      // Regnal and territorial names ("Beatrix of the Netherlands") have no surname.
      if (parts.length < 2 || parts.length > 5 || /[,()]|\s(?:of|the)\s/i.test(form)) continue;
      people.push([form, qid]);
      bump(firstCount, parts[0]!.toLowerCase());
      bump(lastCount, parts[parts.length - 1]!.toLowerCase());
    }
  }
  // A name part shared by two or more officeholders is a name, not a one-off.
  // Places, organisations and common words stay out ("Jordan", "Bush" are kept only via compromise).
  const usable = (w: string) =>
    /^\p{L}[\p{L}\p{M}'’-]+$/u.test(w) &&
    !lists.places.has(w) &&
    !lists.organizations.has(w) &&
    !lists.commonWords.has(w) &&
    !lists.demonyms.has(w);
  for (const [w, n] of firstCount) if (n >= 2 && usable(w)) lists.givenNames.add(w);
  for (const [w, n] of lastCount) if (n >= 2 && usable(w)) lists.surnames.add(w);
  return people;
}

function main(): void {
  const lists = fromCompromise();
  const withPeople = !process.argv.includes('--no-officeholders');
  const people = withPeople ? fromOfficeholders(lists) : [];
  const out = {
    source:
      'compromise 14.17.0 lexicon (MIT) + people-officeholders/people.csv (CC0, Wikidata via every-politician-scrapers, snapshots 2022-07..2023-03)',
    built: new Date().toISOString().slice(0, 10),
    ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()])),
    // Full names are only worth their size where recognition needs them (see --full-names).
    people: process.argv.includes('--full-names') ? people.sort((a, b) => a[0].localeCompare(b[0])) : [],
  };
  writeFileSync(outPath, JSON.stringify(out));
  const size = Buffer.byteLength(JSON.stringify(out));
  const counts = Object.fromEntries(
    Object.entries(out).map(([k, v]) => [k, Array.isArray(v) ? v.length : v]),
  );
  console.log(JSON.stringify({ outPath, bytes: size, ...counts }));
}

main();
