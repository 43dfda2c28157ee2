/**
 * Builds lib/outlets/data/outlets.json (CC0) and lib/outlets/data/rsp.json (CC BY-SA) from:
 *  - outlets-wikidata-news-twitter: QID, name, country (Wikidata, CC0; snapshot 2024-04)
 *  - outlets-wp-rsp-2021: RSP rows with their domains and statuses (CC BY-SA 3.0; 2021-03-17)
 *  - outlets-wp-rsp-2026-derived: ranking (name + domain) and goggle (domains only; 2026-08-13)
 *  - scripts/data-outlets-full.ts: editor-curated full records, written from recall (first batch in
 *    data-outlets-curated.ts, second in data-outlets-full-{agencies,broadcasters,papers}.ts)
 *  - scripts/data-outlets-known-domains.ts (editor-curated core records: corpus identity + recalled domain)
 *
 * Provenance is mechanical: a fact read from a corpus carries `basis: 'corpus'` sources with the
 * snapshot date; a fact the editor recalled carries `basis: 'editor-recall'` sources (cited, not
 * retrieved) and is `unverified`; `asOf` and `review` are derived from the sources (types.ts).
 *
 * Joins are by exact normalised name (or, for goggle domains, domain label == normalised name or
 * Twitter handle); a join that hits two QIDs is rejected, and a domain claimed by two QIDs is dropped.
 * Usage: npm run -s data:outlets-seed   (MASTHEAD_CORPORA overrides the corpora folder)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { parse as parseDomain } from 'tldts';
import { normalizeName, PLATFORM_DOMAINS } from '../lib/outlets/lookup';
import {
  compactOutletsFile,
  factsOf,
  LOCAL_ID_PREFIX,
  LOCAL_ID_RE,
  outletId,
  provenanceOf,
  withProvenance,
  type DomainRole,
  type Medium,
  type OutletDomain,
  type OutletRecord,
  type OutletsFile,
  type RetrievedSource,
  type RspEntry,
  type RspFile,
  type RspStatus,
  type Source,
  type Sourced,
} from '../lib/outlets/types';
import { corporaDir, parseCsv } from './data-outlets-csv';
import {
  CURRENT_RSP,
  EDIT_DAYS,
  EDITED,
  RECALLED_WEBSITE_NOTE,
  RSP_2026_RANKING,
  RSP_ROW_QIDS,
  TWITTER_ASOF,
  wd,
  wdCorpus,
  wp,
} from './data-outlets-curated';
import { FULL_RECORDS, UNRESOLVED_RECORDS, type UnresolvedSpec } from './data-outlets-full';
import { KNOWN_DOMAINS } from './data-outlets-known-domains';

const RSP2021_ASOF = '2021-03-17';

const TWITTER_SRC: RetrievedSource = {
  title:
    'sherzod-hakimov/ru-ua-news-discourse-twitter, resources/newsmap_metadata.json (Wikidata query + Twitter profiles)',
  url: 'https://github.com/sherzod-hakimov/ru-ua-news-discourse-twitter',
  licence: 'MIT (repo); Wikidata fields CC0',
  basis: 'corpus',
  retrieved: TWITTER_ASOF,
};
const RSP_PAGE = 'https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources';
const RSP2021_SRC: RetrievedSource = {
  title: 'Wikipedia:Reliable sources/Perennial sources, snapshot by Kudusch/wikipedia-perennial-sources',
  url: RSP_PAGE,
  licence: 'CC BY-SA 3.0',
  basis: 'corpus',
  retrieved: RSP2021_ASOF,
};

/** A fact whose `asOf` / `unverified` follow from its sources. */
function fact<T>(value: T, sources: Source[], note?: string): Sourced<T> {
  return { value, sources, ...provenanceOf(sources), ...(note ? { note } : {}) };
}

function domain(
  host: string,
  role: DomainRole,
  sources: Source[],
  extra: Omit<OutletDomain, 'host' | 'role' | 'sources' | 'asOf' | 'unverified'> = {},
): OutletDomain {
  return { host, role, ...extra, sources, ...provenanceOf(sources) };
}

/** Sources listed once (same basis, url, title and date). */
function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = JSON.stringify([s.basis, s.url, s.title, s.retrieved ?? s.cited]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

interface CorpusOutlet {
  qid: string;
  name: string;
  country: string;
  handles: string[];
  bios: string[];
}

function die(msg: string): never {
  console.error(`data-outlets-seed: ${msg}`);
  process.exit(1);
}

export function loadTwitterCorpus(dir: string): Map<string, CorpusOutlet> {
  const file = `${dir}/outlets-wikidata-news-twitter/newsmap_metadata.json`;
  if (!existsSync(file)) die(`missing corpus file ${file} (set MASTHEAD_CORPORA)`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    { wikidata_id: string; company_name: string; country: string; description: string | null }
  >;
  const out = new Map<string, CorpusOutlet>();
  for (const [handle, v] of Object.entries(raw)) {
    const qid = v.wikidata_id.split('/').pop() ?? '';
    if (!/^Q\d+$/.test(qid)) continue;
    const cur = out.get(qid);
    if (cur) {
      cur.handles.push(handle);
      if (v.description) cur.bios.push(v.description);
    } else {
      out.set(qid, {
        qid,
        name: v.company_name,
        country: v.country,
        handles: [handle],
        bios: v.description ? [v.description] : [],
      });
    }
  }
  return out;
}

/** Medium from the accounts' own profile text, only when exactly one kind is named. */
const MEDIUM_PATTERNS: Array<[Medium, RegExp]> = [
  ['agency', /\bnews agency\b|\bagencia de noticias\b|\bagence de presse\b|\bnachrichtenagentur\b/i],
  ['newspaper', /\b(daily|weekly|national|regional|local) newspaper\b|\bquotidien\b|\btageszeitung\b/i],
  ['magazine', /\b(weekly|monthly|news) magazine\b|\bnachrichtenmagazin\b/i],
  ['radio', /\bradio station\b|\bnews radio\b|\bemisora\b/i],
  [
    'tv',
    /\b(tv|television) (channel|station|network)\b|\bcha[iî]ne de t[ée]l[ée]vision\b|\bfernsehsender\b/i,
  ],
];

function inferMedium(bios: string[]): Medium | null {
  const hits = new Set<Medium>();
  for (const b of bios) for (const [m, re] of MEDIUM_PATTERNS) if (re.test(b)) hits.add(m);
  return hits.size === 1 ? [...hits][0]! : null;
}

function hostOf(entry: string): string | null {
  const s = entry
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '');
  const host = s
    .split(/[/?#]/)[0]!
    .replace(/^www\d?\./, '')
    .replace(/\.$/, '');
  const p = parseDomain(host);
  if (!p.domain || !p.publicSuffix || p.isIp) return null;
  if (PLATFORM_DOMAINS.has(p.domain)) return null;
  return host;
}

/** Names a RSP/ranking row goes by: base name plus comma-separated parenthetical aliases. */
function rowNames(name: string): string[] {
  const base = name.replace(/\s*\(.*$/, '');
  const paren = [...name.matchAll(/\(([^)]*)\)/g)].flatMap((m) => (m[1] ?? '').split(','));
  return [base, ...paren].map((s) => s.trim()).filter((s) => s.length > 1);
}

const STATUS_MAP: Record<string, RspStatus> = {
  'generally reliable': 'generally-reliable',
  'no consensus': 'no-consensus',
  'generally unreliable': 'generally-unreliable',
  deprecated: 'deprecated',
  blacklisted: 'blacklisted',
  gr: 'generally-reliable',
  nc: 'no-consensus',
  gu: 'generally-unreliable',
  d: 'deprecated',
};

interface DomainClaim {
  qid: string;
  host: string;
  sources: RetrievedSource[];
  via: string;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const dir = corporaDir(root);
  for (const f of ['outlets-wikidata-news-twitter', 'outlets-wp-rsp-2021', 'outlets-wp-rsp-2026-derived']) {
    if (!existsSync(`${dir}/${f}`)) die(`missing corpus folder ${dir}/${f} (set MASTHEAD_CORPORA)`);
  }
  const corpus = loadTwitterCorpus(dir);
  const byName = new Map<string, Set<string>>();
  const byHandle = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, q: string) => {
    if (!k) return;
    const s = m.get(k);
    if (s) s.add(q);
    else m.set(k, new Set([q]));
  };
  for (const o of corpus.values()) {
    add(byName, normalizeName(o.name), o.qid);
    for (const h of o.handles) add(byHandle, h.toLowerCase(), o.qid);
  }
  // Curated records without a QID join by name only where the corpus has no outlet of that name.
  const localByName = new Map<string, Set<string>>();
  for (const f of UNRESOLVED_RECORDS) {
    if (!LOCAL_ID_RE.test(f.localId)) die(`curated ${f.name}: bad localId ${f.localId}`);
    for (const n of [f.name, ...(f.aliases ?? [])]) add(localByName, normalizeName(n), localKey(f));
  }
  const joinNames = (names: string[]): string | null => {
    for (const m of [byName, localByName]) {
      const hit = new Set<string>();
      for (const n of names) for (const q of m.get(normalizeName(n)) ?? []) hit.add(q);
      if (hit.size) return hit.size === 1 ? [...hit][0]! : null;
    }
    return null;
  };

  const report = {
    rspJoined: 0,
    rspUnjoined: [] as string[],
    rankingJoined: 0,
    goggleByName: 0,
    goggleByHandle: 0,
  };
  const claims: DomainClaim[] = [];
  const rspEntries: RspEntry[] = [];
  const wikiByQid = new Map<string, string>();

  // 1. RSP 2021 rows.
  const rsp = parseCsv(readFileSync(`${dir}/outlets-wp-rsp-2021/perennial-sources.csv`, 'utf8'));
  for (const row of rsp) {
    const qid = RSP_ROW_QIDS[row.id ?? ''] ?? joinNames(rowNames(row.name ?? ''));
    if (!qid) {
      report.rspUnjoined.push(row.name ?? '');
      continue;
    }
    report.rspJoined++;
    const wikiUrl = row.wiki_url || undefined;
    if (wikiUrl) wikiByQid.set(qid, wikiUrl);
    const sources: RetrievedSource[] = [RSP2021_SRC];
    if (wikiUrl)
      sources.push({
        title:
          "Wikipedia article linked from WP:RSP (its infobox / external-link domains, as in the RSP snapshot's urls column)",
        url: wikiUrl,
        basis: 'corpus',
        retrieved: RSP2021_ASOF,
      });
    for (const u of JSON.parse(row.urls || '[]') as string[]) {
      const host = hostOf(u);
      if (host) claims.push({ qid, host, sources, via: 'rsp-2021' });
    }
    const statuses = (JSON.parse(row.status || '[]') as string[])
      .map((s) => STATUS_MAP[s.toLowerCase()])
      .filter((s): s is RspStatus => !!s);
    // A row whose status was disputed in the snapshot ("Wikipedia:Reliable sources/Noticeboard")
    // rates nothing: its hosts still identify the outlet, but no listing is shown.
    if (statuses.length === 0) continue;
    rspEntries.push({
      qid,
      rspName: row.name ?? '',
      status: statuses,
      asOf: RSP2021_ASOF,
      summary: (row.info ?? '').trim(),
      ...(wikiUrl ? { wikiUrl } : {}),
      url: RSP_PAGE,
      sources: [RSP2021_SRC],
    });
  }

  // 2. 2026-derived ranking (name + domain).
  const ranking = parseCsv(
    readFileSync(`${dir}/outlets-wp-rsp-2026-derived/reliability_ranking.csv`, 'utf8'),
  );
  for (const row of ranking) {
    const qid = joinNames(rowNames(row.source_name ?? ''));
    const host = qid ? hostOf(row.domain ?? '') : null;
    if (!qid || !host) continue;
    report.rankingJoined++;
    claims.push({ qid, host, sources: [RSP_2026_RANKING], via: 'rsp-2026-ranking' });
  }

  // 3. Goggle site-wide rules: domain label == normalised name (or "the" + name), else == a Twitter handle.
  const goggle = readFileSync(`${dir}/outlets-wp-rsp-2026-derived/wikipedia-reliable-sources.goggle`, 'utf8');
  for (const line of goggle.split('\n')) {
    const m = /^\$(?:boost=2|downrank=2|discard),site=([a-z0-9.-]+)$/i.exec(line.trim());
    if (!m) continue;
    const host = hostOf(m[1]!);
    if (!host) continue;
    const label = (parseDomain(host).domainWithoutSuffix ?? '').toLowerCase();
    if (label.length < 3 || host !== parseDomain(host).domain) continue;
    const nameHits = new Set([
      ...(byName.get(label) ?? []),
      ...(byName.get(label.replace(/^the/, '')) ?? []),
    ]);
    let qid: string | null = null;
    let via = '';
    if (nameHits.size === 1) {
      qid = [...nameHits][0]!;
      via = 'goggle-name';
      report.goggleByName++;
    } else if (nameHits.size === 0 && byHandle.get(label)?.size === 1) {
      // A handle alone is weak (generic handles like "breakingnews"): the name must support it.
      const cand = [...byHandle.get(label)!][0]!;
      if (nameSupportsLabel(corpus.get(cand)?.name ?? '', label)) {
        qid = cand;
        via = 'goggle-handle';
        report.goggleByHandle++;
      }
    }
    if (qid) claims.push({ qid, host, sources: [RSP_2026_RANKING], via });
  }

  // Editor-curated hosts win; other hosts claimed by two QIDs are dropped.
  const handHosts = new Map<string, string>();
  for (const f of FULL_RECORDS) for (const [h] of f.domains) handHosts.set(h, f.qid);
  for (const f of UNRESOLVED_RECORDS) for (const [h] of f.domains) handHosts.set(h, localKey(f));
  for (const k of KNOWN_DOMAINS) {
    const qid = resolveKnown(k, corpus);
    if (qid) for (const h of k.domains) if (!handHosts.has(h)) handHosts.set(h, qid);
  }
  const owners = new Map<string, Set<string>>();
  for (const c of claims) add(owners, c.host, c.qid);
  const conflicts = [...owners]
    .filter(([h, qs]) => qs.size > 1 && !handHosts.has(h))
    .map(([h, qs]) => `${h}: ${[...qs].join(' ')}`);

  // Corpus support for (QID, host): every join that found it, when no other QID claims the host.
  const corpusSupport = new Map<string, { sources: Source[]; via: string[] }>();
  for (const c of claims) {
    if ((owners.get(c.host)?.size ?? 0) > 1) continue;
    const k = `${c.qid} ${c.host}`;
    const cur = corpusSupport.get(k) ?? { sources: [], via: [] };
    cur.sources = uniqueSources([...cur.sources, ...c.sources]);
    if (!cur.via.includes(c.via)) cur.via.push(c.via);
    corpusSupport.set(k, cur);
  }

  const generated = new Map<string, OutletRecord>();
  const fullQids = new Set([...FULL_RECORDS.map((f) => f.qid), ...UNRESOLVED_RECORDS.map(localKey)]);
  for (const c of claims) {
    if (fullQids.has(c.qid)) continue;
    if ((owners.get(c.host)?.size ?? 0) > 1 || handHosts.has(c.host)) continue;
    const o = corpus.get(c.qid);
    if (!o) continue;
    let rec = generated.get(c.qid);
    if (!rec) {
      rec = generatedRecord(o, wikiByQid.get(c.qid));
      generated.set(c.qid, rec);
    }
    if (rec.domains.some((d) => d.host === c.host)) continue;
    const support = corpusSupport.get(`${c.qid} ${c.host}`)!;
    rec.domains.push(domain(c.host, 'primary', support.sources, { note: `from ${support.via.join(', ')}` }));
  }

  // Editor-curated core records (corpus identity + recalled domains and media).
  const known: OutletRecord[] = [];
  const knownMissing: string[] = [];
  for (const k of KNOWN_DOMAINS) {
    const qid = resolveKnown(k, corpus);
    if (!qid) {
      knownMissing.push(`${k.name} (${k.country})`);
      continue;
    }
    if (FULL_RECORDS.some((f) => f.qid === qid)) continue;
    const o = corpus.get(qid)!;
    const base = generated.get(qid) ?? generatedRecord(o, wikiByQid.get(qid));
    generated.delete(qid);
    const domains: OutletDomain[] = base.domains.filter((d) => !k.domains.includes(d.host));
    for (const h of [...k.domains].reverse()) {
      if (handHosts.get(h) !== qid) continue;
      const support = corpusSupport.get(`${qid} ${h}`);
      domains.unshift(
        support
          ? domain(h, 'primary', support.sources, {
              note: `from ${support.via.join(', ')}; also the editor's recalled official website`,
            })
          : domain(h, 'primary', [wd(qid)], {
              note: RECALLED_WEBSITE_NOTE,
            }),
      );
    }
    // The corpus-inferred medium stands when it agrees with the editor; otherwise the editor's is recall.
    const sameMedium =
      base.medium.value.length === k.medium.length && k.medium.every((m) => base.medium.value.includes(m));
    known.push(
      withProvenance({
        ...base,
        domains,
        medium: sameMedium
          ? base.medium
          : fact(k.medium, [wd(qid)], 'recalled by the editor, not read from any source'),
      }),
    );
  }

  const full = FULL_RECORDS.map((f) => {
    const o = corpus.get(f.qid);
    if (!o) die(`curated ${f.name} ${f.qid} is not in the twitter corpus`);
    if (o.country !== f.country) die(`curated ${f.name}: country ${f.country}, corpus says ${o.country}`);
    const ident = { qid: f.qid, sources: [wdCorpus(f.qid), TWITTER_SRC], country: countryOf(o) };
    return withProvenance(fullRecord(f, ident, corpus, corpusSupport));
  });
  const localIds = new Set<string>();
  const unresolved = UNRESOLVED_RECORDS.map((f) => {
    if (localIds.has(f.localId)) die(`curated ${f.name}: duplicate localId ${f.localId}`);
    localIds.add(f.localId);
    // No corpus has the QID: identity and country are the editor's, cited to the Wikipedia article.
    const recall = [wp(f.wiki, f.cited)];
    const ident = {
      qid: null,
      localId: f.localId,
      sources: recall,
      country: fact({ name: f.country }, recall),
    };
    return withProvenance(fullRecord({ ...f, qid: null }, ident, corpus, corpusSupport));
  });
  for (const g of generated.values()) Object.assign(g, withProvenance(g));

  const outlets = [...full, ...known, ...generated.values(), ...unresolved]
    .filter((r) => r.domains.length > 0)
    .sort(
      (a, b) =>
        Number(a.qid === null) - Number(b.qid === null) ||
        Number(a.qid?.slice(1) ?? 0) - Number(b.qid?.slice(1) ?? 0) ||
        outletId(a).localeCompare(outletId(b)),
    );
  const qids = new Set(outlets.map(outletId));

  for (const c of CURRENT_RSP) {
    rspEntries.push({
      qid: c.qid,
      rspName: c.rspName,
      status: [c.status],
      asOf: c.asOf,
      url: RSP_PAGE,
      // Read from the 2026-08-13 derived ranking (status "d"), not from the RSP page itself.
      sources: [RSP_2026_RANKING],
      note: c.note,
    });
  }

  const outletsFile: OutletsFile = {
    licence: 'CC0-1.0',
    generatedBy: 'scripts/data-outlets-seed.ts',
    generated: EDIT_DAYS.at(-1)!,
    notes: NOTES,
    outlets: outlets,
  };
  const rspFile: RspFile = {
    licence: 'CC BY-SA 3.0',
    licenceUrl: 'https://creativecommons.org/licenses/by-sa/3.0/',
    attribution:
      'Statuses and summaries from Wikipedia:Reliable sources/Perennial sources (https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources), by Wikipedia contributors, CC BY-SA 3.0 (2021-03-17 snapshot via github.com/Kudusch/wikipedia-perennial-sources); later entries CC BY-SA 4.0. Share-alike applies to this file.',
    entries: rspEntries
      .filter((e) => qids.has(e.qid))
      .sort((a, b) => a.qid.localeCompare(b.qid) || a.asOf.localeCompare(b.asOf)),
  };
  await writeJson(`${root}/lib/outlets/data/outlets.json`, compactOutletsFile(outletsFile));
  await writeJson(`${root}/lib/outlets/data/rsp.json`, rspFile);

  const countries = new Set(outlets.map((o) => o.country.value.name));
  const count = <T extends string>(xs: T[]) =>
    Object.fromEntries([...new Set(xs)].sort().map((x) => [x, xs.filter((y) => y === x).length]));
  const facts = outlets.flatMap((o) => factsOf(o).map(([, f]) => f));
  const summary = {
    outlets: outlets.length,
    countries: countries.size,
    full: outlets.filter((o) => o.completeness === 'full').length,
    withoutQid: outlets.filter((o) => o.qid === null).length,
    review: count(outlets.map((o) => o.review)),
    facts: facts.length,
    unverifiedFacts: facts.filter((f) => f.unverified).length,
    sourcesByBasis: count(facts.flatMap((f) => f.sources.map((x) => x.basis))),
    corpusJoinCountries: new Set(
      outlets.filter((o) => o.review === 'corpus-join').map((o) => o.country.value.name),
    ).size,
    mediumKnown: outlets.filter((o) => !o.medium.value.includes('unknown')).length,
    rspEntries: rspFile.entries.length,
    ...report,
    rspUnjoined: report.rspUnjoined.length,
    domainConflictsDropped: conflicts.length,
    knownMissing,
  };
  if (process.argv.includes('--verbose')) console.error({ conflicts, rspUnjoined: report.rspUnjoined });
  console.log(JSON.stringify(summary));
}

/** The domain label appears in the normalised name, or equals the initials of its words. */
function nameSupportsLabel(name: string, label: string): boolean {
  const n = normalizeName(name);
  if (label.length >= 4 && n.includes(label)) return true;
  const initials = name
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !/^(of|the|and|for|de|la|le|el)$/i.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join('');
  return initials.length >= 2 && initials === label;
}

function resolveKnown(
  k: { name: string; country: string },
  corpus: Map<string, CorpusOutlet>,
): string | null {
  const n = normalizeName(k.name);
  const hits = [...corpus.values()].filter((o) => normalizeName(o.name) === n && o.country === k.country);
  return hits.length === 1 ? hits[0]!.qid : null;
}

/** Country name as read from the Wikidata-derived corpus; its QID is left to `npm run data:outlets` (P17). */
function countryOf(o: CorpusOutlet) {
  return fact({ name: o.country }, [wdCorpus(o.qid), TWITTER_SRC]);
}

function generatedRecord(o: CorpusOutlet, wikiUrl?: string): OutletRecord {
  const medium = inferMedium(o.bios);
  const title = wikiUrl?.startsWith('https://en.wikipedia.org/wiki/') ? wikiUrl.slice(30) : undefined;
  return {
    qid: o.qid,
    name: o.name,
    aliases: [],
    review: 'corpus-join',
    completeness: 'core',
    sources: [wdCorpus(o.qid), TWITTER_SRC],
    asOf: TWITTER_ASOF,
    domains: [],
    country: countryOf(o),
    medium: medium
      ? fact(
          [medium],
          [TWITTER_SRC],
          `inferred from the outlet's own Twitter profile text (@${o.handles[0]})`,
        )
      : fact<Medium[]>(['unknown'], [TWITTER_SRC], 'no clear evidence in the corpus'),
    ownerChain: [],
    history: [],
    ...(title ? { wikipedia: { lang: 'en', title: decodeURIComponent(title) } } : {}),
    raterLinks: [],
  };
}

/** The key a curated record without a QID goes by in joins and claims (its `outletId`). */
function localKey(f: UnresolvedSpec): string {
  return `${LOCAL_ID_PREFIX}${f.localId}`;
}

/** Identity of a curated record: read from the corpus (QID) or recalled (`qid: null`, `localId`). */
interface Identity {
  qid: string | null;
  localId?: string;
  sources: Source[];
  country: OutletRecord['country'];
}

function fullRecord(
  f: Omit<(typeof FULL_RECORDS)[number], 'qid'> & { qid: string | null },
  ident: Identity,
  corpus: Map<string, CorpusOutlet>,
  corpusSupport: Map<string, { sources: Source[]; via: string[] }>,
): OutletRecord {
  const recall = ident.qid ? [wp(f.wiki, f.cited), wd(ident.qid, f.cited)] : [wp(f.wiki, f.cited)];
  const s = <T>(value: T, sources: Source[] = recall) => fact(value, sources);
  const key = outletId(ident);
  return {
    qid: ident.qid,
    ...(ident.localId ? { localId: ident.localId } : {}),
    name: f.name,
    aliases: f.aliases ?? [],
    review: 'editor-curated',
    completeness: f.completeness ?? 'full',
    sources: ident.sources,
    asOf: EDITED,
    domains: f.domains.map(([host, role, extra]) => {
      const { sources, ...rest } = extra ?? {};
      const support = corpusSupport.get(`${key} ${host}`);
      // A corpus join supports the host; the role and any extra detail are the editor's.
      const recalled = !support || role !== 'primary' || Object.keys(rest).length > 0 || !!sources;
      return domain(
        host,
        role,
        uniqueSources([...(support?.sources ?? []), ...(sources ?? []), ...(recalled ? recall : [])]),
        rest,
      );
    }),
    country: ident.country,
    ...(f.languages ? { languages: s(f.languages) } : {}),
    medium: s(f.medium),
    ...(f.founded ? { founded: s(f.founded) } : {}),
    ownerChain: f.owners.map(([name, relation, qid]) => {
      if (!qid) return s({ name, relation });
      // The owner's QID is read from the corpus (the item is there); the ownership relation is recall.
      const item = corpus.get(qid);
      if (!item) die(`curated ${f.name}: owner QID ${qid} is not in the twitter corpus`);
      return s({ qid, name, relation }, [...recall, wdCorpus(qid)]);
    }),
    ...(f.state ? { state: s({ relation: f.state[0], evidence: f.state[1] }) } : {}),
    history: f.history.map(([date, event, sources]) => s({ date, event }, sources ?? recall)),
    wikipedia: { lang: 'en', title: f.wiki },
    raterLinks: f.raterLinks ?? [],
  };
}

const NOTES = [
  'PROVENANCE. This table was assembled offline. What was READ: the corpus snapshots in ../shared/corpora — outlets-wikidata-news-twitter (2024-04: QID, name, country name, profile text), outlets-wp-rsp-2021 (2021-03-17: RSP rows and their domains), outlets-wp-rsp-2026-derived (2026-08-13: ranking and goggle domains). Sources with basis "corpus" carry that snapshot date as `retrieved`.',
  `What was NOT read: facts written by the editor from memory (scripts/data-outlets-curated.ts, scripts/data-outlets-full-*.ts, scripts/data-outlets-known-domains.ts) — recalled official websites and media, and in the curated records domain roles, languages, founding dates, owner chains, state relations and history. Their sources have basis "editor-recall" with cited = ${EDIT_DAYS.join(' or ')} (the day the records were written) and NO retrieved date: the URL (Wikipedia article / Wikidata item) is where a reader can verify the fact, not where it was read. Such facts are marked unverified and their asOf is the cited date. Wikipedia titles of curated records are recall too.`,
  "review: 'corpus-join' = every fact read from the corpora; 'editor-curated' = has unverified editor-recall facts; 'verified' = every fact checked against a fetched Wikidata/Wikipedia response (no record is, yet). asOf of a record = its newest fact's asOf.",
  'Country QIDs are not stored yet (no corpus has them). npm run data:outlets (needs a network) queries Wikidata for P856 official website, P17 country, P571 inception and P127 owner: it fills missing values with basis "fetched" sources, turns editor-recall facts that Wikidata confirms into fetched ones, and reports (never overwrites) editor-curated facts that disagree. Medium, languages, state relations and history are not covered by that check: verify them against the cited pages.',
  'Records with "qid": null carry a "localId" instead (their key is local:<localId>): no corpus gives their Wikidata QID and none is written from memory. Their identity and country are editor recall, cited to the Wikipedia article only. npm run data:outlets gives them a QID when exactly one Wikidata item has a P856 official website on their hosts.',
  'Facts from Wikidata are CC0. raterLinks are links only: no MBFC/NewsGuard/AllSides/Ad Fontes ratings or text are stored.',
];

/** Writes JSON formatted as the repo's prettier would, so `npm run format` never churns the data. */
async function writeJson(path: string, data: unknown): Promise<void> {
  writeFileSync(path, await format(JSON.stringify(data), { parser: 'json', printWidth: 110 }));
}

void main();
