import { describe, expect, it } from 'vitest';
import { namedView, outletView, textChanged } from '@/lib/reading-list/context-view';
import { facetsOf } from '@/lib/reading-list/facets';
import { outletData } from '@/lib/outlets/dataset';
import { outletReportForPage } from '@/lib/outlets/page';
import { cleanTags, parseTagInput } from '@/lib/reading-list/fields';
import { facetCounts, matchesFilter, sortRows } from '@/lib/reading-list/filter';
import type { SavedArticle } from '@/lib/store-types';

const row = (over: Partial<SavedArticle>): SavedArticle => ({
  urlKey: 'a.example/1',
  url: 'https://a.example/1',
  title: 'T',
  savedAt: '2026-01-10T00:00:00.000Z',
  updatedAt: '2026-01-10T00:00:00.000Z',
  state: 'unread',
  favourite: 0,
  tags: [],
  note: '',
  ...over,
});

describe('facetsOf', () => {
  it('reads sourced outlet records and flat shapes; says nothing when unsure', () => {
    expect(
      facetsOf({
        qid: 'Q1',
        name: 'X',
        country: { value: { name: 'Iran' } },
        state: { value: { relation: 'state-controlled' } },
      }),
    ).toEqual({
      outletQid: 'Q1',
      outletName: 'X',
      country: 'Iran',
      controlLabel: 'state-controlled',
    });
    expect(facetsOf({ record: { name: 'Y', country: 'Japan' } })).toEqual({
      outletName: 'Y',
      country: 'Japan',
    });
    expect(facetsOf(null, 'Site')).toEqual({ outletName: 'Site' });
    expect(facetsOf({ qid: 'not-a-qid', state: { value: { relation: 'unknown' } } })).toEqual({});
    expect(facetsOf([1, 2, 3])).toEqual({});
    expect(facetsOf({ id: 'local:hispantv', name: 'HispanTV' })).toEqual({
      outletQid: 'local:hispantv',
      outletName: 'HispanTV',
    });
    expect(facetsOf({ id: 'local:<script>' }).outletQid).toBeUndefined();
  });
});

describe('context views', () => {
  it('renders whatever is present and keeps only http(s) links', () => {
    const v = outletView({
      name: 'Press TV',
      country: { value: { name: 'Iran' } },
      founded: { value: '2007' },
      sources: [
        { title: 'Wikidata', url: 'https://www.wikidata.org/wiki/Q1' },
        { title: 'bad', url: 'javascript:alert(1)' },
      ],
      asOf: '2026-11-01',
    });
    expect(v).toEqual({
      name: 'Press TV',
      country: 'Iran',
      facts: ['Founded: 2007'],
      sources: [{ title: 'Wikidata', url: 'https://www.wikidata.org/wiki/Q1' }],
      reliability: [],
      history: [],
      asOf: '2026-11-01',
    });
    expect(outletView(null)).toBeNull();
    expect(outletView({})).toBeNull();
    expect(
      namedView([{ name: 'James Mattis', role: 'US Defense Secretary' }, 'Shinzo Abe', { nope: 1 }, 42]),
    ).toEqual([{ name: 'James Mattis', detail: 'US Defense Secretary' }, { name: 'Shinzo Abe' }]);
    expect(namedView(undefined)).toEqual([]);
  });

  it("reads the popup's own outlet report and person reports as saved (Press TV, shipped data)", () => {
    const report = outletReportForPage(
      {
        url: 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump',
        publishedTime: '2017-02-03T11:13:00+03:30',
        siteName: 'PressTV',
      },
      outletData(),
    );
    // Saved snapshots are structured clones of the report: JSON is the same shape.
    const saved: unknown = JSON.parse(JSON.stringify(report));
    expect(facetsOf(saved)).toEqual({
      outletQid: 'Q912429',
      outletName: 'Press TV',
      country: 'Iran',
      controlLabel: 'state-controlled',
    });
    const v = outletView(saved);
    expect(v?.label).toBe('State-controlled');
    expect(v?.evidence).toMatch(/IRIB/);
    expect(v?.facts).toContain('Founded: 2007-07-08');
    expect(v?.facts.find((f) => f.startsWith('Owner: '))).toMatch(/Islamic Republic of Iran Broadcasting → /);
    expect(v?.reliability.some((r) => /Deprecated \(current, as of /.test(r))).toBe(true);
    const seizure = v?.history.find((h) => h.date === '2021-06-22');
    expect(seizure?.after).toBe(true);
    expect(v?.history.find((h) => h.date === '2012-01-20')?.after).toBe(false);
    expect(v?.sources.map((s) => s.url)).toContain('https://en.wikipedia.org/wiki/Press_TV');
    expect(namedView([{ name: 'Shinzo Abe', roleInText: 'Japanese Prime Minister', mentions: [] }])).toEqual([
      { name: 'Shinzo Abe', detail: 'Japanese Prime Minister' },
    ]);
  });

  it('keeps hostile snapshot fields out: wrong types, script URLs, huge lists', () => {
    const v = outletView({
      name: 'X',
      control: { value: { relation: 'state-controlled', label: { toString: 1 }, evidence: 42 } },
      owners: [{ value: { name: 7 } }, 'nope', { value: { name: 'A' } }],
      history: [{ value: { date: '2020', event: 'e', afterArticle: 'yes' } }, ...Array(500).fill(null)],
      reliability: [{ label: 'L', asOf: '2021-03-17', current: false }],
      wikipedia: { title: 'x', url: 'javascript:alert(1)' },
      unverifiedFacts: -3,
    });
    expect(v).toEqual({
      name: 'X',
      label: 'state controlled',
      // Numbers are shown as text (harmless); objects are dropped.
      evidence: '42',
      facts: ['Owner: 7 → A'],
      sources: [],
      reliability: ['Wikipedia perennial sources: L (as listed on 2021-03-17)'],
      history: [{ date: '2020', event: 'e', after: false }],
    });
  });

  it('textChanged ignores whitespace and needs both texts', () => {
    expect(textChanged('a  b\n', 'a b')).toBe(false);
    expect(textChanged('a b', 'a c')).toBe(true);
    expect(textChanged(undefined, 'x')).toBe(false);
  });
});

describe('filters and sort', () => {
  const rows = [
    row({
      urlKey: '1',
      title: 'b',
      tags: ['Japan'],
      outletName: 'Press TV',
      country: 'Iran',
      controlLabel: 'state-controlled',
    }),
    row({
      urlKey: '2',
      title: 'a',
      state: 'archived',
      favourite: 1,
      savedAt: '2026-02-01T00:00:00.000Z',
      siteName: 'BBC',
    }),
  ];
  it('filters by state, tag (any case), outlet, country, label and date', () => {
    const keys = (f: Parameters<typeof matchesFilter>[1]) =>
      rows.filter((r) => matchesFilter(r, f)).map((r) => r.urlKey);
    expect(keys({ state: 'unread' })).toEqual(['1']);
    expect(keys({ state: 'archived' })).toEqual(['2']);
    expect(keys({ state: 'favourite' })).toEqual(['2']);
    expect(keys({ tag: 'japan' })).toEqual(['1']);
    expect(keys({ outlet: 'BBC' })).toEqual(['2']);
    expect(keys({ country: 'Iran', label: 'state-controlled' })).toEqual(['1']);
    expect(keys({ from: '2026-01-15' })).toEqual(['2']);
    expect(keys({ to: '2026-01-10' })).toEqual(['1']);
  });
  it('sorts and counts facets', () => {
    expect(sortRows(rows, 'saved-desc').map((r) => r.urlKey)).toEqual(['2', '1']);
    expect(sortRows(rows, 'title').map((r) => r.urlKey)).toEqual(['2', '1']);
    expect(facetCounts(rows).outlets).toEqual([
      { value: 'BBC', count: 1 },
      { value: 'Press TV', count: 1 },
    ]);
  });
  it('tags: trimmed, deduplicated, bounded', () => {
    expect(parseTagInput(' a, A ,b,, ')).toEqual(['a', 'b']);
    expect(cleanTags(Array.from({ length: 80 }, (_, i) => `t${i}`))).toHaveLength(50);
    expect(cleanTags(['x'.repeat(100)])[0]).toHaveLength(64);
  });
});
