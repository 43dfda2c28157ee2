import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describe as describeSel } from '@/lib/annotations/selectors';
import { MastheadDb } from '@/lib/platform/db';
import {
  addHighlight,
  deleteHighlight,
  highlightsByArticle,
  highlightText,
  listHighlights,
  MAX_HIGHLIGHTS_PER_ARTICLE,
  updateHighlight,
  withHighlights,
} from '@/lib/reading-list/highlights';
import { exportMarkdown, exportMastheadJson, type ExportItem } from '@/lib/reading-list/io';
import type { MessageData } from '@/lib/protocol';
import { validateMessage } from '@/lib/protocol-validate';
import type { SavedArticle } from '@/lib/store-types';

let db: MastheadDb;
const t0 = new Date('2026-11-01T10:00:00.000Z');
const t1 = new Date('2026-11-02T10:00:00.000Z');
const TEXT =
  'Japan hopes for an alliance.\n\nFumio Kishida had a separate meeting with Mattis. Trump phoned.';
const SENTENCE = 'Fumio Kishida had a separate meeting with Mattis.';
const sel = () => describeSel(TEXT, TEXT.indexOf(SENTENCE), TEXT.indexOf(SENTENCE) + SENTENCE.length)!;

beforeEach(async () => {
  db = new MastheadDb(`test-hl-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const saved = (urlKey: string): SavedArticle => ({
  urlKey,
  url: `https://${urlKey}`,
  title: 'Japan and the US',
  savedAt: t0.toISOString(),
  updatedAt: t0.toISOString(),
  state: 'unread',
  favourite: 0,
  tags: [],
  note: '',
  text: TEXT,
});

describe('highlights store', () => {
  it('adds, lists (oldest first), edits and deletes', async () => {
    const d = sel();
    const a = await addHighlight(
      db,
      { urlKey: 'k', selectors: d.selectors, color: 'green', note: ' hi ', textHash: d.textHash },
      t1,
    );
    const b = await addHighlight(db, { urlKey: 'k', selectors: d.selectors }, t0);
    await addHighlight(db, { urlKey: 'other', selectors: d.selectors }, t0);
    expect(a).toMatchObject({
      urlKey: 'k',
      color: 'green',
      note: ' hi ',
      quote: SENTENCE,
      textHash: d.textHash,
    });
    expect(b.color).toBe('yellow'); // default
    expect((await listHighlights(db, 'k')).map((r) => r.id)).toEqual([b.id, a.id]);
    const edited = await updateHighlight(db, a.id, { note: 'new note', color: 'not-a-colour' }, t1);
    expect(edited).toMatchObject({ note: 'new note', color: 'yellow', updatedAt: t1.toISOString() });
    expect(await updateHighlight(db, 'missing', { note: 'x' }, t1)).toBeNull();
    expect(await deleteHighlight(db, a.id)).toBe(true);
    expect(await deleteHighlight(db, a.id)).toBe(false);
    expect((await listHighlights(db, 'k')).length).toBe(1);
  });

  it('refuses selectors without a usable quote and drops junk fields', async () => {
    await expect(
      addHighlight(db, { urlKey: 'k', selectors: [{ type: 'TextPositionSelector', start: 0, end: 3 }] }, t0),
    ).rejects.toThrow(/quoted passage/);
    await expect(addHighlight(db, { urlKey: 'k', selectors: 'nope' }, t0)).rejects.toThrow();
    const row = await addHighlight(
      db,
      {
        urlKey: 'k',
        selectors: [{ type: 'TextQuoteSelector', exact: 'abc', prefix: 'x'.repeat(1000), evil: 1 }],
        textHash: 'h'.repeat(500),
      },
      t0,
    );
    expect(row.selectors).toEqual([
      { type: 'TextQuoteSelector', exact: 'abc', prefix: 'x'.repeat(256), suffix: '' },
    ]);
    expect(row.textHash).toBeUndefined();
  });

  it('caps the highlights of one article', async () => {
    const d = sel();
    await db.highlights.bulkAdd(
      Array.from({ length: MAX_HIGHLIGHTS_PER_ARTICLE }, (_, i) => ({
        id: `h${i}`,
        urlKey: 'k',
        createdAt: t0.toISOString(),
      })),
    );
    await expect(addHighlight(db, { urlKey: 'k', selectors: d.selectors }, t0)).rejects.toThrow(/too many/);
  });

  it('attaches highlights to rows for search and the export files (JSON and Markdown)', async () => {
    const d = sel();
    await addHighlight(
      db,
      { urlKey: 'k', selectors: d.selectors, color: 'blue', note: 'Kishida met Mattis separately' },
      t0,
    );
    const rows = withHighlights([saved('k'), saved('none')], await highlightsByArticle(db));
    expect(rows[1]!.highlights).toBeUndefined();
    expect(highlightText(rows[0]!)).toBe(`${SENTENCE}\nKishida met Mattis separately`);
    const md = exportMarkdown(rows[0] as ExportItem);
    expect(md).toContain('## Highlights');
    expect(md).toContain(`> ${SENTENCE}`);
    expect(md).toContain('Kishida met Mattis separately');
    const json = JSON.parse(exportMastheadJson(rows as ExportItem[]));
    expect(json.items[0].highlights[0]).toMatchObject({
      quote: SENTENCE,
      color: 'blue',
      note: 'Kishida met Mattis separately',
    });
    // Imported highlights stay first; the reader's own follow.
    const imported = { ...saved('k'), highlights: [{ quote: 'from Omnivore' }] };
    const merged = withHighlights([imported], await highlightsByArticle(db))[0]!;
    expect((merged.highlights as { quote: string }[]).map((h) => h.quote)).toEqual([
      'from Omnivore',
      SENTENCE,
    ]);
  });
});

describe('highlight messages (validation)', () => {
  const env = (type: string, data: unknown) => ({ masthead: 1, type, data });
  const good = () => ({ selectors: sel().selectors, color: 'pink', note: 'n', textHash: sel().textHash });

  it('accepts well-formed messages and copies only known fields', () => {
    const r = validateMessage(env('addHighlight', { ...good(), urlKey: 'attacker', extra: 1 }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value.data).sort()).toEqual(['color', 'note', 'selectors', 'textHash']);
    expect(validateMessage(env('listHighlights', { url: 'https://other.example/' }))).toEqual({
      ok: true,
      value: { masthead: 1, type: 'listHighlights', data: {} },
    });
    expect(validateMessage(env('updateHighlight', { id: 'a', note: 'x', color: 'blue' })).ok).toBe(true);
    expect(validateMessage(env('deleteHighlight', { id: 'a' })).ok).toBe(true);
  });

  it.each([
    ['no quote selector', { ...good(), selectors: [{ type: 'TextPositionSelector', start: 1, end: 2 }] }],
    [
      'empty quote',
      { ...good(), selectors: [{ type: 'TextQuoteSelector', exact: '  ', prefix: '', suffix: '' }] },
    ],
    [
      'reversed position',
      {
        ...good(),
        selectors: [...good().selectors.slice(0, 1), { type: 'TextPositionSelector', start: 5, end: 2 }],
      },
    ],
    ['unknown colour', { ...good(), color: 'red' }],
    ['long prefix', { ...good(), selectors: [{ ...good().selectors[0], prefix: 'x'.repeat(300) }] }],
    ['too many selectors', { ...good(), selectors: Array(5).fill(good().selectors[0]) }],
    ['note not a string', { ...good(), note: 3 }],
  ])('rejects %s', (_what, data) => {
    expect(validateMessage(env('addHighlight', data)).ok).toBe(false);
  });

  it('rejects bad ids and colours in edits', () => {
    expect(validateMessage(env('deleteHighlight', { id: '' })).ok).toBe(false);
    expect(validateMessage(env('deleteHighlight', { id: 'x'.repeat(101) })).ok).toBe(false);
    expect(validateMessage(env('updateHighlight', { id: 'a', color: 'red' })).ok).toBe(false);
  });

  it('never throws, and what passes is well-formed (fast-check)', () => {
    const selector = fc.oneof(
      fc.record({
        type: fc.constant('TextQuoteSelector'),
        exact: fc.string(),
        prefix: fc.string(),
        suffix: fc.string(),
      }),
      fc.record({
        type: fc.constant('TextPositionSelector'),
        start: fc.integer({ min: -5, max: 50 }),
        end: fc.integer({ min: -5, max: 50 }),
      }),
      fc.anything(),
    );
    const data = fc.record(
      {
        selectors: fc.oneof(fc.array(selector, { maxLength: 6 }), fc.anything()),
        color: fc.oneof(fc.constantFrom('yellow', 'green', 'red'), fc.anything()),
        note: fc.oneof(fc.string(), fc.anything()),
        textHash: fc.oneof(fc.string(), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('addHighlight', 'updateHighlight', 'deleteHighlight', 'listHighlights'),
        data,
        (type, d) => {
          const r = validateMessage(env(type, type === 'addHighlight' ? d : { id: 'x', ...d }));
          if (!r.ok || r.value.type !== 'addHighlight') return;
          const v = r.value.data as MessageData<'addHighlight'>;
          expect(v.selectors.some((s) => s.type === 'TextQuoteSelector' && s.exact.trim().length > 0)).toBe(
            true,
          );
          for (const s of v.selectors)
            if (s.type === 'TextPositionSelector') expect(s.end).toBeGreaterThan(s.start);
          expect(['yellow', 'green', 'blue', 'pink', 'purple']).toContain(v.color);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
