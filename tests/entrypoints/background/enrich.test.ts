import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import sparql from '../../fixtures/wikidata/enrich-sparql.json';
import summary from '../../fixtures/wikipedia/summary-daily-example.json';
import { createOutletLookup, limiter, type LookupDeps } from '@/entrypoints/background/enrich';
import { hostToLookUp, lookupOutlet } from '@/entrypoints/background/lookup-outlet';
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

/** Answers from the recorded shapes by host of the request; records every call. */
function fakeFetch(answer?: (url: URL) => Response | Promise<Response>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (url: string, init: { headers: Record<string, string> }) => {
    calls.push({ url, headers: init.headers });
    const u = new URL(url);
    if (answer) return answer(u);
    if (u.host === 'query.wikidata.org') return json(sparql);
    if (u.host === 'en.wikipedia.org') return json(summary);
    throw new TypeError('unexpected host');
  });
  return { fetch, calls };
}

const dbs: MastheadDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function setup(answer?: (url: URL) => Response | Promise<Response>) {
  const db = new MastheadDb(`test-enrich-${crypto.randomUUID()}`);
  dbs.push(db);
  const f = fakeFetch(answer);
  let now = Date.parse('2026-11-25T12:00:00Z');
  const deps: LookupDeps = { fetch: f.fetch, cache: async () => db.cache, now: () => now };
  return { db, ...f, svc: createOutletLookup(deps), advance: (ms: number) => (now += ms) };
}

describe('online outlet lookup (background)', () => {
  it('Wikidata then the Wikipedia summary, Api-User-Agent on each; cached in IndexedDB with a TTL', async () => {
    const t = setup();
    const r = await t.svc.lookup('www.dailyexample.org');
    expect(r).toMatchObject({
      status: 'found',
      cached: false,
      outlet: { qid: 'Q90020', name: 'The Daily Example' },
    });
    expect(r.status === 'found' && r.outlet.wikipedia?.extract).toBe(summary.extract);
    expect(t.calls.map((c) => new URL(c.url).host)).toEqual(['query.wikidata.org', 'en.wikipedia.org']);
    for (const c of t.calls) expect(c.headers['Api-User-Agent']).toBe(API_USER_AGENT);
    const row = await t.db.cache.get('outlet-lookup:dailyexample.org');
    expect(row?.expiresAt).toBe(Date.parse('2026-11-25T12:00:00Z') + ENRICH_TTL_MS);

    expect(await t.svc.lookup('dailyexample.org')).toMatchObject({ status: 'found', cached: true });
    expect(t.calls).toHaveLength(2);
    t.advance(ENRICH_TTL_MS + 1);
    expect(await t.svc.lookup('dailyexample.org')).toMatchObject({ status: 'found', cached: false });
    expect(t.calls).toHaveLength(4);
  });

  it('not found is cached too; private windows (store: false) write nothing', async () => {
    const t = setup(() => json({ results: { bindings: [] } }));
    expect(await t.svc.lookup('nowhere.example.com', { store: false })).toEqual({
      status: 'not-found',
      cached: false,
    });
    expect(await t.db.cache.count()).toBe(0);
    expect(await t.svc.lookup('nowhere.example.com')).toEqual({ status: 'not-found', cached: false });
    expect(await t.svc.lookup('nowhere.example.com')).toEqual({ status: 'not-found', cached: true });
    expect(t.calls).toHaveLength(2);
  });

  it('429 + Retry-After: no request until the wait is over (remembered in the cache table)', async () => {
    let limited = true;
    const t = setup((u) =>
      limited
        ? new Response('slow down', { status: 429, headers: { 'retry-after': '120' } })
        : u.host === 'query.wikidata.org'
          ? json(sparql)
          : json(summary),
    );
    const first = await t.svc.lookup('dailyexample.org');
    expect(first).toEqual({ status: 'rate-limited', retryAt: '2026-11-25T12:02:00.000Z' });
    limited = false;
    expect((await t.svc.lookup('other.example.org')).status).toBe('rate-limited');
    expect(t.calls).toHaveLength(1);
    t.advance(121_000);
    expect((await t.svc.lookup('dailyexample.org')).status).toBe('found');
  });

  it('offline: a clean "offline" answer, nothing cached; bad answers are "unavailable"', async () => {
    const off = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await off.svc.lookup('dailyexample.org')).toMatchObject({ status: 'offline' });
    expect(await off.db.cache.count()).toBe(0);
    const bad = setup(() => new Response('<html>', { status: 200 }));
    expect(await bad.svc.lookup('dailyexample.org')).toMatchObject({ status: 'unavailable' });
    const err = setup(() => new Response('x', { status: 500 }));
    expect(await err.svc.lookup('dailyexample.org')).toMatchObject({
      status: 'unavailable',
      message: expect.stringMatching(/500/),
    });
    expect(await err.svc.lookup('not a host')).toMatchObject({ status: 'unavailable' });
  });

  it('a failed summary keeps the Wikidata answer', async () => {
    const t = setup((u) =>
      u.host === 'query.wikidata.org' ? json(sparql) : new Response('', { status: 404 }),
    );
    const r = await t.svc.lookup('dailyexample.org');
    expect(r.status === 'found' && r.outlet.wikipedia?.extract).toBeUndefined();
    expect(r.status).toBe('found');
  });

  it('at most 2 requests in flight', async () => {
    let inFlight = 0;
    let max = 0;
    const t = setup(async () => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return json({ results: { bindings: [] } });
    });
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((x) => t.svc.lookup(`${x}.example.org`)));
    expect(t.calls).toHaveLength(6);
    expect(max).toBe(2);
    const gate = limiter(2);
    expect(gate.inFlight).toBe(0);
  });
});

describe('lookupOutlet handler', () => {
  const report = (url: string, outlet: PageReport['outlet'] = null) =>
    ({
      url,
      urlKey: url,
      analysedAt: '',
      verdict: { isArticle: true, explanation: '' },
      text: '',
      content: '',
      outlet,
      people: [],
      sourcesCited: [],
    }) as PageReport;

  async function deps(r: PageReport, enabled: boolean, tab = { id: 3, url: r.url, incognito: false }) {
    const reports = createReportStore(fakeBrowser.storage as never);
    await reports.set(3, r);
    const lookup = vi.fn(async () => ({ status: 'not-found' as const, cached: false }));
    const d = {
      reports,
      getTab: async () => tab,
      outletLookup: { enabled: async () => enabled, lookup },
    } as unknown as BackgroundDeps;
    return { d, lookup };
  }

  it('off: answers "disabled" and looks nothing up', async () => {
    const { d, lookup } = await deps(report('https://www.dailyexample.org/news/1'), false);
    expect(await lookupOutlet({ tabId: 3 }, {}, d)).toEqual({ ok: true, value: { status: 'disabled' } });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('on: looks up the registrable domain of the stored report (archive copies unwrapped)', async () => {
    const { d, lookup } = await deps(
      report('https://web.archive.org/web/2020/https://news.dailyexample.org/story?id=1'),
      true,
    );
    await lookupOutlet({ tabId: 3 }, {}, d);
    expect(lookup).toHaveBeenCalledWith('dailyexample.org', { store: true });
  });

  it('private tab: nothing stored; known outlet or other page: no lookup', async () => {
    const r = report('https://www.dailyexample.org/a');
    const priv = await deps(r, true, { id: 3, url: r.url, incognito: true });
    await lookupOutlet({ tabId: 3 }, {}, priv.d);
    expect(priv.lookup).toHaveBeenCalledWith('dailyexample.org', { store: false });
    const moved = await deps(r, true, { id: 3, url: 'https://elsewhere.example/', incognito: false });
    expect((await lookupOutlet({ tabId: 3 }, {}, moved.d)).ok).toBe(false);
    expect(moved.lookup).not.toHaveBeenCalled();
  });

  it('hostToLookUp: hosts only, never odd schemes', () => {
    expect(hostToLookUp('https://a.b.dailyexample.co.uk/x')).toBe('dailyexample.co.uk');
    expect(hostToLookUp('javascript:alert(1)')).toBeNull();
    expect(hostToLookUp('http://127.0.0.1/x')).toBeNull();
    expect(hostToLookUp('data:text/html,x')).toBeNull();
  });
});
