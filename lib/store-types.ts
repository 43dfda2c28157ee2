/**
 * Rows of the IndexedDB tables added in schema v2 (lib/platform/db.ts). Feature modules own the
 * meaning of their rows; fields may only be added (optional), never renamed, once released.
 * Indexed fields are listed in db.ts and must keep their types (strings, numbers, string arrays).
 */

/** A saved reading-list article (issue: reading list). Keyed by normalised URL. */
export interface SavedArticle {
  urlKey: string;
  url: string;
  title: string;
  /** ISO time the reader saved it (kept on re-save; imported items keep the source's time). */
  savedAt: string;
  /** ISO time of the last change (re-save, tag, note, state). */
  updatedAt: string;
  /** 'unread' | 'archived'. */
  state: 'unread' | 'archived';
  /** 1 when favourite (a number: schema v2 indexed it, and booleans cannot be indexed). */
  favourite: 0 | 1;
  tags: string[];
  note: string;
  /** The resolved outlet's id, when known (filters read it in memory): its Wikidata QID, or `local:<id>` (lib/outlets/types.ts `outletId`). */
  outletQid?: string;
  publishedTime?: string;
  canonicalUrl?: string;
  siteName?: string;
  byline?: string;
  authors?: string[];
  lang?: string;
  dir?: string;
  excerpt?: string;
  leadImage?: string;
  wordCount?: number;
  /** Clean text of the saved copy (absent for a link saved without its page). */
  text?: string;
  /** DOMPurify-sanitised HTML of the saved copy; rendered again through lib/safe-html.ts only. */
  content?: string;
  /** ISO time the saved copy (text/content/context) was taken. */
  contentSavedAt?: string;
  /** The context the article was read in, copied as-is from the page report when saved. */
  context?: SavedContext;
  /** Filter facets read from the context snapshot at save time (absent when unknown). */
  outletName?: string;
  country?: string;
  controlLabel?: string;
  /** How the item arrived: saved from a page, a link (not fetched), or an import. */
  origin?: 'page' | 'link' | 'import';
  /** The import format, for imported items. */
  importFormat?: string;
  /** Highlights that came with an import (Omnivore, Masthead JSON), kept as given. */
  highlights?: unknown[];
  /** Everything else is owned by lib/reading-list. */
  [extra: string]: unknown;
}

/** Snapshot of the page report's context at save time (shapes owned by other features; opaque). */
export interface SavedContext {
  capturedAt: string;
  outlet: unknown;
  people: unknown[];
  sourcesCited: unknown[];
}

/** A reader's highlight with its W3C selectors (issue: highlights). */
export interface HighlightRow {
  id: string;
  urlKey: string;
  createdAt: string;
  /** ISO time of the last note/colour edit. */
  updatedAt?: string;
  /** One of HIGHLIGHT_COLORS (lib/annotations/selectors.ts). */
  color?: string;
  /** The reader's note (plain text, may be empty). */
  note?: string;
  /** The quoted text (copy of the TextQuoteSelector's `exact`, for search and export). */
  quote?: string;
  /** W3C TextQuoteSelector + TextPositionSelector against the article's text. */
  selectors?: unknown[];
  /** hashText() of the text the selectors were made against. */
  textHash?: string;
  [extra: string]: unknown;
}

/** A feed the user follows (issue: related coverage). */
export interface FeedRow {
  id: string;
  url: string;
  [extra: string]: unknown;
}

/**
 * One article known to related-coverage matching: from a feed, an on-demand search, or the
 * reader's own history. Keyed by normalised URL; `terms`/`people` are multi-entry indexes.
 */
export interface CoverageItem {
  urlKey: string;
  url: string;
  title: string;
  /** ISO date-time (or date) the item was published; '' when unknown. */
  publishedAt: string;
  /** When Masthead stored it (for pruning). */
  seenAt: string;
  /** The outlet's id: Wikidata QID, or `local:<id>` while its QID is unknown (`outletId`). */
  outletQid?: string;
  feedId?: string;
  /** 'history' | 'feed' | 'search'. */
  origin: 'history' | 'feed' | 'search';
  terms: string[];
  people: string[];
  [extra: string]: unknown;
}

/** Cached online lookups (Wikidata, Wikipedia, news search) with an expiry. */
export interface CacheRow {
  key: string;
  expiresAt: number;
  value: unknown;
}

/** `expiresAt` of a cache row kept up to date by writes rather than by expiry. */
export const NEVER_EXPIRES = Number.MAX_SAFE_INTEGER;
