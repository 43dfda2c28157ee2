/**
 * URL → outlet, the one lookup used by every surface (icon, popup, link badges; DATA.md §4).
 * Build the index once with `buildOutletIndex`; each lookup walks the host's labels down to the
 * registrable domain (Public Suffix List via tldts), so it costs O(labels) map reads.
 */
import { getDomain } from 'tldts';
import { outletId, type DomainRole, type OutletRecord } from './types';
import { normalizeName } from './names';
import { MAX_URL_LENGTH, parseHttpUrl, unwrapUrl, type WrapperKind } from './unwrap';

export { normalizeName };

export type MatchedBy =
  'domain' | 'subdomain' | 'path' | 'language-edition' | 'former-domain' | 'publisher-name';

export interface OutletMatch {
  outlet: OutletRecord;
  matchedBy: MatchedBy;
  /** The (unwrapped) host that was looked up. */
  host: string;
  wrapper?: WrapperKind;
  /** Role of the matched domain entry (absent for publisher-name matches). */
  domainRole?: DomainRole;
  /** Which input produced the match. */
  via: 'url' | 'canonical' | 'publisher-name';
}

interface IndexEntry {
  outlet: OutletRecord;
  role: DomainRole;
  /** Lower-case path prefix without trailing slash ('/nhkworld'), or undefined. */
  path?: string;
}

export interface OutletIndex {
  /** host → entries, path-scoped entries first (longest path first). */
  byHost: Map<string, IndexEntry[]>;
  /** normalised name/alias → outlets (a name shared by two outlets never matches). */
  byName: Map<string, OutletRecord[]>;
  /** By `outletId` (the QID, or `local:<id>` for a record whose QID is unknown). */
  byQid: Map<string, OutletRecord>;
}

/**
 * Hosting platforms: their registrable domain never stands for an outlet. A publication on them
 * matches only through an exact-host or path-scoped entry (`example.substack.com`, `medium.com/@x`).
 */
export const PLATFORM_DOMAINS: ReadonlySet<string> = new Set([
  'medium.com',
  'substack.com',
  'blogspot.com',
  'wordpress.com',
  'tumblr.com',
  'github.io',
  'github.com',
  'google.com',
  'youtube.com',
  'facebook.com',
  'twitter.com',
  'x.com',
  'instagram.com',
  'tiktok.com',
  'reddit.com',
  'linkedin.com',
  'wikipedia.org',
  'archive.org',
  'archive.ph',
  'archive.today',
  'archive.is',
  'ampproject.org',
  'weebly.com',
  'wixsite.com',
  'ghost.io',
  'typepad.com',
  'livejournal.com',
  'apple.com',
  'amazon.com',
  't.co',
  'bit.ly',
]);

/** Builds the lookup index. Hosts are stored lower-case without `www.`. */
export function buildOutletIndex(records: readonly OutletRecord[]): OutletIndex {
  const byHost = new Map<string, IndexEntry[]>();
  const byName = new Map<string, OutletRecord[]>();
  const byQid = new Map<string, OutletRecord>();
  for (const outlet of records) {
    byQid.set(outletId(outlet), outlet);
    for (const d of outlet.domains) {
      const host = stripWww(d.host.toLowerCase());
      if (!host) continue;
      const path = d.path ? normPath(d.path) : undefined;
      const entry: IndexEntry = path ? { outlet, role: d.role, path } : { outlet, role: d.role };
      const list = byHost.get(host);
      if (list) list.push(entry);
      else byHost.set(host, [entry]);
    }
    for (const n of new Set([outlet.name, ...outlet.aliases].map(normalizeName))) {
      if (n.length < 2) continue;
      const list = byName.get(n);
      if (list) {
        if (!list.includes(outlet)) list.push(outlet);
      } else byName.set(n, [outlet]);
    }
  }
  for (const list of byHost.values()) list.sort((a, b) => (b.path?.length ?? -1) - (a.path?.length ?? -1));
  return { byHost, byName, byQid };
}

function stripWww(host: string): string {
  return host.replace(/\.$/, '').replace(/^www\d{0,3}\./, '');
}

function normPath(p: string): string {
  const s = p.toLowerCase().replace(/\/+$/, '');
  return s.startsWith('/') ? s : '/' + s;
}

function pathMatches(prefix: string, path: string): boolean {
  const p = path.toLowerCase();
  return p === prefix || p.startsWith(prefix + '/');
}

/** Finds the entry for a parsed URL: exact host first, then parent hosts down to the registrable domain. */
function matchUrl(u: URL, index: OutletIndex): { entry: IndexEntry; exact: boolean; host: string } | null {
  const host = stripWww(u.hostname.toLowerCase());
  if (!host || host.length > 253) return null;
  const registrable = getDomain(host, { allowPrivateDomains: false });
  if (!registrable) return null; // IPs, bare suffixes ('co.uk'), localhost
  const onPlatform = PLATFORM_DOMAINS.has(registrable);
  let candidate = host;
  for (let guard = 0; guard < 128; guard++) {
    const entries = index.byHost.get(candidate);
    if (entries) {
      const exact = candidate === host;
      for (const e of entries) {
        if (e.path) {
          if (pathMatches(e.path, u.pathname)) return { entry: e, exact, host };
        } else if (!onPlatform || exact) {
          return { entry: e, exact, host };
        }
      }
    }
    if (candidate === registrable) break;
    const dot = candidate.indexOf('.');
    if (dot < 0) break;
    candidate = candidate.slice(dot + 1);
  }
  return null;
}

function matchedByFor(entry: IndexEntry, exact: boolean): MatchedBy {
  if (entry.path) return 'path';
  if (entry.role === 'former') return 'former-domain';
  if (entry.role === 'language-edition' && exact) return 'language-edition';
  return exact ? 'domain' : 'subdomain';
}

/** Outlet by the page's own publisher name (JSON-LD publisher, og:site_name); unique names only. */
export function outletByName(name: string | undefined, index: OutletIndex): OutletRecord | null {
  if (!name) return null;
  const list = index.byName.get(normalizeName(name));
  return list && list.length === 1 ? list[0]! : null;
}

/**
 * Resolves a URL (any wrapper) to an outlet. Order: the unwrapped URL's host; the page's canonical
 * / og:url; the page's publisher name. Returns null for unknown outlets and bad input; never throws.
 */
export function resolveOutlet(
  url: string,
  table: OutletIndex,
  page?: { canonicalUrl?: string; ogUrl?: string; publisherName?: string; siteName?: string },
): OutletMatch | null {
  try {
    if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
    const un = unwrapUrl(url, page);
    if (!un) return null;
    const wrap = un.wrapper ? { wrapper: un.wrapper } : {};
    const u = parseHttpUrl(un.url);
    if (!u) return null;
    const hit = un.unresolved ? null : matchUrl(u, table);
    if (hit) {
      return {
        outlet: hit.entry.outlet,
        matchedBy: matchedByFor(hit.entry, hit.exact),
        host: hit.host,
        ...wrap,
        domainRole: hit.entry.role,
        via: 'url',
      };
    }
    for (const cand of [page?.canonicalUrl, page?.ogUrl]) {
      const c = cand ? unwrapUrl(cand) : null;
      const cu = c && !c.unresolved ? parseHttpUrl(c.url) : null;
      const ch = cu ? matchUrl(cu, table) : null;
      if (ch) {
        return {
          outlet: ch.entry.outlet,
          matchedBy: matchedByFor(ch.entry, ch.exact),
          host: ch.host,
          wrapper: un.wrapper ?? 'canonical',
          domainRole: ch.entry.role,
          via: 'canonical',
        };
      }
    }
    const byName = outletByName(page?.publisherName, table) ?? outletByName(page?.siteName, table);
    if (byName) {
      return {
        outlet: byName,
        matchedBy: 'publisher-name',
        host: stripWww(u.hostname),
        ...wrap,
        via: 'publisher-name',
      };
    }
    return null;
  } catch {
    return null;
  }
}
