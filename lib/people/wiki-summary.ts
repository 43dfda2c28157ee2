/**
 * Optional Wikipedia summary on a person card (issue: people named in the article, item 3).
 * Off unless the reader turned online lookups on. Pure request builders and response parsers;
 * the background fetches (entrypoints/background/person-summary.ts) through the outlet lookup's
 * reviewed path (Api-User-Agent, 2 in flight, 429/Retry-After, 7-day cache).
 *
 * Keyed by the person's Wikidata QID (from Masthead's people data, never from page text):
 * 1. Wikidata Action API `wbgetentities` → the English Wikipedia title (sitelink `enwiki`). CC0.
 * 2. Wikipedia REST page summary of that title; kept only when its `wikibase_item` is the QID
 *    (the join key), so a renamed or redirected page never shows someone else. CC BY-SA.
 */
import { API_USER_AGENT, WIKIPEDIA_SUMMARY, summaryRequest } from '../outlets/enrich';

export const WIKIDATA_API = 'https://www.wikidata.org/w/api.php';
export const WIKIPEDIA_LICENCE = {
  name: 'CC BY-SA 4.0',
  url: 'https://creativecommons.org/licenses/by-sa/4.0/',
} as const;

const QID_RE = /^Q[1-9]\d{0,11}$/;

/** A Wikidata item id ("Q567"), or null. */
export function personQid(v: unknown): string | null {
  return typeof v === 'string' && QID_RE.test(v) ? v : null;
}

export function personCacheKey(qid: string): string {
  return `person-summary:${qid}`;
}

/** GET request for the English Wikipedia title of a person's item (validated QID only). */
export function sitelinkRequest(qid: string): { url: string; headers: Record<string, string> } {
  if (!personQid(qid)) throw new Error('sitelinkRequest: not a QID');
  const q = new URLSearchParams({
    action: 'wbgetentities',
    ids: qid,
    props: 'sitelinks',
    sitefilter: 'enwiki',
    format: 'json',
    origin: '*',
  });
  return {
    url: `${WIKIDATA_API}?${q.toString()}`,
    headers: { Accept: 'application/json', 'Api-User-Agent': API_USER_AGENT },
  };
}

/** The enwiki title from a `wbgetentities` answer; null when the item has no English article. */
export function parseSitelink(json: unknown, qid: string): string | null {
  const entities = (json as { entities?: Record<string, unknown> })?.entities;
  if (!entities || typeof entities !== 'object') throw new Error('Wikidata: unexpected answer');
  const item = entities[qid] as
    { sitelinks?: { enwiki?: { title?: unknown } }; missing?: unknown } | undefined;
  const title = item?.sitelinks?.enwiki?.title;
  return typeof title === 'string' && title.trim() && title.length <= 255 ? title.trim() : null;
}

/** The summary request for a title (same builder and headers as the outlet lookup's). */
export const personSummaryRequest = summaryRequest;

/** What a card shows: plain text only, with where it came from. */
export interface PersonSummary {
  qid: string;
  title: string;
  description?: string;
  /** First sentences of the article, plain text (never HTML). */
  extract: string;
  /** The article on English Wikipedia. */
  url: string;
  /** When it was fetched (ISO); the text is Wikipedia's as of then. */
  fetchedAt: string;
  licence: typeof WIKIPEDIA_LICENCE;
}

const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim().slice(0, max) : undefined;

const ARTICLE_URL = /^https:\/\/en\.wikipedia\.org\/wiki\/[^\s?#]{1,512}$/;

/**
 * A REST page summary → a card summary; undefined for disambiguation pages, pages without an
 * extract, and pages about another item than `qid`.
 */
export function parsePersonSummary(json: unknown, qid: string, fetchedAt: string): PersonSummary | undefined {
  const j = json as {
    type?: unknown;
    wikibase_item?: unknown;
    title?: unknown;
    titles?: { normalized?: unknown; canonical?: unknown };
    description?: unknown;
    extract?: unknown;
    content_urls?: { desktop?: { page?: unknown } };
  };
  if (j?.type !== 'standard' || j.wikibase_item !== qid) return undefined;
  const title = text(j.titles?.normalized, 255) ?? text(j.title, 255);
  let extract = text(j.extract, 2000);
  if (!title || !extract) return undefined;
  if (extract.length > 600) extract = extract.slice(0, 600).replace(/\s+\S*$/, '') + '…';
  const page = text(j.content_urls?.desktop?.page, 600);
  const canonical = text(j.titles?.canonical, 255) ?? title.replace(/ /g, '_');
  const url =
    page && ARTICLE_URL.test(page)
      ? page
      : `https://en.wikipedia.org/wiki/${encodeURIComponent(canonical).replace(/%2F/g, '/')}`;
  const description = text(j.description, 200);
  return summary(qid, title, description, extract, url, fetchedAt);
}

function summary(
  qid: string,
  title: string,
  description: string | null | undefined,
  extract: string,
  url: string,
  fetchedAt: string,
): PersonSummary {
  return {
    qid,
    title,
    ...(description ? { description } : {}),
    extract,
    url,
    fetchedAt,
    licence: WIKIPEDIA_LICENCE,
  };
}

/** A summary from a message or the cache, re-checked (bounded, plain strings, Wikipedia link). */
export function validatePersonSummary(raw: unknown): PersonSummary | null {
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return null;
  const qid = personQid(r.qid);
  const title = text(r.title, 255);
  const extract = text(r.extract, 700);
  const url = typeof r.url === 'string' && ARTICLE_URL.test(r.url) ? r.url : null;
  const fetchedAt =
    typeof r.fetchedAt === 'string' && !Number.isNaN(Date.parse(r.fetchedAt)) ? r.fetchedAt : null;
  if (!qid || !title || !extract || !url || !fetchedAt) return null;
  const description = text(r.description, 200);
  return summary(qid, title, description, extract, url, fetchedAt);
}

/** Outcome of a person summary request. */
export type PersonSummaryResult =
  | { status: 'found'; summary: PersonSummary; cached: boolean }
  | { status: 'not-found'; cached: boolean }
  | { status: 'disabled' }
  | { status: 'offline'; message: string }
  | { status: 'rate-limited'; retryAt: string }
  | { status: 'unavailable'; message: string };

/** Where the summary endpoint lives (the options page names it). */
export const PERSON_SUMMARY_HOSTS = [new URL(WIKIDATA_API).host, new URL(WIKIPEDIA_SUMMARY).host];
