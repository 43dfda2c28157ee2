/**
 * Field-level helpers shared by the importers: URL checks, dates by magnitude, tag lists, and the
 * size bounds every imported item is cut to.
 */
import type { ImportedHighlight, ImportedItem } from './types';
import { collapseSpace } from './html';

export const MAX_URL_LENGTH = 8_192;
const LIMITS = {
  title: 2_000,
  tag: 200,
  tags: 100,
  note: 100_000,
  excerpt: 20_000,
  content: 5_000_000,
  text: 2_000_000,
  highlights: 2_000,
  quote: 20_000,
  byline: 500,
};

/** `parsed`: the URL as parsed from `url` (for callers that would parse it again). */
export type UrlCheck = { ok: true; url: string; parsed: URL } | { ok: false; reason: string };

/** Accept only http(s) URLs; report the scheme of anything else (javascript:, data:, file:…). */
export function checkUrl(raw: unknown): UrlCheck {
  if (typeof raw !== 'string') return { ok: false, reason: 'missing URL' };
  // As the URL parser does: strip leading/trailing C0 controls and spaces, drop tabs and newlines.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const url = raw.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  if (url === '') return { ok: false, reason: 'missing URL' };
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\x00-\x1f\x7f]/.test(url)) return { ok: false, reason: 'URL contains control characters' };
  if (url.length > MAX_URL_LENGTH)
    return { ok: false, reason: `URL longer than ${MAX_URL_LENGTH} characters` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid absolute URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      ok: false,
      reason: `unsupported URL scheme "${parsed.protocol.slice(0, 20)}" (only http and https are imported)`,
    };
  }
  if (!parsed.hostname) return { ok: false, reason: 'URL has no host' };
  return { ok: true, url, parsed };
}

/** Earliest plausible save time (the web's first year); latest is "now + 1 day". */
const MIN_TIME = Date.UTC(1991, 0, 1);

export interface TimeParse {
  iso?: string;
  /** Set when a value was present but unusable (the item is imported without a date). */
  error?: string;
}

/** Epoch number → ms, deciding the unit by magnitude (s, ms, µs, ns). */
function epochToMs(n: number): number {
  const a = Math.abs(n);
  if (a < 1e11) return n * 1000;
  if (a < 1e14) return n;
  if (a < 1e17) return n / 1000;
  return n / 1e6;
}

/**
 * Parse a time: Unix seconds/ms/µs (number or digit string, unit by magnitude), ISO 8601, or
 * `YYYY-MM-DD HH:MM:SS[±zone]` (UTC when no zone). Absurd values give an error, never a date.
 */
export function parseTime(value: unknown, now = Date.now()): TimeParse {
  if (value === undefined || value === null) return {};
  const shown = String(value).slice(0, 40);
  let ms: number;
  if (typeof value === 'number') {
    ms = epochToMs(value);
  } else if (typeof value === 'string') {
    const s = value.trim();
    if (s === '') return {};
    if (/^-?\d+(\.\d+)?$/.test(s)) {
      ms = epochToMs(Number(s));
    } else {
      const m =
        /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i.exec(
          s,
        );
      if (m) {
        const zone =
          !m[3] || /^(utc|gmt)$/i.test(m[3])
            ? 'Z'
            : m[3].length === 5
              ? m[3].slice(0, 3) + ':' + m[3].slice(3)
              : m[3];
        ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
      } else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
        ms = Date.parse(s + 'T00:00:00Z');
      } else {
        ms = s.length <= 64 ? Date.parse(s) : NaN;
      }
    }
  } else {
    return { error: `unreadable date ${shown}` };
  }
  if (!Number.isFinite(ms)) return { error: `unreadable date "${shown}"; imported without a date` };
  if (ms < MIN_TIME || ms > now + 86_400_000) {
    return { error: `implausible date "${shown}"; imported without a date` };
  }
  return { iso: new Date(Math.round(ms)).toISOString() };
}

/** ISO time → Unix seconds as a string ('' when missing or unreadable), for exports. */
export function seconds(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? String(Math.floor(ms / 1000)) : '';
}

/** Trim, drop empties and duplicates (case-insensitive, first spelling wins), bound count and length. */
export function cleanTags(tags: Iterable<unknown>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tags) {
    if (typeof t !== 'string') continue;
    const tag = collapseSpace(t).slice(0, LIMITS.tag);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= LIMITS.tags) break;
  }
  return out;
}

/** Split a tag cell: pipes when present (Pocket CSV), else commas. */
export function splitTags(cell: string | undefined): string[] {
  if (!cell) return [];
  return cleanTags(cell.includes('|') ? cell.split('|') : cell.split(','));
}

/**
 * Tags written as a JSON array (`["a","b"]`, Instapaper) or a Python list literal (`['a', "b"]`,
 * Readwise); anything else falls back to comma splitting.
 */
export function parseListCell(cell: string | undefined): string[] {
  const s = (cell ?? '').trim();
  if (s === '' || s === '[]') return [];
  if (s.startsWith('[') && s.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed)) return cleanTags(parsed.map((x) => (typeof x === 'string' ? x : String(x))));
    } catch {
      // Python literal: quoted items separated by commas.
      const items = [...s.slice(1, -1).matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) =>
        (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'),
      );
      if (items.length > 0) return cleanTags(items);
    }
    return splitTags(s.slice(1, -1));
  }
  return splitTags(s);
}

function cut(value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  const v = value.length > max ? value.slice(0, max) : value;
  return v === '' ? undefined : v;
}

function boundHighlights(list: ImportedHighlight[] | undefined): ImportedHighlight[] | undefined {
  if (!list || list.length === 0) return undefined;
  return list.slice(0, LIMITS.highlights).map((h) => {
    const out: ImportedHighlight = { quote: h.quote.slice(0, LIMITS.quote) };
    if (h.note) out.note = h.note.slice(0, LIMITS.note);
    if (h.createdAt) out.createdAt = h.createdAt;
    if (h.color) out.color = h.color.slice(0, 40);
    return out;
  });
}

/**
 * Add highlights to an item already imported (Readwise rows, Pocket highlights JSON), within the
 * same bounds as boundItem. Returns how many were added.
 */
export function appendHighlights(item: ImportedItem, list: ImportedHighlight[]): number {
  const have = item.highlights ?? [];
  const room = Math.max(0, LIMITS.highlights - have.length);
  const added = boundHighlights(list.slice(0, room)) ?? [];
  if (added.length) item.highlights = [...have, ...added];
  return added.length;
}

/**
 * Cut a non-Masthead item to the size bounds; the title falls back to the URL (very old Pocket
 * items) and whitespace runs in titles collapse (quoted newlines).
 */
export function boundItem(item: ImportedItem): ImportedItem {
  const out: ImportedItem = {
    url: item.url,
    title: (collapseSpace(item.title) || item.url).slice(0, LIMITS.title),
    state: item.state,
    favourite: item.favourite,
    tags: cleanTags(item.tags),
  };
  if (item.savedAt) out.savedAt = item.savedAt;
  const note = cut(item.note?.trim(), LIMITS.note);
  if (note) out.note = note;
  const excerpt = cut(item.excerpt?.trim(), LIMITS.excerpt);
  if (excerpt) out.excerpt = excerpt;
  const content = cut(item.content, LIMITS.content);
  if (content) out.content = content;
  const text = cut(item.text, LIMITS.text);
  if (text) out.text = text;
  const highlights = boundHighlights(item.highlights);
  if (highlights) out.highlights = highlights;
  const byline = cut(item.byline?.trim(), LIMITS.byline);
  if (byline) out.byline = byline;
  if (item.publishedTime) out.publishedTime = item.publishedTime;
  if (item.folder) out.folder = item.folder;
  return out;
}
