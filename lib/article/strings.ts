/**
 * Small string guards shared by the metadata readers: page values are untrusted and unbounded, so
 * every field goes through one of these before it reaches a report.
 */

/** Default cap for one metadata value (a title or a name never needs more). */
export const MAX_FIELD_CHARS = 1_000;

/** Collapse runs of whitespace (incl. NBSP) to one space and trim. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * A usable string from an unknown value: strings (and finite numbers) are whitespace-collapsed and
 * capped; anything else or an empty result is undefined.
 */
export function cleanString(value: unknown, max = MAX_FIELD_CHARS): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  // Cap before collapsing so a 5 MB value costs no more than a short one.
  const text = collapseWhitespace(value.slice(0, max * 4)).slice(0, max);
  return text === '' ? undefined : text;
}

/** Decode the HTML entities CMSs leave double-escaped in metadata (`&amp;#39;`, `&quot;`). */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,5});/gi, (whole, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return fromCodePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return fromCodePoint(parseInt(lower.slice(1), 10), whole);
    return named[lower] ?? whole;
  });
}

function fromCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** True for absolute http(s) URLs. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(value);
}

/** Resolve `href` against `base`; only absolute http(s) results are returned. */
export function absoluteHttpUrl(href: unknown, base: string): string | undefined {
  const text = cleanString(href, 4_000);
  if (!text) return undefined;
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** True when the value looks like a URL or an e-mail rather than a person's name. */
export function looksLikeUrl(value: string): boolean {
  return /^(?:https?:|www\.|\/\/)|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(value.trim());
}
