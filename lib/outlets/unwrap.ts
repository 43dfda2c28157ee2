/**
 * Unwraps archive copies, AMP caches and redirect wrappers to the URL of the original article
 * (DATA.md §4.1). Pure string work: no network, no third-party un-shorteners (`t.co`, `bit.ly`
 * stay as they are).
 */

export type WrapperKind = 'wayback' | 'archive-today' | 'amp-cache' | 'google-amp' | 'redirect' | 'canonical';

export interface UnwrappedUrl {
  /** The innermost URL we could read (absolute http/https). */
  url: string;
  /** The outermost wrapper removed (first one met). */
  wrapper?: WrapperKind;
  /** True when the URL is an archive copy whose original we could not read (archive.today short id, no page). */
  unresolved?: boolean;
}

/** URLs longer than this are refused (null) before any parsing. */
export const MAX_URL_LENGTH = 8192;
const MAX_DEPTH = 6;

const WAYBACK_HOSTS = new Set(['web.archive.org', 'wayback.archive.org', 'web-beta.archive.org']);
const ARCHIVE_TODAY_HOSTS = new Set([
  'archive.today',
  'archive.ph',
  'archive.is',
  'archive.li',
  'archive.vn',
  'archive.fo',
  'archive.md',
]);

/** Redirect wrappers whose query carries the target: host (exact or suffix) → parameter names. */
const REDIRECTS: Array<{ test: (host: string, path: string) => boolean; params: string[] }> = [
  // Google web search: www.google.com/url?q= (or url=), any country TLD.
  { test: (h, p) => /^(www\.)?google\.[a-z.]+$/.test(h) && p === '/url', params: ['q', 'url'] },
  // Facebook / Messenger / Instagram link shims.
  { test: (h, p) => /^(l|lm|m|www|web)\.facebook\.com$/.test(h) && p === '/l.php', params: ['u'] },
  { test: (h, p) => h === 'l.messenger.com' && p === '/l.php', params: ['u'] },
  { test: (h) => h === 'l.instagram.com', params: ['u'] },
  { test: (h, p) => /^(www\.|m\.)?youtube\.com$/.test(h) && p === '/redirect', params: ['q'] },
  { test: (h) => h === 'out.reddit.com', params: ['url'] },
  { test: (h, p) => h === 't.umblr.com' && p === '/redirect', params: ['z'] },
  { test: (h) => h === 'slack-redir.net', params: ['url'] },
  { test: (h) => h === 'href.li', params: [] },
  { test: (h, p) => h === 'duckduckgo.com' && p === '/l/', params: ['uddg'] },
  { test: (h) => /(^|\.)safelinks\.protection\.outlook\.com$/.test(h), params: ['url'] },
  { test: (h, p) => h === 'www.linkedin.com' && p === '/redir/redirect', params: ['url'] },
  { test: (h, p) => h === 'vk.com' && p === '/away.php', params: ['to'] },
  { test: (h, p) => /(^|\.)steamcommunity\.com$/.test(h) && p === '/linkfilter/', params: ['url', 'u'] },
  { test: (h, p) => h === 'news.url.google.com' && p === '/url', params: ['url', 'q'] },
];

const HTTP_RE = /^https?:\/\//i;
/** A bare host + path such as `presstv.ir/Detail/…` (scheme-less). */
const BARE_HOST_RE =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})(?::\d{1,5})?(?:[/?#]|$)/i;

/** Parses an absolute http(s) URL (adding `https://` to a bare host); null otherwise. Never throws. */
export function parseHttpUrl(raw: string): URL | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return null;
  let s = raw.trim();
  if (!s) return null;
  // Wayback sometimes collapses `https://` to `https:/`.
  s = s.replace(/^(https?):\/(?!\/)/i, '$1://');
  if (s.startsWith('//')) s = 'https:' + s;
  else if (!HTTP_RE.test(s)) {
    if (!BARE_HOST_RE.test(s)) return null;
    s = 'https://' + s;
  }
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname || u.hostname.length > 253) return null;
  return u;
}

/** The text after `prefixLen` characters of the URL's path, with its query and hash kept. */
function tailAfter(u: URL, pathPrefixLen: number): string {
  return u.pathname.slice(pathPrefixLen) + u.search + u.hash;
}

function unwrapWayback(u: URL): string | null {
  // /web/<timestamp><flag>/<url>, /web/<url>, /web/*/<url>; flags id_, if_, im_, js_, cs_, oe_, fw_ …
  const m = /^\/web\/(?:(\d{1,14}\*?|\*)(?:[a-z]{2}_)?\/)?(.*)$/i.exec(u.pathname);
  if (!m) return null;
  const inner = tailAfter(u, u.pathname.length - (m[2] ?? '').length);
  // `/web/20170203/*` or a bare timestamp without a URL is not an article.
  if (!inner || inner === '*' || /^\d+\*?$/.test(inner)) return null;
  return safeDecodeIfEncoded(inner);
}

function unwrapArchiveToday(u: URL): string | null {
  // archive.ph/<ts>/<url> (ts 20210101000000 or 2021.01.01-000000), archive.ph/newest/<url>, archive.ph/oldest/<url>, archive.ph/o/<id>/<url>
  const m =
    /^\/(?:(?:\d{8,14}|\d{4}\.\d{2}\.\d{2}-\d{6}|newest|oldest|timegate)\/|o\/[A-Za-z0-9]+\/)(.+)$/i.exec(
      u.pathname,
    );
  if (!m) return null;
  return tailAfter(u, u.pathname.length - (m[1] ?? '').length);
}

function unwrapAmpCache(u: URL): string | null {
  // https://www-presstv-ir.cdn.ampproject.org/c/s/www.presstv.ir/Detail/…  (c = content, v = viewer, i = image; s = https)
  const m = /^\/(?:[a-z]{1,2})\/(s\/)?(.+)$/i.exec(u.pathname);
  if (!m) return null;
  const rest = tailAfter(u, u.pathname.length - (m[2] ?? '').length);
  return (m[1] ? 'https://' : 'http://') + rest;
}

function unwrapGoogleAmp(u: URL): string | null {
  const m = /^\/amp\/(s\/)?(.+)$/i.exec(u.pathname);
  if (!m) return null;
  const rest = tailAfter(u, u.pathname.length - (m[2] ?? '').length);
  if (HTTP_RE.test(rest)) return rest;
  return (m[1] ? 'https://' : 'http://') + rest;
}

function unwrapRedirect(u: URL, host: string): string | null {
  for (const r of REDIRECTS) {
    if (!r.test(host, u.pathname)) continue;
    for (const p of r.params) {
      const v = u.searchParams.get(p);
      if (v && (HTTP_RE.test(v) || BARE_HOST_RE.test(v))) return v;
    }
    // href.li/?https://target — the whole query is the target.
    if (r.params.length === 0 && u.search.length > 1) return safeDecodeIfEncoded(u.search.slice(1));
    return null;
  }
  return null;
}

function safeDecodeIfEncoded(s: string): string {
  if (!/^https?%3A/i.test(s)) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function isArchiveHost(host: string): boolean {
  return WAYBACK_HOSTS.has(host) || ARCHIVE_TODAY_HOSTS.has(host);
}

/**
 * Removes wrappers until a plain URL remains. For archive.today copies whose path carries no URL,
 * reads the original from the page's canonical / og:url (when given and not itself an archive).
 * Returns null for anything that is not an http(s) URL (malformed, `javascript:`, `data:`, too long).
 */
export function unwrapUrl(
  url: string | URL,
  page?: { canonicalUrl?: string; ogUrl?: string },
): UnwrappedUrl | null {
  // A URL object is taken as parsed (and not modified): the checks parseHttpUrl makes after parsing.
  let u =
    typeof url === 'string'
      ? parseHttpUrl(url)
      : (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname && url.hostname.length <= 253
        ? url
        : null;
  if (!u) return null;
  let wrapper: WrapperKind | undefined;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const host = u.hostname.toLowerCase();
    let kind: WrapperKind | undefined;
    let inner: string | null = null;
    if (WAYBACK_HOSTS.has(host)) {
      kind = 'wayback';
      inner = unwrapWayback(u);
    } else if (ARCHIVE_TODAY_HOSTS.has(host)) {
      kind = 'archive-today';
      inner = unwrapArchiveToday(u);
      if (!inner) {
        const fromPage = pageOriginal(page);
        if (fromPage) return { url: fromPage.href, wrapper: wrapper ?? kind };
        return { url: u.href, wrapper: wrapper ?? kind, unresolved: true };
      }
    } else if (host.endsWith('.cdn.ampproject.org') || host === 'cdn.ampproject.org') {
      kind = 'amp-cache';
      inner = unwrapAmpCache(u);
    } else if (/^(www\.)?google\.[a-z.]+$/.test(host) && u.pathname.startsWith('/amp/')) {
      kind = 'google-amp';
      inner = unwrapGoogleAmp(u);
    } else {
      kind = 'redirect';
      inner = unwrapRedirect(u, host);
    }
    if (!inner) {
      // A wayback URL we cannot read (e.g. a calendar page) keeps its wrapper kind but stays unresolved.
      if (kind === 'wayback') return { url: u.href, wrapper: wrapper ?? kind, unresolved: true };
      return wrapper ? { url: u.href, wrapper } : { url: u.href };
    }
    const next = parseHttpUrl(inner);
    if (!next) return null;
    wrapper ??= kind;
    u = next;
  }
  return wrapper ? { url: u.href, wrapper } : { url: u.href };
}

function pageOriginal(page?: { canonicalUrl?: string; ogUrl?: string }): URL | null {
  for (const cand of [page?.canonicalUrl, page?.ogUrl]) {
    if (!cand) continue;
    const p = parseHttpUrl(cand);
    if (p && !isArchiveHost(p.hostname.toLowerCase())) return p;
  }
  return null;
}
