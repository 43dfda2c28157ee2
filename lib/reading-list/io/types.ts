/**
 * The contract between the pure import/export library (lib/reading-list/io) and the reading-list UI.
 * Everything here is plain data: no DOM, no IndexedDB, so it runs in a service worker and in Node.
 */
import type { SavedArticle } from '../../store-types';

export type ImportFormat =
  | 'pocket-csv'
  | 'pocket-html'
  | 'pocket-zip'
  | 'instapaper-csv'
  | 'omnivore-zip'
  | 'netscape-html'
  | 'masthead-json'
  | 'readwise-csv'
  | 'unknown';

/** One passage the reader marked, as far as an import source carries it (quotes only, no selectors). */
export interface ImportedHighlight {
  quote: string;
  note?: string;
  /** ISO time. */
  createdAt?: string;
  color?: string;
}

export interface ImportedItem {
  url: string;
  title: string;
  /** ISO time the item was saved in the source app. */
  savedAt?: string;
  state: 'unread' | 'archived';
  favourite: boolean;
  tags: string[];
  note?: string;
  excerpt?: string;
  /** HTML, untrusted: the caller sanitises it before storing or showing it. */
  content?: string;
  text?: string;
  highlights?: ImportedHighlight[];
  /** masthead-json only: the full exported row, to be stored back as it was. */
  raw?: Record<string, unknown>;
  /** Extension: author line when the source carries one (Omnivore, Readwise). */
  byline?: string;
  /** Extension: ISO publication time when the source carries one (Omnivore). */
  publishedTime?: string;
  /**
   * Extension: a user folder the source filed the item in (Instapaper folders other than
   * Unread/Archive/Starred). The folder is also added as a tag; the import dialog may ask how to
   * treat the read state of these items (they arrive as unread).
   */
  folder?: string;
}

export type RowOutcome =
  | { row: number; status: 'imported'; item: ImportedItem; /** extension */ warning?: string }
  | { row: number; status: 'skipped'; reason: string; url?: string };

export interface ImportResult {
  format: ImportFormat;
  /** Items in the order they should be inserted (Instapaper: oldest first). */
  items: ImportedItem[];
  /** One outcome per source row/entry, in file order; `row` is 1-based (header rows not counted). */
  rows: RowOutcome[];
  /** File-level problems (too large, not a known format, zip refused, truncated). */
  errors: string[];
}

export interface ImportOptions {
  /** Called with (rows done, rows total) about every 500 rows, and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Refuse files larger than this (default 50 MB). */
  maxBytes?: number;
  /**
   * Yield a macrotask every 500 rows (default true) so a page or service worker stays responsive.
   * A dedicated worker has no one to yield to: there each yield only costs a clamped timer.
   */
  yieldToLoop?: boolean;
}

/** A highlight row as exported with its article (issue: highlights). Unknown fields are kept. */
export interface HighlightExport {
  id: string;
  createdAt: string;
  quote?: string;
  note?: string;
  color?: string;
  [extra: string]: unknown;
}

/** What the exporters take: a saved row plus its highlights. */
export type ExportItem = SavedArticle & { highlights?: HighlightExport[] };
