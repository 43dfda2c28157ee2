import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import { findRelatedInStore, lookupKeys, type CoverageTableLike } from '@/lib/related/query';
import { findRelated, prepareArticle } from '@/lib/related/match';
import { storyKeys } from '@/lib/related/terms';
import { parseFeed } from '@/lib/related/feed-parser';
import { normalizeUrl } from '@/lib/url/normalize';
import type { CoverageItem } from '@/lib/store-types';

const SEED = readFileSync(
  path.resolve(__dirname, '../../../../shared/seed/presstv-japan-us-alliance.txt'),
  'utf8',
);
const SEED_TITLE = "Japan hopes for 'unwavering alliance' with US under Trump";
const FIX = path.resolve(__dirname, '../../fixtures/feeds');
const article = { title: SEED_TITLE, text: SEED, publishedAt: '2017-02-03T11:13:00Z' };

function coverageFromFeed(file: string, feedId: string): CoverageItem[] {
  return parseFeed(readFileSync(path.join(FIX, file))).items.map((it) => ({
    urlKey: normalizeUrl(it.url)!,
    url: it.url,
    title: it.title,
    publishedAt: it.publishedAt,
    seenAt: '2017-02-06T00:00:00.000Z',
    feedId,
    origin: 'feed' as const,
    summary: it.summary,
    ...storyKeys(it.summary, it.title),
  }));
}

const fixtureItems = (): CoverageItem[] => [
  ...coverageFromFeed('kyodo-rss2.xml', 'kyodo'),
  ...coverageFromFeed('japantimes-atom.xml', 'jt'),
  ...coverageFromFeed('reuters-rss1.rdf', 'reuters'),
  ...coverageFromFeed('nhk-jsonfeed.json', 'nhk'),
];

/** Filler rows: other stories on other days, so that postings and the date window matter. */
function filler(n: number): CoverageItem[] {
  const topics = [
    ['japan', 'economy', 'yen', 'export', 'toyota'],
    ['mattis', 'pentagon', 'budget', 'congress', 'hearing'],
    ['abe', 'diet', 'election', 'ldp', 'vote'],
    ['tokyo', 'olympic', 'stadium', 'cost', 'koike'],
  ];
  return Array.from({ length: n }, (_, i) => {
    const t = topics[i % topics.length]!;
    const day = new Date(Date.UTC(2016, 0, 1) + (i % 700) * 86_400_000).toISOString();
    return {
      urlKey: `filler.example/${i}`,
      url: `https://filler.example/${i}`,
      title: `Filler ${i}`,
      publishedAt: day,
      seenAt: day,
      origin: 'feed' as const,
      terms: [...t, `rare${i}`],
      people: i % 3 === 0 ? ['shinzo abe'] : [],
    };
  });
}

const open: MastheadDb[] = [];
async function dbWith(rows: CoverageItem[]): Promise<MastheadDb> {
  const db = new MastheadDb(`related-${crypto.randomUUID()}`);
  open.push(db);
  await db.open();
  await db.coverage.bulkPut(rows);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('findRelatedInStore (real MastheadDb schema on fake-indexeddb)', () => {
  it('Dexie’s coverage table satisfies the table-like interface', async () => {
    const db = await dbWith([]);
    const table: CoverageTableLike = db.coverage; // compile-time check
    expect((await findRelatedInStore(table, article)).matches).toEqual([]);
  });

  it('finds the same-story feed items among filler rows, as the in-memory matcher does', async () => {
    const items = fixtureItems();
    const db = await dbWith([...items, ...filler(2000)]);
    const { matches, stats } = await findRelatedInStore(db.coverage, article);
    const urls = matches.map((m) => m.item.url).sort();
    expect(urls).toEqual(
      findRelated(article, items)
        .map((m) => m.item.url)
        .sort(),
    );
    expect(urls).toContain('https://english.kyodonews.net/news/2017/02/abe-mattis-alliance.html');
    expect(urls).not.toContain('https://english.kyodonews.net/news/2017/02/toyota-forecast.html');
    expect(stats.total).toBe(items.length + 2000);
    expect(stats.fetched).toBeLessThanOrEqual(125);
    // Common terms ("japan" is on ~500 filler rows) are too common to rank by and are reported.
    expect(stats.termsDropped).toContain('japan');
    expect(matches[0]!.reasons[0]).toMatch(/^Names the same people: /);
  });

  it('remembers too-common keys across queries when given a memo: rarer terms take their lookups', async () => {
    const db = await dbWith([...fixtureItems(), ...filler(2000)]);
    const commonKeys = new Set<string>();
    const first = await findRelatedInStore(db.coverage, article, { commonKeys });
    expect([...commonKeys]).toContain('terms:japan');
    const second = await findRelatedInStore(db.coverage, article, { commonKeys });
    expect(second.stats.postingsRead).toBeLessThan(first.stats.postingsRead);
    for (const t of first.stats.termsDropped) expect(second.stats.termsDropped).toContain(t);
    // Same matches in the same order; scores move only by the idf of the terms read in place of
    // the common ones (known now instead of estimated).
    expect(second.matches.map((m) => m.item.urlKey)).toEqual(first.matches.map((m) => m.item.urlKey));
    second.matches.forEach((m, i) => expect(m.score).toBeCloseTo(first.matches[i]!.score, 1));
  });

  it('finds nothing when the story is only in another year, and excludes the article itself', async () => {
    const moved = fixtureItems().map((r) => ({ ...r, publishedAt: '2019-06-01T00:00:00.000Z' }));
    const db = await dbWith([...moved, ...filler(300)]);
    expect((await findRelatedInStore(db.coverage, article)).matches).toEqual([]);

    const items = fixtureItems();
    const self = items[0]!;
    const db2 = await dbWith(items);
    const res = await findRelatedInStore(db2.coverage, {
      title: self.title,
      text: String(self.summary),
      publishedAt: self.publishedAt,
      urlKey: self.urlKey,
    });
    expect(res.matches.map((m) => m.item.urlKey)).not.toContain(self.urlKey);
    expect(res.matches.length).toBeGreaterThan(0);
  });

  it('reads past same-topic items from other weeks to reach the in-window story', async () => {
    const story = ['senkaku', 'treaty', 'mattis', 'abe', 'alliance', 'tokyo', 'defense', 'island'];
    const row = (i: number, day: string, terms: string[]): CoverageItem => ({
      urlKey: `topic.example/${day}/${i}`,
      url: `https://topic.example/${day}/${i}`,
      title: `Item ${i}`,
      publishedAt: `${day}T00:00:00.000Z`,
      seenAt: `${day}T00:00:00.000Z`,
      origin: 'feed',
      terms,
      people: ['james mattis'],
    });
    // 60 rows from other months share every story term (they rank first by postings)…
    const old = Array.from({ length: 60 }, (_, i) =>
      row(i, i % 2 ? '2016-10-01' : '2017-06-01', [...story, `x${i}`]),
    );
    // …the 3 in-window rows share fewer.
    const current = Array.from({ length: 3 }, (_, i) =>
      row(100 + i, '2017-02-03', [...story.slice(0, 6), `y${i}`]),
    );
    const db = await dbWith([...old, ...current, ...filler(200)]);
    const { matches, stats } = await findRelatedInStore(db.coverage, {
      title: 'Mattis and Abe on the Senkaku islands',
      publishedAt: '2017-02-03T09:00:00Z',
      terms: story,
      people: ['james mattis'],
    });
    expect(matches.map((m) => m.item.urlKey).sort()).toEqual(current.map((c) => c.urlKey).sort());
    expect(stats.fetched).toBeGreaterThan(60);
  });

  it('past the first minFetch candidates, reads only those with minEvidence of the best one’s evidence', async () => {
    const story = ['senkaku', 'treaty', 'mattis', 'abe', 'alliance', 'tokyo', 'defense', 'island'];
    const row = (i: number, terms: string[]): CoverageItem => ({
      urlKey: `ev.example/${i}`,
      url: `https://ev.example/${i}`,
      title: `Item ${i}`,
      publishedAt: '2017-02-03T00:00:00.000Z',
      seenAt: '2017-02-03T00:00:00.000Z',
      origin: 'feed',
      terms,
      people: [],
    });
    // 4 rows share the whole story; 40 share only its last key word (a weak lead each).
    const strong = Array.from({ length: 4 }, (_, i) => row(i, [...story, `s${i}`]));
    const weak = Array.from({ length: 40 }, (_, i) => row(100 + i, [story[7]!, `w${i}`, `v${i}`]));
    const db = await dbWith([...strong, ...weak, ...filler(400)]);
    const query = { title: 'Mattis in Tokyo', publishedAt: '2017-02-03T09:00:00Z', terms: story, people: [] };
    const floor = await findRelatedInStore(db.coverage, query, { minFetch: 6, fetchBatch: 5 });
    const all = await findRelatedInStore(db.coverage, query, { minFetch: 6, fetchBatch: 5, minEvidence: 0 });
    // Same answer; the weak leads past the first 6 are not read.
    expect(floor.matches.map((m) => m.item.urlKey)).toEqual(all.matches.map((m) => m.item.urlKey));
    expect(floor.matches.map((m) => m.item.urlKey)).toEqual(
      expect.arrayContaining(strong.map((r) => r.urlKey)),
    );
    expect(floor.stats.fetched).toBe(6);
    expect(all.stats.fetched).toBeGreaterThan(6);
  });

  it('lookupKeys: known-common terms give their lookups to the next terms; people by full name and surname', () => {
    const q = prepareArticle({
      title: '',
      terms: ['japan', 'mattis', 'senkaku', 'treaty'],
      people: ['shinzo abe'],
    });
    const plain = lookupKeys(q, { queryTerms: 2, queryPeople: 3 });
    expect(plain.wanted).toEqual(['terms:japan', 'terms:mattis', 'people:shinzo abe', 'people:abe']);
    const known = lookupKeys(q, { queryTerms: 2, queryPeople: 3 }, new Set(['terms:japan']));
    expect(known.terms).toEqual(['japan', 'mattis', 'senkaku']);
    expect(known.wanted).toEqual(['terms:mattis', 'terms:senkaku', 'people:shinzo abe', 'people:abe']);
  });

  it('merges wire copies stored from several feeds into one result with duplicates', async () => {
    const wire =
      'Defense Secretary James Mattis told Prime Minister Shinzo Abe in Tokyo that the United States stands firmly with Japan and that the security treaty covers the Senkaku islands in the East China Sea.';
    const copies: CoverageItem[] = ['apnews.com', 'abcnews.go.com', 'usnews.com'].map((host) => ({
      urlKey: `${host}/mattis-japan`,
      url: `https://${host}/mattis-japan`,
      title: 'Mattis reassures Japan on security treaty',
      publishedAt: '2017-02-03T06:00:00.000Z',
      seenAt: '2017-02-03T06:00:00.000Z',
      origin: 'feed',
      summary: wire,
      ...storyKeys(wire, 'Mattis reassures Japan on security treaty'),
    }));
    const db = await dbWith([...copies, ...filler(200)]);
    const { matches } = await findRelatedInStore(db.coverage, article);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.duplicates.map((d) => d.item.urlKey).sort()).toHaveLength(2);
  });
});
