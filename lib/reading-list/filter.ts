/**
 * Filters, sort orders and facet counts for the reading list page. Pure, over the rows in memory.
 */
import type { SavedArticle } from '../store-types';

export interface ListFilter {
  state?: 'all' | 'unread' | 'archived' | 'favourite';
  tag?: string;
  outlet?: string;
  country?: string;
  label?: string;
  /** Saved on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Saved on or before this day (YYYY-MM-DD). */
  to?: string;
}

export type SortKey = 'relevance' | 'saved-desc' | 'saved-asc' | 'published-desc' | 'title';

export const SORT_LABELS: Record<SortKey, string> = {
  relevance: 'Best match',
  'saved-desc': 'Newest saved',
  'saved-asc': 'Oldest saved',
  'published-desc': 'Newest published',
  title: 'Title A–Z',
};

/** The outlet a row is filed under: the snapshot's name, else the page's site name, else the host. */
export function outletOf(row: SavedArticle): string {
  if (row.outletName) return row.outletName;
  if (typeof row.siteName === 'string' && row.siteName) return row.siteName;
  // The host part of the key, without splitting the whole key (called for every row on each change).
  const slash = row.urlKey.indexOf('/');
  return slash < 0 ? row.urlKey : row.urlKey.slice(0, slash);
}

export function matchesFilter(row: SavedArticle, f: ListFilter): boolean {
  if (f.state === 'unread' && row.state !== 'unread') return false;
  if (f.state === 'archived' && row.state !== 'archived') return false;
  if (f.state === 'favourite' && row.favourite !== 1) return false;
  if (f.tag) {
    const want = f.tag.toLowerCase();
    if (!row.tags.some((t) => t.toLowerCase() === want)) return false;
  }
  if (f.outlet && outletOf(row) !== f.outlet) return false;
  if (f.country && row.country !== f.country) return false;
  if (f.label && row.controlLabel !== f.label) return false;
  const day = row.savedAt.slice(0, 10);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

const byStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows in `key` order (a new array). 'relevance' keeps the given order (search ranking). */
export function sortRows(rows: readonly SavedArticle[], key: SortKey): SavedArticle[] {
  const out = [...rows];
  switch (key) {
    case 'saved-desc':
      return out.sort((a, b) => byStr(b.savedAt, a.savedAt));
    case 'saved-asc':
      return out.sort((a, b) => byStr(a.savedAt, b.savedAt));
    case 'published-desc':
      return out.sort(
        (a, b) => byStr(b.publishedTime ?? '', a.publishedTime ?? '') || byStr(b.savedAt, a.savedAt),
      );
    case 'title': {
      const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
      return out.sort((a, b) => collator.compare(a.title, b.title));
    }
    case 'relevance':
      return out;
  }
}

export interface Facet {
  value: string;
  count: number;
}

export interface FacetCounts {
  tags: Facet[];
  outlets: Facet[];
  countries: Facet[];
  labels: Facet[];
}

function counted(values: Iterable<string | undefined>): Facet[] {
  const m = new Map<string, number>();
  for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || byStr(a.value, b.value));
}

/** Values present in the rows for each filter, most frequent first. */
export function facetCounts(rows: readonly SavedArticle[]): FacetCounts {
  return {
    tags: counted(rows.flatMap((r) => r.tags)),
    outlets: counted(rows.map(outletOf)),
    countries: counted(rows.map((r) => r.country)),
    labels: counted(rows.map((r) => r.controlLabel)),
  };
}
