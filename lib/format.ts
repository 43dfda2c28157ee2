/**
 * Pure display formatting for the popup and other extension pages: dates, reading time, author
 * lists, language names, and which page-supplied URLs may become links. No DOM, no extension APIs.
 */

/** en-GB month abbreviations, fixed here: newer ICU data spells September "Sept" in en-GB. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `YYYY-MM-DD` at the start of an ISO 8601 date or date-time (any time/offset may follow). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids local DST quirks.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatParts(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * Formats a page's date as `3 Feb 2017` (day, en-GB month abbreviation, year).
 *
 * ISO strings keep the calendar day *as written*: `2017-02-03T23:30:00-05:00` is 3 Feb 2017 for the
 * outlet that wrote it, even though it is already 4 Feb in UTC — converting through the reader's
 * time zone would show a different day than the page. Other strings that `Date` can parse fall back
 * to their UTC calendar day. Returns null for anything empty or invalid.
 */
export function formatDate(value: string | undefined | null): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = ISO_DATE.exec(text);
  if (iso) return formatParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  return formatParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The modified date worth showing next to the published one: formatted, and only when it names a
 * different day (an update an hour after publication is not news to the reader).
 */
export function formatModifiedDate(
  modified: string | undefined | null,
  published: string | undefined | null,
): string | null {
  const m = formatDate(modified);
  if (m === null) return null;
  return m === formatDate(published) ? null : m;
}

/** `3 min read`; at least 1 minute for any text; null when there is no estimate. */
export function formatReadingTime(minutes: number | undefined | null): string | null {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) return null;
  return `${Math.max(1, Math.round(minutes))} min read`;
}

/**
 * Authors as one display line: `A`, `A and B`, `A, B and C`. Falls back to the page's byline
 * string when no structured author list exists; null when the page names nobody.
 */
export function formatAuthors(authors: readonly string[] | undefined, byline?: string): string | null {
  const names = (authors ?? []).map((a) => a.trim()).filter((a) => a.length > 0);
  const unique = names.filter((a, i) => names.indexOf(a) === i);
  if (unique.length === 0) return byline?.trim() || null;
  if (unique.length === 1) return unique[0] ?? null;
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/** English name of a BCP 47 language tag (`en-GB` → `British English`); the tag itself if unknown. */
export function formatLanguage(tag: string | undefined | null): string | null {
  const t = tag?.trim();
  if (!t) return null;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(t);
    return name ?? t;
  } catch {
    // Not a well-formed tag (e.g. "english"): show what the page says rather than nothing.
    return t;
  }
}

/**
 * A page-supplied URL that is safe to render as a link: absolute http(s) only, returned normalised.
 * Pages are untrusted; `javascript:` and friends never become an `href` (SECURITY S6).
 */
export function safeHttpUrl(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * An http(s) URL shortened for reading as text: host and path, without scheme, query, fragment or
 * trailing slash (`https://www.presstv.ir/` → `www.presstv.ir`, `https://x.org/ethics/?a=1` →
 * `x.org/ethics`). Null for anything that is not http(s).
 */
export function displayUrl(value: string | undefined | null): string | null {
  const href = safeHttpUrl(value);
  if (href === null) return null;
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.host}${path}`;
}
