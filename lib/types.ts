import type { OutletReport } from './outlets/card';

/**
 * Shared data shapes. Every context (content script, background, offscreen, popup, analyzer CLI)
 * speaks these types; `lib/platform/messages.ts` documents which message carries which.
 */
import type { RoleAtDate } from './people/offices';
import type { PersonInText, SourceCited } from './people/types';

/** Anything that can fail across a message boundary (Error objects do not survive serialisation). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** Where a metadata field was read from. */
export type FieldSource = 'jsonld' | 'meta' | 'link' | 'dom' | 'url' | 'readability';

/** The publisher as the page describes itself (JSON-LD `publisher`, Trust Project fields). */
export interface PagePublisher {
  name?: string;
  url?: string;
  logo?: string;
  sameAs?: string[];
  /** Trust Project / schema.org disclosure links, when the page carries them. */
  ownershipFundingInfo?: string;
  masthead?: string;
  ethicsPolicy?: string;
  correctionsPolicy?: string;
}

/** Metadata read from the live page (JSON-LD graph, meta tags, links, DOM fallbacks). */
export interface PageMetadata {
  title?: string;
  /** Authors as a display string ("Jane Doe and John Roe"). */
  byline?: string;
  authors: string[];
  publishedTime?: string;
  modifiedTime?: string;
  siteName?: string;
  publisher?: PagePublisher;
  canonicalUrl?: string;
  lang?: string;
  leadImage?: string;
  section?: string;
  description?: string;
  keywords: string[];
  isAccessibleForFree?: boolean;
  /** Every schema.org `@type` seen on Article-like or page-level JSON-LD nodes. */
  jsonLdTypes: string[];
  ogType?: string;
  /** Field name → where its value came from. */
  provenance: Record<string, FieldSource>;
  /** Human-readable disagreements between sources (e.g. JSON-LD date ≠ article:published_time). */
  conflicts: string[];
}

/** Page signals for detection (see {@link InPageSignals} for the part measured in the page). */
export interface DetectionSignals {
  url: string;
  /** Readability's isProbablyReaderable (with a layout visibility check in browsers). */
  readerable: boolean;
  /** JSON-LD node typed NewsArticle / ReportageNewsArticle / Article / … (incl. @graph, @type arrays). */
  jsonLdArticle: boolean;
  ogArticle: boolean;
  hasPublishedTime: boolean;
  elementCount: number;
  /** Visible-ish paragraph text length (chars in <p> longer than 80 chars). */
  paragraphTextLength: number;
  /** Share of text inside links over the body (0..1). */
  linkDensity: number;
  /** Page shape hints, each a reason to reject when no strong article signal exists. */
  pageKind: 'home' | 'section' | 'search' | 'login' | 'video' | 'other';
}

/**
 * The signals the content script computes in the page itself: only what needs the live page —
 * Readability's `isProbablyReaderable` with a real-layout visibility check — and the element count
 * from the precheck. Everything else (article markup, body counts, page shape, metadata) is
 * measured off the page on the serialised HTML (see {@link OffPageAnalysis}), which carries the
 * same JSON-LD and meta tags.
 */
export type InPageSignals = Pick<DetectionSignals, 'readerable' | 'elementCount'>;

/** Why a page is not treated as a news article; shown in the popup ("Not an article: …"). */
export type NotArticleReason =
  | 'no-body'
  | 'frameset'
  | 'too-large'
  | 'not-html'
  | 'home-page'
  | 'section-page'
  | 'search-page'
  | 'login-page'
  | 'video-page'
  | 'not-readerable'
  | 'too-short'
  | 'extraction-failed'
  | 'error';

export interface ArticleVerdict {
  isArticle: boolean;
  reason?: NotArticleReason;
  /** One plain sentence for people ("This looks like a sign-in page."). */
  explanation: string;
}

/** Readability's result, sanitised. */
export interface ExtractedArticle {
  title?: string;
  byline?: string;
  /** DOMPurify-sanitised HTML of the article body. */
  content: string;
  /** Clean text (paragraphs separated by blank lines). */
  text: string;
  excerpt?: string;
  lang?: string;
  dir?: string;
  siteName?: string;
  publishedTime?: string;
}

/**
 * Result of the off-page pass over a page's serialised HTML (offscreen document in Chrome, the
 * background page in Firefox): one parse, then metadata, signals (without layout) and Readability's
 * extraction (null when it found nothing).
 */
export interface OffPageAnalysis {
  extracted: ExtractedArticle | null;
  metadata: PageMetadata;
  signals: DetectionSignals;
}

/** What the popup and the store know about one page. */
export interface ArticleSummary {
  title: string;
  byline?: string;
  authors: string[];
  publishedTime?: string;
  modifiedTime?: string;
  /** Outlet name as the page states it (og:site_name, JSON-LD publisher, Readability). */
  siteName?: string;
  publisher?: PagePublisher;
  canonicalUrl?: string;
  lang?: string;
  leadImage?: string;
  section?: string;
  excerpt?: string;
  wordCount: number;
  readingMinutes: number;
  isAccessibleForFree?: boolean;
}

/** The page report: one per analysed page. `outlet` and `people` are filled by later features. */
export interface PageReport {
  url: string;
  /** Normalised URL key (see lib/url/normalize.ts). */
  urlKey: string;
  analysedAt: string;
  verdict: ArticleVerdict;
  article?: ArticleSummary;
  /** Clean text of the article (empty when not an article). */
  text: string;
  /** Sanitised HTML content (empty when not an article). */
  content: string;
  metadata?: PageMetadata;
  /** Who publishes the page (lib/outlets/card.ts); null when the outlet is not in Masthead's data. */
  outlet: OutletReport | null;
  /** People named in the article, most prominent first (offsets into `text`). */
  people: PersonReport[];
  /** News agencies and outlets the article attributes facts, quotes or photos to. */
  sourcesCited: SourceCitedReport[];
}

/** An office held on the article's date, from the shipped officeholder data (lib/people/offices.ts). */
export type PersonRoleAtDate = RoleAtDate;

/** A person named in the article, with the officeholder data's identity and role when known. */
export interface PersonReport extends PersonInText {
  /** Wikidata QID of the person, when the name (and role) identify one unambiguously. */
  qid?: string;
  /** The office the person held on the article's published date. */
  roleAtDate?: PersonRoleAtDate;
}

/** A source the article cites, with the outlet's QID when the outlet data knows the name. */
export interface SourceCitedReport extends SourceCited {
  outletQid?: string;
  /**
   * Cited in a photo caption, which the clean `text` leaves out: `start`/`end` are then offsets
   * into the captions joined with blank lines, not into `text`.
   */
  inCaption?: true;
}

/** Row stored in IndexedDB for each article the reader opened (not from private windows). */
export interface StoredPage {
  urlKey: string;
  url: string;
  canonicalUrl?: string;
  title: string;
  byline?: string;
  authors: string[];
  siteName?: string;
  publishedTime?: string;
  modifiedTime?: string;
  lang?: string;
  section?: string;
  leadImage?: string;
  excerpt?: string;
  wordCount: number;
  text: string;
  content: string;
  firstSeenAt: string;
  lastSeenAt: string;
  visits: number;
}
