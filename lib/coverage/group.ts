/**
 * Same-story matches → the popup's Related view: grouped by outlet (best match first), with each
 * outlet's chip and a breakdown by country and ownership type. Pure.
 */
import { CONTROL_LABELS, SHORT_CONTROL_LABELS } from '../outlets/card';
import { outletId, type OutletRecord, type StateRelation } from '../outlets/types';
import type { CoverageItem } from '../store-types';
import type { RelatedMatch } from '../related/match';
import type { BreakdownRow, CitedSourceView, OutletChip, RelatedEntry, RelatedGroup } from './types';

/** An item's outlet from the resolver, or null when unknown. */
export type OutletOf = (url: string, qid: string | undefined) => OutletRecord | null;

export function chipOf(o: OutletRecord): OutletChip {
  const relation: StateRelation = o.state?.value.relation ?? 'unknown';
  return {
    country: o.country.value.name || 'Country unknown',
    control: SHORT_CONTROL_LABELS[relation] ?? 'Ownership unknown',
    controlLong: CONTROL_LABELS[relation] ?? 'Unknown',
    relation,
  };
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown site';
  }
};

export interface GroupOptions {
  /** The article's own outlet: its other copies of the story are left out. */
  selfQid?: string;
  /** Items per outlet (default 3). */
  perOutlet?: number;
}

/** Matches grouped by outlet, best first; the article's own outlet is left out. */
export function groupMatches(
  matches: readonly RelatedMatch<CoverageItem>[],
  outletOf: OutletOf,
  opts: GroupOptions = {},
): RelatedGroup[] {
  const per = opts.perOutlet ?? 3;
  const groups = new Map<string, RelatedGroup>();
  /** Adds an item under its outlet; false when it is the article's own outlet. */
  const add = (
    item: CoverageItem,
    entry: Omit<RelatedEntry, 'url' | 'title' | 'publishedAt' | 'origin'>,
  ): RelatedGroup | null => {
    const o = outletOf(item.url, item.outletQid);
    const id = o ? outletId(o) : undefined;
    if (id && opts.selfQid && id === opts.selfQid) return null;
    const key = id ?? `host:${hostOf(item.url)}`;
    let g = groups.get(key);
    if (!g) {
      g = o
        ? { outletId: outletId(o), name: o.name, chip: chipOf(o), items: [] }
        : { name: hostOf(item.url), chip: null, items: [] };
      groups.set(key, g);
    }
    if (g.items.length < per && !g.items.some((e) => e.url === item.url)) {
      g.items.push({
        url: item.url,
        title: item.title,
        publishedAt: item.publishedAt,
        origin: item.origin,
        ...entry,
      });
    }
    return g;
  };
  for (const m of matches) {
    const score = Math.round(m.score * 1000) / 1000;
    const lead = add(m.item, { score, copies: m.duplicates.length });
    // Wire copies: each republishing outlet covered the story too, under its own name.
    for (const d of m.duplicates) {
      add(d.item, {
        score: Math.round(d.score * 1000) / 1000,
        copies: 0,
        ...(lead ? { sameTextAs: lead.name } : {}),
      });
    }
  }
  return [...groups.values()];
}

function countBy(groups: readonly RelatedGroup[], label: (g: RelatedGroup) => string): BreakdownRow[] {
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(label(g), (counts.get(label(g)) ?? 0) + 1);
  return [...counts]
    .map(([l, outlets]) => ({ label: l, outlets }))
    .sort((a, b) => b.outlets - a.outlets || (a.label < b.label ? -1 : 1));
}

/** Who covered it: outlets per country and per control/funding type ("Unknown" when not known). */
export function breakdownOf(groups: readonly RelatedGroup[]): {
  byCountry: BreakdownRow[];
  byControl: BreakdownRow[];
} {
  return {
    byCountry: countBy(groups, (g) => g.chip?.country ?? 'Country unknown'),
    byControl: countBy(groups, (g) => g.chip?.control ?? 'Ownership unknown'),
  };
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The article's cited sources (e.g. "Kyodo"), each linked to its outlet's group when that outlet's
 * coverage is listed: same outlet name or alias, or the cited name is the outlet's first word(s).
 */
export function linkCited(
  cited: ReadonlyArray<{ name: string; kind?: string }> | undefined,
  groups: readonly RelatedGroup[],
  recordOf: (qid: string) => OutletRecord | undefined,
): CitedSourceView[] {
  if (!Array.isArray(cited)) return [];
  const out: CitedSourceView[] = [];
  for (const c of cited.slice(0, 20)) {
    if (!c || typeof c.name !== 'string' || !c.name.trim()) continue;
    const want = fold(c.name);
    const idx = groups.findIndex((g) => {
      const rec = g.outletId ? recordOf(g.outletId) : undefined;
      const names = [g.name, ...(rec?.aliases ?? [])].map(fold);
      return names.some((n) => n === want || n.startsWith(`${want} `));
    });
    const view: CitedSourceView = { name: c.name.trim().slice(0, 200) };
    if (typeof c.kind === 'string') view.kind = c.kind;
    if (idx >= 0) view.group = idx;
    out.push(view);
  }
  return out;
}
