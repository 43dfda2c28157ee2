/**
 * Plain, display-ready lines from a saved context snapshot whose shapes belong to other features
 * (outlet card, people, sources cited). Whatever is present is shown; anything unreadable is left
 * out. Links are kept only when they are absolute http(s).
 */
import { facetsOf } from './facets';

export interface ContextLink {
  title: string;
  url: string;
}

export interface OutletView {
  name?: string;
  country?: string;
  label?: string;
  /** Other short facts ("Founded: 2007"). */
  facts: string[];
  sources: ContextLink[];
  asOf?: string;
}

export interface NamedView {
  name: string;
  detail?: string;
}

const MAX_ITEMS = 100;
const MAX_TEXT = 300;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  if (isObj(v) && 'value' in v) return text(v.value);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s ? s.slice(0, MAX_TEXT) : undefined;
}

function firstText(o: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const s = text(o[k]);
    if (s) return s;
  }
  return undefined;
}

const isHttp = (u: unknown): u is string =>
  typeof u === 'string' && /^https?:\/\//i.test(u) && u.length < 4096;

function linksOf(v: unknown): ContextLink[] {
  if (!Array.isArray(v)) return [];
  const out: ContextLink[] = [];
  for (const s of v.slice(0, MAX_ITEMS)) {
    if (isObj(s) && isHttp(s.url)) out.push({ title: text(s.title) ?? text(s.name) ?? s.url, url: s.url });
  }
  return out;
}

const FACT_KEYS: Array<[string, string]> = [
  ['founded', 'Founded'],
  ['medium', 'Medium'],
  ['owner', 'Owner'],
  ['summary', 'Summary'],
  ['description', 'About'],
];

/** The outlet snapshot as display lines, or null when there is none. */
export function outletView(outlet: unknown): OutletView | null {
  if (!isObj(outlet)) return null;
  const f = facetsOf(outlet);
  const facts: string[] = [];
  const rec = isObj(outlet.record) ? outlet.record : outlet;
  for (const [k, label] of FACT_KEYS) {
    const v = rec[k];
    const s = Array.isArray(v) ? v.map(text).filter(Boolean).join(', ') : text(v);
    if (s) facts.push(`${label}: ${s}`);
  }
  const view: OutletView = { facts, sources: linksOf(rec.sources ?? outlet.sources) };
  if (f.outletName) view.name = f.outletName;
  if (f.country) view.country = f.country;
  if (f.controlLabel) view.label = f.controlLabel.replace(/-/g, ' ');
  const asOf = text(rec.asOf ?? outlet.asOf);
  if (asOf) view.asOf = asOf;
  return view.name || view.country || view.label || facts.length || view.sources.length ? view : null;
}

/** People or sources cited as name + detail lines. */
export function namedView(list: unknown): NamedView[] {
  if (!Array.isArray(list)) return [];
  const out: NamedView[] = [];
  for (const item of list.slice(0, MAX_ITEMS)) {
    if (typeof item === 'string') {
      const name = text(item);
      if (name) out.push({ name });
      continue;
    }
    if (!isObj(item)) continue;
    const name = firstText(item, ['name', 'label', 'displayName', 'source', 'text']);
    if (!name) continue;
    const detail = firstText(item, ['role', 'description', 'title', 'outlet', 'kind', 'quote']);
    out.push(detail && detail !== name ? { name, detail } : { name });
  }
  return out;
}

/** Whitespace-insensitive comparison of the saved text and the live page's text. */
export function textChanged(saved: string | undefined, live: string | undefined): boolean {
  if (!saved || !live) return false;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(saved) !== norm(live);
}
