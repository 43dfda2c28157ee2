import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import {
  DEFAULT_RETENTION_DAYS,
  historyCoverage,
  itemCoverage,
  pruneCoverage,
  retentionDays,
  storeCoverage,
  upsertHistoryCoverage,
} from '@/lib/platform/coverage';
import type { PageReport } from '@/lib/types';
import { normalizeUrl } from '@/lib/url/normalize';

const URL_ = 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';

const dbs: MastheadDb[] = [];
const freshDb = () => {
  const db = new MastheadDb(`coverage-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
};
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

const TEXT =
  'US Defense Secretary James Mattis met Japanese Prime Minister Shinzo Abe in Tokyo on Friday. ' +
  'Mattis said the alliance with Japan was unwavering and that the security treaty covers the Senkaku islands. ';

function report(over: Partial<PageReport> = {}): PageReport {
  return {
    url: URL_,
    urlKey: normalizeUrl(URL_)!,
    analysedAt: '2017-02-03T12:00:00Z',
    verdict: { isArticle: true } as PageReport['verdict'],
    article: {
      title: "Japan hopes for 'unwavering alliance' with US",
      authors: [],
      publishedTime: '2017-02-03T10:00:00Z',
      wordCount: 40,
      readingMinutes: 1,
    },
    text: TEXT.repeat(3),
    content: '',
    outlet: { id: 'Q912429' } as PageReport['outlet'],
    people: [],
    sourcesCited: [],
    ...over,
  };
}

const NOW = new Date('2017-02-03T12:00:00Z');

describe('coverage store', () => {
  it('history row: terms, people, outlet, date, digest; non-articles give none', () => {
    const row = historyCoverage(report(), NOW)!;
    expect(row).toMatchObject({
      origin: 'history',
      outletQid: 'Q912429',
      publishedAt: '2017-02-03T10:00:00Z',
      seenAt: NOW.toISOString(),
    });
    expect(row.people).toEqual(expect.arrayContaining(['james mattis', 'shinzo abe']));
    expect(row.terms).toContain('mattis');
    expect(String(row.text).length).toBeLessThanOrEqual(600);
    expect(
      historyCoverage(report({ verdict: { isArticle: false } as PageReport['verdict'] }), NOW),
    ).toBeNull();
  });

  it('upsert writes one row per URL; feed rows never replace it', async () => {
    const db = freshDb();
    expect(await upsertHistoryCoverage(db, report(), NOW)).toBe(true);
    expect(await upsertHistoryCoverage(db, report(), NOW)).toBe(true);
    expect(await db.coverage.count()).toBe(1);
    const feedCopy = itemCoverage({ url: report().url, title: 'Feed copy', publishedAt: '' }, 'feed', NOW, {
      feedId: 'presstv',
    })!;
    expect(await storeCoverage(db, [feedCopy, feedCopy])).toBe(0);
    expect((await db.coverage.toArray())[0]?.origin).toBe('history');
  });

  it('item rows need a keyable URL and a title', () => {
    expect(itemCoverage({ url: 'javascript:alert(1)', title: 'x', publishedAt: '' }, 'feed', NOW)).toBeNull();
    expect(itemCoverage({ url: 'https://a.example/x', title: '', publishedAt: '' }, 'feed', NOW)).toBeNull();
  });

  it('prunes rows not seen within the retention period', async () => {
    const db = freshDb();
    const old = itemCoverage(
      { url: 'https://a.example/old', title: 'Old', publishedAt: '' },
      'feed',
      new Date('2016-01-01'),
    )!;
    const fresh = itemCoverage(
      { url: 'https://a.example/new', title: 'New', publishedAt: '' },
      'search',
      NOW,
    )!;
    await storeCoverage(db, [old, fresh]);
    expect(await pruneCoverage(db, NOW, 30)).toBe(1);
    expect((await db.coverage.toArray()).map((r) => r.title)).toEqual(['New']);
  });

  it('retention is clamped; unreadable values fall back to the default', () => {
    expect(retentionDays('90')).toBe(DEFAULT_RETENTION_DAYS);
    expect(retentionDays(0)).toBe(1);
    expect(retentionDays(1e9)).toBe(3650);
    expect(retentionDays(14.4)).toBe(14);
  });
});
