/**
 * The reader's highlights over the `highlights` table (db passed in, like ./store.ts). One row per
 * highlight, joined to its article by `urlKey`; selectors are validated on the way in (hostile
 * input from a content script or an import) and the quote is kept beside them for search and export.
 * Callers decide privacy (nothing from incognito windows) before calling in.
 */
import { HIGHLIGHT_COLORS, pickSelectors, type HighlightColor } from '../annotations/selectors';
import type { MastheadDb } from '../platform/db';
import type { HighlightRow, SavedArticle } from '../store-types';
import { cleanNote } from './fields';

export type HighlightDb = Pick<MastheadDb, 'highlights' | 'transaction'>;

export interface NewHighlight {
  urlKey: string;
  selectors: unknown;
  color?: unknown;
  note?: unknown;
  textHash?: unknown;
}

export interface HighlightPatch {
  note?: string;
  color?: string;
}

/** Most highlights kept for one article (a runaway script must not fill the disk). */
export const MAX_HIGHLIGHTS_PER_ARTICLE = 1_000;

export function cleanColor(v: unknown): HighlightColor {
  return (HIGHLIGHT_COLORS as readonly unknown[]).includes(v) ? (v as HighlightColor) : 'yellow';
}

/** Store a new highlight. Throws when the selectors carry no usable quote or the article is full. */
export async function addHighlight(
  db: HighlightDb,
  input: NewHighlight,
  now: Date,
  id: string = crypto.randomUUID(),
): Promise<HighlightRow> {
  const { quote, position } = pickSelectors(input.selectors);
  if (!quote) throw new Error('A highlight needs a quoted passage.');
  const row: HighlightRow = {
    id,
    urlKey: input.urlKey,
    createdAt: now.toISOString(),
    color: cleanColor(input.color),
    note: cleanNote(input.note),
    quote: quote.exact,
    selectors: position ? [quote, position] : [quote],
  };
  if (typeof input.textHash === 'string' && input.textHash.length <= 64) row.textHash = input.textHash;
  return db.transaction('rw', db.highlights, async () => {
    const count = await db.highlights.where('urlKey').equals(input.urlKey).count();
    if (count >= MAX_HIGHLIGHTS_PER_ARTICLE) throw new Error('This article has too many highlights.');
    await db.highlights.add(row);
    return row;
  });
}

/** An article's highlights, oldest first. */
export async function listHighlights(db: HighlightDb, urlKey: string): Promise<HighlightRow[]> {
  const rows = await db.highlights.where('urlKey').equals(urlKey).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

export async function getHighlight(db: HighlightDb, id: string): Promise<HighlightRow | null> {
  return (await db.highlights.get(id)) ?? null;
}

/** Edit a highlight's note or colour. Returns the new row, or null when it no longer exists. */
export async function updateHighlight(
  db: HighlightDb,
  id: string,
  patch: HighlightPatch,
  now: Date,
): Promise<HighlightRow | null> {
  return db.transaction('rw', db.highlights, async () => {
    const old = await db.highlights.get(id);
    if (!old) return null;
    const row: HighlightRow = { ...old, updatedAt: now.toISOString() };
    if (patch.note !== undefined) row.note = cleanNote(patch.note);
    if (patch.color !== undefined) row.color = cleanColor(patch.color);
    await db.highlights.put(row);
    return row;
  });
}

/** Delete one highlight. Returns whether it existed. */
export async function deleteHighlight(db: HighlightDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.highlights, async () => {
    const existed = (await db.highlights.get(id)) !== undefined;
    await db.highlights.delete(id);
    return existed;
  });
}

/** Every highlight grouped by article. */
export async function highlightsByArticle(db: HighlightDb): Promise<Map<string, HighlightRow[]>> {
  const out = new Map<string, HighlightRow[]>();
  for (const row of await db.highlights.orderBy('createdAt').toArray()) {
    const list = out.get(row.urlKey);
    if (list) list.push(row);
    else out.set(row.urlKey, [row]);
  }
  return out;
}

/**
 * Saved rows with the reader's highlights added to `highlights` (after any that came with an
 * import), for the export files and the reading list's search. New objects; rows are not mutated.
 */
export function withHighlights(
  rows: readonly SavedArticle[],
  byArticle: ReadonlyMap<string, readonly HighlightRow[]>,
): SavedArticle[] {
  return rows.map((r) => {
    const own = byArticle.get(r.urlKey);
    if (!own?.length) return r;
    const given = Array.isArray(r.highlights) ? r.highlights : [];
    return { ...r, highlights: [...given, ...own] };
  });
}

/** The searchable text of a row's highlights (quotes and notes). */
export function highlightText(row: SavedArticle): string {
  if (!Array.isArray(row.highlights)) return '';
  const parts: string[] = [];
  for (const h of row.highlights as unknown[]) {
    if (!h || typeof h !== 'object') continue;
    const { quote, note } = h as { quote?: unknown; note?: unknown };
    if (typeof quote === 'string') parts.push(quote);
    if (typeof note === 'string' && note) parts.push(note);
  }
  return parts.join('\n');
}
