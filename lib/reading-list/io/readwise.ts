/**
 * Readwise CSVs (FORMATS.md §1.7), all reported as 'readwise-csv':
 * - Reader library: `Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen`
 *   (tags a Python list literal; Location archive → archived, shortlist → favourite);
 * - highlights export: `Highlight,Book Title,Book Author,…,Note,Color,Tags,Location Type,Location,
 *   Highlighted at,Document tags` — one row per highlight, grouped into one item per URL; rows
 *   without an http(s) address (books) are skipped with a reason;
 * - the highlights import template `Highlight,Title,Author,URL,Note,Location,Date` (what our own
 *   Readwise-style export writes).
 */
import type { Collector } from './collect';
import { readTable, Row, joinWarnings } from './table';
import type { ImportedHighlight, ImportedItem } from './types';
import { appendHighlights, checkUrl, parseListCell, parseTime } from './values';

export async function importReadwiseCsv(text: string, c: Collector): Promise<void> {
  const table = readTable(text);
  c.addToTotal(table.records.length);
  const highlights = table.header.includes('highlight');
  let rowNo = 0;
  for (const record of table.records) {
    rowNo++;
    const row = new Row(table.header, record);
    if (row.isHeader()) c.skip(rowNo, 'repeated header row');
    else if (highlights) highlightRow(row, rowNo, c);
    else libraryRow(row, rowNo, c);
    await c.step();
  }
}

function libraryRow(row: Row, rowNo: number, c: Collector): void {
  const location = row.get('location').trim().toLowerCase();
  const time = parseTime(row.get('saved date'));
  const item: ImportedItem = {
    url: row.get('url'),
    title: row.get('title'),
    state: location === 'archive' ? 'archived' : 'unread',
    favourite: location === 'shortlist',
    tags: parseListCell(row.get('document tags')),
  };
  if (time.iso) item.savedAt = time.iso;
  c.accept(rowNo, item, joinWarnings(row.error, time.error));
}

function rowUrl(row: Row): string {
  const direct = row.get('url', 'source url', 'highlight url', 'document url');
  if (direct) return direct;
  const location = row.get('location');
  return checkUrl(location).ok ? location : '';
}

function highlightRow(row: Row, rowNo: number, c: Collector): void {
  const quote = row.get('highlight').trim();
  const url = rowUrl(row);
  if (!quote) {
    c.skip(rowNo, 'empty highlight', url || undefined);
    return;
  }
  if (!url) {
    c.skip(rowNo, 'no web address in this row (book highlights cannot be saved as articles)');
    return;
  }
  const time = parseTime(row.get('highlighted at', 'date'));
  const highlight: ImportedHighlight = { quote };
  const note = row.get('note').trim();
  if (note) highlight.note = note;
  if (time.iso) highlight.createdAt = time.iso;
  const color = row.get('color').trim();
  if (color) highlight.color = color;
  const existing = checkUrl(url).ok ? c.find(url) : undefined;
  if (existing) {
    if (appendHighlights(existing, [highlight]) === 0) {
      c.skip(rowNo, 'too many highlights for one article; the rest were left out', url);
      return;
    }
    c.rows.push({
      row: rowNo,
      status: 'imported',
      item: existing,
      ...(time.error ? { warning: time.error } : {}),
    });
    return;
  }
  const byline = row.get('book author', 'author').trim();
  const item: ImportedItem = {
    url,
    title: row.get('book title', 'title'),
    state: 'unread',
    favourite: false,
    tags: parseListCell(row.get('document tags')),
    highlights: [highlight],
  };
  if (byline) item.byline = byline;
  c.accept(rowNo, item, joinWarnings(row.error, time.error));
}
