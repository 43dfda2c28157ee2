/**
 * Omnivore export zip (FORMATS.md §1.5): `metadata_0_to_20.json`… (arrays of items),
 * `content/{slug}.html` (the saved article, kept as untrusted content plus its plain text) and
 * `highlights/{slug}.md` (`> quote`, optional `#label …` line, optional note; blank-line separated).
 * Highlights carry no positions: they are imported as quotes only.
 */
import type { Collector } from './collect';
import { decodeText } from './decode';
import { htmlToText } from './html';
import type { ImportedHighlight, ImportedItem } from './types';
import { cleanTags, parseTime } from './values';
import type { ZipEntry } from './zip';

const METADATA = /(^|\/)metadata_(\d+)_to_\d+\.json$/i;
const CONTENT = /(^|\/)content\/([^/]+)\.html?$/i;
const HIGHLIGHTS = /(^|\/)highlights\/([^/]+)\.md$/i;

export function isOmnivoreEntry(name: string): boolean {
  return METADATA.test(name) || CONTENT.test(name) || HIGHLIGHTS.test(name);
}

export function looksLikeOmnivoreZip(names: string[]): boolean {
  return names.some((n) => METADATA.test(n));
}

/** Parse one highlights/{slug}.md file into quotes (with labels folded into nothing) and page notes. */
export function parseOmnivoreHighlights(md: string): { highlights: ImportedHighlight[]; notes: string[] } {
  const highlights: ImportedHighlight[] = [];
  const notes: string[] = [];
  const blocks = md.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  let current: ImportedHighlight | undefined;
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    if (block.startsWith('>')) {
      const quote = block
        .split('\n')
        .map((line) => line.replace(/^>\s?/, ''))
        .join('\n')
        .trim();
      current = quote ? { quote } : undefined;
      if (current) highlights.push(current);
    } else if (current && /^(#[^\s#]+\s*)+$/.test(block)) {
      // Highlight labels: Masthead has no per-highlight labels; they are dropped.
    } else if (current) {
      current.note = current.note ? `${current.note}\n\n${block}` : block;
    } else {
      notes.push(block);
    }
  }
  return { highlights, notes };
}

function slugOf(match: RegExpExecArray): string {
  return match[2] ?? '';
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export async function importOmnivoreZip(entries: ZipEntry[], c: Collector, errors: string[]): Promise<void> {
  const content = new Map<string, ZipEntry>();
  const highlights = new Map<string, ZipEntry>();
  const metadata: { order: number; entry: ZipEntry }[] = [];
  for (const e of entries) {
    const m = METADATA.exec(e.name);
    if (m) metadata.push({ order: Number(m[2]), entry: e });
    const cm = CONTENT.exec(e.name);
    if (cm) content.set(slugOf(cm), e);
    const hm = HIGHLIGHTS.exec(e.name);
    if (hm) highlights.set(slugOf(hm), e);
  }
  metadata.sort((a, b) => a.order - b.order || (a.entry.name < b.entry.name ? -1 : 1));
  const list: unknown[] = [];
  for (const { entry } of metadata) {
    try {
      const parsed: unknown = JSON.parse(decodeText(entry.data).text);
      if (Array.isArray(parsed)) list.push(...parsed);
      else errors.push(`${entry.name}: expected an array of items; skipped`);
    } catch {
      errors.push(`${entry.name}: not valid JSON (truncated?); its items were not imported`);
    }
  }
  c.addToTotal(list.length);
  let rowNo = 0;
  for (const obj of list) {
    rowNo++;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      c.skip(rowNo, 'metadata entry is not an object');
    } else {
      c.accept(rowNo, ...omnivoreItem(obj as Record<string, unknown>, content, highlights));
    }
    await c.step();
  }
}

function omnivoreItem(
  o: Record<string, unknown>,
  content: Map<string, ZipEntry>,
  highlights: Map<string, ZipEntry>,
): [ImportedItem, string | undefined] {
  const labels = Array.isArray(o.labels)
    ? o.labels.map((l) => (typeof l === 'string' ? l : str((l as { name?: unknown } | null)?.name)))
    : [];
  const saved = parseTime(o.savedAt);
  const published = parseTime(o.publishedAt);
  const item: ImportedItem = {
    url: str(o.url),
    title: str(o.title),
    state: str(o.state).toLowerCase() === 'archived' ? 'archived' : 'unread',
    favourite: false,
    tags: cleanTags(labels),
  };
  if (saved.iso) item.savedAt = saved.iso;
  if (published.iso) item.publishedTime = published.iso;
  if (str(o.description)) item.excerpt = str(o.description);
  if (str(o.author)) item.byline = str(o.author);
  const slug = str(o.slug);
  const html = slug ? content.get(slug) : undefined;
  if (html) {
    item.content = decodeText(html.data).text;
    item.text = htmlToText(item.content);
  }
  const md = slug ? highlights.get(slug) : undefined;
  if (md) {
    const parsed = parseOmnivoreHighlights(decodeText(md.data).text);
    if (parsed.highlights.length) item.highlights = parsed.highlights;
    if (parsed.notes.length) item.note = parsed.notes.join('\n\n');
  }
  return [item, saved.error];
}
