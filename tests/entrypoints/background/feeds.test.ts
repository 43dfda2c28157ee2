import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MastheadDb } from '@/lib/platform/db';
import { asFeed, type Feed } from '@/lib/platform/feeds';
import { pollFeeds, type FeedPollDeps } from '@/entrypoints/background/feeds';
import type { FetchLike } from '@/entrypoints/background/fetch-bounded';

let n = 0;
const dbs: MastheadDb[] = [];
function freshDb(): MastheadDb {
  const db = new MastheadDb(`feeds-test-${Date.now()}-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
});

const NOW = new Date('2017-02-04T12:00:00Z');

function rss(items: Array<{ title: string; link: string; date?: string; desc?: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test</title><link>https://example.com/</link>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><pubDate>${i.date ?? 'Fri, 03 Feb 2017 08:00:00 GMT'}</pubDate><description>${i.desc ?? ''}</description></item>`,
    )
    .join('')}</channel></rss>`;
}

const GOOD = rss([
  {
    title: 'Mattis meets Abe in Tokyo, reaffirms US-Japan alliance',
    link: 'https://english.kyodonews.net/news/2017/02/mattis-abe.html',
    desc: 'US Defense Secretary James Mattis met Prime Minister Shinzo Abe in Tokyo.',
  },
  {
    title: 'Floods hit northern Chile',
    link: 'https://english.kyodonews.net/news/2017/02/chile-floods.html',
  },
]);

type Answer = { status?: number; body?: string | Uint8Array; headers?: Record<string, string> } | Error;

function fakeFetch(answers: Record<string, Answer>): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const f = (async (url: string) => {
    calls.push(url);
    const a = answers[url];
    if (!a) throw new TypeError('Failed to fetch');
    if (a instanceof Error) throw a;
    return new Response((a.body ?? '') as BodyInit, {
      status: a.status ?? 200,
      headers: { 'content-type': 'application/rss+xml', ...a.headers },
    });
  }) as unknown as FetchLike & { calls: string[] };
  f.calls = calls;
  return f;
}

function feedRow(id: string, url: string, over: Partial<Feed> = {}): Feed {
  return { id, url, name: id, enabled: true, status: { state: 'never', message: '' }, ...over };
}

async function setup(feeds: Feed[], answers: Record<string, Answer>, over: Partial<FeedPollDeps> = {}) {
  const db = freshDb();
  await db.feeds.bulkPut(feeds);
  const fetch = fakeFetch(answers);
  const deps: FeedPollDeps = { db: async () => db, fetch, now: () => NOW, ...over };
  return { db, fetch, deps };
}

const status = async (db: MastheadDb, id: string) => asFeed((await db.feeds.get(id))!).status;

describe('pollFeeds', () => {
  it('stores items with terms, people, feedId and origin; status ok', async () => {
    const { db, deps } = await setup([feedRow('kyodo', 'https://english.kyodonews.net/rss/all.xml')], {
      'https://english.kyodonews.net/rss/all.xml': { body: GOOD },
    });
    const sum = await pollFeeds({
      ...deps,
      outletQidFor: (u) => (u.includes('kyodonews') ? 'Q1' : undefined),
    });
    expect(sum).toMatchObject({ polled: 1, stored: 2, errors: 0 });
    const rows = await db.coverage.toArray();
    expect(rows).toHaveLength(2);
    const mattis = rows.find((r) => r.title.startsWith('Mattis'))!;
    expect(mattis).toMatchObject({
      origin: 'feed',
      feedId: 'kyodo',
      outletQid: 'Q1',
      publishedAt: '2017-02-03T08:00:00.000Z',
    });
    expect(mattis.people).toContain('james mattis');
    expect(mattis.terms.length).toBeGreaterThan(2);
    expect((await status(db, 'kyodo')).state).toBe('ok');
  });

  it('malformed, wrong-type, unreachable and 404 feeds: clear status each, earlier items kept', async () => {
    const feeds = [
      feedRow('bad', 'https://a.example/feed'),
      feedRow('html', 'https://b.example/feed'),
      feedRow('down', 'https://c.example/feed'),
      feedRow('gone', 'https://d.example/feed'),
    ];
    const { db, deps } = await setup(feeds, {
      'https://a.example/feed': { body: '<<<not xml at all &&&' },
      'https://b.example/feed': { body: '%PDF-1.4', headers: { 'content-type': 'application/pdf' } },
      'https://d.example/feed': { status: 404, body: 'nope' },
    });
    await db.coverage.put({
      urlKey: 'https://a.example/old',
      url: 'https://a.example/old',
      title: 'Old',
      publishedAt: '',
      seenAt: NOW.toISOString(),
      origin: 'feed',
      feedId: 'bad',
      terms: ['old'],
      people: [],
    });
    const sum = await pollFeeds(deps);
    expect(sum).toMatchObject({ polled: 4, errors: 4, stored: 0 });
    expect((await status(db, 'bad')).message).toMatch(/not an RSS|feed|XML|item/i);
    expect((await status(db, 'html')).message).toContain('application/pdf');
    expect((await status(db, 'down')).message).toMatch(/Could not reach/);
    expect((await status(db, 'gone')).message).toContain('404');
    expect(await db.coverage.get('https://a.example/old')).toBeDefined();
  });

  it('honours 429 Retry-After: error status, and the feed is skipped until then', async () => {
    const { db, deps, fetch } = await setup([feedRow('busy', 'https://e.example/feed')], {
      'https://e.example/feed': { status: 429, headers: { 'retry-after': '7200' } },
    });
    await pollFeeds(deps);
    const s = await status(db, 'busy');
    expect(s.state).toBe('error');
    expect(s.message).toContain('429');
    expect(s.retryAfter).toBe(new Date(NOW.getTime() + 7_200_000).toISOString());
    const again = await pollFeeds(deps);
    expect(again).toMatchObject({ polled: 0, skipped: 1 });
    expect(fetch.calls).toHaveLength(1);
    const later = await pollFeeds({ ...deps, now: () => new Date(NOW.getTime() + 7_300_000) });
    expect(later.polled).toBe(1);
  });

  it('refuses a feed over the size cap without reading it all', async () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    const { db, deps } = await setup([feedRow('huge', 'https://f.example/feed')], {
      'https://f.example/feed': { body: big },
    });
    await pollFeeds({ ...deps, maxBytes: 1024 * 1024 });
    expect((await status(db, 'huge')).message).toMatch(/larger than 1\.0 MB|limit is 1\.0 MB/);
  });

  it('billion-laughs entities are not expanded (no crash, bounded output)', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss version="2.0"><channel><title>&lol3;</title><item><title>Safe &lol3;</title><link>https://g.example/a</link></item></channel></rss>`;
    const { db, deps } = await setup([feedRow('lol', 'https://g.example/feed')], {
      'https://g.example/feed': { body: laughs },
    });
    await pollFeeds(deps);
    const rows = await db.coverage.toArray();
    for (const r of rows) expect(r.title.length).toBeLessThan(100);
    expect(['ok', 'error']).toContain((await status(db, 'lol')).state);
  });

  it('reads a windows-1252 feed declared as UTF-8', async () => {
    const head =
      '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><item><title>Caf';
    const tail = ' talks in Tokyo</title><link>https://h.example/cafe</link></item></channel></rss>';
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(head),
      0xe9,
      ...new TextEncoder().encode(tail),
    ]);
    const { db, deps } = await setup([feedRow('enc', 'https://h.example/feed')], {
      'https://h.example/feed': { body: bytes },
    });
    await pollFeeds(deps);
    expect((await db.coverage.toArray())[0]?.title).toBe('Café talks in Tokyo');
  });

  it('skips disabled feeds and never replaces a history row', async () => {
    const { db, deps, fetch } = await setup(
      [
        feedRow('kyodo', 'https://english.kyodonews.net/rss/all.xml'),
        feedRow('off', 'https://x.example/feed', { enabled: false }),
      ],
      { 'https://english.kyodonews.net/rss/all.xml': { body: GOOD } },
    );
    const key = 'https://english.kyodonews.net/news/2017/02/mattis-abe.html';
    await db.coverage.put({
      urlKey: key,
      url: key,
      title: 'Read it',
      publishedAt: '',
      seenAt: '2017-01-01T00:00:00.000Z',
      origin: 'history',
      terms: ['x'],
      people: [],
    });
    await pollFeeds(deps);
    expect(fetch.calls).toEqual(['https://english.kyodonews.net/rss/all.xml']);
    expect((await db.coverage.get(key))?.origin).toBe('history');
  });
});
