/**
 * Applying a parsed import (lib/reading-list/io) to the `saved` table, and reading everything back
 * for export. Existing rows are never touched: an item whose normalised URL is already saved (or
 * appears earlier in the same file) is reported as a duplicate. Writes go in chunks, one
 * transaction each, with progress between them so the page stays responsive.
 */
import type { SavedArticle } from '../store-types';
import { normalizeUrl } from '../url/normalize';
import { cleanNote, cleanTags, cleanTitle, isoTime } from './fields';
import type { ImportedItem, ImportResult } from './io';
import type { SavedDb } from './store';

export type ImportStatus = 'imported' | 'duplicate' | 'skipped';

export interface ImportRowReport {
  /** Row number in the file as io reported it (1-based), or the item's position. */
  row: number;
  status: ImportStatus;
  url?: string;
  title?: string;
  reason?: string;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  skipped: number;
  rows: ImportRowReport[];
  errors: string[];
  /** The rows written (applyImport only). */
  added?: SavedArticle[];
}

export interface ApplyOptions {
  now: Date;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called between chunks; resolve on the next frame/macrotask to keep the UI responsive. */
  yieldToUi?: () => Promise<void>;
  /** Sanitiser for imported HTML (DOMPurify via lib/safe-html.ts in the page). */
  sanitize?: (html: string) => string;
}

/** Fields of a Masthead JSON row we rebuild ourselves (keys, reader fields); the rest is kept. */
const RESERVED = new Set([
  'urlKey',
  'url',
  'title',
  'savedAt',
  'updatedAt',
  'state',
  'favourite',
  'tags',
  'note',
]);

function isPlain(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
  );
}

/** Everything a Masthead JSON row carried besides the fields rebuilt from the item. */
function extrasOf(raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlain(raw)) return out;
  for (const key of Object.keys(raw)) {
    if (RESERVED.has(key) || key === '__proto__' || key === 'constructor') continue;
    const v = raw[key];
    if (v !== undefined && typeof v !== 'function') out[key] = v;
  }
  return out;
}

/** The row an imported item becomes, or null when its URL is not an http(s) URL. */
export function rowFromImported(
  item: ImportedItem,
  format: string,
  now: Date,
  sanitize?: (html: string) => string,
): SavedArticle | null {
  const urlKey = normalizeUrl(item.url);
  if (!urlKey) return null;
  const at = now.toISOString();
  const raw = format === 'masthead-json' && isPlain(item.raw) ? item.raw : undefined;
  const savedAt = isoTime(item.savedAt) ?? at;
  const row: SavedArticle = {
    ...(raw ? extrasOf(raw) : { origin: 'import' as const, importFormat: format }),
    urlKey,
    url: item.url,
    title: cleanTitle(item.title, item.url),
    savedAt,
    updatedAt: (raw && isoTime(raw.updatedAt)) ?? savedAt,
    state: item.state === 'archived' ? 'archived' : 'unread',
    favourite: item.favourite ? 1 : 0,
    tags: cleanTags(item.tags),
    note: cleanNote(item.note ?? ''),
  };
  if (!raw) {
    if (item.excerpt) row.excerpt = item.excerpt;
    if (item.content) row.content = sanitize ? sanitize(item.content) : item.content;
    if (item.text) row.text = item.text;
    if (item.byline) row.byline = item.byline;
    if (item.publishedTime) row.publishedTime = item.publishedTime;
    if (item.content || item.text) row.contentSavedAt = savedAt;
    if (item.highlights?.length) row.highlights = item.highlights;
  }
  return row;
}

interface Planned {
  report: ImportRowReport;
  row?: SavedArticle;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Items planned between two yields to the page. */
const PLAN_SLICE = 500;

/**
 * Per-item plan before looking at the DB: bad URLs skipped, repeats in the file are duplicates.
 * Yields every PLAN_SLICE items so a 10,000-row file never blocks the page for long.
 */
async function plan(
  result: ImportResult,
  now: Date,
  pause: () => Promise<void>,
  sanitize?: (html: string) => string,
): Promise<Planned[]> {
  const seen = new Set<string>();
  const rowOf = new Map<ImportedItem, number>();
  for (const r of result.rows) if (r.status === 'imported') rowOf.set(r.item, r.row);
  const out: Planned[] = [];
  for (let i = 0; i < result.items.length; i++) {
    if (i > 0 && i % PLAN_SLICE === 0) await pause();
    const item = result.items[i]!;
    const base = { row: rowOf.get(item) ?? i + 1, url: item.url, title: item.title };
    const row = rowFromImported(item, result.format, now, sanitize);
    if (!row) out.push({ report: { ...base, status: 'skipped', reason: 'not an http(s) URL' } });
    else if (seen.has(row.urlKey))
      out.push({ report: { ...base, status: 'duplicate', reason: 'repeated in this file' } });
    else {
      seen.add(row.urlKey);
      out.push({ report: { ...base, status: 'imported' }, row });
    }
  }
  return out;
}

/** io's own skipped rows, as report lines. */
function skippedByParser(result: ImportResult): ImportRowReport[] {
  const out: ImportRowReport[] = [];
  for (const r of result.rows) {
    if (r.status === 'skipped')
      out.push({ row: r.row, status: 'skipped', reason: r.reason, ...(r.url && { url: r.url }) });
  }
  return out;
}

function summarise(planned: Planned[], result: ImportResult): ImportSummary {
  const rows = [...skippedByParser(result), ...planned.map((p) => p.report)].sort((a, b) => a.row - b.row);
  const count = (s: ImportStatus) => rows.filter((r) => r.status === s).length;
  return {
    imported: count('imported'),
    duplicates: count('duplicate'),
    skipped: count('skipped'),
    rows,
    errors: [...result.errors],
  };
}

function markDuplicate(p: Planned): void {
  p.report = { ...p.report, status: 'duplicate', reason: 'already in your reading list' };
  delete p.row;
}

/** What an import would do, without writing: the preview's per-row report. */
export async function previewImport(
  db: SavedDb,
  result: ImportResult,
  now: Date,
  yieldToUi: () => Promise<void> = nextTask,
): Promise<ImportSummary> {
  const planned = await plan(result, now, yieldToUi);
  const candidates = planned.filter((p) => p.row);
  const existing = await db.saved.bulkGet(candidates.map((p) => p.row!.urlKey));
  candidates.forEach((p, i) => existing[i] && markDuplicate(p));
  return summarise(planned, result);
}

/**
 * Write an import: new URLs are added, already-saved ones reported as duplicates and left as they
 * are. Each chunk is one transaction (a failure keeps the chunks before it and throws).
 */
export async function applyImport(
  db: SavedDb,
  result: ImportResult,
  opts: ApplyOptions,
): Promise<ImportSummary> {
  const { chunkSize = 1000, onProgress, yieldToUi = nextTask } = opts;
  const planned = await plan(result, opts.now, yieldToUi, opts.sanitize);
  const todo = planned.filter((p) => p.row);
  const added: SavedArticle[] = [];
  onProgress?.(0, todo.length);
  for (let start = 0; start < todo.length; start += chunkSize) {
    const chunk = todo.slice(start, start + chunkSize);
    await db.transaction('rw', db.saved, async () => {
      const existing = await db.saved.bulkGet(chunk.map((p) => p.row!.urlKey));
      const fresh: SavedArticle[] = [];
      chunk.forEach((p, i) => (existing[i] ? markDuplicate(p) : fresh.push(p.row!)));
      await db.saved.bulkAdd(fresh);
      added.push(...fresh);
    });
    onProgress?.(Math.min(start + chunkSize, todo.length), todo.length);
    await yieldToUi();
  }
  return { ...summarise(planned, result), added };
}

/** Everything to export: saved rows (newest first) with their highlights. */
export async function exportRows(db: SavedDb): Promise<SavedArticle[]> {
  return db.saved.orderBy('savedAt').reverse().toArray();
}
