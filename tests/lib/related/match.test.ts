import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyPeople, keyTerms, personKey, stem, storyKeys } from '@/lib/related/terms';
import {
  DEFAULT_THRESHOLD,
  dateFactor,
  findRelated,
  RelatedIndex,
  sharedPeople,
  type MatchItem,
} from '@/lib/related/match';
import { groupDuplicates, itemSignature, similarity } from '@/lib/related/near-dup';
import { parseFeed } from '@/lib/related/feed-parser';

const SEED = readFileSync(
  path.resolve(__dirname, '../../../../shared/seed/presstv-japan-us-alliance.txt'),
  'utf8',
);
const FIX = path.resolve(__dirname, '../../fixtures/feeds');
const SEED_TITLE = "Japan hopes for 'unwavering alliance' with US under Trump";

function feedItems(file: string): MatchItem[] {
  return parseFeed(readFileSync(path.join(FIX, file))).items.map((it) => ({
    urlKey: it.url,
    url: it.url,
    title: it.title,
    publishedAt: it.publishedAt,
    summary: it.summary,
    ...storyKeys(it.summary, it.title),
  }));
}

describe('terms', () => {
  it('stems plurals and verb forms consistently', () => {
    expect(stem('alliances')).toBe(stem('alliance'));
    expect(stem('meeting')).toBe(stem('meets'));
    expect(stem('islands')).toBe(stem('island'));
    expect(stem('crisis')).toBe('crisis');
    expect(stem('2017')).toBe('2017');
  });

  it('keeps what the story is about, drops stopwords and news boilerplate', () => {
    const terms = keyTerms(SEED, SEED_TITLE);
    expect(terms).toEqual(expect.arrayContaining(['japan', 'mattis', stem('alliance'), 'abe', 'tokyo']));
    for (const noise of ['said', 'the', 'told', 'friday', 'february']) expect(terms).not.toContain(noise);
    expect(keyTerms('', '')).toEqual([]);
    expect(keyTerms(SEED, SEED_TITLE, 5)).toHaveLength(5);
  });

  it('names the story’s people as folded keys', () => {
    const people = keyPeople(SEED, SEED_TITLE);
    expect(people).toEqual(expect.arrayContaining(['shinzo abe', 'james mattis']));
    expect(personKey('Shinzō  Abe')).toBe('shinzo abe');
    expect(sharedPeople(['shinzo abe', 'mattis'], ['abe', 'james mattis'])).toEqual([
      'shinzo abe',
      'james mattis',
    ]);
    expect(sharedPeople(['john smith'], ['jane smith'])).toEqual([]); // two full names: surnames alone do not match
  });
});

describe('dateFactor', () => {
  it('is 1 inside the window, falls to 0 at three windows, 0.8 when unknown', () => {
    expect(dateFactor('2017-02-03', '2017-02-05T12:00:00Z', 3)).toBe(1);
    expect(dateFactor('2017-02-03', '2017-02-09', 3)).toBeCloseTo(0.5);
    expect(dateFactor('2017-02-03', '2017-03-09', 3)).toBe(0);
    expect(dateFactor('2017-02-03', '', 3)).toBe(0.8);
  });
});

describe('findRelated on fixture feeds (seed article)', () => {
  const candidates = [
    'kyodo-rss2.xml',
    'japantimes-atom.xml',
    'reuters-rss1.rdf',
    'nhk-jsonfeed.json',
  ].flatMap(feedItems);
  const article = { title: SEED_TITLE, text: SEED, publishedAt: '2017-02-03T11:13:00Z' };

  it('lists the same-story items and none of the unrelated ones from the same days', () => {
    // The next day's Mattis–Inada talks are part of the same visit (same people, place, days);
    // Toyota, Sapporo, Tsukiji, Setsubun and the Australian heatwave are not.
    const matches = findRelated(article, candidates);
    const urls = matches.map((m) => m.item.url);
    expect(urls.sort()).toEqual(
      [
        'https://english.kyodonews.net/news/2017/02/abe-mattis-alliance.html',
        'https://english.kyodonews.net/news/2017/02/mattis-inada.html',
        'https://www.japantimes.co.jp/news/2017/02/03/national/politics-diplomacy/mattis-abe-meeting/',
        'https://www.reuters.com/article/us-japan-usa-mattis-idUSKBN15I05S',
        'https://www3.nhk.or.jp/nhkworld/en/news/20170203_10/',
      ].sort(),
    );
    for (const m of matches) {
      expect(m.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(m.reasons.join(' ')).toMatch(/Names the same people: .*(Abe|Mattis)/);
    }
    const all = findRelated(article, candidates, { threshold: 0 });
    const score = (u: string) => all.find((m) => m.item.url.includes(u))?.score ?? 0;
    for (const other of ['toyota', 'sapporo', 'tsukiji', '20170203_22', 'heatwave', 'australia']) {
      expect(score(other)).toBeLessThan(DEFAULT_THRESHOLD);
    }
  });

  it('gives reasons a reader can check', () => {
    const [best] = findRelated(article, candidates);
    expect(best!.reasons).toEqual([
      expect.stringMatching(/^Names the same people: /),
      expect.stringMatching(/^Shares key words: .+ \(\d+% term similarity\)$/),
      expect.stringMatching(/^Published (the same day|\d+ days? (before|after))$/),
    ]);
  });

  it('drops the same story outside the date window', () => {
    const moved = candidates.map((c) => ({ ...c, publishedAt: '2018-02-03T00:00:00Z' }));
    expect(findRelated(article, moved)).toEqual([]);
  });

  it('excludes the article itself and accepts a prebuilt index', () => {
    const index = new RelatedIndex(candidates);
    const self = candidates[0]!;
    const res = findRelated(
      { title: self.title, text: String(self.summary), publishedAt: self.publishedAt, urlKey: self.urlKey },
      index,
    );
    expect(res.map((m) => m.item.urlKey)).not.toContain(self.urlKey);
  });
});

describe('near-duplicates (wire copies)', () => {
  const wire =
    'TOKYO (AP) — U.S. Defense Secretary Jim Mattis said Friday that America stands firmly with Japan, ' +
    'reassuring the Asian ally that a security treaty covers disputed islands in the East China Sea claimed by China. ' +
    'Mattis made the remarks at the start of a meeting with Prime Minister Shinzo Abe in Tokyo, on his first trip abroad as Pentagon chief.';

  it('estimates high similarity for a republished copy and low for another story', () => {
    const a = itemSignature('Mattis: US stands firmly with Japan', wire);
    const b = itemSignature(
      'Pentagon chief reassures Japan on islands',
      wire.replace(' on his first trip abroad as Pentagon chief', ''),
    );
    const c = itemSignature(
      'Snow festival opens in Sapporo',
      'The annual Sapporo Snow Festival opened on Monday with ice sculptures.',
    );
    expect(similarity(a, b)).toBeGreaterThanOrEqual(0.5);
    expect(similarity(a, c)).toBeLessThan(0.1);
  });

  it('merges copies under the best-ranked one in findRelated', () => {
    const base = {
      publishedAt: '2017-02-03T06:00:00Z',
      ...storyKeys(wire, 'Mattis says US stands firmly with Japan'),
    };
    const copies: MatchItem[] = ['apnews.com', 'abcnews.go.com', 'washingtontimes.com'].map((host, i) => ({
      ...base,
      urlKey: `${host}/mattis`,
      url: `https://${host}/mattis`,
      title:
        i === 0
          ? 'Mattis says US stands firmly with Japan'
          : `Mattis says US stands firmly with Japan | ${host}`,
      text: wire,
    }));
    const own = feedItems('reuters-rss1.rdf');
    const res = findRelated({ title: SEED_TITLE, text: SEED, publishedAt: '2017-02-03T11:13:00Z' }, [
      ...copies,
      ...own,
    ]);
    const wireGroups = res.filter(
      (m) => m.item.url.includes('mattis') && copies.some((c) => c.url === m.item.url),
    );
    expect(wireGroups).toHaveLength(1);
    expect(wireGroups[0]!.duplicates).toHaveLength(2);
    expect(res.some((m) => m.item.url.startsWith('https://www.reuters.com/'))).toBe(true);
  });

  it('groups by identical folded headline even without text', () => {
    const groups = groupDuplicates(
      ['Abe and Mattis affirm alliance', 'ABE AND MATTIS AFFIRM ALLIANCE!', 'Other'],
      (t) => ({ title: t, body: '' }),
    );
    expect(groups.map((g) => g.duplicates.length)).toEqual([1, 0]);
  });
});
