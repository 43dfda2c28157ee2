import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundDeps, TabInfo } from '@/entrypoints/background/handlers';
import { backgroundHandlers } from '@/entrypoints/background/listeners';
import { describe as describeSel } from '@/lib/annotations/selectors';
import { MastheadDb } from '@/lib/platform/db';
import { createMessageListener, type Sender } from '@/lib/platform/messages';
import { createReportStore } from '@/lib/platform/reports';
import { normalizeUrl } from '@/lib/url/normalize';
import { makeReport } from '../../components/fixtures';
import { contentScriptSender, extensionPageSender, ORIGIN, RUNTIME_ID } from '../../lib/platform/fixtures';

const dbs: MastheadDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const REPORT = makeReport();
const OTHER = 'https://example.org/other-story';
const TEXT = 'Fumio Kishida had a separate meeting with Mattis. Trump phoned Abe after the election.';
const d = describeSel(TEXT, 0, 50)!;
const add = (over: Record<string, unknown> = {}) => ({
  masthead: 1,
  type: 'addHighlight',
  data: { selectors: d.selectors, color: 'green', note: 'a note', ...over },
});

function harness() {
  const db = new MastheadDb(`test-hl-bg-${crypto.randomUUID()}`);
  dbs.push(db);
  const tabs = new Map<number, TabInfo>([
    [7, { id: 7, url: REPORT.url }],
    [9, { id: 9, url: OTHER }],
  ]);
  const reports = createReportStore(fakeBrowser.storage as never);
  const deps = {
    db: async () => db,
    now: () => new Date('2026-11-20T10:00:00.000Z'),
    reports,
    getTab: async (id: number) => tabs.get(id),
  } as unknown as BackgroundDeps;
  const listener = createMessageListener(backgroundHandlers(deps), {
    role: 'background',
    env: () => ({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN }),
  });
  const ask = (msg: unknown, sender: Sender) =>
    new Promise<{ ok: boolean; value?: any; error?: string }>((resolve) => {
      expect(listener(msg, sender, resolve as never)).toBe(true);
    });
  return { db, deps, reports, ask };
}

const tabSender = (tabId: number, url: string, over: Partial<Sender> = {}) =>
  contentScriptSender(tabId, {
    url,
    tab: { id: tabId, index: 0, incognito: false, url, title: 'A title' } as Sender['tab'],
    ...over,
  });

describe('highlight messages in the background', () => {
  it('stores a highlight for the sender tab, saving the article from its report first', async () => {
    const t = harness();
    await t.reports.set(7, REPORT);
    const r = await t.ask(add({ urlKey: 'https://evil.example/' }), tabSender(7, REPORT.url));
    expect(r).toMatchObject({ ok: true, value: { color: 'green', note: 'a note' } });
    const rows = await t.db.highlights.toArray();
    expect(rows.map((h) => h.urlKey)).toEqual([normalizeUrl(REPORT.url)]);
    const saved = await t.db.saved.get(normalizeUrl(REPORT.url)!);
    expect(saved?.origin).toBe('page');
    expect(saved?.text).toBe(REPORT.text);
    // A second highlight neither duplicates nor re-saves.
    await t.ask(add(), tabSender(7, REPORT.url));
    expect(await t.db.saved.count()).toBe(1);
    expect(await t.db.highlights.count()).toBe(2);
  });

  it('saves a bare link when the tab has no article report', async () => {
    const t = harness();
    const r = await t.ask(add(), tabSender(9, OTHER));
    expect(r.ok).toBe(true);
    const saved = await t.db.saved.get(normalizeUrl(OTHER)!);
    expect(saved).toMatchObject({ origin: 'link', title: 'A title' });
  });

  it('stores nothing from a private window and lists nothing there', async () => {
    const t = harness();
    const incognito = tabSender(7, REPORT.url, {
      tab: { id: 7, index: 0, incognito: true, url: REPORT.url } as Sender['tab'],
    });
    expect(await t.ask(add(), incognito)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Private window/),
    });
    expect(await t.db.highlights.count()).toBe(0);
    expect(await t.db.saved.count()).toBe(0);
    expect(await t.ask({ masthead: 1, type: 'listHighlights', data: {} }, incognito)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('lists, edits and deletes only the sender page’s highlights', async () => {
    const t = harness();
    const mine = (await t.ask(add(), tabSender(7, REPORT.url))).value;
    const theirs = (await t.ask(add({ note: 'other' }), tabSender(9, OTHER))).value;
    const list = await t.ask(
      { masthead: 1, type: 'listHighlights', data: { url: OTHER } },
      tabSender(7, REPORT.url),
    );
    expect(list.value.map((h: { id: string }) => h.id)).toEqual([mine.id]);
    const steal = await t.ask(
      { masthead: 1, type: 'deleteHighlight', data: { id: theirs.id } },
      tabSender(7, REPORT.url),
    );
    expect(steal).toMatchObject({ ok: false, error: 'No such highlight on this page.' });
    expect(await t.db.highlights.get(theirs.id)).toBeDefined();
    const edit = await t.ask(
      { masthead: 1, type: 'updateHighlight', data: { id: mine.id, note: 'edited', color: 'purple' } },
      tabSender(7, REPORT.url),
    );
    expect(edit).toMatchObject({ ok: true, value: { note: 'edited', color: 'purple' } });
    const del = await t.ask(
      { masthead: 1, type: 'deleteHighlight', data: { id: mine.id } },
      tabSender(7, REPORT.url),
    );
    expect(del).toEqual({ ok: true, value: { deleted: true } });
  });

  it('refuses highlight messages from extension pages and sub-frames', async () => {
    const t = harness();
    expect((await t.ask(add(), extensionPageSender())).ok).toBe(false);
    expect((await t.ask(add(), tabSender(7, REPORT.url, { frameId: 3 }))).ok).toBe(false);
    expect(await t.db.highlights.count()).toBe(0);
  });
});
