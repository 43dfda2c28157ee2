/**
 * Reading-list import and export: pure functions over bytes and strings (no DOM, no IndexedDB), so
 * the same code runs in the extension's pages, its service worker and the Node analyzer.
 * `parseImport` never throws on file content: problems are per-row `skipped` outcomes or
 * file-level `errors`. Duplicates against the database are the caller's job (by normalizeUrl);
 * duplicates within the file are reported here.
 */
import { Collector } from './collect';
import { decodeText } from './decode';
import { detectFormat } from './detect';
import { importInstapaperCsv } from './instapaper';
import { importMastheadJson } from './masthead-json';
import { importNetscape } from './netscape';
import { importOmnivoreZip, isOmnivoreEntry } from './omnivore';
import { importPocketCsv, importPocketHtml, importPocketZip, isPocketZipEntry } from './pocket';
import { importReadwiseCsv } from './readwise';
import type { ImportFormat, ImportOptions, ImportResult } from './types';
import { DEFAULT_ZIP_LIMITS, mb, unzipBounded } from './zip';

export type * from './types';
export { detectFormat } from './detect';
export { itemUrlKey, urlKeysOf } from './collect';
export { exportMastheadJson } from './masthead-json';
export { exportNetscape } from './netscape';
export { exportCsv, exportMarkdown, exportReadwiseCsv } from './export';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const FORMAT_NAMES: Record<Exclude<ImportFormat, 'unknown'>, string> = {
  'pocket-csv': 'Pocket CSV',
  'pocket-html': 'Pocket HTML',
  'pocket-zip': 'Pocket export zip',
  'instapaper-csv': 'Instapaper CSV',
  'omnivore-zip': 'Omnivore export zip',
  'netscape-html': 'bookmark HTML',
  'masthead-json': 'Masthead JSON',
  'readwise-csv': 'Readwise CSV',
};

export function formatName(format: ImportFormat): string {
  return format === 'unknown' ? 'unknown format' : FORMAT_NAMES[format];
}

const UNKNOWN_MESSAGE =
  'Not a recognised export. Supported: Pocket (CSV, zip or HTML), Instapaper CSV, Omnivore export zip, ' +
  'bookmark HTML (Netscape format), Readwise CSV and Masthead JSON.';

/** Parse an import file into items and a per-row report. */
export async function parseImport(
  bytes: Uint8Array,
  fileName?: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('parseImport expects a Uint8Array');
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const c = new Collector(0, opts.onProgress, opts.yieldToLoop ?? true);
  const errors: string[] = [];
  const result = (format: ImportFormat): ImportResult => {
    c.finish();
    return { format, items: c.items, rows: c.rows, errors };
  };
  if (bytes.length === 0) {
    errors.push('The file is empty.');
    return result('unknown');
  }
  const format = detectFormat(bytes, fileName);
  if (bytes.length > maxBytes) {
    errors.push(`The file is ${mb(bytes.length)}; the limit is ${mb(maxBytes)}. Nothing was imported.`);
    return result(format);
  }
  switch (format) {
    case 'unknown':
      errors.push(UNKNOWN_MESSAGE);
      break;
    case 'pocket-zip':
    case 'omnivore-zip': {
      const pocket = format === 'pocket-zip';
      const limits = {
        ...DEFAULT_ZIP_LIMITS,
        maxTotalBytes: Math.max(DEFAULT_ZIP_LIMITS.maxTotalBytes, maxBytes * 4),
      };
      const unzipped = unzipBounded(bytes, pocket ? isPocketZipEntry : isOmnivoreEntry, limits);
      errors.push(...unzipped.errors);
      if (pocket) await importPocketZip(unzipped.entries, c, errors);
      else await importOmnivoreZip(unzipped.entries, c, errors);
      break;
    }
    default: {
      const text = decodeText(bytes).text;
      if (format === 'pocket-csv') await importPocketCsv(text, c);
      else if (format === 'instapaper-csv') await importInstapaperCsv(text, c);
      else if (format === 'readwise-csv') await importReadwiseCsv(text, c);
      else if (format === 'pocket-html') await importPocketHtml(text, c);
      else if (format === 'netscape-html') await importNetscape(text, c);
      else await importMastheadJson(text, c, errors);
    }
  }
  if (format !== 'unknown' && c.rows.length === 0 && errors.length === 0)
    errors.push(`No entries found in this ${formatName(format)} file.`);
  return result(format);
}
