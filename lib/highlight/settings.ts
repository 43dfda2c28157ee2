/**
 * Highlight settings in storage.local (the options page writes them; the content script and the
 * on-page card read and write them): `highlightsEnabled` (global, default on) and
 * `highlightsOffSites` (hosts where the reader turned highlights off). Pure helpers.
 */
export const HIGHLIGHTS_ENABLED_KEY = 'highlightsEnabled';
export const HIGHLIGHTS_OFF_SITES_KEY = 'highlightsOffSites';
/** Most hosts kept in the "off on these sites" list. */
export const MAX_OFF_SITES = 500;

/** The host a per-site setting is keyed on: lower case, without a leading "www.". */
export function siteKey(host: string): string {
  return host
    .toLowerCase()
    .replace(/^www\./, '')
    .slice(0, 253);
}

/** A clean list of site keys from storage (anything malformed is dropped). */
export function readOffSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out = new Set<string>();
  for (const v of raw) if (typeof v === 'string' && v.trim()) out.add(siteKey(v.trim()));
  return [...out].slice(0, MAX_OFF_SITES);
}

/** Highlights are on unless turned off globally (explicit `false`) or for this site. */
export function highlightsOn(enabled: unknown, offSites: unknown, host: string): boolean {
  if (enabled === false) return false;
  return !readOffSites(offSites).includes(siteKey(host));
}

/** The off-sites list with `host` added or removed. */
export function withSite(offSites: unknown, host: string, off: boolean): string[] {
  const list = readOffSites(offSites).filter((s) => s !== siteKey(host));
  return off ? [siteKey(host), ...list].slice(0, MAX_OFF_SITES) : list;
}
