/**
 * Applying a parsed import (lib/reading-list/io) to the `saved` table, and reading everything back
 * for export. Existing rows are never touched: an item whose normalised URL is already saved (or
 * appears earlier in the same file) is reported as a duplicate. Writes go in chunks, one
 * transaction each, with progress between them so the page stays responsive.
 */
import type { HighlightRow, SavedArticle } from '../store-types';
import { cleanNote, cleanTags, cleanTitle, isoTime } from './fields';
import { importedHighlightRows } from './imported-highlights';
import { itemUrlKey, type ImportedItem, type ImportResult } from './io';
import { noteAdded } from './recent';
import { listSaved, type SavedDb } from './store';

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

/**
 * Normalised URL of each item, computed once per item (preview and import share it), and taken
 * from the parser's own duplicate check when it made the item; a 10,000-row file would otherwise
 * parse every URL again.
 */
const keyCache = new WeakMap<ImportedItem, string | null>();
function keyOf(item: ImportedItem): string | null {
  let key = keyCache.get(item);
  if (key === undefined) {
    key = itemUrlKey(item);
    keyCache.set(item, key);
  }
  return key;
}

/**
 * Take URL keys computed elsewhere (the import worker computes them off the page's main thread) for
 * `items`, in order. Ignored unless there is exactly one string-or-null key per item.
 */
export function rememberKeys(items: readonly ImportedItem[], keys: unknown): void {
  if (!Array.isArray(keys) || keys.length !== items.length) return;
  if (!keys.every((k) => k === null || typeof k === 'string')) return;
  items.forEach((item, i) => keyCache.set(item, keys[i] as string | null));
}

/** The row an imported item becomes, or null when its URL is not an http(s) URL. */
export function rowFromImported(
  item: ImportedItem,
  format: string,
  now: Date,
  sanitize?: (html: string) => string,
): SavedArticle | null {
  const urlKey = keyOf(item);
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
  item?: ImportedItem;
  urlKey?: string;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Longest stretch of planning between two yields to the page (ms). */
const PLAN_SLICE_MS = 8;

/**
 * Per-item plan before looking at the DB: bad URLs skipped, repeats in the file are duplicates.
 * Only URL keys are computed here (rows are built chunk by chunk when written). Yields after
 * PLAN_SLICE_MS of work so a 10,000-row file never blocks the page for long.
 */
async function plan(result: ImportResult, pause: () => Promise<void>): Promise<Planned[]> {
  const seen = new Set<string>();
  const rowOf = new Map<ImportedItem, number>();
  for (const r of result.rows) if (r.status === 'imported') rowOf.set(r.item, r.row);
  const out: Planned[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < result.items.length; i++) {
    if (performance.now() - sliceStart > PLAN_SLICE_MS) {
      await pause();
      sliceStart = performance.now();
    }
    const item = result.items[i]!;
    const base = { row: rowOf.get(item) ?? i + 1, url: item.url, title: item.title };
    const urlKey = keyOf(item);
    if (!urlKey) out.push({ report: { ...base, status: 'skipped', reason: 'not an http(s) URL' } });
    else if (seen.has(urlKey))
      out.push({ report: { ...base, status: 'duplicate', reason: 'repeated in this file' } });
    else {
      seen.add(urlKey);
      out.push({ report: { ...base, status: 'imported' }, item, urlKey });
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
  const counts = { imported: 0, duplicate: 0, skipped: 0 };
  for (const r of rows) counts[r.status]++;
  return {
    imported: counts.imported,
    duplicates: counts.duplicate,
    skipped: counts.skipped,
    rows,
    errors: [...result.errors],
  };
}

function markDuplicate(p: Planned): void {
  p.report = { ...p.report, status: 'duplicate', reason: 'already in your reading list' };
  delete p.item;
  delete p.urlKey;
}

/**
 * Which of `keys` are already saved: primary keys only, never the rows, read with one getAllKeys
 * over the keys' range (Dexie's fast path; `anyOf` would walk a cursor, one round trip per key).
 * Call inside a transaction to make the check and the write atomic.
 */
async function savedKeys(db: SavedDb, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  let lo = keys[0]!;
  let hi = lo;
  for (const k of keys) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  const inRange = (await db.saved.where(':id').between(lo, hi, true, true).primaryKeys()) as string[];
  const wanted = new Set(keys);
  return new Set(inRange.filter((k) => wanted.has(k)));
}

/** Candidates in URL-key order, so each write chunk's key range is narrow and disjoint. */
const byKeyOrder = (a: Planned, b: Planned) => (a.urlKey! < b.urlKey! ? -1 : a.urlKey! > b.urlKey! ? 1 : 0);

/** What an import would do, without writing: the preview's per-row report. */
export async function previewImport(
  db: SavedDb,
  result: ImportResult,
  _now: Date,
  yieldToUi: () => Promise<void> = nextTask,
): Promise<ImportSummary> {
  const planned = await plan(result, yieldToUi);
  const candidates = planned.filter((p) => p.urlKey);
  const existing = await savedKeys(
    db,
    candidates.map((p) => p.urlKey!),
  );
  for (const p of candidates) if (existing.has(p.urlKey!)) markDuplicate(p);
  return summarise(planned, result);
}

/** Transactions queued at once: the next batch is prepared while IndexedDB commits the last one. */
const IN_FLIGHT = 2;

/**
 * Write one batch in one short transaction: the keys already saved are read first (keys only, in
 * the same transaction, so check and write are atomic), then the new rows go in with one
 * `bulkPut` (the check has already excluded every existing key, so nothing saved is overwritten).
 */
async function writeBatch(
  db: SavedDb,
  chunk: Planned[],
  built: SavedArticle[],
  now: Date,
): Promise<SavedArticle[]> {
  return db.transaction('rw', db.saved, db.highlights, db.cache, async () => {
    const existing = await savedKeys(
      db,
      chunk.map((p) => p.urlKey!),
    );
    const fresh: SavedArticle[] = [];
    chunk.forEach((p, i) => (existing.has(p.urlKey!) ? markDuplicate(p) : fresh.push(built[i]!)));
    const { rows, highlights } = splitHighlights(fresh, now);
    if (rows.length) {
      await db.saved.bulkPut(rows);
      await noteAdded(db, rows);
    }
    if (highlights.length) {
      // Never overwrite a stored highlight (an id from the file may name another article's).
      const have = await db.highlights.bulkGet(highlights.map((h) => h.id));
      await db.highlights.bulkPut(highlights.filter((_, i) => !have[i]));
    }
    return fresh;
  });
}

/**
 * Highlights that came with the file (Omnivore/Readwise quotes, Masthead JSON's own) become rows of
 * the `highlights` table, anchored and painted like the reader's own; the stored article keeps
 * none inline. The returned rows (for the list on screen) carry them, as a reload would show them.
 */
function splitHighlights(
  fresh: SavedArticle[],
  now: Date,
): { rows: SavedArticle[]; highlights: HighlightRow[] } {
  const rows: SavedArticle[] = [];
  const highlights: HighlightRow[] = [];
  fresh.forEach((row, i) => {
    if (!Array.isArray(row.highlights)) return void rows.push(row);
    const own = importedHighlightRows(row.urlKey, row.highlights, now);
    const { highlights: _given, ...stored } = row;
    rows.push(stored);
    highlights.push(...own);
    fresh[i] = own.length ? { ...stored, highlights: own } : stored;
  });
  return { rows, highlights };
}

/**
 * Write an import: new URLs are added, already-saved ones reported as duplicates and left as they
 * are. Each batch is one short transaction (a failure keeps the batches committed before it and
 * throws); rows are built (and their HTML sanitised) batch by batch, the next one while the last
 * commits, with progress after each commit. Idempotent by URL key: running the same import again
 * (after a reload mid-import, say) adds only what is missing.
 */
export async function applyImport(
  db: SavedDb,
  result: ImportResult,
  opts: ApplyOptions,
): Promise<ImportSummary> {
  const { chunkSize = 1000, onProgress, yieldToUi = nextTask } = opts;
  const planned = await plan(result, yieldToUi);
  const todo = planned.filter((p) => p.urlKey).sort(byKeyOrder);
  const batches: SavedArticle[][] = [];
  const inFlight: Promise<void>[] = [];
  let failure: { error: unknown } | null = null;
  let done = 0;
  onProgress?.(0, todo.length);
  for (let start = 0; start < todo.length && !failure; start += chunkSize) {
    const chunk = todo.slice(start, start + chunkSize);
    const built = chunk.map((p) => rowFromImported(p.item!, result.format, opts.now, opts.sanitize)!);
    const slot = batches.push([]) - 1;
    inFlight.push(
      writeBatch(db, chunk, built, opts.now).then(
        (fresh) => {
          batches[slot] = fresh;
          done += chunk.length;
          onProgress?.(done, todo.length);
        },
        (error: unknown) => void (failure ??= { error }),
      ),
    );
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    await yieldToUi();
  }
  await Promise.all(inFlight);
  // A failed batch stops the import: the batches committed before it are kept.
  if (failure) throw (failure as { error: unknown }).error;
  return { ...summarise(planned, result), added: batches.flat() };
}

/** Everything to export: saved rows (newest first) with their highlights. */
export async function exportRows(db: SavedDb): Promise<SavedArticle[]> {
  return listSaved(db);
}
