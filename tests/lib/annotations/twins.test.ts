import { describe as group, expect, it } from 'vitest';
import { anchor } from '../../../lib/annotations/anchor';
import { describe, pickSelectors, type TextQuoteSelector } from '../../../lib/annotations/selectors';
import { applyEdits, type Edit } from './mutate';

// Three identical paragraphs between distinct ones: the quote AND its 32 characters of context
// repeat, so text alone cannot tell the copies apart.
const TWIN =
  'After a long debate the council voted to close the harbour bridge for repairs until the end of the summer season, the mayor said.';
const PARAS = [
  'Opening paragraph about the town and its long history of shipbuilding.',
  TWIN,
  TWIN,
  TWIN,
  'Closing paragraph with a quote from the mayor about the budget.',
];
const TEXT = PARAS.join('\n\n');
const QUOTE = 'close the harbour bridge for repairs';
const paraStart = (i: number) => PARAS.slice(0, i).reduce((n, p) => n + p.length + 2, 0);
/** Offsets of QUOTE inside paragraph i. */
const at = (i: number) => {
  const s = paraStart(i) + TWIN.indexOf(QUOTE);
  return { start: s, end: s + QUOTE.length };
};
/** Delete paragraph i (with its separator). */
const dropPara = (i: number): Edit => ({ at: paraStart(i), del: PARAS[i]!.length + 2, ins: '' });

function run(copy: number, edits: Edit[]) {
  const { start, end } = at(copy);
  const d = describe(TEXT, start, end)!;
  const tracked = applyEdits(TEXT, start, end, edits);
  return { d, tracked, res: anchor(d.selectors, tracked.text, { textHash: d.textHash }) };
}

group('twin passages (same quote, same context)', () => {
  it('describe records how many copies there were and which one this is', () => {
    for (const [copy, rank] of [
      [1, 0],
      [2, 1],
      [3, 2],
    ] as const) {
      const q = describe(TEXT, at(copy).start, at(copy).end)!.selectors[0];
      expect(q).toMatchObject({ occurrences: 3, occurrence: rank });
    }
    const unique = describe(TEXT, 0, 20)!.selectors[0];
    expect(unique).toMatchObject({ occurrences: 1, occurrence: 0 });
    expect(unique.nearMatches).toBeUndefined();
  });

  it('unchanged text → exact, on the copy that was highlighted', () => {
    for (const copy of [1, 2, 3]) {
      const { res, tracked } = run(copy, []);
      expect(res).toMatchObject({ status: 'exact', start: tracked.start, end: tracked.end });
    }
  });

  it('original paragraph deleted → orphaned, never painted on a surviving twin', () => {
    for (const copy of [1, 2, 3]) {
      const { res, tracked } = run(copy, [dropPara(copy)]);
      expect(tracked.destroyed).toBe(true);
      expect(res.status).toBe('orphaned');
    }
  });

  it('original edited beyond recognition → orphaned, not moved to an intact twin', () => {
    const { start, end } = at(2);
    const edit: Edit = { at: start, del: end - start, ins: 'reopen the old ferry route to the islands' };
    const d = describe(TEXT, start, end)!;
    const res = anchor(d.selectors, applyEdits(TEXT, start, end, [edit]).text, { textHash: d.textHash });
    expect(res.status).toBe('orphaned');
  });

  it('a word edited inside the original → fuzzy on the original (it fills its rank among the twins)', () => {
    const { start } = at(2);
    const w = start + QUOTE.indexOf('harbour');
    const { res, tracked } = run(2, [{ at: w, del: 'harbour'.length, ins: 'harbor' }]);
    expect(res.status).toBe('fuzzy');
    expect(res.start).toBe(tracked.start);
    expect(Math.abs(res.end - tracked.end)).toBeLessThanOrEqual(1);
  });

  it('text changed elsewhere (a paragraph inserted above) → the same copy, by rank', () => {
    const insert: Edit = { at: 0, del: 0, ins: 'A new first paragraph.\n\n' };
    for (const copy of [1, 2, 3]) {
      const { res, tracked } = run(copy, [insert]);
      expect(res).toMatchObject({ status: 'quote', start: tracked.start, end: tracked.end });
    }
  });

  it('a twin deleted while ours survives → orphaned rather than a doubtful match (the cost)', () => {
    const { res, tracked } = run(2, [dropPara(3)]);
    expect(tracked.destroyed).toBe(false);
    expect(['orphaned', 'exact', 'quote']).toContain(res.status);
    if (res.status !== 'orphaned') expect([res.start, res.end]).toEqual([tracked.start, tracked.end]);
  });

  it('without the ambiguity record (imported selectors), equal-scoring twins → orphaned', () => {
    const d = describe(TEXT, at(2).start, at(2).end)!;
    const { occurrences: _o, occurrence: _r, ...bare } = d.selectors[0];
    const moved = applyEdits(TEXT, at(2).start, at(2).end, [dropPara(2)]).text;
    expect(anchor([bare], moved).status).toBe('orphaned');
    // …also when the text is unchanged but no hash or position vouches for it.
    expect(anchor([bare], TEXT).status).toBe('orphaned');
  });

  it('a passage described as unique keeps its place when a copy is added after it', () => {
    const text = PARAS.slice(0, 2).concat(PARAS[4]!).join('\n\n');
    const s = paraStart(1) + TWIN.indexOf(QUOTE);
    const d = describe(text, s, s + QUOTE.length)!;
    expect(d.selectors[0].occurrences).toBe(1);
    // The original keeps its place and a copy is added after it: still found, by position.
    const added = text + '\n\n' + TWIN;
    expect(anchor(d.selectors, added, { textHash: d.textHash })).toMatchObject({ status: 'exact', start: s });
  });

  it('a near-copy inserted before a unique passage, landing on its old offset, orphans it rather than moves it', () => {
    const text = 'Lorem ipsum dolor sit amet consectetur adipisicing elit. Natus eaque totam provident.';
    const s = text.indexOf('amet');
    const d = describe(text, s, s + 4)!;
    expect(d.selectors[0].occurrences).toBe(1);
    // A paragraph that starts like ours is inserted at the top (its "amet" sits at the old offset,
    // with a comma after it), and our own passage's preceding words were edited.
    const copy = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor.';
    const changed = `${copy}\n\n${text.replace('ipsum', 'nostrud')}`;
    expect(changed.slice(s, s + 4)).toBe('amet');
    expect(anchor(d.selectors, changed, { textHash: d.textHash }).status).toBe('orphaned');
    // Without the copy, the edited original is still found.
    const alone = text.replace('ipsum', 'nostrud');
    expect(anchor(d.selectors, alone, { textHash: d.textHash })).toMatchObject({ start: s + 2 });
  });

  it('a twin that went missing is matched fuzzily only on a small edit (≥ 95 % of the quote intact)', () => {
    const long =
      'the council voted to close the harbour bridge for repairs until the end of the summer season';
    const start = paraStart(1) + TWIN.indexOf(long);
    const d = describe(TEXT, start, start + long.length)!;
    expect(d.selectors[0].occurrences).toBeGreaterThan(1);
    const edit = (from: string, to: string): Edit => ({
      at: paraStart(1) + TWIN.indexOf(from),
      del: from.length,
      ins: to,
    });
    const small = applyEdits(TEXT, start, start + long.length, [edit('council', 'counsil')]);
    expect(anchor(d.selectors, small.text, { textHash: d.textHash }).status).toBe('fuzzy');
    const large = applyEdits(TEXT, start, start + long.length, [edit('harbour bridge', 'ferry pier')]);
    expect(anchor(d.selectors, large.text, { textHash: d.textHash }).status).toBe('orphaned');
  });
});

group('near-twins (periodic text: a long quote overlaps its own shifted copy)', () => {
  const para = (n: string) =>
    `Item ${n}: quarks may become deconfined under extreme conditions and the strong interaction weakens at higher temperatures.`;
  const text = ['11111', '22222', '33333', '44444'].map(para).join('\n\n');
  const s = text.indexOf('weakens at higher temperatures.\n\nItem 33333');
  const e = text.indexOf('the strong interaction', text.indexOf('Item 33333'));

  it('describe counts near matches; an edited quote is then never matched fuzzily', () => {
    const d = describe(text, s, e)!;
    expect(d.selectors[0].nearMatches).toBeGreaterThan(0);
    const w = text.indexOf('extreme', text.indexOf('Item 33333'));
    const edited = applyEdits(text, s, e, [{ at: w, del: 7, ins: 'severe' }]);
    const res = anchor(d.selectors, edited.text, { textHash: d.textHash });
    expect(res.status).toBe('orphaned');
  });
});

group('pickSelectors: the ambiguity record', () => {
  const base: TextQuoteSelector = { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' };
  it('keeps a consistent record', () => {
    const { quote } = pickSelectors([{ ...base, occurrences: 3, occurrence: 2, nearMatches: 1 }]);
    expect(quote).toMatchObject({ occurrences: 3, occurrence: 2, nearMatches: 1 });
  });
  it('drops inconsistent or hostile values (then: unknown)', () => {
    for (const bad of [
      { occurrences: 2, occurrence: 2 },
      { occurrences: 2, occurrence: -1 },
      { occurrences: '2', occurrence: 0 },
      { occurrences: 1e9, occurrence: 0 },
      { occurrences: 2.5, occurrence: 0 },
    ]) {
      const { quote } = pickSelectors([{ ...base, ...bad, nearMatches: -3 }]);
      expect(quote?.occurrences).toBeUndefined();
      expect(quote?.occurrence).toBeUndefined();
      expect(quote?.nearMatches).toBeUndefined();
    }
  });
});
