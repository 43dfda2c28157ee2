/**
 * npm run data:outlets — check the core fields of lib/outlets/data/outlets.json against Wikidata
 * (P856 website, P17 country, P571 inception, P127 owner); see scripts/data-outlets-merge.ts.
 * Records whose QID is unknown (`qid: null`, `localId`) are first looked up by their hosts' P856
 * (resolveLocalIds); a record gets a QID only when exactly one item matches.
 * Facts Wikidata confirms get a `basis: 'fetched'` source dated today (editor-recall facts it fully
 * covers stop being unverified); missing values of corpus-join records (and country QIDs) are
 * filled; editor-curated facts that disagree are never overwritten: they are printed as conflicts.
 *
 *   npm run data:outlets                 dry run against query.wikidata.org (prints the report)
 *   npm run data:outlets -- --write      also writes outlets.json
 *   npm run data:outlets -- --fixture tests/fixtures/wikidata/outlets-sparql.json   (offline; never writes)
 * With --fixture, `retrieved` is the fixture's `_recorded` date (the fixture is hand-written, so
 * nothing it "confirms" may be written to the table).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import {
  compactOutletsFile,
  expandOutletsFile,
  outletId,
  type StoredOutletsFile,
} from '../lib/outlets/types';
import {
  buildQuery,
  buildWebsiteQuery,
  lookupHosts,
  mergeWikidata,
  resolveLocalIds,
  type SparqlResponse,
} from './data-outlets-merge';

const ENDPOINT = 'https://query.wikidata.org/sparql';
const BATCH = 200;
const OUT = 'lib/outlets/data/outlets.json';

async function fetchBatch(qids: string[]): Promise<SparqlResponse> {
  return fetchQuery(buildQuery(qids));
}

async function fetchQuery(query: string): Promise<SparqlResponse> {
  const body = new URLSearchParams({ query, format: 'json' });
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/sparql-results+json',
      'user-agent': 'Masthead data:outlets (https://github.com/; maintainer script)',
    },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new Error(`Wikidata SPARQL answered HTTP ${res.status}`);
  return (await res.json()) as SparqlResponse;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fixtureAt = args.indexOf('--fixture');
  let file = expandOutletsFile(JSON.parse(readFileSync(OUT, 'utf8')) as StoredOutletsFile);
  let resolved: string[] = [];
  let unresolved = file.outlets.filter((o) => !o.qid).map((o) => `${outletId(o)} ${o.name}`);
  let resp: SparqlResponse;
  let retrieved = new Date().toISOString().slice(0, 10);
  if (fixtureAt >= 0) {
    const path = args[fixtureAt + 1];
    if (!path) throw new Error('--fixture needs a file');
    const fx = JSON.parse(readFileSync(path, 'utf8')) as SparqlResponse & { _recorded?: string };
    if (!fx._recorded) throw new Error(`--fixture ${path} has no _recorded date`);
    resp = fx;
    retrieved = fx._recorded;
  } else {
    resp = { head: { vars: [] }, results: { bindings: [] } };
    try {
      // Records without a QID first: find their item by P856 (official website).
      const hosts = file.outlets.filter((o) => !o.qid).flatMap(lookupHosts);
      if (hosts.length) {
        const r = resolveLocalIds(file, await fetchQuery(buildWebsiteQuery(hosts)), retrieved);
        ({ file, resolved, unresolved } = r);
      }
      const qids = file.outlets.flatMap((o) => (o.qid ? [o.qid] : []));
      for (let i = 0; i < qids.length; i += BATCH) {
        const part = await fetchBatch(qids.slice(i, i + BATCH));
        resp.head = part.head;
        resp.results.bindings.push(...part.results.bindings);
      }
    } catch (e) {
      console.error(
        `data:outlets: cannot query Wikidata (${ENDPOINT}): ${(e as Error).message}\n` +
          'This script needs a network connection. Nothing was changed. ' +
          'Use --fixture <file> to run against a recorded response.',
      );
      process.exit(2);
    }
  }
  const { file: merged, report } = mergeWikidata(file, resp, retrieved);
  for (const c of report.conflicts) console.error(`conflict: ${c}`);
  for (const u of report.updated) console.error(`updated: ${u}`);
  for (const u of report.confirmed) console.error(`confirmed: ${u}`);
  for (const u of resolved) console.error(`resolved: ${u}`);
  for (const u of unresolved) console.error(`no QID yet: ${u}`);
  if (args.includes('--write') && fixtureAt < 0)
    writeFileSync(
      OUT,
      await format(JSON.stringify(compactOutletsFile(merged)), { parser: 'json', printWidth: 110 }),
    );
  console.log(
    JSON.stringify({
      data: 'outlets',
      source: fixtureAt >= 0 ? 'fixture' : 'wikidata',
      written: args.includes('--write') && fixtureAt < 0,
      updated: report.updated.length,
      confirmed: report.confirmed.length,
      conflicts: report.conflicts.length,
      unchanged: report.unchanged,
      resolvedQids: resolved.length,
      withoutQid: unresolved.length,
    }),
  );
}

void main();
