import { describe as group, expect, it } from 'vitest';
import { anchor, MIN_SCORE } from '../../../lib/annotations/anchor';
import { describe } from '../../../lib/annotations/selectors';
import { ARTICLE, spanOf } from './fixture';
import * as mut from './mutate';
import type { Edit } from './mutate';

const QUOTE = 'Engineers found corrosion in the steel piles during a routine inspection';

function run(edits: Edit[], quote = QUOTE) {
  const { start, end } = spanOf(quote);
  const d = describe(ARTICLE, start, end)!;
  const tracked = mut.applyEdits(ARTICLE, start, end, edits);
  const res = anchor(d.selectors, tracked.text, { textHash: d.textHash });
  return { res, tracked, got: tracked.text.slice(res.start, res.end) };
}

group('anchor: each mutation kind', () => {
  it('unchanged text → exact at the stored position', () => {
    const { res, tracked } = run([]);
    expect(res).toMatchObject({ status: 'exact', start: tracked.start, end: tracked.end, score: 1 });
  });

  it('paragraph inserted before → quote, moved with the text', () => {
    const edits = [{ at: 0, del: 0, ins: 'A new opening paragraph about something else entirely.\n\n' }];
    const { res, tracked, got } = run(edits);
    expect(res.status).toBe('quote');
    expect([res.start, res.end]).toEqual([tracked.start, tracked.end]);
    expect(got).toBe(QUOTE);
  });

  it('random paragraph inserted (insertParagraph) → re-anchored where the range went', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { res, tracked } = run(
        mut.insertParagraph(mut.rng(seed), ARTICLE, 'Filler paragraph with other words.'),
      );
      expect(['exact', 'quote']).toContain(res.status);
      expect([res.start, res.end]).toEqual([tracked.start, tracked.end]);
    }
  });

  it('another paragraph deleted → exact or quote at the tracked place', () => {
    const { start, end } = spanOf(QUOTE);
    for (let seed = 1; seed <= 20; seed++) {
      const { res, tracked } = run(mut.deleteParagraph(mut.rng(seed), ARTICLE, start, end));
      expect(['exact', 'quote']).toContain(res.status);
      expect([res.start, res.end]).toEqual([tracked.start, tracked.end]);
    }
  });

  it('whitespace changed everywhere (NBSP, tabs, newlines, zero-width) → quote', () => {
    const { res, tracked } = run(mut.changeWhitespace(mut.rng(3), ARTICLE, 0.5));
    expect(res.status).toBe('quote');
    expect([res.start, res.end]).toEqual([tracked.start, tracked.end]);
  });

  it('a word near the quote edited → still exact/quote', () => {
    const { start, end } = spanOf(QUOTE);
    for (let seed = 1; seed <= 10; seed++) {
      const { res, tracked } = run(mut.editNear(mut.rng(seed), ARTICLE, start, end, 'XYZZY'));
      expect(['exact', 'quote']).toContain(res.status);
      expect([res.start, res.end]).toEqual([tracked.start, tracked.end]);
    }
  });

  it('a word inside the quote edited → fuzzy, covering the edited passage', () => {
    const { start, end } = spanOf(QUOTE);
    for (let seed = 1; seed <= 10; seed++) {
      const { res, tracked } = run(mut.editIn(mut.rng(seed), ARTICLE, start, end, 'rust'));
      expect(res.status).toBe('fuzzy');
      expect(Math.abs(res.start - tracked.start)).toBeLessThanOrEqual(2);
      expect(Math.abs(res.end - tracked.end)).toBeLessThanOrEqual(2);
      expect(res.score).toBeGreaterThanOrEqual(MIN_SCORE);
    }
  });

  it('the quoted passage deleted → orphaned, never drawn elsewhere', () => {
    const { start, end } = spanOf(QUOTE);
    const { res, tracked } = run(mut.deletePassage(ARTICLE, start, end));
    expect(tracked.destroyed).toBe(true);
    expect(res).toMatchObject({ status: 'orphaned', start: 0, end: 0 });
  });

  it('the passage rewritten beyond the error budget → orphaned', () => {
    const { start, end } = spanOf(QUOTE);
    const { res } = run([
      { at: start, del: end - start, ins: 'Inspectors saw rust on several supports in April' },
    ]);
    expect(res.status).toBe('orphaned');
  });
});

group('anchor: disambiguation and hostile input', () => {
  it('a repeated word is placed by its context, and moves with it', () => {
    const text = 'the pier is old. the pier is closing. the town is sad.';
    const at = text.indexOf('pier', 10);
    const d = describe(text, at, at + 4)!;
    const moved = `Intro words here. ${text}`;
    const res = anchor(d.selectors, moved);
    expect(res.status).toBe('quote');
    expect(res.start).toBe(moved.indexOf('pier', 30));
  });

  it('a short quote whose context vanished is orphaned, not guessed', () => {
    const text = 'Ines Varga said yes. Later, Varga said no.';
    const at = text.indexOf('Varga', 10);
    const d = describe(text, at, at + 5)!;
    const res = anchor(d.selectors, 'Ines Varga said yes. Completely different ending now.');
    expect(res.status).toBe('orphaned');
  });

  it('a stale position holding different text falls through to the quote search', () => {
    const { start, end } = spanOf(QUOTE);
    const d = describe(ARTICLE, start, end)!;
    const shifted = 'Shift! ' + ARTICLE;
    expect(anchor(d.selectors, shifted)).toMatchObject({ status: 'quote', start: start + 7, end: end + 7 });
  });

  it('never throws on hostile selectors', () => {
    const bad: unknown[] = [
      null,
      42,
      'x',
      {},
      [{}],
      [{ type: 'TextQuoteSelector' }],
      [{ type: 'TextQuoteSelector', exact: '' }],
      [{ type: 'TextQuoteSelector', exact: '   ' }],
      [{ type: 'TextQuoteSelector', exact: 'pier', prefix: 5 }],
      [{ type: 'TextPositionSelector', start: -1, end: 1e18 }],
      [{ type: 'TextQuoteSelector', exact: 'x'.repeat(30_000) }],
      [{ type: 'TextQuoteSelector', exact: 'pier', prefix: 'p'.repeat(5_000), suffix: 's'.repeat(5_000) }],
    ];
    for (const s of bad) {
      const res = anchor(s, ARTICLE);
      expect(res.start).toBeGreaterThanOrEqual(0);
      expect(res.end).toBeLessThanOrEqual(ARTICLE.length);
    }
    expect(anchor(bad[2], ARTICLE).status).toBe('orphaned');
    expect(anchor([{ type: 'TextQuoteSelector', exact: 'pier' }], '').status).toBe('orphaned');
  });

  it('only a position selector is never trusted without the same text hash', () => {
    const sel = [{ type: 'TextPositionSelector', start: 0, end: 10 }];
    expect(anchor(sel, ARTICLE).status).toBe('orphaned');
  });

  it('stays bounded on a long text with a long edited quote', () => {
    const long = Array.from({ length: 400 }, (_, i) => `${ARTICLE.replace(/pier/g, `pier${i}`)}`).join(
      '\n\n',
    );
    const at = long.indexOf('The pier200, built');
    const d = describe(long, at, at + 1500)!;
    const edited = long.slice(0, at + 700) + 'SOMETHING ELSE' + long.slice(at + 710);
    const res = anchor(d.selectors, edited, { maxCells: 2_000_000 });
    expect(['fuzzy', 'orphaned']).toContain(res.status);
    if (res.status === 'fuzzy') expect(Math.abs(res.start - at)).toBeLessThanOrEqual(2);
  });
});
