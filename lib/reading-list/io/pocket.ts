/**
 * Pocket exports (FORMATS.md §1.1–1.2): the CSV (`title,url,time_added[,cursor],tags,status`,
 * pipe-separated tags, Unix seconds), the zip of `part_NNNNNN.csv` files (each with its own header)
 * plus an optional highlights JSON, and the older `ril_export.html` (read state = the `<h1>` section).
 */
import { Collector } from './collect';
import { decodeText } from './decode';
import { collapseSpace, decodeEntities, tokenizeHtml } from './html';
import { readTable, Row, joinWarnings, type CsvTable } from './table';
import type { ImportedHighlight, ImportedItem } from './types';
import { appendHighlights, parseTime, splitTags } from './values';
import type { ZipEntry } from './zip';

function pocketState(status: string): 'unread' | 'archived' {
  return /^(archive|archived|read)$/i.test(status.trim()) ? 'archived' : 'unread';
}

function truthy(cell: string): boolean {
  return /^(1|true|yes)$/i.test(cell.trim());
}

/** Process one parsed Pocket CSV table; `rowBase` numbers rows across the parts of a zip. */
export async function collectPocketTable(table: CsvTable, c: Collector, rowBase = 0): Promise<number> {
  let n = 0;
  for (const record of table.records) {
    n++;
    const rowNo = rowBase + n;
    const row = new Row(table.header, record);
    if (row.isHeader()) {
      c.skip(rowNo, 'repeated header row');
    } else {
      const time = parseTime(row.get('time_added'));
      const item: ImportedItem = {
        url: row.get('url'),
        // Titles scraped from HTML sometimes keep entities (`&amp;`, `&#39;`).
        title: decodeEntities(row.get('title'), true),
        state: pocketState(row.get('status')),
        favourite: truthy(row.get('favorite', 'favourite')),
        tags: splitTags(row.get('tags')),
        note: row.get('note') || undefined,
        excerpt: row.get('excerpt') || undefined,
      };
      if (time.iso) item.savedAt = time.iso;
      if (!row.get('url') && row.error) c.skip(rowNo, row.error);
      else c.accept(rowNo, item, joinWarnings(row.error, time.error));
    }
    await c.step();
  }
  return n;
}

export async function importPocketCsv(text: string, c: Collector): Promise<void> {
  const table = readTable(text);
  c.addToTotal(table.records.length);
  await collectPocketTable(table, c);
}

/** Pocket HTML: `<h1>Unread</h1><ul><li><a href time_added tags>` then `<h1>Read Archive</h1>`. */
export async function importPocketHtml(html: string, c: Collector): Promise<void> {
  const links: { href: string; time: string; tags: string; title: string; state: 'unread' | 'archived' }[] =
    [];
  let state: 'unread' | 'archived' = 'unread';
  let inH1 = false;
  let h1Text = '';
  let link: (typeof links)[number] | undefined;
  for (const token of tokenizeHtml(html)) {
    if (token.type === 'open' && token.name === 'h1') {
      inH1 = true;
      h1Text = '';
    } else if (token.type === 'close' && token.name === 'h1') {
      inH1 = false;
      state = /archive|read\b/i.test(h1Text) && !/unread/i.test(h1Text) ? 'archived' : 'unread';
    } else if (token.type === 'open' && token.name === 'a') {
      link = {
        href: token.attrs.href ?? '',
        time: token.attrs.time_added ?? '',
        tags: token.attrs.tags ?? '',
        title: '',
        state,
      };
      links.push(link);
    } else if (token.type === 'close' && token.name === 'a') {
      link = undefined;
    } else if (token.type === 'text') {
      if (inH1) h1Text += token.text;
      else if (link) link.title += token.text;
    }
  }
  c.addToTotal(links.length);
  let rowNo = 0;
  for (const l of links) {
    rowNo++;
    const time = parseTime(l.time);
    const item: ImportedItem = {
      url: l.href,
      title: collapseSpace(l.title),
      state: l.state,
      favourite: false,
      // Comma-separated here, unlike the CSV.
      tags: splitTags(l.tags.replace(/\|/g, ',')),
    };
    if (time.iso) item.savedAt = time.iso;
    c.accept(rowNo, item, time.error);
    await c.step();
  }
}

const PART_CSV = /(^|\/)part_\d+\.csv$/i;
const PART_JSON = /(^|\/)part_\d+\.json$/i;

export function isPocketZipEntry(name: string): boolean {
  return PART_CSV.test(name) || PART_JSON.test(name);
}

export function looksLikePocketZip(names: string[]): boolean {
  return names.some((n) => PART_CSV.test(n));
}

/** Pocket zip: the CSV parts in name order, then highlights from JSON parts merged by URL. */
export async function importPocketZip(entries: ZipEntry[], c: Collector, errors: string[]): Promise<void> {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const tables = sorted.filter((e) => PART_CSV.test(e.name)).map((e) => readTable(decodeText(e.data).text));
  c.addToTotal(tables.reduce((sum, t) => sum + t.records.length, 0));
  let rowBase = 0;
  for (const table of tables) rowBase += await collectPocketTable(table, c, rowBase);
  for (const entry of sorted.filter((e) => PART_JSON.test(e.name))) {
    rowBase = await mergePocketHighlights(entry, c, errors, rowBase);
  }
}

/** Highlights JSON (unverified schema): objects with url/given_url, title, and an array of {quote, created_at}. */
async function mergePocketHighlights(
  entry: ZipEntry,
  c: Collector,
  errors: string[],
  rowBase: number,
): Promise<number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeText(entry.data).text);
  } catch {
    errors.push(`${entry.name}: not valid JSON; its highlights were not imported`);
    return rowBase;
  }
  const list = Array.isArray(parsed) ? parsed : [];
  let rowNo = rowBase;
  for (const obj of list) {
    if (!obj || typeof obj !== 'object') continue;
    const o = obj as Record<string, unknown>;
    const url = typeof o.url === 'string' ? o.url : typeof o.given_url === 'string' ? o.given_url : '';
    const highlights = quotesOf(o);
    if (highlights.length === 0) continue;
    rowNo++;
    const existing = url ? c.find(url) : undefined;
    if (existing) {
      const added = appendHighlights(existing, highlights);
      c.rows.push({
        row: rowNo,
        status: 'imported',
        item: existing,
        warning: `${added} highlight(s) merged into the row with the same address`,
      });
    } else {
      const title = typeof o.title === 'string' ? o.title : '';
      c.accept(rowNo, { url, title, state: 'unread', favourite: false, tags: [], highlights });
    }
  }
  return rowNo;
}

function quotesOf(o: Record<string, unknown>): ImportedHighlight[] {
  const out: ImportedHighlight[] = [];
  for (const value of Object.values(o)) {
    if (!Array.isArray(value)) continue;
    for (const h of value) {
      if (!h || typeof h !== 'object') continue;
      const quote = (h as Record<string, unknown>).quote;
      if (typeof quote !== 'string' || quote.trim() === '') continue;
      const time = parseTime((h as Record<string, unknown>).created_at);
      out.push(time.iso ? { quote: quote.trim(), createdAt: time.iso } : { quote: quote.trim() });
    }
  }
  return out;
}
