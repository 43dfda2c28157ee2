import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as h from '@/entrypoints/background/handlers';
import type { BackgroundDeps, TabInfo } from '@/entrypoints/background/handlers';
import { outletData } from '@/lib/outlets/dataset';
import { ALL_SITES_SCRIPT_ID } from '@/lib/platform/all-sites';
import { createSetBadge } from '@/lib/platform/badge';
import { MastheadDb } from '@/lib/platform/db';
import { createReportStore } from '@/lib/platform/reports';
import type { OffPageAnalysis } from '@/lib/types';
import { DELETE_ALL_CONFIRM } from '@/lib/protocol';
import {
  analysis,
  ARTICLE_URL,
  candidatePayload,
  contentScriptSender,
  extensionPageSender,
  extracted,
  fakeScripting,
  inPage,
  metadata,
  signals,
} from '../../lib/platform/fixtures';

const dbs: MastheadDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

interface Harness {
  deps: BackgroundDeps;
  db: MastheadDb;
  tabs: Map<number, TabInfo>;
  settings: { allSites: boolean; historyPaused: boolean };
  injected: { tabId: number; files: string[] }[];
  granted: { value: boolean };
  scripting: ReturnType<typeof fakeScripting>;
  setNow(iso: string): void;
}

function harness(over: Partial<BackgroundDeps> = {}, answer: OffPageAnalysis = analysis()): Harness {
  const db = new MastheadDb(`test-handlers-${crypto.randomUUID()}`);
  dbs.push(db);
  const tabs = new Map<number, TabInfo>([[7, { id: 7, url: ARTICLE_URL }]]);
  const settings = { allSites: false, historyPaused: false };
  const injected: { tabId: number; files: string[] }[] = [];
  const granted = { value: false };
  const scripting = fakeScripting();
  let now = new Date('2024-05-01T10:00:00.000Z');
  const deps: BackgroundDeps = {
    db: async () => db,
    now: () => now,
    analyse: vi.fn(async () => answer),
    reports: createReportStore(fakeBrowser.storage as never),
    setBadge: createSetBadge(fakeBrowser.action as never),
    historyPaused: async () => settings.historyPaused,
    getTab: async (id) => tabs.get(id),
    executeScript: async (tabId, files) => {
      injected.push({ tabId, files });
    },
    allSites: {
      get: async () => settings.allSites,
      set: async (v) => {
        settings.allSites = v;
      },
    },
    scripting: scripting.scripting,
    permissions: { contains: async () => granted.value },
    ...over,
  };
  return { deps, db, tabs, settings, injected, granted, scripting, setNow: (iso) => (now = new Date(iso)) };
}

describe('pageAnalysed', () => {
  it('fills report.outlet from the shipped data and badges the control class', async () => {
    const t = harness({ outlets: outletData });
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    const report = await t.deps.reports.get(7);
    expect(report?.outlet).toMatchObject({ id: 'Q912429', name: 'Press TV' });
    expect(report?.outlet?.control.value.relation).toBe('state-controlled');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('GOV');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toMatch(/Press TV — state-controlled/);
  });

  it('a broken outlet loader leaves the outlet unknown and the report intact', async () => {
    const outlets = () => {
      throw new Error('corrupt data');
    };
    const t = harness({ outlets });
    const res = await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    expect(res).toEqual({ ok: true, value: { isArticle: true } });
    expect((await t.deps.reports.get(7))?.outlet).toBeNull();
  });

  it('analyses off-page, stores the report for the sender tab, badges it and records history', async () => {
    const t = harness();
    const res = await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    expect(res).toEqual({ ok: true, value: { isArticle: true } });
    expect(t.deps.analyse).toHaveBeenCalledWith(candidatePayload().html, ARTICLE_URL);

    const report = await t.deps.reports.get(7);
    expect(report).toMatchObject({ url: ARTICLE_URL, verdict: { isArticle: true } });
    expect(report?.article?.title).toBe('Japan, US reaffirm alliance');
    expect(await fakeBrowser.storage.session.get('report:7')).toHaveProperty('report:7');

    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe(
      "Masthead: article — PressTV; outlet not in Masthead's data",
    );
    expect(report?.outlet).toBeNull();

    const rows = await t.db.pages.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      urlKey: report?.urlKey,
      url: ARTICLE_URL,
      title: 'Japan, US reaffirm alliance',
      siteName: 'PressTV',
      visits: 1,
      firstSeenAt: '2024-05-01T10:00:00.000Z',
      lastSeenAt: '2024-05-01T10:00:00.000Z',
    });
  });

  it('keeps firstSeenAt, bumps visits and lastSeenAt on a later visit (another tab)', async () => {
    const t = harness();
    t.tabs.set(8, { id: 8, url: ARTICLE_URL });
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    t.setNow('2024-05-02T10:00:00.000Z');
    await h.pageAnalysed(candidatePayload(), contentScriptSender(8), t.deps);
    const [row] = await t.db.pages.toArray();
    expect(row).toMatchObject({
      visits: 2,
      firstSeenAt: '2024-05-01T10:00:00.000Z',
      lastSeenAt: '2024-05-02T10:00:00.000Z',
    });
  });

  it('a re-send from the same tab for the same page refreshes without counting a visit', async () => {
    const t = harness();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    expect((await t.db.pages.toArray())[0]?.visits).toBe(1);
  });

  it('private window: report kept for the popup, nothing written to the DB', async () => {
    const t = harness();
    const sender = contentScriptSender(7);
    sender.tab = { ...sender.tab!, incognito: true };
    const res = await h.pageAnalysed(candidatePayload(), sender, t.deps);
    expect(res).toEqual({ ok: true, value: { isArticle: true } });
    expect(await t.deps.reports.get(7)).not.toBeNull();
    expect(await t.db.pages.count()).toBe(0);
    expect(await t.db.coverage.count()).toBe(0);
  });

  it('an article also goes into the related-coverage store with its key terms', async () => {
    const t = harness();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    const [row] = await t.db.coverage.toArray();
    expect(row).toMatchObject({ origin: 'history', url: ARTICLE_URL });
    expect(row!.terms.length).toBeGreaterThan(0);
  });

  it('private extension context (isIncognito) and paused history write nothing', async () => {
    const t = harness({ isIncognito: () => true });
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    expect(await t.db.pages.count()).toBe(0);
    expect(await t.db.coverage.count()).toBe(0);
    const u = harness();
    u.settings.historyPaused = true;
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), u.deps);
    expect(await u.db.pages.count()).toBe(0);
    expect(await u.db.coverage.count()).toBe(0);
    expect(await u.deps.reports.get(7)).not.toBeNull();
  });

  it('a verdict from the page skips the analysis; not-article clears the badge text and explains', async () => {
    const t = harness();
    await fakeBrowser.action.setBadgeText({ tabId: 7, text: '✓' });
    const payload = candidatePayload({
      html: undefined,
      verdict: { isArticle: false, reason: 'login-page', explanation: 'Sign-in page.' },
      title: 'Sign in',
    });
    const res = await h.pageAnalysed(payload, contentScriptSender(7), t.deps);
    expect(res).toEqual({ ok: true, value: { isArticle: false } });
    expect(t.deps.analyse).not.toHaveBeenCalled();
    expect((await t.deps.reports.get(7))?.metadata).toEqual({
      title: 'Sign in',
      authors: [],
      keywords: [],
      jsonLdTypes: [],
      provenance: {},
      conflicts: [],
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Masthead: not an article (login-page)');
    expect(await t.db.pages.count()).toBe(0);
    expect((await t.deps.reports.get(7))?.verdict.reason).toBe('login-page');
  });

  it('uses the off-page metadata and signals, but the layout-aware in-page readerable', async () => {
    // Off the page every paragraph looks visible (no layout): readerable. In the page it was not,
    // and without article markup a text this short is then not an article.
    const short = 'A short teaser that is visible only off the page. '.repeat(20); // ~1,000 chars
    const answer = analysis({
      extracted: extracted({ text: short, content: `<p>${short}</p>` }),
      metadata: metadata({ ogType: undefined, publishedTime: undefined, jsonLdTypes: [] }),
      signals: signals({ readerable: true, jsonLdArticle: false, ogArticle: false, hasPublishedTime: false }),
    });
    const hidden = harness({}, answer);
    const payload = candidatePayload({
      inPage: inPage({ readerable: false }),
    });
    expect(await h.pageAnalysed(payload, contentScriptSender(7), hidden.deps)).toEqual({
      ok: true,
      value: { isArticle: false },
    });
    expect((await hidden.deps.reports.get(7))?.verdict.reason).toBe('not-readerable');

    const shown = harness({}, answer);
    const visible = candidatePayload({ inPage: inPage({ readerable: true }) });
    expect(await h.pageAnalysed(visible, contentScriptSender(7), shown.deps)).toEqual({
      ok: true,
      value: { isArticle: true },
    });
    const report = await shown.deps.reports.get(7);
    expect(report?.metadata).toEqual(answer.metadata);
    expect(report?.text).toBe(short);
  });

  it('page shapes are judged on the off-page signals (a section page is not an article)', async () => {
    const t = harness(
      {},
      analysis({
        metadata: metadata({ ogType: undefined, publishedTime: undefined, jsonLdTypes: [] }),
        signals: signals({
          jsonLdArticle: false,
          ogArticle: false,
          hasPublishedTime: false,
          pageKind: 'section',
        }),
      }),
    );
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    expect((await t.deps.reports.get(7))?.verdict.reason).toBe('section-page');
    expect(await t.db.pages.count()).toBe(0);
  });

  it('extraction failure (nothing extracted, or a failing analysis) gives a non-article report, no row', async () => {
    const t = harness({}, analysis({ extracted: null }));
    expect(await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps)).toEqual({
      ok: true,
      value: { isArticle: false },
    });
    expect((await t.deps.reports.get(7))?.verdict.reason).toBe('extraction-failed');
    const log = vi.fn();
    const u = harness({
      analyse: async () => {
        throw new Error('offscreen died');
      },
      log,
    });
    expect(await h.pageAnalysed(candidatePayload(), contentScriptSender(7), u.deps)).toEqual({
      ok: true,
      value: { isArticle: false },
    });
    const report = await u.deps.reports.get(7);
    expect(report?.verdict.reason).toBe('extraction-failed');
    expect(report?.metadata?.title).toBe('Japan, US reaffirm alliance');
    expect(log).toHaveBeenCalledWith('analysis failed', expect.any(Error));
    expect(await u.db.pages.count()).toBe(0);
  });

  it('never records an "is an article" verdict sent by a page', async () => {
    const t = harness();
    const forged = candidatePayload({
      html: undefined,
      verdict: { isArticle: true, explanation: 'This looks like an article.' },
    });
    expect(await h.pageAnalysed(forged, contentScriptSender(7), t.deps)).toEqual({
      ok: true,
      value: { isArticle: false },
    });
    expect(t.deps.analyse).not.toHaveBeenCalled();
    expect(await t.db.pages.count()).toBe(0);
  });

  it('rejects a URL from another origin than the sending page', async () => {
    const t = harness();
    const res = await h.pageAnalysed(
      candidatePayload({ url: 'https://victim.example/a' }),
      contentScriptSender(7),
      t.deps,
    );
    expect(res.ok).toBe(false);
    expect(await t.deps.reports.get(7)).toBeNull();
    expect(await t.db.pages.count()).toBe(0);
  });

  it('does not store a report for a tab that navigated away meanwhile', async () => {
    const t = harness();
    t.tabs.set(7, { id: 7, url: 'https://www.presstv.ir/other' });
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    expect(await t.deps.reports.get(7)).toBeNull();
  });

  it('a full disk is reported clearly; the report and badge are still there', async () => {
    const t = harness();
    t.db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (n) => ({
          ...down.table(n),
          mutate: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
        }),
      }),
    });
    const res = await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/storage is full/i) });
    expect(await t.deps.reports.get(7)).not.toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
  });
});

describe('getPageReport', () => {
  it('returns the tab report while the tab still shows that page', async () => {
    const t = harness();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    const r = await h.getPageReport({ tabId: 7 }, extensionPageSender(), t.deps);
    expect(r.ok && r.value?.url).toBe(ARTICLE_URL);
    // Fragment changes still match.
    t.tabs.set(7, { id: 7, url: `${ARTICLE_URL}#comments` });
    expect((await h.getPageReport({ tabId: 7 }, extensionPageSender(), t.deps)).ok).toBe(true);
    expect(await h.getPageReport({ tabId: 8 }, extensionPageSender(), t.deps)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('returns null once the tab shows another page, or when its URL is unknown', async () => {
    const t = harness();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    t.tabs.set(7, { id: 7, url: 'https://www.presstv.ir/Section/Asia' });
    expect(await h.getPageReport({ tabId: 7 }, extensionPageSender(), t.deps)).toEqual({
      ok: true,
      value: null,
    });
    t.tabs.set(7, { id: 7 });
    expect(await h.getPageReport({ tabId: 7 }, extensionPageSender(), t.deps)).toEqual({
      ok: true,
      value: null,
    });
  });
});

describe('analyzeTab', () => {
  it('injects the content script into an ordinary web page', async () => {
    const t = harness();
    t.tabs.set(3, { id: 3, url: 'https://blog.example/post' });
    expect(await h.analyzeTab({ tabId: 3 }, extensionPageSender(), t.deps)).toEqual({
      ok: true,
      value: { started: true },
    });
    expect(t.injected).toEqual([{ tabId: 3, files: ['/content-scripts/article.js'] }]);
  });

  it.each([
    ['chrome://settings', /browser page/],
    ['about:blank', /browser page/],
    ['edge://newtab', /browser page/],
    ['chrome-extension://abc/popup.html', /extension/],
    ['file:///home/me/a.html', /files on your computer/],
    ['https://chromewebstore.google.com/detail/x', /stores/],
    ['https://addons.mozilla.org/en-US/firefox/', /stores/],
    ['https://example.org/report.pdf', /PDF/],
    ['view-source:https://a.example/', /browser page/],
  ])('refuses %s with a readable reason and injects nothing', async (url, re) => {
    const t = harness();
    t.tabs.set(3, { id: 3, url });
    const r = await h.analyzeTab({ tabId: 3 }, extensionPageSender(), t.deps);
    expect(r.ok && r.value.started).toBe(false);
    expect(r.ok && r.value.reason).toMatch(re);
    expect(t.injected).toEqual([]);
  });

  it('reports a missing tab and a failed injection readably', async () => {
    const t = harness({
      executeScript: async () => {
        throw new Error('Cannot access contents of the page.');
      },
    });
    expect(await h.analyzeTab({ tabId: 99 }, extensionPageSender(), t.deps)).toEqual({
      ok: true,
      value: { started: false, reason: 'That tab no longer exists.' },
    });
    const r = await h.analyzeTab({ tabId: 7 }, extensionPageSender(), t.deps);
    expect(r.ok && r.value.reason).toMatch(/no access/);
  });
});

describe('setAllSites', () => {
  it('refuses to enable without the host permission', async () => {
    const t = harness();
    const r = await h.setAllSites({ enabled: true }, extensionPageSender(), t.deps);
    expect(r.ok).toBe(false);
    expect(t.settings.allSites).toBe(false);
    expect(t.scripting.registered.size).toBe(0);
  });

  it('registers on enable (granted) and unregisters on disable', async () => {
    const t = harness();
    t.granted.value = true;
    expect(await h.setAllSites({ enabled: true }, extensionPageSender(), t.deps)).toEqual({
      ok: true,
      value: { enabled: true },
    });
    expect(t.settings.allSites).toBe(true);
    expect([...t.scripting.registered.keys()]).toEqual([ALL_SITES_SCRIPT_ID]);
    await h.setAllSites({ enabled: false }, extensionPageSender(), t.deps);
    expect(t.settings.allSites).toBe(false);
    expect(t.scripting.registered.size).toBe(0);
  });

  it('resync after the permission was revoked turns the setting off and unregisters', async () => {
    const t = harness();
    t.granted.value = true;
    await h.setAllSites({ enabled: true }, extensionPageSender(), t.deps);
    t.granted.value = false;
    await h.resyncAllSites(t.deps);
    expect(t.settings.allSites).toBe(false);
    expect(t.scripting.registered.size).toBe(0);
  });
});

describe('deleteAllData', () => {
  const data = { confirm: DELETE_ALL_CONFIRM } as const;

  it('wipes through deps.wipe, then re-syncs "all sites" to the reset setting', async () => {
    const t = harness();
    t.granted.value = true;
    await h.setAllSites({ enabled: true }, extensionPageSender(), t.deps);
    const summary = { tables: ['pages'], rows: 2, storageAreas: ['local'] };
    t.deps.wipe = vi.fn(async () => {
      t.settings.allSites = false; // storage.local cleared: the setting reads its default
      return summary;
    });
    expect(await h.deleteAllData(data, extensionPageSender(), t.deps)).toEqual({ ok: true, value: summary });
    expect(t.deps.wipe).toHaveBeenCalledOnce();
    expect(t.scripting.registered.size).toBe(0);
  });

  it('reports a failed wipe as an error', async () => {
    const t = harness({ wipe: () => Promise.reject(new Error('VersionError')) });
    const r = await h.deleteAllData(data, extensionPageSender(), t.deps);
    expect(r).toEqual({ ok: false, error: 'Could not delete everything: VersionError' });
  });

  it('without a wipe dependency it refuses', async () => {
    const r = await h.deleteAllData(data, extensionPageSender(), harness().deps);
    expect(r.ok).toBe(false);
  });
});

describe('tab events', () => {
  it('tabs.onRemoved drops that tab report only', async () => {
    const t = harness();
    t.tabs.set(8, { id: 8, url: ARTICLE_URL });
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    await h.pageAnalysed(candidatePayload(), contentScriptSender(8), t.deps);
    await h.tabRemoved(7, t.deps);
    expect(await t.deps.reports.get(7)).toBeNull();
    expect(await t.deps.reports.get(8)).not.toBeNull();
  });

  it('navigation to another URL clears report and badge; a fragment change keeps them', async () => {
    const t = harness();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    await h.tabUpdated(7, { url: `${ARTICLE_URL}#top` }, { id: 7, url: `${ARTICLE_URL}#top` }, t.deps);
    expect(await t.deps.reports.get(7)).not.toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('✓');
    await h.tabUpdated(
      7,
      { url: 'https://www.presstv.ir/' },
      { id: 7, url: 'https://www.presstv.ir/' },
      t.deps,
    );
    expect(await t.deps.reports.get(7)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('a navigation whose URL we cannot see clears the report too', async () => {
    const t = harness();
    await h.pageAnalysed(candidatePayload(), contentScriptSender(7), t.deps);
    await h.tabUpdated(7, { status: 'complete' }, { id: 7 }, t.deps);
    expect(await t.deps.reports.get(7)).not.toBeNull();
    await h.tabUpdated(7, { status: 'loading' }, { id: 7 }, t.deps);
    expect(await t.deps.reports.get(7)).toBeNull();
  });
});
