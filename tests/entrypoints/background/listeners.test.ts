import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundDeps } from '@/entrypoints/background/handlers';
import { registerBackground, type ListenerApi } from '@/entrypoints/background/listeners';
import { createReportStore } from '@/lib/platform/reports';
import { analysis, ARTICLE_URL, extensionPageSender, fakeScripting } from '../../lib/platform/fixtures';

function fakeEvent<F extends (...args: never[]) => unknown>() {
  const listeners: F[] = [];
  return {
    addListener: (cb: F) => listeners.push(cb),
    fire: (...args: Parameters<F>) => listeners.map((l) => l(...args)),
    count: () => listeners.length,
  };
}

function setup() {
  const scripting = fakeScripting();
  const settings = { allSites: true };
  const deps = {
    db: async () => {
      throw new Error('not used');
    },
    now: () => new Date('2024-05-01T00:00:00Z'),
    analyse: async () => analysis(),
    reports: createReportStore(fakeBrowser.storage as never),
    setBadge: vi.fn(async () => {}),
    historyPaused: async () => false,
    getTab: async (id: number) => ({ id, url: ARTICLE_URL }),
    executeScript: async () => {},
    allSites: {
      get: async () => settings.allSites,
      set: async (v: boolean) => {
        settings.allSites = v;
      },
    },
    scripting: scripting.scripting,
    permissions: { contains: async () => true },
  } satisfies BackgroundDeps;
  const permissions = { onAdded: fakeEvent<() => void>(), onRemoved: fakeEvent<() => void>() };
  const api = { runtime: fakeBrowser.runtime, tabs: fakeBrowser.tabs, permissions } as unknown as ListenerApi;
  return { deps, api, permissions, scripting, settings };
}

describe('registerBackground', () => {
  it('registers every listener synchronously', () => {
    const { deps, api, permissions } = setup();
    const result = registerBackground(api, deps);
    expect(result).toBeUndefined(); // not a Promise: nothing awaited before addListener
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(true);
    expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(true);
    expect(permissions.onAdded.count()).toBe(1);
    expect(permissions.onRemoved.count()).toBe(1);
  });

  it('routes messages through sender checks (fakeBrowser stamps no sender id → rejected)', async () => {
    const { deps, api } = setup();
    registerBackground(api, deps);
    const reply = await fakeBrowser.runtime.sendMessage({
      masthead: 1,
      type: 'getPageReport',
      data: { tabId: 1 },
    });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/sender/) });
    // Trigger with a real-looking popup sender.
    let answer: unknown;
    await fakeBrowser.runtime.onMessage.trigger(
      { masthead: 1, type: 'getPageReport', data: { tabId: 1 } },
      extensionPageSender({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }),
      (r: unknown) => (answer = r),
    );
    await vi.waitFor(() => expect(answer).toEqual({ ok: true, value: null }));
  });

  it('onInstalled / onStartup / permission changes re-sync the all-sites registration', async () => {
    const { deps, api, permissions, scripting, settings } = setup();
    registerBackground(api, deps);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(scripting.registered.size).toBe(1));
    settings.allSites = false;
    permissions.onRemoved.fire();
    await vi.waitFor(() => expect(scripting.registered.size).toBe(0));
    settings.allSites = true;
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(scripting.registered.size).toBe(1));
  });

  it('tabs.onRemoved and tabs.onUpdated clear the tab report', async () => {
    const { deps, api } = setup();
    registerBackground(api, deps);
    const report = {
      url: ARTICLE_URL,
      urlKey: ARTICLE_URL,
      analysedAt: '',
      verdict: { isArticle: false, explanation: '' },
      text: '',
      content: '',
      outlet: null,
      people: [] as [],
      sourcesCited: [] as [],
    };
    await deps.reports.set(5, report);
    await deps.reports.set(6, report);
    await fakeBrowser.tabs.onRemoved.trigger(5, { isWindowClosing: false, windowId: 0 });
    await vi.waitFor(async () => expect(await deps.reports.get(5)).toBeNull());
    await fakeBrowser.tabs.onUpdated.trigger(6, { url: 'https://elsewhere.example/' }, {
      id: 6,
      url: 'https://elsewhere.example/',
    } as never);
    await vi.waitFor(async () => expect(await deps.reports.get(6)).toBeNull());
    await vi.waitFor(() => expect(deps.setBadge).toHaveBeenCalledWith(6, { kind: 'clear' }));
  });
});

describe('background entrypoint', () => {
  it('main() registers its listeners without awaiting (fakeBrowser + faked permissions events)', async () => {
    const perms = {
      onAdded: fakeEvent<() => void>(),
      onRemoved: fakeEvent<() => void>(),
      contains: async () => false,
    };
    // fakeBrowser has no in-memory contextMenus/commands events: fake them like permissions.
    const menus = { onClicked: fakeEvent<() => void>(), create: () => 0, removeAll: async () => {} };
    const commands = { onCommand: fakeEvent<() => void>() };
    const fb = fakeBrowser as unknown as Record<string, unknown>;
    const saved = { permissions: fb.permissions, contextMenus: fb.contextMenus, commands: fb.commands };
    Object.assign(fb, { permissions: perms, contextMenus: menus, commands });
    try {
      const { default: background } = await import('@/entrypoints/background/index');
      const out = background.main();
      expect(out).toBeUndefined();
      expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
      expect(perms.onAdded.count()).toBe(1);
      expect(menus.onClicked.count()).toBe(1);
      expect(commands.onCommand.count()).toBe(1);
    } finally {
      Object.assign(fb, saved);
    }
  });
});
