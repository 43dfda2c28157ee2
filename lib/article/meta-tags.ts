/**
 * Collect `<meta>` values once into a lookup keyed by lower-cased name/property, so the metadata
 * pass can ask for "og:title" or "dc.creator" without re-querying the DOM per field.
 */
import { cleanString, decodeEntities } from './strings';

/** Lower-cased meta key → values in document order. */
export type MetaMap = Map<string, string[]>;

/** Pages with thousands of meta tags exist (tag clouds); the useful ones are at the top. */
const MAX_META = 2_000;
const MAX_VALUES_PER_KEY = 20;

function add(map: MetaMap, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list.length < MAX_VALUES_PER_KEY) list.push(value);
}

/** Keys of one meta element: every token of `property` (RDFa allows several) plus `name`. */
function keysOf(el: Element): string[] {
  const keys: string[] = [];
  const property = el.getAttribute('property');
  if (property) keys.push(...property.trim().split(/\s+/));
  const name = el.getAttribute('name') ?? el.getAttribute('itemprop');
  if (name) keys.push(name.trim());
  return keys.map((k) => k.toLowerCase()).filter((k) => k.length > 0 && k.length < 100);
}

/** Read every meta tag (bounded) into a map. */
export function readMetaTags(doc: Document): MetaMap {
  const map: MetaMap = new Map();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < MAX_META; i++) {
    const el = metas[i];
    const value = cleanString(el?.getAttribute('content'));
    if (!el || value === undefined) continue;
    for (const key of keysOf(el)) add(map, key, decodeEntities(value));
  }
  return map;
}

/** First value among `keys` (in preference order), or undefined. */
export function firstMeta(map: MetaMap, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = map.get(key)?.[0];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Every value under any of `keys`, in key order (multi-valued tags such as article:tag). */
export function allMeta(map: MetaMap, keys: readonly string[]): string[] {
  return keys.flatMap((key) => map.get(key) ?? []);
}
