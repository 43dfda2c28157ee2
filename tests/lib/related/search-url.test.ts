import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gdeltDocSearch,
  googleNewsSearch,
  parseGdeltArtlist,
  parseGoogleNewsRss,
  searchWords,
} from '@/lib/related/search-url';
import { keyTerms } from '@/lib/related/terms';

const FIX = path.resolve(__dirname, '../../fixtures/feeds');
const TITLE = "Japan hopes for 'unwavering alliance' with US under Trump";
const SEED_INPUT = {
  title: TITLE,
  people: ['Shinzo Abe', 'James Mattis', 'Donald Trump'],
  terms: keyTerms(`${TITLE}. Shinzo Abe met James Mattis in Tokyo to discuss the Japan-US alliance.`, TITLE),
  publishedAt: '2017-02-03T11:13:00Z',
};

describe('googleNewsSearch', () => {
  it('builds the RSS search URL with people, headline words and after:/before: around the date', () => {
    const r = googleNewsSearch(SEED_INPUT)!;
    expect(r.service).toBe('google-news');
    expect(r.query).toBe(
      '"Shinzo Abe" "James Mattis" Trump alliance Japan after:2017-02-02 before:2017-02-06',
    );
    const u = new URL(r.url);
    expect(u.origin + u.pathname).toBe('https://news.google.com/rss/search');
    expect(Object.fromEntries(u.searchParams)).toEqual({ q: r.query, hl: 'en-US', gl: 'US', ceid: 'US:en' });
    expect(r.description).toBe(
      'Sends the search “"Shinzo Abe" "James Mattis" Trump alliance Japan” limited to stories from 2 Feb 2017 to 6 Feb 2017 to Google News (news.google.com). Google sees these words and your IP address, not the address of the page you are reading.',
    );
  });

  it('keeps hl, gl and ceid in agreement and omits dates when unknown', () => {
    const r = googleNewsSearch({ ...SEED_INPUT, publishedAt: '' }, { hl: 'fr-FR', gl: 'FR' })!;
    expect(new URL(r.url).searchParams.get('ceid')).toBe('FR:fr');
    expect(r.query).not.toMatch(/after:|before:/);
    expect(googleNewsSearch({ title: 'the and of', people: [] })).toBeNull();
  });

  it('never lets a name break out of its quotes, and never sends the page URL', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }),
        (title, people) => {
          const r = googleNewsSearch({ title, people, publishedAt: '2017-02-03' });
          if (!r) return;
          const quotes = (r.query.match(/"/g) ?? []).length;
          expect(quotes % 2).toBe(0);
          expect(new URL(r.url).hostname).toBe('news.google.com');
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('gdeltDocSearch', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('asks for a window around a recent article', () => {
    const r = gdeltDocSearch({ ...SEED_INPUT, publishedAt: '2026-11-20T08:00:00Z' }, { now });
    if ('unavailable' in r) throw new Error(r.unavailable);
    const p = Object.fromEntries(new URL(r.url).searchParams);
    expect(new URL(r.url).origin + new URL(r.url).pathname).toBe(
      'https://api.gdeltproject.org/api/v2/doc/doc',
    );
    expect(p).toEqual({
      query: '"Shinzo Abe" "James Mattis" Trump alliance Japan',
      mode: 'artlist',
      format: 'json',
      maxrecords: '75',
      sort: 'datedesc',
      startdatetime: '20261119080000',
      enddatetime: '20261123080000',
    });
    expect(r.description).toMatch(
      /^Sends the search .* limited to 19 Nov 2026 – 23 Nov 2026 to the GDELT Project \(api\.gdeltproject\.org\)\./,
    );
  });

  it('says why it cannot help with an old story, and uses the past week when the date is unknown', () => {
    expect(gdeltDocSearch(SEED_INPUT, { now })).toEqual({
      unavailable: 'GDELT only covers about the last 90 days; this article is from 3 Feb 2017.',
    });
    const r = gdeltDocSearch({ ...SEED_INPUT, publishedAt: undefined }, { now });
    if ('unavailable' in r) throw new Error(r.unavailable);
    expect(new URL(r.url).searchParams.get('timespan')).toBe('1week');
    expect(gdeltDocSearch({ title: 'a an', people: [] }, { now })).toEqual({
      unavailable: 'No names or key words to search for.',
    });
  });
});

describe('search answers', () => {
  it('parses a GDELT artlist, dropping non-http URLs', () => {
    const r = parseGdeltArtlist(readFileSync(path.join(FIX, 'gdelt-artlist.json'), 'utf8'));
    expect(r.items).toEqual([
      {
        url: 'https://www.bbc.com/news/world-asia-38851419',
        title: 'Mattis in Japan: US defence secretary reassures Tokyo',
        publishedAt: '2017-02-03T05:45:00.000Z',
        domain: 'bbc.com',
        language: 'English',
        sourceCountry: 'United Kingdom',
      },
      expect.objectContaining({
        url: 'https://www.scmp.com/news/asia/east-asia/article/2067690/mattis-abe',
        sourceCountry: 'Hong Kong',
      }),
    ]);
    expect(r.errors).toEqual(['1 GDELT result(s) without an http(s) link dropped.']);
  });

  it('reports GDELT text errors and empty answers plainly', () => {
    expect(parseGdeltArtlist('Please limit requests to one every 5 seconds.').errors).toEqual([
      'GDELT answered: Please limit requests to one every 5 seconds.',
    ]);
    expect(parseGdeltArtlist('{}')).toEqual({ items: [], errors: [] });
    expect(parseGdeltArtlist('{"articles": 3}').errors).toEqual(['GDELT answer has no article list.']);
    fc.assert(
      fc.property(fc.string(), (s) => void parseGdeltArtlist(s)),
      { numRuns: 500, seed: 5 },
    );
  });

  it('reads Google News items with the publisher domain and the headline without " - Source"', () => {
    const r = parseGoogleNewsRss(readFileSync(path.join(FIX, 'google-news.xml')));
    expect(r.items.map((i) => [i.title, i.domain, i.sourceName])).toEqual([
      ['Mattis reassures Japan of U.S. commitment', 'www.washingtonpost.com', 'The Washington Post'],
      ['Abe tells Mattis Japan will play bigger role', 'asia.nikkei.com', 'Nikkei Asia'],
    ]);
    expect(r.items[0]!.url).toMatch(/^https:\/\/news\.google\.com\/rss\/articles\//);
  });

  it('picks headline words by key-term rank, skipping stopwords and the names already sent', () => {
    expect(
      searchWords('Mattis meets Abe in Tokyo over the alliance', ['allianc', 'tokyo'], ['James Mattis']),
    ).toEqual(['alliance', 'Tokyo', 'meets']);
  });
});
