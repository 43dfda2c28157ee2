/**
 * Highlights that arrive with an import (Omnivore and Readwise quotes, Masthead JSON's own
 * highlights with their selectors) become ordinary rows of the `highlights` table, so they are
 * anchored and painted on the live page and in the reader view like the reader's own. Untrusted
 * input: every field is validated and bounded; an entry without a usable quote is dropped.
 *
 * A quote without selectors gets a bare TextQuoteSelector (no context, no position, no ambiguity
 * record): anchor() then places it only where it is unambiguous and orphans it otherwise.
 * Ids are kept when they look like ids, else derived from the article and the quote, so importing
 * the same file twice writes the same rows (put, not add) instead of duplicates.
 */
import { hashText } from '../annotations/normalize';
import { pickSelectors, type HighlightSelector } from '../annotations/selectors';
import type { HighlightRow } from '../store-types';
import { cleanNote } from './fields';
import { cleanColor, MAX_HIGHLIGHTS_PER_ARTICLE } from './highlights';

/** Longest imported quote kept (characters); longer ones are cut for neither search nor anchoring. */
export const MAX_IMPORTED_QUOTE = 10_000;
const ID = /^[\w:-]{1,100}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function selectorsOf(entry: Record<string, unknown>, quote: string): HighlightSelector[] {
  const { quote: sel, position } = pickSelectors(entry['selectors']);
  if (sel && sel.exact === quote) return position ? [sel, position] : [sel];
  return [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }];
}

/**
 * Highlight rows for one imported article. `given` is the import's list as it came (any shape);
 * `now` dates entries that carry no valid creation time. At most MAX_HIGHLIGHTS_PER_ARTICLE rows.
 */
export function importedHighlightRows(urlKey: string, given: unknown, now: Date): HighlightRow[] {
  if (!Array.isArray(given)) return [];
  const out: HighlightRow[] = [];
  const ids = new Set<string>();
  for (const entry of given) {
    if (out.length >= MAX_HIGHLIGHTS_PER_ARTICLE) break;
    if (!isObject(entry)) continue;
    const raw = entry['quote'];
    if (typeof raw !== 'string' || !raw.trim() || raw.length > MAX_IMPORTED_QUOTE) continue;
    const quote = raw.trim();
    const givenId = entry['id'];
    const id =
      typeof givenId === 'string' && ID.test(givenId)
        ? givenId
        : `imp-${hashText(`${urlKey}\u0000${quote}`)}${hashText(quote)}`;
    if (ids.has(id)) continue;
    ids.add(id);
    const created = entry['createdAt'];
    const row: HighlightRow = {
      id,
      urlKey,
      createdAt: typeof created === 'string' && ISO.test(created) ? created : now.toISOString(),
      color: cleanColor(entry['color']),
      note: cleanNote(entry['note']),
      quote,
      selectors: selectorsOf(entry, quote),
    };
    const hash = entry['textHash'];
    if (typeof hash === 'string' && hash.length <= 64) row.textHash = hash;
    out.push(row);
  }
  return out;
}
