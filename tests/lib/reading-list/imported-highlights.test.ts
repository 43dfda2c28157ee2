import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor } from '@/lib/annotations/anchor';
import { describe as describeSel } from '@/lib/annotations/selectors';
import { MAX_HIGHLIGHTS_PER_ARTICLE } from '@/lib/reading-list/highlights';
import { importedHighlightRows, MAX_IMPORTED_QUOTE } from '@/lib/reading-list/imported-highlights';

const now = new Date('2026-11-26T09:00:00.000Z');
const TEXT =
  'Japan hopes for an alliance.\n\nFumio Kishida had a separate meeting with Mattis. Trump phoned.\n\nJapan hopes for an alliance.';

describe('imported highlights → highlight rows', () => {
  it('turns a bare quote (Omnivore, Readwise) into a quote selector that anchors when unambiguous', () => {
    const [row] = importedHighlightRows(
      'k',
      [{ quote: ' Fumio Kishida had a separate meeting ', note: 'n' }],
      now,
    );
    expect(row).toMatchObject({
      urlKey: 'k',
      quote: 'Fumio Kishida had a separate meeting',
      note: 'n',
      color: 'yellow',
      createdAt: now.toISOString(),
      selectors: [
        { type: 'TextQuoteSelector', exact: 'Fumio Kishida had a separate meeting', prefix: '', suffix: '' },
      ],
    });
    const placed = anchor(row!.selectors as never, TEXT);
    expect(TEXT.slice(placed.start, placed.end)).toBe('Fumio Kishida had a separate meeting');
    // A quote found twice in the page has no context to choose by: orphaned, never a coin toss.
    const [twin] = importedHighlightRows('k', [{ quote: 'Japan hopes for an alliance.' }], now);
    expect(anchor(twin!.selectors as never, TEXT).status).toBe('orphaned');
  });

  it("keeps Masthead JSON's own selectors, id, colour, time and text hash", () => {
    const start = TEXT.indexOf('Trump phoned.');
    const d = describeSel(TEXT, start, start + 'Trump phoned.'.length)!;
    const given = {
      id: '4f1c2b9e-0000-4000-8000-000000000001',
      quote: 'Trump phoned.',
      selectors: d.selectors,
      color: 'green',
      createdAt: '2026-11-01T10:00:00.000Z',
      textHash: d.textHash,
    };
    const [row] = importedHighlightRows('k', [given], now);
    expect(row).toMatchObject({
      id: given.id,
      color: 'green',
      createdAt: given.createdAt,
      textHash: d.textHash,
    });
    expect(row!.selectors).toEqual(d.selectors);
    expect(anchor(row!.selectors as never, TEXT, { textHash: d.textHash }).status).toBe('exact');
  });

  it('gives the same ids on a second import of the same file (no duplicates)', () => {
    const list = [{ quote: 'one' }, { quote: 'two' }, { quote: 'one' }];
    const a = importedHighlightRows('k', list, now).map((r) => r.id);
    expect(a).toHaveLength(2);
    expect(importedHighlightRows('k', list, new Date()).map((r) => r.id)).toEqual(a);
    // The same quote on another article is another highlight.
    expect(importedHighlightRows('other', list, now).map((r) => r.id)).not.toEqual(a);
  });

  it('drops what is not a highlight and bounds the rest', () => {
    const rows = importedHighlightRows(
      'k',
      [
        null,
        'quote',
        [],
        { quote: '' },
        { quote: '   ' },
        { quote: 42 },
        { quote: 'x'.repeat(MAX_IMPORTED_QUOTE + 1) },
        {
          quote: 'ok',
          id: '<script>',
          color: 'javascript:',
          createdAt: 'yesterday',
          textHash: 'h'.repeat(65),
        },
        { quote: 'bad selectors', selectors: [{ type: 'TextQuoteSelector', exact: 'other text' }] },
      ],
      now,
    );
    expect(rows.map((r) => r.quote)).toEqual(['ok', 'bad selectors']);
    expect(rows[0]!.id).toMatch(/^imp-[0-9a-f]{16}$/);
    expect(rows[0]).toMatchObject({ color: 'yellow', createdAt: now.toISOString() });
    expect(rows[0]!.textHash).toBeUndefined();
    expect(rows[1]!.selectors).toEqual([
      { type: 'TextQuoteSelector', exact: 'bad selectors', prefix: '', suffix: '' },
    ]);
    expect(importedHighlightRows('k', { quote: 'not a list' }, now)).toEqual([]);
    const many = Array.from({ length: MAX_HIGHLIGHTS_PER_ARTICLE + 5 }, (_, i) => ({ quote: `q${i}` }));
    expect(importedHighlightRows('k', many, now)).toHaveLength(MAX_HIGHLIGHTS_PER_ARTICLE);
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), (key, given) => {
        const rows = importedHighlightRows(key, given, now);
        for (const r of rows) expect(r.quote?.trim()).toBeTruthy();
      }),
      { numRuns: 2_000 },
    );
  });
});
