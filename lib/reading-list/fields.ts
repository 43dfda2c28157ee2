/**
 * Bounds and clean-ups for what a reader (or an import file) may put on a saved item: tags, notes,
 * titles. Pure; shared by the repository, the import step and the message validators.
 */

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 64;
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_TITLE_LENGTH = 1_000;

/** Trimmed, whitespace-collapsed, without control characters. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;

function tidy(s: string): string {
  return s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Tags: trimmed, no commas (they separate tags in inputs), unique case-insensitively, bounded. */
export function cleanTags(tags: readonly unknown[] | undefined): string[] {
  if (!Array.isArray(tags)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    const tag = tidy(raw.replace(/,/g, ' ')).slice(0, MAX_TAG_LENGTH);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

/** "politics, japan ,  defence" → ['politics', 'japan', 'defence']. */
export function parseTagInput(input: string): string[] {
  return cleanTags(input.split(','));
}

export function cleanNote(note: unknown): string {
  if (typeof note !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  return note.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').slice(0, MAX_NOTE_LENGTH);
}

export function cleanTitle(title: unknown, fallback: string): string {
  const t = typeof title === 'string' ? tidy(title).slice(0, MAX_TITLE_LENGTH) : '';
  return t || fallback;
}

/** A valid ISO time from `v` (string or Date), or undefined. */
export function isoTime(v: unknown): string | undefined {
  if (typeof v !== 'string' && !(v instanceof Date)) return undefined;
  const d = new Date(v);
  const t = d.getTime();
  return Number.isFinite(t) ? d.toISOString() : undefined;
}
