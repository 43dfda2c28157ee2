/**
 * Pure merge of a Wikidata SPARQL response (core fields: P17 country, P856 official website,
 * P571 inception, P127 owned by) into the outlet table.
 *
 * - Confirmation: a fact Wikidata agrees with gets a `basis: 'fetched'` Wikidata source dated the
 *   day of the query; when Wikidata covers the whole fact, its editor-recall sources are dropped
 *   (the fact is no longer unverified). Partial agreement (a founding year for a recalled full date,
 *   a recalled host whose role or note says more) adds the fetched source and keeps the recall.
 * - Filling: missing values are filled with fetched sources — every field of 'corpus-join'
 *   records; only the country QID (when Wikidata's country label is the recorded country name) of
 *   'editor-curated' / 'verified' records.
 * - Conflicts: a value that disagrees is never overwritten: it is reported for an editor, as are
 *   Wikidata values an editor-curated record lacks.
 * `review` and `asOf` are then re-derived from the sources (types.ts `withProvenance`).
 */
import { getDomain } from 'tldts';
import { PLATFORM_DOMAINS } from '../lib/outlets/lookup';
import {
  outletId,
  provenanceOf,
  withProvenance,
  type Iso,
  type OutletDomain,
  type OutletRecord,
  type OutletsFile,
  type RetrievedSource,
  type Source,
  type Sourced,
} from '../lib/outlets/types';
import { RECALLED_WEBSITE_NOTE } from './data-outlets-curated';

export interface SparqlBinding {
  [name: string]: { type: string; value: string; datatype?: string; 'xml:lang'?: string } | undefined;
}
export interface SparqlResponse {
  head: { vars: string[] };
  results: { bindings: SparqlBinding[] };
}

export interface WikidataCore {
  qid: string;
  hosts: Set<string>;
  country?: { qid: string; name: string };
  inception?: Iso;
  owners: Map<string, string>; // qid → label
}

export interface MergeReport {
  /** Values added (filled) per record. */
  updated: string[];
  /** Existing facts Wikidata agrees with (now carrying a fetched source), per record. */
  confirmed: string[];
  conflicts: string[];
  unchanged: number;
}

const qidOf = (uri?: string) => (uri ? (/\/(Q\d+)$/.exec(uri)?.[1] ?? null) : null);

/** Builds the SPARQL query for a batch of QIDs. */
export function buildQuery(qids: string[]): string {
  return `SELECT ?item ?website ?country ?countryLabel ?inception ?owner ?ownerLabel WHERE {
  VALUES ?item { ${qids.map((q) => `wd:${q}`).join(' ')} }
  OPTIONAL { ?item wdt:P856 ?website. }
  OPTIONAL { ?item wdt:P17 ?country. }
  OPTIONAL { ?item wdt:P571 ?inception. }
  OPTIONAL { ?item wdt:P127 ?owner. }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}`;
}

/** Website URL → host without www. (null for platforms and unparsable values). */
export function websiteHost(url: string): string | null {
  try {
    const host = new URL(url).hostname
      .toLowerCase()
      .replace(/^www\d{0,3}\./, '')
      .replace(/\.$/, '');
    const reg = getDomain(host);
    if (!reg || PLATFORM_DOMAINS.has(reg)) return null;
    return host;
  } catch {
    return null;
  }
}

/** Year only: Wikidata dateTime values carry their precision separately, so the day may be padding. */
function inceptionYear(v: string): Iso | undefined {
  return /^[+]?(\d{4})-/.exec(v)?.[1];
}

export function collectCore(resp: SparqlResponse): Map<string, WikidataCore> {
  const out = new Map<string, WikidataCore>();
  for (const b of resp.results.bindings) {
    const qid = qidOf(b.item?.value);
    if (!qid) continue;
    let c = out.get(qid);
    if (!c) out.set(qid, (c = { qid, hosts: new Set(), owners: new Map() }));
    const host = b.website ? websiteHost(b.website.value) : null;
    if (host) c.hosts.add(host);
    const cq = qidOf(b.country?.value);
    if (cq && !c.country) c.country = { qid: cq, name: b.countryLabel?.value ?? cq };
    const y = b.inception ? inceptionYear(b.inception.value) : undefined;
    if (y && (!c.inception || y < c.inception)) c.inception = y;
    const oq = qidOf(b.owner?.value);
    if (oq) c.owners.set(oq, b.ownerLabel?.value ?? oq);
  }
  return out;
}

/** Adds the fetched source; drops editor-recall sources when Wikidata covers the whole fact. */
function confirm<F extends { sources: Source[]; asOf: Iso; unverified?: true }>(
  f: F,
  src: RetrievedSource,
  whole: boolean,
): F {
  const kept = f.sources.filter(
    (s) => !(s.basis === 'fetched' && s.url === src.url) && (!whole || s.basis !== 'editor-recall'),
  );
  const sources = [...kept, src];
  const { unverified: _u, ...rest } = f;
  return { ...rest, sources, ...provenanceOf(sources) } as F;
}

function fetchedFact<T>(value: T, src: RetrievedSource): Sourced<T> {
  return { value, sources: [src], ...provenanceOf([src]) };
}

export function mergeWikidata(
  file: OutletsFile,
  resp: SparqlResponse,
  retrieved: Iso,
): { file: OutletsFile; report: MergeReport } {
  const report: MergeReport = { updated: [], confirmed: [], conflicts: [], unchanged: 0 };
  const core = collectCore(resp);
  const hostOwner = new Map<string, string>();
  for (const o of file.outlets) for (const d of o.domains) if (!d.path) hostOwner.set(d.host, outletId(o));
  const outlets: OutletRecord[] = file.outlets.map((o) => {
    const qid = o.qid;
    if (!qid) return o; // unresolved: see resolveLocalIds
    const c = core.get(qid);
    if (!c) return o;
    const src: RetrievedSource = {
      title: `Wikidata ${o.qid} (SPARQL query: P856, P17, P571, P127)`,
      url: `https://www.wikidata.org/wiki/${o.qid}`,
      licence: 'CC0',
      basis: 'fetched',
      retrieved,
    };
    const curated = o.review !== 'corpus-join';
    const rec: OutletRecord = structuredClone(o);
    const changes: string[] = [];
    const confirmed: string[] = [];
    const conflict = (what: string) => report.conflicts.push(`${o.qid} ${o.name}: ${what}`);

    // P856: confirm recorded hosts; add new ones (corpus-join only).
    rec.domains = rec.domains.map((d) => {
      if (d.path || !c.hosts.has(d.host)) return d;
      const plain = d.role === 'primary' && !d.from && !d.until && !d.lang;
      const whole = plain && (!d.note || d.note === RECALLED_WEBSITE_NOTE);
      confirmed.push(`domain ${d.host}${whole ? '' : ' (host only)'}`);
      const next: OutletDomain = confirm(d, src, whole);
      if (d.note === RECALLED_WEBSITE_NOTE) next.note = 'official website: Wikidata P856';
      return next;
    });
    for (const h of c.hosts) {
      const owner = hostOwner.get(h);
      if (owner === qid) continue;
      if (owner) conflict(`Wikidata P856 ${h} is claimed by ${owner}`);
      else if (curated) conflict(`Wikidata P856 ${h} is not in the editor-curated domains`);
      else {
        rec.domains.push({
          host: h,
          role: 'primary',
          note: 'Wikidata P856',
          sources: [src],
          asOf: retrieved,
        });
        hostOwner.set(h, qid);
        changes.push(`+domain ${h}`);
      }
    }

    // P17: the recorded country is a name (from the corpus) with an optional QID.
    if (c.country) {
      const cur = o.country.value;
      const sameName = cur.name.toLowerCase() === c.country.name.toLowerCase();
      if (cur.qid && cur.qid !== c.country.qid)
        conflict(`country ${cur.qid} here, ${c.country.qid} (${c.country.name}) on Wikidata`);
      else if (!cur.qid && !sameName)
        conflict(`country "${cur.name}" here, ${c.country.qid} (${c.country.name}) on Wikidata`);
      else {
        rec.country = confirm({ ...rec.country, value: { qid: c.country.qid, name: cur.name } }, src, true);
        if (cur.qid) confirmed.push('country');
        else changes.push(`country ${c.country.qid}`);
      }
    }

    // P571: Wikidata's year (its day may be padding).
    if (c.inception) {
      const cur = o.founded?.value;
      if (cur && cur.slice(0, 4) !== c.inception) conflict(`founded ${cur} here, ${c.inception} on Wikidata`);
      else if (cur) {
        const whole = cur === c.inception;
        rec.founded = confirm(rec.founded!, src, whole);
        if (!whole) rec.founded.note = `Wikidata confirms the year ${c.inception} only`;
        confirmed.push(`founded${whole ? '' : ' (year only)'}`);
      } else if (curated) conflict(`founded missing here; Wikidata says ${c.inception}`);
      else {
        rec.founded = fetchedFact(c.inception, src);
        changes.push(`founded ${c.inception}`);
      }
    }

    // P127: an owner link with the same QID (or the same name) is confirmed as an item; the relation
    // in the chain ('owned-by', 'parent-org', …) is the editor's, so recall stays unless it is 'owned-by'.
    if (c.owners.size > 0) {
      const matched = new Set<string>();
      rec.ownerChain = rec.ownerChain.map((l) => {
        const hit = [...c.owners].find(
          ([q, label]) =>
            q === l.value.qid || (!l.value.qid && label.toLowerCase() === l.value.name.toLowerCase()),
        );
        if (!hit) return l;
        matched.add(hit[0]);
        confirmed.push(`owner ${hit[1]}`);
        return confirm({ ...l, value: { ...l.value, qid: hit[0] } }, src, l.value.relation === 'owned-by');
      });
      const missing = [...c.owners].filter(([q]) => !matched.has(q));
      if (missing.length && curated) {
        for (const [q, label] of missing) conflict(`Wikidata owner ${label} (${q}) not in the owner chain`);
      } else if (missing.length && o.ownerChain.length === 0) {
        for (const [q, label] of missing)
          rec.ownerChain.push(fetchedFact({ qid: q, name: label, relation: 'owned-by' as const }, src));
        changes.push(`owners ${missing.map(([q]) => q).join(',')}`);
      }
    }

    if (changes.length) report.updated.push(`${o.qid} ${o.name}: ${changes.join('; ')}`);
    if (confirmed.length) report.confirmed.push(`${o.qid} ${o.name}: ${confirmed.join('; ')}`);
    if (!changes.length && !confirmed.length) {
      report.unchanged++;
      return o;
    }
    return withProvenance(rec);
  });
  return { file: { ...file, outlets }, report };
}

/** The usual spellings of a host's official-website URL (Wikidata P856 values are exact IRIs). */
function websiteForms(host: string): string[] {
  return ['http', 'https'].flatMap((scheme) =>
    [host, `www.${host}`].flatMap((h) => [`${scheme}://${h}`, `${scheme}://${h}/`]),
  );
}

/** Query for records whose QID is unknown: the items whose P856 is one of `hosts`' usual URL forms. */
export function buildWebsiteQuery(hosts: string[]): string {
  const iris = [...new Set(hosts)].flatMap(websiteForms).map((u) => `<${u}>`);
  return `SELECT ?item ?website WHERE {
  VALUES ?website { ${iris.join(' ')} }
  ?item wdt:P856 ?website.
}`;
}

/** Hosts a record without a QID is looked up by: its own hosts (no paths, no former domains). */
export function lookupHosts(o: OutletRecord): string[] {
  return o.domains.filter((d) => !d.path && d.role !== 'former').map((d) => d.host);
}

/**
 * Gives `qid: null` records their QID from a website-lookup response (buildWebsiteQuery): only when
 * exactly one item has P856 on the record's own hosts and no other record already has that QID.
 * The identity then carries a fetched Wikidata source; everything else is left for mergeWikidata.
 */
export function resolveLocalIds(
  file: OutletsFile,
  resp: SparqlResponse,
  retrieved: Iso,
): { file: OutletsFile; resolved: string[]; unresolved: string[] } {
  const byHost = new Map<string, Set<string>>();
  for (const b of resp.results.bindings) {
    const qid = qidOf(b.item?.value);
    const host = b.website ? websiteHost(b.website.value) : null;
    if (!qid || !host) continue;
    const set = byHost.get(host) ?? new Set<string>();
    set.add(qid);
    byHost.set(host, set);
  }
  const taken = new Set(file.outlets.flatMap((o) => (o.qid ? [o.qid] : [])));
  const resolved: string[] = [];
  const unresolved: string[] = [];
  const outlets = file.outlets.map((o) => {
    if (o.qid) return o;
    const items = new Set(lookupHosts(o).flatMap((h) => [...(byHost.get(h) ?? [])]));
    const qid = items.size === 1 ? [...items][0]! : null;
    if (!qid || taken.has(qid)) {
      unresolved.push(`${outletId(o)} ${o.name}: ${items.size ? [...items].join(' ') : 'no item'}`);
      return o;
    }
    taken.add(qid);
    resolved.push(`${outletId(o)} ${o.name} → ${qid}`);
    const src: RetrievedSource = {
      title: `Wikidata ${qid} (found by its P856 official website)`,
      url: `https://www.wikidata.org/wiki/${qid}`,
      licence: 'CC0',
      basis: 'fetched',
      retrieved,
    };
    const { localId: _l, ...rest } = o;
    return withProvenance({ ...rest, qid, sources: [...o.sources, src] });
  });
  return { file: { ...file, outlets }, resolved, unresolved };
}
