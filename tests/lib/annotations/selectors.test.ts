import { describe as group, expect, it } from 'vitest';
import { hashText, normalizeSpace, PARA, prepareText, rawRange } from '../../../lib/annotations/normalize';
import { CONTEXT_CHARS, describe, pickSelectors } from '../../../lib/annotations/selectors';
import { ARTICLE, spanOf } from './fixture';

group('describe', () => {
  it('keeps the exact text, 32 characters of normalised context and the position', () => {
    const { start, end } = spanOf('Ines Varga');
    const d = describe(ARTICLE, start, end)!;
    const [quote, position] = d.selectors;
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'Ines Varga' });
    expect(quote.prefix).toBe(ARTICLE.slice(start - CONTEXT_CHARS, start));
    expect(quote.suffix).toBe(ARTICLE.slice(end, end + CONTEXT_CHARS));
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(d.textHash).toBe(hashText(ARTICLE));
  });

  it('trims whitespace off the selection and swaps reversed offsets', () => {
    const { start, end } = spanOf('The pier, built');
    const d = describe(ARTICLE, end, start - 2)!; // reversed and starting inside "\n\n"
    expect(d.selectors[0].exact).toBe('The pier, built');
    expect(d.selectors[1]).toMatchObject({ start, end });
    // context across a paragraph break is stored as a blank line
    expect(d.selectors[0].prefix.endsWith('next month.\n\n')).toBe(true);
  });

  it('whitespace-normalises the context (NBSP, tabs, runs, zero-width)', () => {
    const text = 'alpha\u00a0\u00a0beta\t\tgamma \u200bdelta QUOTE epsilon   zeta';
    const at = text.indexOf('QUOTE');
    const q = describe(text, at, at + 5)!.selectors[0];
    expect(q.prefix).toBe('alpha beta gamma delta ');
    expect(q.suffix).toBe(' epsilon zeta');
  });

  it('returns null for an empty or whitespace-only selection, and clamps offsets', () => {
    expect(describe(ARTICLE, 5, 5)).toBeNull();
    expect(describe('a   b', 1, 4)).toBeNull();
    expect(describe('abc', -10, 1e9)!.selectors[1]).toMatchObject({ start: 0, end: 3 });
    expect(describe('abc', NaN, Infinity)!.selectors[0].exact).toBe('abc');
    expect(describe('abc', -Infinity, 2)!.selectors[0].exact).toBe('ab');
  });
});

group('normalisation', () => {
  it('collapses whitespace, keeps paragraph breaks as one mark, maps back to raw offsets', () => {
    const raw = 'One\u00a0 two\n\n\nthree\u00adfour';
    const p = prepareText(raw);
    expect(p.norm).toBe(`One two${PARA}threefour`);
    expect(normalizeSpace(raw)).toBe(p.norm);
    const i = p.norm.indexOf('three');
    expect(rawRange(p, i, i + 9)).toEqual({ start: raw.indexOf('three'), end: raw.length });
  });
});

group('pickSelectors (hostile input)', () => {
  it('keeps valid selectors, caps context, drops the rest', () => {
    const out = pickSelectors([
      { type: 'TextPositionSelector', start: 5, end: 2 },
      { type: 'TextQuoteSelector', exact: 'x', prefix: 'p'.repeat(1000) },
      { type: 'TextPositionSelector', start: 1, end: 4 },
    ]);
    expect(out.quote?.prefix.length).toBe(256);
    expect(out.quote?.suffix).toBe('');
    expect(out.position).toEqual({ type: 'TextPositionSelector', start: 1, end: 4 });
    expect(pickSelectors('nope')).toEqual({});
    expect(pickSelectors([{ type: 'TextQuoteSelector', exact: 'y'.repeat(20_001) }])).toEqual({});
    expect(pickSelectors([{ type: 'TextPositionSelector', start: 1.5, end: 3 }])).toEqual({});
  });
});
