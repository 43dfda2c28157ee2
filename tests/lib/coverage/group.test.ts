import { describe, expect, it } from 'vitest';
import { breakdownOf, chipOf, groupMatches, linkCited } from '@/lib/coverage/group';
import type { OutletRecord } from '@/lib/outlets/types';
import type { CoverageItem } from '@/lib/store-types';
import type { RelatedMatch } from '@/lib/related/match';

const src = { asOf: '2026-01-01', sources: [] };
function outlet(
  qid: string,
  name: string,
  country: string,
  relation?: string,
  aliases: string[] = [],
): OutletRecord {
  return {
    qid,
    name,
    aliases,
    country: { value: { name: country }, ...src },
    ...(relation ? { state: { value: { relation, evidence: '' }, ...src } } : {}),
  } as unknown as OutletRecord;
}

const OUTLETS: Record<string, OutletRecord> = {
  'kyodonews.net': outlet('Q1', 'Kyodo News', 'Japan', 'non-profit', ['Kyodo']),
  'aljazeera.com': outlet('Q2', 'Al Jazeera', 'Qatar', 'state-funded'),
  'presstv.ir': outlet('Q3', 'Press TV', 'Iran', 'state-controlled'),
  'nhk.or.jp': outlet('Q4', 'NHK', 'Japan', 'public-service-independent'),
};
const outletOf = (url: string) => {
  const host = new URL(url).hostname;
  const key = Object.keys(OUTLETS).find((d) => host === d || host.endsWith(`.${d}`));
  return key ? OUTLETS[key]! : null;
};

function match(url: string, title: string, score = 0.5, dups = 0): RelatedMatch<CoverageItem> {
  const item: CoverageItem = {
    urlKey: url,
    url,
    title,
    publishedAt: '2017-02-03',
    seenAt: '',
    origin: 'feed',
    terms: [],
    people: [],
  };
  return { item, score, reasons: [], duplicates: Array.from({ length: dups }, () => ({ item, score })) };
}

describe('groupMatches', () => {
  const matches = [
    match('https://english.kyodonews.net/a', 'Kyodo A', 0.9, 2),
    match('https://www.aljazeera.com/b', 'AJ B', 0.8),
    match('https://english.kyodonews.net/c', 'Kyodo C', 0.7),
    match('https://www.presstv.ir/other', 'Own outlet', 0.6),
    match('https://blog.example.org/x', 'Unknown site', 0.5),
    match('https://www3.nhk.or.jp/y', 'NHK', 0.4),
  ];

  it('groups by outlet in rank order, leaves the article’s own outlet out, keeps unknown sites by host', () => {
    const groups = groupMatches(matches, outletOf, { selfQid: 'Q3' });
    expect(groups.map((g) => g.name)).toEqual(['Kyodo News', 'Al Jazeera', 'blog.example.org', 'NHK']);
    expect(groups[0]!.items.map((i) => i.title)).toEqual(['Kyodo A', 'Kyodo C']);
    expect(groups[0]!.items[0]!.copies).toBe(2);
    expect(groups[0]!.chip).toEqual({
      country: 'Japan',
      control: 'Non-profit',
      controlLong: 'Non-profit',
      relation: 'non-profit',
    });
    expect(groups[2]!.chip).toBeNull();
    expect(groups[3]!.chip?.control).toBe('Public service');
  });

  it('wire copies merged as duplicates still list each republishing outlet', () => {
    const lead = match('https://english.kyodonews.net/wire', 'Wire story', 0.9);
    const copy = match('https://www.aljazeera.com/wire-copy', 'Wire story', 0.8).item;
    const own = match('https://www.presstv.ir/wire-copy', 'Wire story', 0.7).item;
    lead.duplicates = [
      { item: copy, score: 0.8 },
      { item: own, score: 0.7 },
    ];
    const groups = groupMatches([lead], outletOf, { selfQid: 'Q3' });
    expect(groups.map((g) => g.name)).toEqual(['Kyodo News', 'Al Jazeera']);
    expect(groups[1]!.items[0]).toMatchObject({
      url: 'https://www.aljazeera.com/wire-copy',
      sameTextAs: 'Kyodo News',
    });
  });

  it('caps items per outlet', () => {
    const many = Array.from({ length: 6 }, (_, i) => match(`https://english.kyodonews.net/${i}`, `K${i}`));
    expect(groupMatches(many, outletOf, { perOutlet: 3 })[0]!.items).toHaveLength(3);
  });

  it('breakdown counts outlets by country and control, unknown ones as such', () => {
    const b = breakdownOf(groupMatches(matches, outletOf, { selfQid: 'Q3' }));
    expect(b.byCountry).toEqual([
      { label: 'Japan', outlets: 2 },
      { label: 'Country unknown', outlets: 1 },
      { label: 'Qatar', outlets: 1 },
    ]);
    expect(b.byControl.find((r) => r.label === 'Ownership unknown')?.outlets).toBe(1);
  });

  it('chip of an outlet without state data says ownership unknown', () => {
    expect(chipOf(outlet('Q9', 'X', 'France')).control).toBe('Ownership unknown');
  });
});

describe('linkCited', () => {
  const groups = groupMatches([match('https://english.kyodonews.net/a', 'Kyodo A')], outletOf);
  const byQid = (q: string) => Object.values(OUTLETS).find((o) => o.qid === q);
  it('links a cited source to its outlet’s group by name or alias; others unlinked', () => {
    expect(linkCited([{ name: 'Kyodo', kind: 'agency' }, { name: 'Reuters' }], groups, byQid)).toEqual([
      { name: 'Kyodo', kind: 'agency', group: 0 },
      { name: 'Reuters' },
    ]);
  });
  it('tolerates absent or hostile input', () => {
    expect(linkCited(undefined, groups, byQid)).toEqual([]);
    expect(linkCited([{ name: '' }, null as never, { name: 42 as never }], groups, byQid)).toEqual([]);
  });
});
