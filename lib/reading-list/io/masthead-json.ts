/**
 * Masthead's own lossless, versioned JSON: `{"masthead":"reading-list","version":1,"exportedAt",
 * "count","items":[row…]}` where each row is the saved row exactly as stored, with its highlights.
 * Import hands each row back in `raw` (only fields of the wrong type are repaired, with a warning),
 * plus the ImportedItem view of it.
 */
import type { Collector } from './collect';
import type { ExportItem, ImportedHighlight, ImportedItem } from './types';

export const MASTHEAD_FORMAT = 'reading-list';
export const MASTHEAD_VERSION = 1;

export function exportMastheadJson(items: ExportItem[], now: Date = new Date()): string {
  return JSON.stringify({
    masthead: MASTHEAD_FORMAT,
    version: MASTHEAD_VERSION,
    exportedAt: now.toISOString(),
    count: items.length,
    items,
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function highlightsOf(list: unknown): ImportedHighlight[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: ImportedHighlight[] = [];
  for (const h of list) {
    if (!isRecord(h)) continue;
    const quote = typeof h.quote === 'string' ? h.quote : '';
    if (!quote) continue;
    const x: ImportedHighlight = { quote };
    if (optionalString(h.note)) x.note = h.note as string;
    if (optionalString(h.createdAt)) x.createdAt = h.createdAt as string;
    if (optionalString(h.color)) x.color = h.color as string;
    out.push(x);
  }
  return out.length ? out : undefined;
}

/** Repair wrong-typed known fields in place; returns what was repaired. */
function repair(raw: Record<string, unknown>): string[] {
  const fixed: string[] = [];
  const fix = (field: string, ok: boolean, value: unknown) => {
    if (ok) return;
    raw[field] = value;
    fixed.push(field);
  };
  fix('title', typeof raw.title === 'string', typeof raw.url === 'string' ? raw.url : '');
  fix('state', raw.state === 'unread' || raw.state === 'archived', 'unread');
  fix('favourite', raw.favourite === 0 || raw.favourite === 1, raw.favourite ? 1 : 0);
  fix(
    'tags',
    Array.isArray(raw.tags) && raw.tags.every((t) => typeof t === 'string'),
    Array.isArray(raw.tags) ? raw.tags.filter((t) => typeof t === 'string') : [],
  );
  fix('note', typeof raw.note === 'string', '');
  const now = new Date().toISOString();
  fix('savedAt', typeof raw.savedAt === 'string' && Number.isFinite(Date.parse(raw.savedAt)), now);
  fix(
    'updatedAt',
    typeof raw.updatedAt === 'string' && Number.isFinite(Date.parse(raw.updatedAt)),
    raw.savedAt,
  );
  return fixed;
}

export async function importMastheadJson(text: string, c: Collector, errors: string[]): Promise<void> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    errors.push(`not valid JSON (truncated?): ${(e as Error).message.slice(0, 200)}`);
    return;
  }
  if (!isRecord(doc) || doc.masthead !== MASTHEAD_FORMAT) {
    errors.push('not a Masthead reading-list export');
    return;
  }
  if (typeof doc.version !== 'number' || doc.version > MASTHEAD_VERSION || doc.version < 1) {
    errors.push(
      `export version ${String(doc.version).slice(0, 20)} is not supported by this Masthead (reads version ${MASTHEAD_VERSION}); nothing was imported`,
    );
    return;
  }
  if (!Array.isArray(doc.items)) {
    errors.push('the export has no "items" list');
    return;
  }
  c.addToTotal(doc.items.length);
  let rowNo = 0;
  for (const entry of doc.items as unknown[]) {
    rowNo++;
    if (!isRecord(entry)) c.skip(rowNo, 'item is not an object');
    else {
      const raw: Record<string, unknown> = { ...entry };
      const fixed = typeof raw.url === 'string' ? repair(raw) : [];
      const item: ImportedItem = {
        url: typeof raw.url === 'string' ? raw.url : '',
        title: raw.title as string,
        savedAt: raw.savedAt as string,
        state: raw.state as 'unread' | 'archived',
        favourite: raw.favourite === 1,
        tags: raw.tags as string[],
        raw,
      };
      if (raw.note) item.note = raw.note as string;
      for (const field of ['excerpt', 'content', 'text', 'byline', 'publishedTime'] as const) {
        const v = optionalString(raw[field]);
        if (v !== undefined) item[field] = v;
      }
      const highlights = highlightsOf(raw.highlights);
      if (highlights) item.highlights = highlights;
      c.accept(
        rowNo,
        item,
        fixed.length ? `repaired fields of the wrong type: ${fixed.join(', ')}` : undefined,
        true,
      );
    }
    await c.step();
  }
}
