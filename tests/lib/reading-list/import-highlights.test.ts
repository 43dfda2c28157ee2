// Highlights that come with an import land in the `highlights` table (anchored and painted like the
// reader's own), never duplicate on a second import, never overwrite a stored highlight, and a
// Masthead JSON export → delete → import round trip gives the reader's highlights back with their
// selectors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchor } from '@/lib/annotations/anchor';
import { describe as describeSel } from '@/lib/annotations/selectors';
import { MastheadDb } from '@/lib/platform/db';
import {
  addHighlight,
  highlightsByArticle,
  listHighlights,
  withHighlights,
} from '@/lib/reading-list/highlights';
import { exportMastheadJson, parseImport, type ExportItem, type ImportResult } from '@/lib/reading-list/io';
import { applyImport, exportRows } from '@/lib/reading-list/store-import';
import { deleteSaved, saveLink } from '@/lib/reading-list/store';

let db: MastheadDb;
const now = new Date('2026-11-26T10:00:00.000Z');
const noYield = async () => {};
const TEXT =
  'Japan hopes for an alliance.\n\nFumio Kishida had a separate meeting with Mattis. Trump phoned.';
const SENTENCE = 'Fumio Kishida had a separate meeting with Mattis.';

beforeEach(async () => {
  db = new MastheadDb(`test-rl-imp-hl-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const omnivoreLike = (highlights: unknown[]): ImportResult => {
  const item = {
    url: 'https://www.presstv.ir/Detail/2017/02/03/509584/x',
    title: 'Japan',
    highlights,
  } as never;
  return { format: 'omnivore-zip', items: [item], rows: [{ row: 1, status: 'imported', item }], errors: [] };
};

describe('imported highlights', () => {
  it('become highlight rows of the article (not inline), once, however often the file is imported', async () => {
    const file = omnivoreLike([{ quote: SENTENCE, note: 'met separately' }, { quote: 'Trump phoned.' }]);
    await applyImport(db, file, { now, yieldToUi: noYield });
    const [row] = await exportRows(db);
    expect(row!.highlights).toBeUndefined();
    const stored = await listHighlights(db, row!.urlKey);
    expect(stored.map((h) => [h.quote, h.note])).toEqual([
      [SENTENCE, 'met separately'],
      ['Trump phoned.', ''],
    ]);
    // Anchored on the article's text like the reader's own (quote only: placed where unambiguous).
    const placed = anchor(stored[0]!.selectors, TEXT);
    expect(TEXT.slice(placed.start, placed.end)).toBe(SENTENCE);
    // Delete the article, import the same file again: the same rows, no duplicates.
    await applyImport(db, file, { now: new Date(), yieldToUi: noYield });
    expect((await db.highlights.toArray()).length).toBe(2);
    // Deleting the article deletes its highlights; importing again brings them back once.
    await deleteSaved(db, [row!.urlKey]);
    expect(await db.highlights.count()).toBe(0);
    await applyImport(db, file, { now: new Date(), yieldToUi: noYield });
    expect((await db.highlights.toArray()).map((h) => h.quote)).toEqual([SENTENCE, 'Trump phoned.']);
  });

  it('never overwrites a stored highlight whose id the file reuses (another article, hostile file)', async () => {
    const d = describeSel(TEXT, TEXT.indexOf(SENTENCE), TEXT.indexOf(SENTENCE) + SENTENCE.length)!;
    const mine = await addHighlight(
      db,
      { urlKey: 'other.example/a', selectors: d.selectors, note: 'mine' },
      now,
    );
    await applyImport(db, omnivoreLike([{ id: mine.id, quote: 'overwrite attempt', note: 'evil' }]), {
      now,
      yieldToUi: noYield,
    });
    expect(await db.highlights.get(mine.id)).toEqual(mine);
  });

  it("a Masthead JSON round trip brings the reader's highlights back with their selectors", async () => {
    const url = 'https://www.presstv.ir/Detail/2017/02/03/509584/x';
    await saveLink(db, { url, title: 'Japan' }, now);
    const [saved] = await exportRows(db);
    const d = describeSel(TEXT, TEXT.indexOf(SENTENCE), TEXT.indexOf(SENTENCE) + SENTENCE.length)!;
    const mine = await addHighlight(
      db,
      { urlKey: saved!.urlKey, selectors: d.selectors, textHash: d.textHash, color: 'blue', note: 'n' },
      now,
    );
    const json = exportMastheadJson(
      withHighlights(await exportRows(db), await highlightsByArticle(db)) as ExportItem[],
    );
    await deleteSaved(db, [saved!.urlKey]);
    expect(await db.highlights.count()).toBe(0);
    const parsed = await parseImport(new TextEncoder().encode(json), 'masthead.json');
    await applyImport(db, parsed, { now: new Date(), yieldToUi: noYield });
    const back = await listHighlights(db, saved!.urlKey);
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({
      id: mine.id,
      color: 'blue',
      note: 'n',
      quote: SENTENCE,
      textHash: d.textHash,
    });
    expect(back[0]!.selectors).toEqual(mine.selectors);
    expect(anchor(back[0]!.selectors, TEXT, { textHash: d.textHash }).status).toBe('exact');
  });
});
