/** Output of the feed parser (issue: related coverage). All strings are plain text. */

export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'json' | 'unknown';

export interface FeedInfo {
  title: string;
  /** The site's home page (http(s)), '' when absent. */
  link: string;
  description: string;
  language: string;
  /** ISO UTC or ''. */
  updatedAt: string;
}

export interface FeedItem {
  /** Absolute http(s) URL of the story. */
  url: string;
  title: string;
  /** ISO UTC or '' when missing or unreadable. */
  publishedAt: string;
  /** Plain text (tags stripped, entities decoded, whitespace collapsed), capped. */
  summary: string;
  authors: string[];
  /** The feed's own id for the item ('' when none). */
  guid: string;
  /** RSS `<source url="…">Name</source>` (Google News names the publisher this way). */
  source?: { name: string; url: string };
}

export interface ParsedFeed {
  format: FeedFormat;
  feed: FeedInfo;
  items: FeedItem[];
  /** Human-readable problems: fatal ones (nothing read) and per-item drops with a reason. */
  errors: string[];
  /** Character encoding used to read the bytes ("string" when text was passed in). */
  encoding: string;
}

export interface FeedLimits {
  /** Input larger than this is refused with a clear error (default 10 MB). */
  maxBytes: number;
  maxItems: number;
  maxTitle: number;
  maxSummary: number;
  maxUrl: number;
  maxAuthors: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxItems: 1000,
  maxTitle: 500,
  maxSummary: 2000,
  maxUrl: 2048,
  maxAuthors: 10,
};

export interface ParseFeedOptions {
  /** Where the feed was fetched from: base for relative links. */
  feedUrl?: string;
  /** HTTP Content-Type header (its charset wins over the XML prolog). */
  contentType?: string;
  limits?: Partial<FeedLimits>;
}
