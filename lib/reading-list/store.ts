/**
 * Reading-list repository over the `saved` table (db passed in, like lib/platform/pages.ts).
 * One row per normalised URL: saving twice refreshes the saved copy and never duplicates; the
 * reader's own fields (savedAt, tags, note, state, favourite) survive a re-save.
 * Callers decide privacy (nothing from incognito windows) before calling in.
 */
import type { MastheadDb } from '../platform/db';
import type { SavedArticle, SavedContext } from '../store-types';
import type { PageReport } from '../types';
import { normalizeUrl } from '../url/normalize';
import { facetsOf } from './facets';
import { cleanNote, cleanTags, cleanTitle } from './fields';
import { newestFirst, noteAdded, noteRemoved } from './recent';

/** The tables this module needs (a full MastheadDb in the app, the same in tests). */
export type SavedDb = Pick<MastheadDb, 'saved' | 'highlights' | 'cache' | 'transaction'>;

/** Reader-editable fields. */
export interface SavedPatch {
  tags?: string[];
  note?: string;
  state?: 'unread' | 'archived';
  favourite?: boolean;
}

/** A bulk edit over many rows. */
export interface BulkEdit {
  state?: 'unread' | 'archived';
  favourite?: boolean;
  addTags?: string[];
  removeTags?: string[];
}

export interface SaveOutcome {
  row: SavedArticle;
  /** False when the URL was already saved (the row was refreshed, not duplicated). */
  created: boolean;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The report's context as it is now (outlet/people/sourcesCited are other features' shapes). */
export function contextOf(report: PageReport, now: Date): SavedContext {
  const r = report as unknown as Record<string, unknown>;
  return {
    capturedAt: now.toISOString(),
    outlet: r.outlet ?? null,
    people: asArray(r.people),
    sourcesCited: asArray(r.sourcesCited),
  };
}

/** Copy of `o` without undefined values (IndexedDB keeps them as keys; round trips should not). */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * The saved-copy fields a report gives (content, text, metadata, context), or null when the report
 * is not an article. The reader's own fields are added by the caller.
 */
export function copyFromReport(report: PageReport, now: Date): Partial<SavedArticle> | null {
  const a = report.article;
  if (!report.verdict.isArticle || !a) return null;
  const context = contextOf(report, now);
  return defined({
    url: report.url,
    title: cleanTitle(a.title, report.url),
    canonicalUrl: a.canonicalUrl,
    siteName: a.siteName,
    byline: a.byline,
    authors: [...a.authors],
    lang: a.lang,
    excerpt: a.excerpt,
    leadImage: a.leadImage,
    wordCount: a.wordCount,
    publishedTime: a.publishedTime,
    text: report.text,
    content: report.content,
    contentSavedAt: now.toISOString(),
    context,
    origin: 'page' as const,
    ...facetsOf(context.outlet, a.siteName),
  });
}

function newRow(urlKey: string, url: string, now: Date): SavedArticle {
  const at = now.toISOString();
  return {
    urlKey,
    url,
    title: url,
    savedAt: at,
    updatedAt: at,
    state: 'unread',
    favourite: 0,
    tags: [],
    note: '',
  };
}

/** The reader's own fields, which a re-save keeps. */
function readerFields(old: SavedArticle) {
  return {
    savedAt: old.savedAt,
    state: old.state,
    favourite: old.favourite,
    tags: old.tags,
    note: old.note,
  };
}

/** Save (or refresh) the article a report describes. Throws when the report is not an article. */
export async function saveReport(db: SavedDb, report: PageReport, now: Date): Promise<SaveOutcome> {
  const copy = copyFromReport(report, now);
  const urlKey = normalizeUrl(report.url) ?? report.urlKey;
  if (!copy || !urlKey) throw new Error('Only articles can be saved with their text; save the link instead.');
  return db.transaction('rw', db.saved, db.cache, async () => {
    const old = await db.saved.get(urlKey);
    // Drop facets the new snapshot no longer has (the outlet may have become unknown).
    const base = old
      ? { ...old, outletQid: undefined, outletName: undefined, country: undefined, controlLabel: undefined }
      : newRow(urlKey, report.url, now);
    const row = defined({
      ...base,
      ...copy,
      urlKey,
      updatedAt: now.toISOString(),
      ...(old ? readerFields(old) : {}),
    }) as SavedArticle;
    await db.saved.put(row);
    if (!old) await noteAdded(db, [row]);
    return { row, created: !old };
  });
}

/**
 * Save a link without fetching it: an unread item with the URL and a title. An existing item is
 * returned untouched (its saved copy is better than a bare link).
 */
export async function saveLink(
  db: SavedDb,
  link: { url: string; title?: string },
  now: Date,
): Promise<SaveOutcome> {
  const urlKey = normalizeUrl(link.url);
  if (!urlKey) throw new Error('Only http(s) links can be saved.');
  return db.transaction('rw', db.saved, db.cache, async () => {
    const old = await db.saved.get(urlKey);
    if (old) return { row: old, created: false };
    const row: SavedArticle = {
      ...newRow(urlKey, link.url, now),
      title: cleanTitle(link.title, link.url),
      origin: 'link',
    };
    await db.saved.add(row);
    await noteAdded(db, [row]);
    return { row, created: true };
  });
}

/** The saved item for a URL (any form that normalises to its key), or null. */
export async function getSaved(db: SavedDb, url: string): Promise<SavedArticle | null> {
  const key = normalizeUrl(url) ?? url;
  return (await db.saved.get(key)) ?? null;
}

/** Every saved item, newest first (sorted here: `saved` has no index but its key). */
export async function listSaved(db: SavedDb): Promise<SavedArticle[]> {
  return (await db.saved.toArray()).sort(newestFirst);
}

function applyPatch(row: SavedArticle, patch: SavedPatch, now: Date): SavedArticle {
  const next = { ...row, updatedAt: now.toISOString() };
  if (patch.tags !== undefined) next.tags = cleanTags(patch.tags);
  if (patch.note !== undefined) next.note = cleanNote(patch.note);
  if (patch.state !== undefined) next.state = patch.state === 'archived' ? 'archived' : 'unread';
  if (patch.favourite !== undefined) next.favourite = patch.favourite ? 1 : 0;
  return next;
}

/** Edit the reader's fields of one item. Returns the new row, or null when it is not saved. */
export async function updateSaved(
  db: SavedDb,
  urlKey: string,
  patch: SavedPatch,
  now: Date,
): Promise<SavedArticle | null> {
  return db.transaction('rw', db.saved, async () => {
    const old = await db.saved.get(urlKey);
    if (!old) return null;
    const row = applyPatch(old, patch, now);
    await db.saved.put(row);
    return row;
  });
}

function bulkRow(row: SavedArticle, edit: BulkEdit, now: Date): SavedArticle {
  const drop = new Set((edit.removeTags ?? []).map((t) => t.toLowerCase()));
  const tags =
    edit.addTags || edit.removeTags
      ? [...row.tags.filter((t) => !drop.has(t.toLowerCase())), ...(edit.addTags ?? [])]
      : undefined;
  return applyPatch(row, { state: edit.state, favourite: edit.favourite, tags }, now);
}

/** Apply one edit to many items in one transaction. Returns the updated rows. */
export async function bulkEdit(
  db: SavedDb,
  urlKeys: readonly string[],
  edit: BulkEdit,
  now: Date,
): Promise<SavedArticle[]> {
  return db.transaction('rw', db.saved, async () => {
    const rows = (await db.saved.bulkGet([...urlKeys])).filter((r): r is SavedArticle => !!r);
    const next = rows.map((r) => bulkRow(r, edit, now));
    await db.saved.bulkPut(next);
    return next;
  });
}

/** Delete items with their highlights and notes. Returns how many items existed. */
export async function deleteSaved(db: SavedDb, urlKeys: readonly string[]): Promise<number> {
  return db.transaction('rw', db.saved, db.highlights, db.cache, async () => {
    const present = (await db.saved.bulkGet([...urlKeys])).filter(Boolean).length;
    await db.saved.bulkDelete([...urlKeys]);
    await noteRemoved(db, urlKeys);
    await db.highlights
      .where('urlKey')
      .anyOf([...urlKeys])
      .delete();
    return present;
  });
}
