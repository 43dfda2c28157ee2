/**
 * The hosts where Masthead runs automatically because its outlet data knows them: every domain of
 * every outlet (primary, mirrors, language editions, former domains), minus path-scoped entries
 * and hosting platforms (their registrable domain never stands for an outlet), reduced to the
 * fewest hosts (a sub-domain is dropped when its parent is listed: `*.parent` covers it).
 * `npm run data:outlet-hosts` writes the result to lib/article/outlet-hosts.ts at data time, so
 * the manifest and the content script carry a host list, never the dataset.
 */
import { getDomain } from 'tldts';
import { PLATFORM_DOMAINS } from './lookup';
import type { OutletRecord } from './types';

const HOST_RE = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** Sorted, minimal host list (no `www.`); see the module comment. */
export function autoDetectHosts(records: readonly Pick<OutletRecord, 'domains'>[]): string[] {
  const all = new Set<string>();
  for (const o of records) {
    for (const d of o.domains) {
      if (d.path) continue;
      const host = d.host
        .trim()
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/^www\d{0,3}\./, '');
      if (!HOST_RE.test(host)) continue;
      const reg = getDomain(host, { allowPrivateDomains: false });
      if (!reg || PLATFORM_DOMAINS.has(reg)) continue;
      all.add(host);
    }
  }
  const covered = (h: string) => {
    for (let i = h.indexOf('.'); i >= 0; i = h.indexOf('.', i + 1)) {
      if (all.has(h.slice(i + 1))) return true;
    }
    return false;
  };
  return [...all].filter((h) => !covered(h)).sort();
}
