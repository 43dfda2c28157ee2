/**
 * Online enrichment for outlets not in Masthead's data (off by default; the options page says what
 * is sent where). Pure request builders and response parsers; the background does the fetching
 * (entrypoints/background/enrich.ts). Queries are built from a validated host name only — never
 * from a URL a page or a content script supplied.
 *
 * 1. Wikidata Query Service: the item whose official website (P856) is the host (URL variants:
 *    http/https, with/without `www.`, with/without the trailing slash), with its country (P17),
 *    inception (P571), owner (P127) and English Wikipedia article. CC0.
 * 2. Wikipedia REST page summary of that article (description and first sentences). CC BY-SA.
 */
import type { Iso } from './types';

export const WIKIDATA_SPARQL = 'https://query.wikidata.org/sparql';
export const WIKIPEDIA_SUMMARY = 'https://en.wikipedia.org/api/rest_v1/page/summary/';
export const API_USER_AGENT = 'Masthead/0.1 (https://github.com/masthead-news/masthead; outlet lookup)';
/** How long a lookup (found or not) stays cached. */
export const ENRICH_TTL_MS = 7 * 24 * 3600 * 1000;
/** Longest response body we read (bytes). */
export const MAX_RESPONSE_BYTES = 512 * 1024;

const HOST_RE =
  /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** A lower-case ASCII host (no `www.`) safe to put in a query, or null. */
export function lookupHost(host: unknown): string | null {
  if (typeof host !== 'string') return null;
  const h = host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return HOST_RE.test(h) ? h : null;
}

export function cacheKey(host: string): string {
  return `outlet-lookup:${host}`;
}

/** The SPARQL query for a host (validated first; throws on anything else). */
export function sparqlForHost(host: string): string {
  const h = lookupHost(host);
  if (!h) throw new Error('lookupHost: not a host name');
  const sites = ['https://', 'http://']
    .flatMap((s) => [`${s}${h}`, `${s}www.${h}`])
    .flatMap((u) => [`<${u}/>`, `<${u}>`])
    .join(' ');
  return [
    'SELECT ?item ?itemLabel ?itemDescription ?countryLabel ?inception ?ownerLabel ?article WHERE {',
    `  VALUES ?site { ${sites} }`,
    '  ?item wdt:P856 ?site .',
    '  OPTIONAL { ?item wdt:P17 ?country . }',
    '  OPTIONAL { ?item wdt:P571 ?inception . }',
    '  OPTIONAL { ?item wdt:P127 ?owner . }',
    '  OPTIONAL { ?article schema:about ?item ; schema:isPartOf <https://en.wikipedia.org/> . }',
    '  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }',
    '} LIMIT 10',
  ].join('\n');
}

/** GET request for the Wikidata lookup of a host. */
export function wikidataRequest(host: string): { url: string; headers: Record<string, string> } {
  const q = new URLSearchParams({ format: 'json', query: sparqlForHost(host) });
  return {
    url: `${WIKIDATA_SPARQL}?${q.toString()}`,
    headers: { Accept: 'application/sparql-results+json', 'Api-User-Agent': API_USER_AGENT },
  };
}

/** GET request for the English Wikipedia summary of a title (from the Wikidata answer). */
export function summaryRequest(title: string): { url: string; headers: Record<string, string> } | null {
  const t = title.trim().replace(/ /g, '_');
  if (!t || t.length > 255 || /[#<>[\]{}|]/.test(t)) return null;
  return {
    url: WIKIPEDIA_SUMMARY + encodeURIComponent(t),
    headers: {
      Accept: 'application/json; charset=utf-8; profile="https://www.mediawiki.org/wiki/Specs/Summary/1.2.0"',
      'Api-User-Agent': API_USER_AGENT,
    },
  };
}

/** What the online lookup found (as read; not reviewed by Masthead's editors). */
export interface OnlineOutlet {
  qid: string;
  name: string;
  description?: string;
  country?: string;
  inception?: Iso;
  owners: string[];
  wikipedia?: { title: string; url: string; extract?: string };
  /** When the answer was fetched (ISO). */
  fetchedAt: string;
  /** Several items share the host's website: the first is shown, with this count. */
  candidates: number;
}

const str = (v: unknown, max = 500): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;

const binding = (row: unknown, key: string): string | undefined =>
  str((row as Record<string, { value?: unknown } | undefined>)?.[key]?.value);

/** Parses a SPARQL JSON answer; null when nothing matched; throws on a malformed answer. */
export function parseWikidataAnswer(json: unknown, fetchedAt: string): OnlineOutlet | null {
  const rows = (json as { results?: { bindings?: unknown } })?.results?.bindings;
  if (!Array.isArray(rows)) throw new Error('Wikidata: unexpected answer');
  const byQid = new Map<string, OnlineOutlet>();
  for (const row of rows.slice(0, 50)) {
    const qid = /\/entity\/(Q\d{1,12})$/.exec(binding(row, 'item') ?? '')?.[1];
    if (!qid) continue;
    const o = byQid.get(qid) ?? {
      qid,
      name: binding(row, 'itemLabel') ?? qid,
      owners: [],
      fetchedAt,
      candidates: 0,
    };
    o.description ??= binding(row, 'itemDescription');
    o.country ??= binding(row, 'countryLabel');
    const inception = /^[+-]?(\d{4}-\d{2}-\d{2})/.exec(binding(row, 'inception') ?? '')?.[1];
    o.inception ??= inception;
    const owner = binding(row, 'ownerLabel');
    if (owner && !o.owners.includes(owner) && !/^Q\d+$/.test(owner)) o.owners.push(owner);
    const article = binding(row, 'article');
    const m = article ? /^https:\/\/en\.wikipedia\.org\/wiki\/([^?#]+)$/.exec(article) : null;
    if (m && !o.wikipedia) {
      let title: string;
      try {
        title = decodeURIComponent(m[1]!).replace(/_/g, ' ');
      } catch {
        title = m[1]!;
      }
      o.wikipedia = { title, url: article! };
    }
    byQid.set(qid, o);
  }
  const all = [...byQid.values()];
  if (all.length === 0) return null;
  for (const o of all) {
    for (const k of ['description', 'country', 'inception'] as const) if (o[k] === undefined) delete o[k];
  }
  return { ...all[0]!, candidates: all.length };
}

/** The summary's plain-text extract (first 600 chars), or undefined for disambiguation/odd answers. */
export function parseSummary(json: unknown): string | undefined {
  const j = json as { type?: unknown; extract?: unknown };
  if (j?.type !== 'standard') return undefined;
  const text = str(j.extract, 2000);
  if (!text) return undefined;
  return text.length > 600 ? text.slice(0, 600).replace(/\s+\S*$/, '') + '…' : text;
}

/** Seconds to wait from a Retry-After header (delta seconds or an HTTP date); default 60, max 1 h. */
export function retryAfterMs(header: string | null | undefined, now: number): number {
  const h = header?.trim();
  if (h && /^\d+$/.test(h)) return Math.min(3600, Number(h.slice(0, 8))) * 1000;
  const t = h ? Date.parse(h) : NaN;
  if (!Number.isNaN(t)) return Math.max(0, Math.min(3600_000, t - now));
  return 60_000;
}

/** Outcome of a lookup as the popup shows it. */
export type LookupResult =
  | { status: 'found'; outlet: OnlineOutlet; cached: boolean }
  | { status: 'not-found'; cached: boolean }
  | { status: 'disabled' }
  | { status: 'offline'; message: string }
  | { status: 'rate-limited'; retryAt: string }
  | { status: 'unavailable'; message: string };

/** The popup's view of the lookup: not started, running, an answer, or a messaging error. */
export type LookupView =
  { status: 'idle' } | { status: 'loading' } | LookupResult | { status: 'error'; message: string };
