import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyChange,
  POSTING_KEEP,
  postingKeysOf,
  postingList,
  PostingsBuilder,
  recordChange,
  splitPostingKey,
  type PostingChanges,
  type PostingRow,
} from '@/lib/related/postings';

type Row = { terms: string[]; people: string[] };

/** Applies `changes` to `table` as lib/platform/coverage-postings.ts does, re-reading from `rows`. */
function apply(table: Map<string, PostingRow>, changes: PostingChanges, rows: Map<string, Row>) {
  for (const [key, change] of changes) {
    const { row, reread } = applyChange(key, table.get(key), change);
    if (!row) {
      table.delete(key);
      continue;
    }
    if (!reread) {
      table.set(key, row);
      continue;
    }
    const keys = [...rows].filter(([, r]) => postingKeysOf(r).has(key)).map(([k]) => k);
    table.set(key, keys.length > POSTING_KEEP ? { key, n: keys.length } : { key, n: keys.length, keys });
  }
}

/** The table as PostingsBuilder makes it from scratch, keys sorted for comparison. */
function canonical(rows: Iterable<PostingRow>): Record<string, { n: number; keys?: string[] }> {
  const out: Record<string, { n: number; keys?: string[] }> = {};
  for (const r of rows) out[r.key] = r.keys ? { n: r.n, keys: [...r.keys].sort() } : { n: r.n };
  return out;
}

function built(rows: Map<string, Row>) {
  const b = new PostingsBuilder();
  for (const [k, r] of rows) b.add(k, r);
  return canonical(b.rows());
}

describe('postings (pure)', () => {
  it('keys of a row: both indexes, strings only, each once', () => {
    expect([...postingKeysOf({ terms: ['japan', 'japan', 7, 'abe'], people: ['shinzo abe', null] })]).toEqual(
      ['terms:japan', 'terms:abe', 'people:shinzo abe'],
    );
    expect(postingKeysOf({ terms: 'japan' }).size).toBe(0);
    expect(postingKeysOf(undefined).size).toBe(0);
    expect(splitPostingKey('people:a: b')).toEqual({ index: 'people', value: 'a: b' });
    expect(splitPostingKey('#built')).toBeNull();
    expect(splitPostingKey('outletQid:Q1')).toBeNull();
  });

  it('a build from scratch: one posting per value and index, rows counted once, keys only up to the cap', () => {
    const b = new PostingsBuilder();
    b.add('u1', { terms: ['japan', 'abe', 'japan'], people: ['shinzo abe'] });
    b.add('u2', { terms: ['japan'], people: ['japan'] });
    for (let i = 0; i < POSTING_KEEP; i++) b.add(`v${i}`, { terms: ['yen'], people: [] });
    expect(canonical(b.rows())).toEqual({
      'terms:japan': { n: 2, keys: ['u1', 'u2'] },
      'terms:abe': { n: 1, keys: ['u1'] },
      'people:shinzo abe': { n: 1, keys: ['u1'] },
      'people:japan': { n: 1, keys: ['u2'] },
      'terms:yen': { n: POSTING_KEEP, keys: Array.from({ length: POSTING_KEEP }, (_, i) => `v${i}`).sort() },
    });
    b.add('w', { terms: ['yen'] });
    expect(b.rows().find((r) => r.key === 'terms:yen')).toEqual({ key: 'terms:yen', n: POSTING_KEEP + 1 });
  });

  it('rewriting a row as it was changes nothing; a changed row moves only its changed keys', () => {
    const changes: PostingChanges = new Map();
    const row = { terms: ['a', 'b'], people: ['p'] };
    recordChange(changes, 'u1', row, row);
    expect(changes.size).toBe(0);
    recordChange(changes, 'u1', row, { terms: ['b', 'c'], people: [] });
    expect(Object.fromEntries(changes)).toEqual({
      'terms:c': { add: ['u1'], remove: [] },
      'terms:a': { add: [], remove: ['u1'] },
      'people:p': { add: [], remove: ['u1'] },
    });
  });

  it('keeps keys up to POSTING_KEEP rows, then only the count; a posting falling back is re-read', () => {
    const many = Array.from({ length: POSTING_KEEP }, (_, i) => `u${i}`);
    const full = applyChange('terms:x', undefined, { add: many, remove: [] });
    expect(full).toEqual({ row: { key: 'terms:x', n: POSTING_KEEP, keys: many }, reread: false });
    const over = applyChange('terms:x', full.row!, { add: ['extra'], remove: [] });
    expect(over).toEqual({ row: { key: 'terms:x', n: POSTING_KEEP + 1 }, reread: false });
    const back = applyChange('terms:x', over.row!, { add: [], remove: ['u3'] });
    expect(back).toEqual({ row: { key: 'terms:x', n: POSTING_KEEP }, reread: true });
    expect(
      applyChange('terms:x', { key: 'terms:x', n: 1, keys: ['a'] }, { add: [], remove: ['a'] }).row,
    ).toBeNull();
    // A count that disagrees with the kept keys (damage) is re-read, not trusted.
    expect(
      applyChange('terms:x', { key: 'terms:x', n: 3, keys: ['a'] }, { add: ['b'], remove: [] }).reread,
    ).toBe(true);
  });

  it('a query reads keys, "too common" (null) above its limit, and undefined for a damaged row', () => {
    expect(postingList(undefined, 10)).toEqual([]);
    expect(postingList({ key: 'terms:x', n: 2, keys: ['a', 'b'] }, 10)).toEqual(['a', 'b']);
    expect(postingList({ key: 'terms:x', n: 11, keys: [] }, 10)).toBeNull();
    expect(postingList({ key: 'terms:x', n: 5 }, 10)).toBeUndefined();
  });

  it('any sequence of writes and deletes leaves the same table as a build from scratch', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const op = fc.record({
      url: fc.integer({ min: 0, max: 12 }),
      row: fc.option(
        fc.record({ terms: fc.array(word, { maxLength: 4 }), people: fc.array(word, { maxLength: 2 }) }),
      ),
    });
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 6 }), { maxLength: 12 }), (batches) => {
        const rows = new Map<string, Row>();
        const table = new Map<string, PostingRow>();
        for (const batch of batches) {
          const changes: PostingChanges = new Map();
          const seen = new Set<string>();
          for (const { url, row } of batch) {
            const k = `u${url}`;
            if (seen.has(k)) continue; // one change per row and batch, as the store writes them
            seen.add(k);
            recordChange(changes, k, rows.get(k), row ?? undefined);
            if (row) rows.set(k, row);
            else rows.delete(k);
          }
          apply(table, changes, rows);
        }
        expect(canonical(table.values())).toEqual(built(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('crossing the cap both ways with many rows ends as a build from scratch', () => {
    const rows = new Map<string, Row>();
    const table = new Map<string, PostingRow>();
    const step = (edit: (changes: PostingChanges) => void) => {
      const changes: PostingChanges = new Map();
      edit(changes);
      apply(table, changes, rows);
      expect(canonical(table.values())).toEqual(built(rows));
    };
    step((c) => {
      for (let i = 0; i < POSTING_KEEP + 40; i++) {
        const r = { terms: ['common', `rare${i}`], people: [] };
        recordChange(c, `u${i}`, undefined, r);
        rows.set(`u${i}`, r);
      }
    });
    expect(table.get('terms:common')).toEqual({ key: 'terms:common', n: POSTING_KEEP + 40 });
    step((c) => {
      for (let i = 0; i < 60; i++) {
        recordChange(c, `u${i}`, rows.get(`u${i}`), undefined);
        rows.delete(`u${i}`);
      }
    });
    expect(table.get('terms:common')?.keys).toHaveLength(POSTING_KEEP - 20);
  });
});
