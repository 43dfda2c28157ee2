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
  /** The one-line evidence for the control/funding label. */
  evidence?: string;
  /** Other short facts ("Founded: 2007", "Owner: A → B"). */
  facts: string[];
  /** Perennial-sources listings as lines ("Deprecated (as of 2026-08-13)"). */
  reliability: string[];
  /** Dated history; `after` when the event came after the article. */
  history: Array<{ date: string; event: string; after: boolean }>;
  /** How many facts of the saved card rested on editor recall (not yet checked). */
  unverified?: number;
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
  ['languages', 'Languages'],
  ['owner', 'Owner'],
  ['summary', 'Summary'],
  ['description', 'About'],
];

/** A fact's value: `Sourced`/`CardFact` wrappers unwrapped, lists joined. */
function factText(v: unknown): string | undefined {
  const inner = isObj(v) && 'value' in v ? v.value : v;
  if (Array.isArray(inner))
    return inner.slice(0, MAX_ITEMS).map(text).filter(Boolean).join(', ') || undefined;
  return text(inner);
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, MAX_ITEMS) : []);

/** An outlet report's owner chain ("IRIB → Supreme Leader of Iran"), nearest owner first. */
function ownerChain(owners: unknown): string | undefined {
  const names = list(owners).flatMap((o) => {
    const link = isObj(o) && isObj(o.value) ? o.value : o;
    const name = isObj(link) ? text(link.name) : undefined;
    return name ? [name] : [];
  });
  return names.length ? names.join(' → ') : undefined;
}

function reliabilityLines(v: unknown): string[] {
  return list(v).flatMap((r) => {
    if (!isObj(r)) return [];
    const label = text(r.label);
    if (!label) return [];
    const asOf = text(r.asOf);
    const when = asOf ? (r.current === true ? ` (current, as of ${asOf})` : ` (as listed on ${asOf})`) : '';
    return [`Wikipedia perennial sources: ${label}${when}`];
  });
}

function historyLines(v: unknown): OutletView['history'] {
  return list(v).flatMap((h) => {
    const e = isObj(h) && isObj(h.value) ? h.value : h;
    if (!isObj(e)) return [];
    const date = text(e.date);
    const event = text(e.event);
    return date && event ? [{ date, event, after: e.afterArticle === true }] : [];
  });
}

/** The outlet snapshot as display lines, or null when there is none. */
export function outletView(outlet: unknown): OutletView | null {
  if (!isObj(outlet)) return null;
  const f = facetsOf(outlet);
  const facts: string[] = [];
  const rec = isObj(outlet.record) ? outlet.record : outlet;
  for (const [k, label] of FACT_KEYS) {
    const s = k === 'owner' ? (factText(rec.owner) ?? ownerChain(rec.owners)) : factText(rec[k]);
    if (s) facts.push(`${label}: ${s}`);
  }
  const view: OutletView = {
    facts,
    sources: linksOf(rec.sources ?? outlet.sources ?? (isObj(rec.wikipedia) ? [rec.wikipedia] : [])),
    reliability: reliabilityLines(rec.reliability),
    history: historyLines(rec.history),
  };
  if (f.outletName) view.name = f.outletName;
  if (f.country) view.country = f.country;
  // A report's control fact carries its own human label and evidence; else the relation's name.
  const control = isObj(rec.control) && isObj(rec.control.value) ? rec.control.value : undefined;
  const label = control && text(control.label);
  if (f.controlLabel) view.label = label ?? f.controlLabel.replace(/-/g, ' ');
  const evidence = control && text(control.evidence);
  if (view.label && evidence) view.evidence = evidence;
  const unverified = rec.unverifiedFacts;
  if (typeof unverified === 'number' && Number.isInteger(unverified) && unverified > 0)
    view.unverified = unverified;
  const asOf = text(rec.asOf ?? outlet.asOf ?? rec.dataAsOf);
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
    const detail = firstText(item, ['roleInText', 'role', 'description', 'title', 'outlet', 'kind', 'quote']);
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
