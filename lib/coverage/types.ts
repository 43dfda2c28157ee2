/**
 * What the popup's Related section shows (reply of `getRelated`): same-story items grouped by
 * outlet, each outlet's context chip, a breakdown by country and ownership type, the article's
 * cited sources and what "Find more coverage" would send. Serialisable; built in the background.
 */

/** An outlet's context chip: facts from Masthead's outlet data (Wikidata-sourced), or unknown. */
export interface OutletChip {
  country: string;
  /** Short control/funding label for the chip ("State-controlled", "Public service", "Unknown"). */
  control: string;
  /** The outlet card's full label ("Public service (publicly funded, editorially independent)"). */
  controlLong: string;
  /** The relation key behind the label ('unknown' when the data has none). */
  relation: string;
}

export interface RelatedEntry {
  url: string;
  title: string;
  /** ISO or ''. */
  publishedAt: string;
  origin: 'history' | 'feed' | 'search';
  score: number;
  /** Other copies of the same text merged into this one (wire copies). */
  copies: number;
  /** Set on a copy listed under its own outlet: the outlet whose copy ranked first. */
  sameTextAs?: string;
}

export interface RelatedGroup {
  /** The outlet's id when it is known: Wikidata QID, or `local:<id>` (lib/outlets/types.ts `outletId`). */
  outletId?: string;
  /** Outlet name, or the host when the outlet is unknown. */
  name: string;
  chip: OutletChip | null;
  items: RelatedEntry[];
}

export interface BreakdownRow {
  label: string;
  /** Outlets in this row. */
  outlets: number;
}

export interface CitedSourceView {
  name: string;
  kind?: string;
  /** Index into `groups` when the cited source's own coverage is listed. */
  group?: number;
}

/** A planned on-demand search: exactly what would be sent, to whom. */
export interface SearchPlan {
  service: 'google-news' | 'gdelt';
  host: string;
  query: string;
  description: string;
}

export interface RelatedView {
  groups: RelatedGroup[];
  breakdown: { byCountry: BreakdownRow[]; byControl: BreakdownRow[] };
  cited: CitedSourceView[];
  /** Items in the local store (all origins). */
  stored: number;
  feedsOn: boolean;
  /** "Find more coverage" is turned on in the options (else the button says it is off). */
  searchOn: boolean;
  /** What "Find more coverage" sends (empty when nothing can be searched). */
  search: SearchPlan[];
  /** Why a planned service is not asked (e.g. GDELT for an old story). */
  searchNotes: string[];
  /**
   * Where the background spent its time, in ms (for `npm run bench` and debugging; the popup
   * does not show it): `match` is the store query alone (lib/related/query.ts), `total` the
   * whole handler.
   */
  timing?: Record<string, number>;
}

/** Reply of `findMoreCoverage`. */
export interface SearchOutcome {
  /** Per service: items stored, or the error. */
  results: Array<{ service: SearchPlan['service']; added: number; cached: boolean; error?: string }>;
}
