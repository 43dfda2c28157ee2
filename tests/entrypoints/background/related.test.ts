import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as h from '@/entrypoints/background/handlers';
import type { BackgroundDeps, TabInfo } from '@/entrypoints/background/handlers';
import { findMoreCoverage, getRelated } from '@/entrypoints/background/related';
import { setFeeds, alarmFired, syncFeedAlarms, PRUNE_ALARM } from '@/entrypoints/background/feeds-control';
import { FEEDS_ALARM } from '@/entrypoints/background/feeds';
import { outletData } from '@/lib/outlets/dataset';
import { createSetBadge } from '@/lib/platform/badge';
import { itemCoverage } from '@/lib/platform/coverage';
import { MastheadDb } from '@/lib/platform/db';
import { createReportStore } from '@/lib/platform/reports';
import {
  analysis,
  ARTICLE_URL,
  candidatePayload,
  contentScriptSender,
  extensionPageSender,
} from '../../lib/platform/fixtures';

const dbs: MastheadDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

// Months after the article (3 Feb 2017): GDELT (last ~90 days) is not asked.
const NOW = new Date('2017-09-01T10:00:00Z');

function setup(over: Partial<BackgroundDeps> = {}) {
  const db = new MastheadDb(`related-${crypto.randomUUID()}`);
  dbs.push(db);
  const tabs = new Map<number, TabInfo>([[7, { id: 7, url: ARTICLE_URL }]]);
  const fetch = vi.fn(async (url: string) => {
    void url;
    return new Response(
      `<rss version="2.0"><channel><title>q</title><item><title>Tokyo and Washington reaffirm alliance - Kyodo News</title><link>https://news.google.com/rss/articles/abc</link><pubDate>Fri, 03 Feb 2017 09:00:00 GMT</pubDate><source url="https://english.kyodonews.net">Kyodo News</source></item></channel></rss>`,
      { headers: { 'content-type': 'application/xml' } },
    );
  });
  const deps: BackgroundDeps = {
    db: async () => db,
    now: () => NOW,
    analyse: async () => analysis(),
    reports: createReportStore(fakeBrowser.storage as never),
    setBadge: createSetBadge(fakeBrowser.action as never),
    historyPaused: async () => false,
    getTab: async (id) => tabs.get(id),
    executeScript: async () => undefined,
    allSites: { get: async () => false, set: async () => undefined },
    scripting: {} as never,
    permissions: { contains: async () => false },
    outlets: outletData,
    related: { feedsEnabled: async () => false, searchEnabled: async () => true, fetch },
    ...over,
  };
  return { db, deps, tabs, fetch };
}

const feedItem = (url: string, title: string, publishedAt = '2017-02-03T12:00:00Z') =>
  itemCoverage(
    { url, title, publishedAt, summary: 'Tokyo and Washington reaffirmed their alliance on Friday.' },
    'feed',
    NOW,
    { feedId: 'f' },
  )!;

describe('getRelated', () => {
  it('groups same-story items by outlet with chips; leaves out the article itself and unrelated items', async () => {
    const t = setup();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    await t.db.coverage.bulkPut([
      feedItem('https://english.kyodonews.net/news/a', 'Tokyo and Washington reaffirm alliance'),
      feedItem('https://www.aljazeera.com/news/b', 'Washington, Tokyo reaffirm their alliance'),
      itemCoverage(
        {
          url: 'https://www.aljazeera.com/news/c',
          title: 'Floods in Chile',
          publishedAt: '2017-02-03T00:00:00Z',
          summary: 'Rain.',
        },
        'feed',
        NOW,
      )!,
    ]);
    const res = await getRelated({ tabId: 7 }, extensionPageSender(), t.deps);
    if (!res.ok) throw new Error(res.error);
    const v = res.value;
    expect(v.groups.map((g) => g.name).sort()).toEqual(['Al Jazeera', 'Kyodo News']);
    expect(v.groups.flatMap((g) => g.items.map((i) => i.url))).not.toContain(ARTICLE_URL);
    expect(v.groups.flatMap((g) => g.items.map((i) => i.title))).not.toContain('Floods in Chile');
    for (const g of v.groups) expect(g.chip?.country).toBeTruthy();
    expect(v.breakdown.byCountry.map((r) => r.label).sort()).toEqual(['Japan', 'Qatar']);
    expect(v.stored).toBe(4);
    expect(v.search[0]).toMatchObject({ service: 'google-news', host: 'news.google.com' });
    expect(v.searchNotes.join(' ')).toMatch(/GDELT|names/);
    expect(v.feedsOn).toBe(false);
  });

  it('refuses a tab without an analysed article', async () => {
    const t = setup();
    expect(await getRelated({ tabId: 99 }, extensionPageSender(), t.deps)).toMatchObject({ ok: false });
  });
});

describe('findMoreCoverage', () => {
  it('asks only the planned services, stores results as origin "search" with their outlet, caches the request', async () => {
    const t = setup();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    const res = await findMoreCoverage({ tabId: 7 }, extensionPageSender(), t.deps);
    if (!res.ok) throw new Error(res.error);
    expect(t.fetch).toHaveBeenCalledTimes(1); // GDELT: the story is older than its 3 months
    expect(String(t.fetch.mock.calls[0]![0])).toMatch(/^https:\/\/news\.google\.com\/rss\/search\?/);
    expect(res.value.results[0]).toMatchObject({ service: 'google-news', added: 1, cached: false });
    const rows = await t.db.coverage.where('origin').equals('search').toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.outletQid).toBeTruthy();
    const again = await findMoreCoverage({ tabId: 7 }, extensionPageSender(), t.deps);
    expect(again.ok && again.value.results[0]!.cached).toBe(true);
    expect(t.fetch).toHaveBeenCalledTimes(1);
  });

  it('turned off in the options: refuses, sends nothing, and getRelated says it is off', async () => {
    const t = setup();
    t.deps.related = { ...t.deps.related!, searchEnabled: async () => false };
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    const res = await findMoreCoverage({ tabId: 7 }, extensionPageSender(), t.deps);
    expect(res).toMatchObject({ ok: false });
    expect(!res.ok && res.error).toMatch(/off/);
    expect(t.fetch).not.toHaveBeenCalled();
    const view = await getRelated({ tabId: 7 }, extensionPageSender(), t.deps);
    expect(view.ok && view.value.searchOn).toBe(false);
  });

  it('sends and stores nothing for a private window', async () => {
    const t = setup();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    t.tabs.set(7, { id: 7, url: ARTICLE_URL, incognito: true });
    expect(await findMoreCoverage({ tabId: 7 }, extensionPageSender(), t.deps)).toMatchObject({ ok: false });
    expect(t.fetch).not.toHaveBeenCalled();
  });
});

describe('feeds control', () => {
  function withFeeds(granted: boolean) {
    const alarms = new Map<string, unknown>();
    const state = { on: false };
    const poll = vi.fn(async () => ({ polled: 0, skipped: 0, stored: 0, errors: 0 }));
    const t = setup({
      feeds: {
        alarms: {
          create: (name, info) => void alarms.set(name, info),
          clear: async (name) => void alarms.delete(name),
          get: async (name) => alarms.get(name),
        },
        enabled: { get: async () => state.on, set: async (on) => void (state.on = on) },
        retentionDays: async () => 30,
        hasOrigins: async () => granted,
        poll,
      },
    });
    return { ...t, alarms, state, poll };
  }

  it('turning on without the host grant is refused; with it, the hourly alarm exists until turned off', async () => {
    const refused = withFeeds(false);
    await refused.db.feeds.put({ id: 'a', url: 'https://a.example/feed', enabled: true });
    expect(await setFeeds({ enabled: true }, extensionPageSender(), refused.deps)).toMatchObject({
      ok: false,
    });
    expect(refused.state.on).toBe(false);

    const t = withFeeds(true);
    expect(await setFeeds({ enabled: true }, extensionPageSender(), t.deps)).toMatchObject({ ok: true });
    expect([...t.alarms.keys()].sort()).toEqual([FEEDS_ALARM, PRUNE_ALARM].sort());
    await alarmFired(FEEDS_ALARM, t.deps);
    expect(t.poll).toHaveBeenCalledOnce();
    await setFeeds({ enabled: false }, extensionPageSender(), t.deps);
    expect(t.alarms.has(FEEDS_ALARM)).toBe(false);
    await syncFeedAlarms(t.deps);
    expect(t.alarms.has(PRUNE_ALARM)).toBe(true);
  });

  it('the prune alarm deletes items not seen within the retention period', async () => {
    const t = withFeeds(true);
    await t.db.coverage.put(
      itemCoverage(
        { url: 'https://a.example/old', title: 'Old', publishedAt: '' },
        'feed',
        new Date('2016-01-01'),
      )!,
    );
    await alarmFired(PRUNE_ALARM, t.deps);
    expect(await t.db.coverage.count()).toBe(0);
  });
});
