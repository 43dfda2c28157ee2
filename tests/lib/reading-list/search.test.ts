import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SearchIndex, foldText, tokenize } from '@/lib/reading-list/search';

function index(docs: Array<{ id: string; title: string; text?: string; note?: string; tags?: string[] }>) {
  const ix = new SearchIndex();
  docs.forEach((d) => ix.add(d));
  return ix;
}

describe('tokenize / foldText', () => {
  it('folds case and diacritics and splits words', () => {
    expect(foldText('São Paulo ŁÓDŹ Straße Æther')).toBe('sao paulo lodz strasse aether');
    expect(tokenize("O'Brien met Kishida, 3 Feb 2017.")).toEqual([
      'obrien',
      'met',
      'kishida',
      '3',
      'feb',
      '2017',
    ]);
  });
});

describe('SearchIndex', () => {
  const docs = [
    {
      id: 'a',
      title: 'Japan hopes for unwavering alliance',
      text: 'Mattis met Abe and Fumio Kishida in Tokyo.',
    },
    { id: 'b', title: 'Kishida visits Washington', text: 'The foreign minister flew to Washington.' },
    { id: 'c', title: 'Weather in São Paulo', text: 'Rain.', note: 'for the trip', tags: ['travel'] },
  ];

  it('ranks a title match above a body match', () => {
    expect(
      index(docs)
        .search('Kishida')
        .map((h) => h.id),
    ).toEqual(['b', 'a']);
  });

  it('matches prefixes, diacritics-folded, every word required', () => {
    const ix = index(docs);
    expect(
      ix
        .search('kish')
        .map((h) => h.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(ix.search('sao paulo').map((h) => h.id)).toEqual(['c']);
    expect(ix.search('SÃO').map((h) => h.id)).toEqual(['c']);
    expect(ix.search('kishida tokyo').map((h) => h.id)).toEqual(['a']);
    expect(ix.search('travel trip').map((h) => h.id)).toEqual(['c']);
    expect(ix.search('')).toEqual([]);
    expect(ix.search('nothinglikethis')).toEqual([]);
  });

  it('updates incrementally: replace and remove', () => {
    const ix = index(docs);
    ix.add({ id: 'b', title: 'Renamed piece' });
    expect(ix.search('kishida').map((h) => h.id)).toEqual(['a']);
    ix.remove('a');
    expect(ix.search('kishida')).toEqual([]);
    expect(ix.search('renamed').map((h) => h.id)).toEqual(['b']);
    expect(ix.size).toBe(2);
  });

  it('filters with accept and caps with limit', () => {
    const ix = index(docs);
    expect(ix.search('kishida', { accept: (id) => id !== 'b' }).map((h) => h.id)).toEqual(['a']);
    expect(ix.search('kishida', { limit: 1 })).toHaveLength(1);
  });

  it('every word of a title finds its document (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 8 }),
        (titles) => {
          const ix = index(titles.map((title, i) => ({ id: String(i), title })));
          titles.forEach((title, i) => {
            for (const word of tokenize(title))
              expect(ix.search(word).some((h) => h.id === String(i))).toBe(true);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('tokenize: ASCII fast path', () => {
  it('splits ASCII text exactly as the Unicode word rule does', () => {
    const unicodeRule = (s: string) =>
      (
        s
          .toLowerCase()
          .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
          .match(/[\p{L}\p{N}]+/gu) ?? []
      ).map((w) => w.slice(0, 40));
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (s) => {
        expect(tokenize(s)).toEqual(unicodeRule(s));
      }),
    );
    expect(tokenize(`Tab\tand "quoted" words_with-dashes x${'y'.repeat(60)}`)).toEqual([
      'tab',
      'and',
      'quoted',
      'words',
      'with',
      'dashes',
      `x${'y'.repeat(39)}`,
    ]);
  });
});
