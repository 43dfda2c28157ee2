/**
 * Filter facets (outlet, country, control/funding label) read from a context snapshot whose shape
 * belongs to other features. Lenient on purpose: any field that is not where we look, or not a
 * short string, is "unknown" (undefined) — never guessed.
 */

const MAX_FACET = 200;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follows `path` through plain objects; `value` wrappers (`Sourced<T>`) are unwrapped on the way. */
function at(v: unknown, path: readonly string[]): unknown {
  let cur: unknown = v;
  for (const key of path) {
    if (!isObj(cur)) return undefined;
    const next: unknown = Object.prototype.hasOwnProperty.call(cur, key) ? cur[key] : undefined;
    cur = next === undefined && isObj(cur.value) ? (cur.value as Record<string, unknown>)[key] : next;
  }
  return isObj(cur) && typeof cur.value === 'string' ? cur.value : cur;
}

function shortString(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s && s.length <= MAX_FACET ? s : undefined;
}

function firstString(v: unknown, paths: readonly (readonly string[])[]): string | undefined {
  for (const p of paths) {
    const s = shortString(at(v, p));
    if (s) return s;
  }
  return undefined;
}

export interface Facets {
  outletQid?: string;
  outletName?: string;
  country?: string;
  controlLabel?: string;
}

const OUTLET_PATHS = [['name'], ['record', 'name'], ['outlet', 'name'], ['label']] as const;
// `id` is the QID in a page report's outlet (lib/outlets/card.ts OutletReport).
const QID_PATHS = [['qid'], ['id'], ['record', 'qid'], ['outlet', 'qid']] as const;
const COUNTRY_PATHS = [
  ['country', 'name'],
  ['country'],
  ['record', 'country', 'name'],
  ['record', 'country'],
  ['countryName'],
] as const;
const LABEL_PATHS = [
  ['state', 'relation'],
  ['record', 'state', 'relation'],
  ['stateRelation'],
  // OutletReport: control = { value: { relation, label, evidence }, sources, … }.
  ['control', 'relation'],
  ['controlLabel'],
  ['control'],
  ['funding'],
] as const;

/** Facets of an outlet snapshot; `siteName` (the page's own) stands in for a missing outlet name. */
export function facetsOf(outlet: unknown, siteName?: string): Facets {
  const out: Facets = {};
  const qid = firstString(outlet, QID_PATHS);
  // A Wikidata QID, or the `local:<id>` key of a record whose QID is not known yet.
  if (qid && /^(?:Q\d{1,12}|local:[a-z0-9-]{1,60})$/.test(qid)) out.outletQid = qid;
  const name = firstString(outlet, OUTLET_PATHS) ?? shortString(siteName);
  if (name) out.outletName = name;
  const country = firstString(outlet, COUNTRY_PATHS);
  if (country) out.country = country;
  const label = firstString(outlet, LABEL_PATHS);
  if (label && label !== 'unknown') out.controlLabel = label;
  return out;
}
