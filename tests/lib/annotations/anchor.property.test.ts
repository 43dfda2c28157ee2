import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { anchor } from '../../../lib/annotations/anchor';
import { normalizeSpace, prepareText } from '../../../lib/annotations/normalize';
import { describe } from '../../../lib/annotations/selectors';

const RUNS = 10_000;
// Small alphabet → many repeats and near-repeats, the hard case for anchoring.
const char = fc.constantFrom('a', 'b', 'c', 'd', ' ', ' ', '\n', '\u00a0', '\u200b', '.', 'é', '\t');
const text = fc.string({ unit: char, maxLength: 160 });
const wordText = fc
  .array(fc.constantFrom('pier', 'harbour', 'the', 'closed', 'storm', 'ferry', 'town', 'a', 'said'), {
    minLength: 1,
    maxLength: 60,
  })
  .map((ws) => ws.join(' '));
const anyText = fc.oneof(text, wordText);

const inBounds = (r: { start: number; end: number }, len: number) =>
  Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= len;

group('anchor properties (fast-check)', () => {
  it(`never throws and never returns out-of-bounds offsets, for any selectors (${RUNS} cases)`, () => {
    const selector = fc.oneof(
      fc.record({
        type: fc.constant('TextQuoteSelector'),
        exact: fc.oneof(fc.string(), fc.string({ unit: char })),
        prefix: fc.oneof(fc.string(), fc.integer() as fc.Arbitrary<unknown>),
        suffix: fc.string(),
      }),
      fc.record({ type: fc.constant('TextPositionSelector'), start: fc.integer(), end: fc.integer() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(selector, { maxLength: 3 }), fc.anything()), anyText, (sels, t) => {
        const r = anchor(sels, t);
        expect(inBounds(r, t.length)).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`is exact on unchanged text (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (t, a, b) => {
        const d = describe(t, a % (t.length + 1), b % (t.length + 1));
        fc.pre(d !== null);
        const [, pos] = d!.selectors;
        expect(anchor(d!.selectors, t, { textHash: d!.textHash })).toMatchObject({
          status: 'exact',
          start: pos.start,
          end: pos.end,
        });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`never reports 'exact'/'quote' for a quote that no longer occurs; offsets stay in bounds after edits (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), fc.nat(), fc.nat(), anyText, (t, a, b, at, del, ins) => {
        const d = describe(t, a % (t.length + 1), b % (t.length + 1));
        fc.pre(d !== null);
        const p = at % (t.length + 1);
        const changed = t.slice(0, p) + ins.slice(0, 12) + t.slice(p + (del % 20));
        const r = anchor(d!.selectors, changed);
        expect(inBounds(r, changed.length)).toBe(true);
        const q = normalizeSpace(d!.selectors[0].exact).trim();
        if (!prepareText(changed).norm.includes(q)) expect(['fuzzy', 'orphaned']).toContain(r.status);
        if (r.status === 'exact' || r.status === 'quote')
          expect(normalizeSpace(changed.slice(r.start, r.end)).trim()).toBe(q);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`normalisation: prepareText agrees with normalizeSpace, is idempotent, maps into the raw text (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(text, (t) => {
        const p = prepareText(t);
        expect(p.norm).toBe(normalizeSpace(t));
        expect(normalizeSpace(p.norm)).toBe(p.norm);
        for (let i = 0; i < p.norm.length; i++) {
          const raw = t[p.map[i]!]!;
          if (!/\s/.test(p.norm[i]!)) expect(raw).toBe(p.norm[i]);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
