/**
 * Export files from the saved rows (io library formats) and the browser download of a generated
 * file. The page builds the file itself: nothing is uploaded anywhere.
 */
import {
  exportCsv,
  exportMarkdown,
  exportMastheadJson,
  exportNetscape,
  type ExportItem,
} from '@/lib/reading-list/io';
import type { SavedArticle } from '@/lib/store-types';

export type ExportFormat = 'json' | 'csv' | 'html' | 'md';

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  json: 'Masthead JSON (complete, re-importable)',
  csv: 'CSV (spreadsheets)',
  html: 'Bookmarks HTML (browsers, other apps)',
  md: 'Markdown (one section per article)',
};

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

const stamp = (now: Date) => now.toISOString().slice(0, 10);

/** The export file for rows in a format. */
export function buildExport(
  rows: readonly SavedArticle[],
  format: ExportFormat,
  now = new Date(),
): ExportFile {
  const items = rows as ExportItem[];
  const base = `masthead-reading-list-${stamp(now)}`;
  switch (format) {
    case 'json':
      return { name: `${base}.json`, mime: 'application/json', text: exportMastheadJson([...items]) };
    case 'csv':
      return { name: `${base}.csv`, mime: 'text/csv', text: exportCsv([...items]) };
    case 'html':
      return { name: `${base}.html`, mime: 'text/html', text: exportNetscape([...items]) };
    case 'md':
      return {
        name: `${base}.md`,
        mime: 'text/markdown',
        text: items.map((i) => exportMarkdown(i)).join('\n\n---\n\n'),
      };
  }
}

/** A safe file name stem from an article title. */
export function fileStem(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'article'
  );
}

/** Offer `file` as a download (a blob URL on an anchor with `download`). */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
