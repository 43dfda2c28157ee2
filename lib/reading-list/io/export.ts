/**
 * Exporters other than Masthead JSON and bookmark HTML: a Pocket-style CSV (formula-neutralised,
 * re-importable as 'pocket-csv'), a Readwise highlights-import CSV, and Markdown for one article
 * (front matter, note, highlights in Omnivore's `> quote` + note layout, then the article text).
 */
import { toCsv } from './csv';
import type { ExportItem, HighlightExport } from './types';
import { checkUrl, seconds } from './values';

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export const CSV_HEADER = ['title', 'url', 'time_added', 'tags', 'status', 'favorite', 'note', 'excerpt'];

/** Pocket's column names first (so Pocket-CSV importers elsewhere read it), then ours. */
export function exportCsv(items: ExportItem[]): string {
  const rows = items.map((i) => [
    i.title,
    i.url,
    seconds(i.savedAt),
    i.tags.map((t) => t.replace(/\|/g, ' ')).join('|'),
    i.state === 'archived' ? 'archive' : 'unread',
    i.favourite === 1 ? '1' : '0',
    i.note,
    str(i.excerpt),
  ]);
  return toCsv([CSV_HEADER, ...rows]);
}

/** Readwise's highlights import template, one row per highlight. */
export function exportReadwiseCsv(items: ExportItem[]): string {
  const rows: string[][] = [];
  for (const i of items) {
    for (const h of (i.highlights ?? []) as HighlightExport[]) {
      if (!str(h.quote)) continue;
      rows.push([str(h.quote), i.title, str(i.byline), i.url, str(h.note), '', str(h.createdAt)]);
    }
  }
  return toCsv([['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'], ...rows]);
}

function yamlValue(v: unknown): string {
  return JSON.stringify(v);
}

/** One line of safe Markdown inline text: no line breaks, HTML and link syntax escaped. */
function inline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>#])/g, '\\$1');
}

function quoteBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => ('> ' + line).trimEnd())
    .join('\n');
}

function autolink(url: string): string {
  return '<' + url.replace(/[<>\s]/g, (c) => encodeURIComponent(c)) + '>';
}

function highlightMarkdown(h: HighlightExport): string {
  const parts = [quoteBlock(str(h.quote))];
  const note = str(h.note).trim();
  if (note) parts.push(note);
  return parts.join('\n\n');
}

/** Article text as Markdown paragraphs; a line that would start a heading, quote or list is escaped. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/^(\s*)([#>+*-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\n\n');
}

export function exportMarkdown(item: ExportItem): string {
  const front: [string, unknown][] = [
    ['title', item.title],
    ['url', item.url],
    ['saved', item.savedAt],
    ['updated', item.updatedAt],
    ['state', item.state],
    ['favourite', item.favourite === 1],
    ['tags', item.tags],
  ];
  for (const key of ['publishedTime', 'siteName', 'byline', 'outletQid'] as const) {
    if (str(item[key])) front.push([key, item[key]]);
  }
  const out = [
    '---',
    ...front.map(([k, v]) => `${k}: ${yamlValue(v)}`),
    '---',
    '',
    `# ${inline(item.title || item.url)}`,
    '',
  ];
  if (checkUrl(item.url).ok) out.push(autolink(item.url), '');
  const excerpt = str(item.excerpt).trim();
  if (excerpt) out.push(quoteBlock(excerpt), '');
  if (item.note.trim()) out.push('## Note', '', item.note.trim(), '');
  const highlights = ((item.highlights ?? []) as HighlightExport[]).filter((h) => str(h.quote));
  if (highlights.length) out.push('## Highlights', '', highlights.map(highlightMarkdown).join('\n\n'), '');
  const text = str(item.text).trim();
  if (text) out.push('## Article', '', paragraphs(text), '');
  return out.join('\n');
}
