/**
 * On-demand coverage search (issue: related coverage): the exact request for Google News RSS
 * search and for the GDELT DOC 2.0 API (FORMATS.md §7, §8), with a plain-language description of
 * what is sent where, and parsers for their answers. Pure: building a URL sends nothing; the
 * caller fetches only after the reader clicked "Find more coverage".
 */
import { foldWord, stem } from './terms';
import { STOPWORDS } from './stopwords';
import { parseFeed } from './feed-parser';
import type { FeedItem, ParsedFeed } from './feed-types';
import { resolveHttpUrl } from './feed-items';
import { parseFeedDate } from './dates';
import { squash } from './html-text';

/** Host permissions "Find more coverage" needs (asked for when the reader turns it on). */
export const SEARCH_ORIGINS = ['https://news.google.com/*', 'https://api.gdeltproject.org/*'];

/** What turning the search on means, shown next to its switch in the options page. */
export const SEARCH_STATEMENT =
  'When on, and only when you click "Find more coverage" in the popup, Masthead sends the story\'s key ' +
  'names and words and a date window around its date (never the page address, its text or anything about ' +
  'you) to Google News (news.google.com) and, for stories of the last three months, to the GDELT Project ' +
  '(api.gdeltproject.org). Results are kept on this computer with your other related coverage (not from ' +
  'private windows); a repeated search within 6 hours is answered from them. Off by default.';

export interface SearchInput {
  title: string;
  /** Display names of the story's key people, most prominent first ("James Mattis"). */
  people: string[];
  /** Stored key terms (stems), used to pick which headline words to send. */
  terms?: string[];
  /** The article's date (ISO); '' or absent when unknown. */
  publishedAt?: string;
}

export interface SearchRequest {
  service: 'google-news' | 'gdelt';
  url: string;
  /** The search words exactly as sent. */
  query: string;
  /** One or two sentences for the UI: what is sent, to whom, what is not. */
  description: string;
}

const DAY = 86_400_000;
const MAX_PEOPLE = 2;
const MAX_WORDS = 3;

const ymd = (t: number): string => new Date(t).toISOString().slice(0, 10);
const human = (t: number): string =>
  new Date(t).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
const clean = (s: string): string => squash(s.replace(/["“”()]/g, ' '));

/** Headline words worth searching for: not stopwords, not part of a sent name, key terms first. */
export function searchWords(
  title: string,
  terms: readonly string[],
  people: readonly string[],
  max = MAX_WORDS,
): string[] {
  const nameWords = new Set(people.flatMap((p) => p.split(/\s+/).map(foldWord)));
  const rank = new Map(terms.map((t, i) => [t, i]));
  const words: { w: string; r: number; at: number }[] = [];
  const seen = new Set<string>();
  let at = 0;
  for (const m of title.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    const f = foldWord(m[0]);
    const s = stem(f);
    at++;
    if (f.length < 3 || STOPWORDS.has(f) || nameWords.has(f) || seen.has(s) || /^\d+$/.test(f)) continue;
    seen.add(s);
    words.push({ w: m[0].replace(/['’]s$/, ''), r: rank.get(s) ?? 1000, at });
  }
  return words
    .sort((a, b) => a.r - b.r || a.at - b.at)
    .slice(0, max)
    .map((x) => x.w);
}

function queryParts(input: SearchInput): { people: string[]; words: string[] } {
  const people = input.people
    .map(clean)
    .filter((p) => p.length >= 3)
    .slice(0, MAX_PEOPLE);
  const words = searchWords(clean(input.title ?? ''), input.terms ?? [], people);
  return { people, words };
}

export interface GoogleNewsOptions {
  /** Interface language, e.g. 'en-US'; `gl` and `ceid` are derived so that they agree. */
  hl: string;
  gl: string;
  /** Days after the article's date included (default 3); the search starts one day before. */
  windowDays: number;
}

/** Google News RSS search for the story, with `after:`/`before:` around the article's date. */
export function googleNewsSearch(
  input: SearchInput,
  opts: Partial<GoogleNewsOptions> = {},
): SearchRequest | null {
  const { hl = 'en-US', gl = 'US', windowDays = 3 } = opts;
  const { people, words } = queryParts(input);
  if (people.length === 0 && words.length === 0) return null;
  const parts = [...people.map((p) => `"${p}"`), ...words];
  const t = Date.parse(input.publishedAt ?? '');
  let when = '';
  if (Number.isFinite(t)) {
    const day = Date.parse(ymd(t));
    parts.push(`after:${ymd(day - DAY)}`, `before:${ymd(day + windowDays * DAY)}`);
    when = ` limited to stories from ${human(day - DAY)} to ${human(day + windowDays * DAY)}`;
  }
  const query = parts.join(' ');
  const lang = hl.split('-')[0]!;
  const url =
    'https://news.google.com/rss/search?' +
    new URLSearchParams({ q: query, hl, gl, ceid: `${gl}:${lang}` }).toString();
  return {
    service: 'google-news',
    url,
    query,
    description:
      `Sends the search “${query.replace(/ (after|before):\S+/g, '')}”${when} to Google News ` +
      `(news.google.com). Google sees these words and your IP address, not the address of the page you are reading.`,
  };
}

export interface GdeltOptions {
  /** "Now", for the 3-month limit and the end of the window (tests pass a fixed date). */
  now: Date;
  windowDays: number;
  maxRecords: number;
}

/** GDELT keeps about the last three months. */
export const GDELT_MAX_AGE_DAYS = 90;

const gdeltStamp = (t: number): string => new Date(t).toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** GDELT DOC 2.0 article list for a recent story, or the reason it cannot be asked. */
export function gdeltDocSearch(
  input: SearchInput,
  opts: Partial<GdeltOptions> = {},
): SearchRequest | { unavailable: string } {
  const now = (opts.now ?? new Date()).getTime();
  const windowDays = opts.windowDays ?? 3;
  const maxRecords = Math.min(250, Math.max(1, opts.maxRecords ?? 75));
  const { people, words } = queryParts(input);
  // GDELT refuses keywords shorter than 3 letters; phrases go in double quotes.
  const parts = [...people.map((p) => `"${p}"`), ...words.filter((w) => w.length >= 3)];
  if (parts.length === 0) return { unavailable: 'No names or key words to search for.' };
  const params: Record<string, string> = {
    query: parts.join(' '),
    mode: 'artlist',
    format: 'json',
    maxrecords: String(maxRecords),
    sort: 'datedesc',
  };
  const t = Date.parse(input.publishedAt ?? '');
  let when = ' from the past week';
  if (Number.isFinite(t)) {
    if (now - t > GDELT_MAX_AGE_DAYS * DAY) {
      return {
        unavailable: `GDELT only covers about the last ${GDELT_MAX_AGE_DAYS} days; this article is from ${human(t)}.`,
      };
    }
    const start = Math.max(t - DAY, now - GDELT_MAX_AGE_DAYS * DAY);
    const end = Math.min(t + windowDays * DAY, now);
    params.startdatetime = gdeltStamp(start);
    params.enddatetime = gdeltStamp(end);
    when = ` limited to ${human(start)} – ${human(end)}`;
  } else params.timespan = '1week';
  const url = 'https://api.gdeltproject.org/api/v2/doc/doc?' + new URLSearchParams(params).toString();
  return {
    service: 'gdelt',
    url,
    query: params.query!,
    description:
      `Sends the search “${params.query}”${when} to the GDELT Project (api.gdeltproject.org). ` +
      `GDELT sees these words and your IP address, not the address of the page you are reading.`,
  };
}

export interface SearchResultItem {
  url: string;
  title: string;
  publishedAt: string;
  /** Publisher's domain or home page as the service states it ('' when not given). */
  domain: string;
  language?: string;
  sourceCountry?: string;
  /** Publisher name (Google News `<source>`). */
  sourceName?: string;
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? squash(v).slice(0, max) : '');

/** Parse a GDELT artlist JSON answer. Non-JSON answers (GDELT writes errors as text) are errors. */
export function parseGdeltArtlist(body: string, max = 250): { items: SearchResultItem[]; errors: string[] } {
  const errors: string[] = [];
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const msg = squash(String(body ?? '')).slice(0, 200);
    return { items: [], errors: [msg ? `GDELT answered: ${msg}` : 'GDELT sent an empty answer.'] };
  }
  const list = (value as { articles?: unknown })?.articles;
  if (list === undefined) return { items: [], errors }; // GDELT sends {} when nothing matched
  if (!Array.isArray(list)) return { items: [], errors: ['GDELT answer has no article list.'] };
  const items: SearchResultItem[] = [];
  let dropped = 0;
  for (const raw of list.slice(0, max)) {
    const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const u = resolveHttpUrl(str(a.url, 2048), []);
    if (!('url' in u)) {
      dropped++;
      continue;
    }
    items.push({
      url: u.url,
      title: str(a.title, 500),
      publishedAt: parseFeedDate(str(a.seendate, 40)),
      domain: str(a.domain, 253).toLowerCase(),
      language: str(a.language, 40),
      sourceCountry: str(a.sourcecountry, 80),
    });
  }
  if (dropped) errors.push(`${dropped} GDELT result(s) without an http(s) link dropped.`);
  if (list.length > max) errors.push(`Only the first ${max} GDELT results were read.`);
  return { items, errors };
}

/** "Headline - Publisher" → "Headline" when the suffix is the item's `<source>` name. */
function stripSourceSuffix(title: string, source: string): string {
  if (!source) return title;
  for (const sep of [' - ', ' – ', ' | ']) {
    if (title.endsWith(sep + source)) return title.slice(0, -(sep.length + source.length)).trim();
  }
  return title;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Items of a Google News RSS answer, with each publisher's domain from `<source url>`. */
export function parseGoogleNewsRss(
  input: Uint8Array | string,
  contentType?: string,
): { items: SearchResultItem[]; errors: string[]; feed: ParsedFeed } {
  const feed = parseFeed(input, { feedUrl: 'https://news.google.com/rss/search', contentType });
  const items = feed.items.map((it: FeedItem) => ({
    url: it.url,
    title: stripSourceSuffix(it.title, it.source?.name ?? ''),
    publishedAt: it.publishedAt,
    domain: it.source?.url ? hostOf(it.source.url) : '',
    ...(it.source?.name ? { sourceName: it.source.name } : {}),
  }));
  return { items, errors: feed.errors, feed };
}
