/**
 * The one URL key used by every surface (store, popup, badge): two visits to the same article must
 * produce the same key even when the link carried tracking parameters or a `www.` prefix.
 */

import { unwrapUrl } from '../outlets/unwrap';

/** Longest URL we try to parse; longer inputs are junk or attacks, not article addresses. */
const MAX_URL_LENGTH = 8_192;

/** Query parameters that only track the click and never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'ref_src',
  'ref_url',
  'cmpid',
  'cmp',
  'ocid',
  '_ga',
  '_gl',
  'mkt_tok',
  'smid',
  'smtyp',
  'soc_src',
  'soc_trk',
  'ito',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'xtor',
  'at_medium',
  'at_campaign',
  'spm',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
]);

/** Prefixes of whole tracking families (`utm_source`, `utm_medium`, `pk_campaign`…). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'oly_', '__hs', 'vero_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function sortedQuery(params: URLSearchParams): string {
  const kept: [string, string][] = [];
  params.forEach((value, name) => {
    if (!isTrackingParam(name) && !isAmpParam(name, value)) kept.push([name, value]);
  });
  // Stable sort by name only, so repeated parameters (`?a=2&a=1`) keep their meaningful order.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (kept.length === 0) return '';
  return '?' + new URLSearchParams(kept).toString();
}

function trimTrailingSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

/** Query parameters that only select the AMP rendering of the same article. */
const AMP_PARAMS = new Set(['amp', 'outputtype', 'amp_js_v', 'usqp', 'amp_gsa', '_js_v']);

/** The AMP rendering's path → the article's path (`/…/amp`, `/amp/…`, `.amp`, `.amp.html`). */
function unAmpPath(path: string): string {
  return path
    .replace(/\/amp\/?$/i, '')
    .replace(/^\/amp(?=\/)/i, '')
    .replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '');
}

/** `amp.example.com` → `example.com` (only with at least two labels left: `amp.dev` stays). */
function unAmpHost(host: string): string {
  return /^amp\.[^.]+\.[^.]+/.test(host) ? host.slice(4) : host;
}

function isAmpParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'outputtype') return value.toLowerCase() === 'amp';
  return AMP_PARAMS.has(lower);
}

/**
 * Turn a page URL into its urlKey: `host/path?sorted-params` without scheme, `www.`, fragment,
 * tracking parameters or trailing slash. Archive copies (Wayback, archive.today with the URL in
 * its path), AMP caches and redirect shims are unwrapped to the original first, and the AMP
 * rendering of an article (`amp.` host, `/amp` path, `?amp=1`, `outputType=amp`) keys like the
 * article itself. The host is lower-cased; the path keeps its case because
 * many servers treat it case-sensitively. Returns null for anything that is not http(s) or does not
 * parse. Never throws.
 *
 * @example normalizeUrl('https://WWW.Example.com/News/?utm_source=x&b=2&a=1#top') // 'example.com/News?a=1&b=2'
 */
export function normalizeUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return normalizeParsedUrl(parsed);
}

/**
 * normalizeUrl() of a URL already parsed from the trimmed string (the URL is not modified): for
 * callers that parsed it anyway, such as an import checking 10,000 rows.
 */
export function normalizeParsedUrl(url: URL): string | null {
  let parsed = url;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const inner = unwrapUrl(parsed);
  if (inner && inner.wrapper && !inner.unresolved) {
    try {
      parsed = new URL(inner.url);
    } catch {
      return null;
    }
  }
  const host = unAmpHost(
    parsed.hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, ''),
  );
  if (host.length === 0) return null;
  const port = parsed.port ? ':' + parsed.port : '';
  return host + port + trimTrailingSlash(unAmpPath(parsed.pathname)) + sortedQuery(parsed.searchParams);
}
