import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import sitelink from '../../fixtures/wikidata/wbgetentities-sitelink-q267902.json';
import summary from '../../fixtures/wikipedia/summary-jim-mattis.json';
import { createOutletLookup } from '@/entrypoints/background/enrich';
import {
  createPersonSummaries,
  personSummary,
  tabPersonSummary,
} from '@/entrypoints/background/person-summary';
import type { BackgroundDeps } from '@/entrypoints/background/handlers';
import { API_USER_AGENT, ENRICH_TTL_MS } from '@/lib/outlets/enrich';
import { MastheadDb } from '@/lib/platform/db';
import { createReportStore } from '@/lib/platform/reports';
import type { PageReport } from '@/lib/types';

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });

const dbs: MastheadDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function setup(answer?: (url: URL) => Response) {
  const db = new MastheadDb(`test-person-summary-${crypto.randomUUID()}`);
  dbs.push(db);
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (url: string, init: { headers: Record<string, string> }) => {
    calls.push({ url, headers: init.headers });
    const u = new URL(url);
    if (answer) return answer(u);
    if (u.host === 'www.wikidata.org') return json(sitelink);
    if (u.host === 'en.wikipedia.org') return json(summary);
    throw new TypeError('unexpected host');
  });
  let now = Date.parse('2026-11-26T02:00:00Z');
  const online = createOutletLookup({ fetch, cache: async () => db.cache, now: () => now });
  const svc = createPersonSummaries({ ...online, now: () => now });
  return { db, calls, svc, advance: (ms: number) => (now += ms) };
}

describe('person summaries (background, through the outlet lookup path)', () => {
  it('Wikidata sitelink then the REST summary, Api-User-Agent on each; cached 7 days by QID', async () => {
    const t = setup();
    const r = await t.svc('Q267902', { store: true });
    expect(r).toMatchObject({
      status: 'found',
      cached: false,
      summary: { qid: 'Q267902', title: 'Jim Mattis' },
    });
    expect(t.calls.map((c) => new URL(c.url).host)).toEqual(['www.wikidata.org', 'en.wikipedia.org']);
    expect(new URL(t.calls[1]!.url).pathname).toBe('/api/rest_v1/page/summary/Jim_Mattis');
    for (const c of t.calls) expect(c.headers['Api-User-Agent']).toBe(API_USER_AGENT);
    const row = await t.db.cache.get('person-summary:Q267902');
    expect(row?.expiresAt).toBe(Date.parse('2026-11-26T02:00:00Z') + ENRICH_TTL_MS);
    expect(await t.svc('Q267902', { store: true })).toMatchObject({ status: 'found', cached: true });
    expect(t.calls).toHaveLength(2);
    t.advance(ENRICH_TTL_MS + 1);
    expect(await t.svc('Q267902', { store: true })).toMatchObject({ status: 'found', cached: false });
    expect(t.calls).toHaveLength(4);
  });

  it('no English article: not-found after one request, cached; private windows store nothing', async () => {
    const t = setup(() => json({ entities: { Q5: { id: 'Q5', sitelinks: {} } } }));
    expect(await t.svc('Q5', { store: false })).toEqual({ status: 'not-found', cached: false });
    expect(await t.db.cache.count()).toBe(0);
    expect(await t.svc('Q5', { store: true })).toEqual({ status: 'not-found', cached: false });
    expect(await t.svc('Q5', { store: true })).toEqual({ status: 'not-found', cached: true });
    expect(t.calls).toHaveLength(2);
  });

  it('a summary about another item is not shown (redirect to someone else)', async () => {
    const t = setup((u) =>
      u.host === 'www.wikidata.org' ? json(sitelink) : json({ ...summary, wikibase_item: 'Q1' }),
    );
    expect(await t.svc('Q267902', { store: true })).toMatchObject({ status: 'not-found' });
  });

  it('429 → rate-limited with Retry-After remembered; offline → a clean message; bad QID → no request', async () => {
    const t = setup(() => new Response('', { status: 429, headers: { 'retry-after': '120' } }));
    expect(await t.svc('Q267902', { store: true })).toEqual({
      status: 'rate-limited',
      retryAt: new Date(Date.parse('2026-11-26T02:00:00Z') + 120_000).toISOString(),
    });
    expect(await t.svc('Q42', { store: true })).toMatchObject({ status: 'rate-limited' });
    expect(t.calls).toHaveLength(1);
    const off = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await off.svc('Q267902', { store: true })).toEqual({
      status: 'offline',
      message: 'Wikipedia could not be reached (offline or blocked).',
    });
    expect(await off.svc('Q0', { store: true })).toMatchObject({ status: 'unavailable' });
    expect(off.calls).toHaveLength(1);
  });
});

describe('personSummary / tabPersonSummary handlers', () => {
  const analysed = { analysedAt: '', verdict: { isArticle: true, explanation: '' }, outlet: null };
  const report = (url: string, qids: string[]) =>
    ({
      ...analysed,
      url,
      urlKey: url,
      text: '',
      content: '',
      sourcesCited: [],
      people: qids.map((qid, i) => ({ name: `P${i}`, qid, mentions: [], quotes: [] })),
    }) as unknown as PageReport;

  async function deps(r: PageReport, enabled: boolean, tab = { id: 3, url: r.url, incognito: false }) {
    const reports = createReportStore(fakeBrowser.storage as never);
    await reports.set(3, r);
    const summaryFn = vi.fn(async () => ({ status: 'not-found' as const, cached: false }));
    const d = {
      reports,
      getTab: async () => tab,
      personSummary: { enabled: async () => enabled, summary: summaryFn },
    } as unknown as BackgroundDeps;
    return { d, summaryFn };
  }
  const fromTab = { tab: { id: 3 } } as never;

  it('off: "disabled", nothing looked up', async () => {
    const { d, summaryFn } = await deps(report('https://news.example/a', ['Q267902']), false);
    expect(await personSummary({ qid: 'Q267902' }, fromTab, d)).toEqual({
      ok: true,
      value: { status: 'disabled' },
    });
    expect(summaryFn).not.toHaveBeenCalled();
  });

  it("on: only a QID of a person in the tab's report; private tabs store nothing", async () => {
    const r = report('https://news.example/a', ['Q267902']);
    const { d, summaryFn } = await deps(r, true);
    await personSummary({ qid: 'Q267902' }, fromTab, d);
    expect(summaryFn).toHaveBeenCalledWith('Q267902', { store: true });
    expect(await personSummary({ qid: 'Q42' }, fromTab, d)).toMatchObject({
      ok: true,
      value: { status: 'unavailable' },
    });
    expect(summaryFn).toHaveBeenCalledTimes(1);
    const priv = await deps(r, true, { id: 3, url: r.url, incognito: true });
    await tabPersonSummary({ tabId: 3, qid: 'Q267902' }, {} as never, priv.d);
    expect(priv.summaryFn).toHaveBeenCalledWith('Q267902', { store: false });
  });

  it('a tab that moved on, or a sender without a tab, gets an error and no lookup', async () => {
    const r = report('https://news.example/a', ['Q267902']);
    const moved = await deps(r, true, { id: 3, url: 'https://elsewhere.example/', incognito: false });
    expect((await tabPersonSummary({ tabId: 3, qid: 'Q267902' }, {} as never, moved.d)).ok).toBe(false);
    expect((await personSummary({ qid: 'Q267902' }, {} as never, moved.d)).ok).toBe(false);
    expect(moved.summaryFn).not.toHaveBeenCalled();
  });
});
