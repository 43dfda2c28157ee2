import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundDeps, TabInfo } from '@/entrypoints/background/handlers';
import { backgroundHandlers } from '@/entrypoints/background/listeners';
import * as rl from '@/entrypoints/background/reading-list';
import { createSetBadge } from '@/lib/platform/badge';
import { MastheadDb } from '@/lib/platform/db';
import { createMessageListener, type Sender } from '@/lib/platform/messages';
import { createReportStore } from '@/lib/platform/reports';
import { validateMessage } from '@/lib/protocol-validate';
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

function harness() {
  const db = new MastheadDb(`test-rl-bg-${crypto.randomUUID()}`);
  dbs.push(db);
  const tabs = new Map<number, TabInfo>([
    [7, { id: 7, url: REPORT.url }],
    [8, { id: 8, url: REPORT.url, incognito: true }],
  ]);
  const reports = createReportStore(fakeBrowser.storage as never);
  const deps = {
    db: async () => db,
    now: () => new Date('2026-11-20T10:00:00.000Z'),
    reports,
    setBadge: createSetBadge(fakeBrowser.action as never),
    getTab: async (id: number) => tabs.get(id),
  } as unknown as BackgroundDeps;
  return { db, deps, reports, tabs };
}

async function ask(listener: ReturnType<typeof createMessageListener>, msg: unknown, sender: Sender) {
  let resolve!: (v: unknown) => void;
  const answered = new Promise((r) => (resolve = r));
  expect(listener(msg, sender, resolve)).toBe(true);
  return answered;
}

describe('save from a tab', () => {
  it('saves the tab article from its report; saving twice updates, never duplicates', async () => {
    const t = harness();
    await t.reports.set(7, REPORT);
    const first = await rl.saveTab(7, t.deps);
    expect(first).toMatchObject({
      ok: true,
      value: { created: true, title: REPORT.article!.title, state: 'unread', favourite: false },
    });
    const second = await rl.saveTab(7, t.deps);
    expect(second).toMatchObject({ ok: true, value: { created: false } });
    expect(await t.db.saved.count()).toBe(1);
  });

  it('stores nothing from a private window, nor without an article report', async () => {
    const t = harness();
    await t.reports.set(8, REPORT);
    expect(await rl.saveTab(8, t.deps)).toEqual({ ok: false, error: rl.PRIVATE_WINDOW });
    expect(await rl.saveTab(7, t.deps)).toMatchObject({ ok: false });
    expect(await rl.saveTab(99, t.deps)).toMatchObject({ ok: false });
    const privateDeps = { ...t.deps, isIncognito: () => true } as BackgroundDeps;
    await t.reports.set(7, REPORT);
    expect(await rl.savePage({ tabId: 7 }, extensionPageSender(), privateDeps)).toEqual({
      ok: false,
      error: rl.PRIVATE_WINDOW,
    });
    expect(
      await rl.menuClicked(
        { menuItemId: rl.MENU_SAVE_LINK, linkUrl: 'https://a.example/x' },
        t.tabs.get(8),
        t.deps,
      ),
    ).toMatchObject({ ok: false });
    expect(await t.db.saved.count()).toBe(0);
  });

  it('the link menu saves an unread bare item (no fetch); the page menu and the command save the article', async () => {
    const t = harness();
    await t.reports.set(7, REPORT);
    const link = await rl.menuClicked(
      { menuItemId: rl.MENU_SAVE_LINK, linkUrl: 'https://a.example/x?utm_source=y', linkText: 'A link' },
      t.tabs.get(7),
      t.deps,
    );
    expect(link).toMatchObject({
      ok: true,
      value: { urlKey: 'a.example/x', title: 'A link', state: 'unread', created: true },
    });
    expect(await rl.menuClicked({ menuItemId: rl.MENU_SAVE_PAGE }, t.tabs.get(7), t.deps)).toMatchObject({
      ok: true,
      value: { created: true },
    });
    expect(await rl.commandRun(rl.COMMAND_SAVE, t.tabs.get(7), t.deps)).toMatchObject({
      ok: true,
      value: { created: false },
    });
    expect(await rl.commandRun('other', t.tabs.get(7), t.deps)).toMatchObject({ ok: false });
    expect(await t.db.saved.count()).toBe(2);
  });
});

describe('reading-list messages', () => {
  const env = { runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN };

  it('answers the popup: state, edit, remove', async () => {
    const t = harness();
    await t.reports.set(7, REPORT);
    const listener = createMessageListener(backgroundHandlers(t.deps), {
      role: 'background',
      env: () => env,
    });
    const page = extensionPageSender();
    expect(
      await ask(listener, { masthead: 1, type: 'getSavedState', data: { url: REPORT.url } }, page),
    ).toEqual({ ok: true, value: null });
    const saved = (await ask(listener, { masthead: 1, type: 'savePage', data: { tabId: 7 } }, page)) as {
      value: { urlKey: string };
    };
    const edited = await ask(
      listener,
      {
        masthead: 1,
        type: 'updateSaved',
        data: { urlKey: saved.value.urlKey, tags: ['a', 'A', ' b '], note: 'n', favourite: true },
      },
      page,
    );
    expect(edited).toMatchObject({ ok: true, value: { tags: ['a', 'b'], note: 'n', favourite: true } });
    expect(
      await ask(listener, { masthead: 1, type: 'getSavedState', data: { url: REPORT.url } }, page),
    ).toMatchObject({ ok: true, value: { note: 'n' } });
    expect(
      await ask(
        listener,
        { masthead: 1, type: 'removeSaved', data: { urlKeys: [saved.value.urlKey] } },
        page,
      ),
    ).toEqual({ ok: true, value: { removed: 1 } });
    expect(await t.db.saved.count()).toBe(0);
  });

  it('refuses every reading-list message from a content script (removal above all)', async () => {
    const t = harness();
    await t.db.saved.put({
      urlKey: 'a.example/x',
      url: 'https://a.example/x',
      title: 'x',
      savedAt: '',
      updatedAt: '',
      state: 'unread',
      favourite: 0,
      tags: [],
      note: '',
    });
    const listener = createMessageListener(backgroundHandlers(t.deps), {
      role: 'background',
      env: () => env,
    });
    for (const msg of [
      { masthead: 1, type: 'removeSaved', data: { urlKeys: ['a.example/x'] } },
      { masthead: 1, type: 'savePage', data: { tabId: 7 } },
      { masthead: 1, type: 'updateSaved', data: { urlKey: 'a.example/x', note: 'pwned' } },
      { masthead: 1, type: 'getSavedState', data: { url: 'https://a.example/x' } },
    ]) {
      expect(
        await ask(listener, msg, contentScriptSender(7, { url: 'https://evil.example/' })),
      ).toMatchObject({ ok: false, error: expect.stringMatching(/sender/) });
    }
    expect(await t.db.saved.get('a.example/x')).toMatchObject({ note: '' });
  });
});

describe('validation of the reading-list messages', () => {
  it('accepts well-formed payloads and copies only known fields', () => {
    const r = validateMessage({
      masthead: 1,
      type: 'updateSaved',
      data: { urlKey: 'a/b', tags: ['x'], state: 'archived', extra: 1 },
    });
    expect(r).toEqual({
      ok: true,
      value: { masthead: 1, type: 'updateSaved', data: { urlKey: 'a/b', tags: ['x'], state: 'archived' } },
    });
    expect(
      validateMessage({ masthead: 1, type: 'getSavedState', data: { url: 'javascript:alert(1)' } }),
    ).toMatchObject({ ok: false });
    expect(
      validateMessage({ masthead: 1, type: 'updateSaved', data: { urlKey: 'a', state: 'deleted' } }),
    ).toMatchObject({ ok: false });
    expect(
      validateMessage({ masthead: 1, type: 'updateSaved', data: { urlKey: 'a', note: 'x'.repeat(20_001) } }),
    ).toMatchObject({ ok: false });
    expect(validateMessage({ masthead: 1, type: 'removeSaved', data: { urlKeys: [] } })).toMatchObject({
      ok: false,
    });
    expect(
      validateMessage({ masthead: 1, type: 'removeSaved', data: { urlKeys: Array(5001).fill('k') } }),
    ).toMatchObject({ ok: false });
    expect(validateMessage({ masthead: 1, type: 'savePage', data: { tabId: -1 } })).toMatchObject({
      ok: false,
    });
  });

  it('never throws on random data for every reading-list type (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('savePage', 'getSavedState', 'updateSaved', 'removeSaved'),
        fc.anything(),
        (type, data) => {
          const r = validateMessage({ masthead: 1, type, data });
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 4_000 },
    );
  });

  it('any valid updateSaved payload round-trips through validation (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            urlKey: fc.string({ maxLength: 200 }),
            tags: fc.array(fc.string({ maxLength: 50 }), { maxLength: 20 }),
            note: fc.string({ maxLength: 500 }),
            state: fc.constantFrom('unread', 'archived'),
            favourite: fc.boolean(),
          },
          { requiredKeys: ['urlKey'] },
        ),
        (data) => {
          const r = validateMessage({ masthead: 1, type: 'updateSaved', data });
          expect(r).toEqual({ ok: true, value: { masthead: 1, type: 'updateSaved', data } });
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
