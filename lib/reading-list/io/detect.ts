/**
 * Format sniffing (FORMATS.md §1.10): zip entry names, JSON envelope, HTML signatures, CSV header
 * columns (trimmed; matched case-insensitively by name so column order and case may vary). Only
 * the first 64 KB of a text file are decoded.
 */
import { readCsv } from './csv';
import { decodeText } from './decode';
import { looksLikeOmnivoreZip } from './omnivore';
import { looksLikePocketZip } from './pocket';
import { normaliseHeaderCell } from './table';
import type { ImportFormat } from './types';
import { isZip, listZipNames } from './zip';

const SNIFF_BYTES = 64 * 1024;

function hasAll(header: string[], names: string[]): boolean {
  return names.every((n) => header.includes(n));
}

export function formatOfHeader(header: string[]): ImportFormat {
  if (hasAll(header, ['title', 'url', 'time_added'])) return 'pocket-csv';
  if (hasAll(header, ['url', 'title', 'selection', 'folder'])) return 'instapaper-csv';
  if (header.includes('highlight') && (header.includes('book title') || header.includes('title')))
    return 'readwise-csv';
  if (hasAll(header, ['title', 'url', 'id', 'document tags'])) return 'readwise-csv';
  return 'unknown';
}

function firstRecord(text: string): string[] {
  // Only the first line(s): a header never holds quoted newlines in these exports.
  const firstLines = text.slice(0, 4096);
  for (const record of readCsv(firstLines, { maxFields: 64, maxFieldLength: 200 }))
    return record.fields.map(normaliseHeaderCell);
  return [];
}

/** Detect an import file's format from its bytes (the file name is only a tie-breaker). */
export function detectFormat(bytes: Uint8Array, fileName?: string): ImportFormat {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return 'unknown';
  if (isZip(bytes)) {
    const names = listZipNames(bytes);
    if (!names) return 'unknown';
    if (looksLikePocketZip(names)) return 'pocket-zip';
    if (looksLikeOmnivoreZip(names)) return 'omnivore-zip';
    return 'unknown';
  }
  const head = decodeText(bytes.subarray(0, SNIFF_BYTES), bytes.length > SNIFF_BYTES).text.replace(
    /^\ufeff/,
    '',
  );
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{')) {
    return /^\{\s*"masthead"\s*:\s*"reading-list"/.test(trimmed) ||
      /"masthead"\s*:\s*"reading-list"/.test(trimmed.slice(0, 4096))
      ? 'masthead-json'
      : 'unknown';
  }
  if (trimmed.startsWith('<')) {
    if (/^<!DOCTYPE\s+NETSCAPE-Bookmark-file-1/i.test(trimmed)) return 'netscape-html';
    if (/<title>\s*Pocket Export\s*<\/title>/i.test(head)) return 'pocket-html';
    if (/<dl[\s>]/i.test(head) && /<dt[\s>]/i.test(head) && /<a\s[^>]*href=/i.test(head))
      return 'netscape-html';
    if (/ril_export/i.test(fileName ?? '') && /<h1[\s>]/i.test(head)) return 'pocket-html';
    return 'unknown';
  }
  // Control characters other than whitespace in the head: binary, not CSV.
  // eslint-disable-next-line no-control-regex -- detecting binary content is the point
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(head.slice(0, 1024))) return 'unknown';
  return formatOfHeader(firstRecord(trimmed));
}
