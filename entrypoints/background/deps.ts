/**
 * Real dependencies for the handlers, built synchronously at startup. Nothing here holds data:
 * the DB handle is a reconnectable cache, everything else is a thin wrapper over `browser.*`.
 */
import { browser } from 'wxt/browser';
import { shippedPeopleLookups } from '@/lib/article/people-data';
import type { PermissionsLike, ScriptingLike } from '@/lib/platform/all-sites';
import { loadedOutletData, loadOutletData } from '@/lib/outlets/dataset-load';
import type { OutletData } from '@/lib/outlets/page';
import { createSetBadge } from '@/lib/platform/badge';
import { openMastheadDb, type MastheadDb } from '@/lib/platform/db';
import { sendToTab } from '@/lib/platform/messages';
import { createReportStore } from '@/lib/platform/reports';
import {
  allSitesSetting,
  coverageRetentionSetting,
  coverageSearchSetting,
  feedsEnabledSetting,
  historyPausedSetting,
  outletLookupSetting,
  readFlag,
} from '@/lib/platform/settings';
import { createOutletLookup } from './enrich';
import { createPersonSummaries } from './person-summary';
import { retentionDays } from '@/lib/platform/coverage';
import { resolveOutlet } from '@/lib/outlets/lookup';
import { outletId } from '@/lib/outlets/types';
import type { AlarmsLike } from './feeds-control';
import { pollFeeds } from './feeds';
import { wipeAllData, type WipeDeps } from '@/lib/platform/wipe';
import {
  createExtractor,
  createOffscreenExtractor,
  noParser,
  type Analyse,
  type OffscreenApi,
} from './extractor';
import type { BackgroundDeps, TabInfo } from './handlers';

/**
 * The outlet dataset, packaged as files beside the code (wxt.config.ts) rather than bundled into
 * this worker: fetched from the extension package on first use, then kept for the worker's life.
 */
function shippedOutletData(): Promise<OutletData> {
  return loadOutletData(async (file) => {
    const url = (browser.runtime.getURL as (path: string) => string)(`/${file}`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`outlet data: ${file} answered ${res.status}`);
    return res.json();
  });
}

/** Open Dexie on first use; reopen when it was closed (versionchange, open failure). */
export function lazyDb(open: () => Promise<MastheadDb> = () => openMastheadDb()): () => Promise<MastheadDb> {
  let pending: Promise<MastheadDb> | null = null;
  return async function db(): Promise<MastheadDb> {
    if (!pending) {
      pending = open().catch((e: unknown) => {
        pending = null; // next event tries again; the DB is never deleted to "fix" an error
        throw e;
      });
    }
    const handle = await pending;
    if (handle.isOpen()) return handle;
    pending = null;
    return db();
  };
}

/**
 * Firefox builds parse in the background page (runtime-checked: it has a DOM); Chromium builds
 * always use the offscreen document, and the build-time branch keeps Readability and DOMPurify out
 * of the service worker bundle.
 */
function pickExtractor(win: (Window & typeof globalThis) | undefined, offscreen?: OffscreenApi): Analyse {
  if (import.meta.env.FIREFOX) return createExtractor({ win, offscreen });
  return offscreen ? createOffscreenExtractor(offscreen) : noParser;
}

export function createBackgroundDeps(): BackgroundDeps {
  const db = lazyDb();
  const online = createOutletLookup({
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer' }),
    cache: async () => (await db()).cache,
    now: () => Date.now(),
  });
  const b = browser as unknown as {
    offscreen?: OffscreenApi['offscreen'];
    scripting: ScriptingLike & {
      executeScript(i: { target: { tabId: number }; files: string[] }): Promise<unknown>;
    };
    permissions: PermissionsLike;
    extension?: { inIncognitoContext?: boolean };
    storage: WipeDeps['storage'];
    alarms?: WipeDeps['alarms'] & AlarmsLike;
  };
  // Opt-in network (feeds, coverage search): no cookies, no referrer (reviewed: fetch-bounded.ts).
  const optInFetch = (url: string, init: RequestInit) =>
    fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer' });
  const outletQidFor = (url: string) => {
    const data = loadedOutletData();
    const o = data ? resolveOutlet(url, data.index)?.outlet : undefined;
    return o ? outletId(o) : undefined;
  };
  const win = typeof window !== 'undefined' ? window : undefined;
  const offscreen: OffscreenApi | undefined = b.offscreen
    ? { runtime: browser.runtime as unknown as OffscreenApi['runtime'], offscreen: b.offscreen }
    : undefined;

  return {
    db,
    now: () => new Date(),
    analyse: pickExtractor(win, offscreen),
    reports: createReportStore(),
    outlets: shippedOutletData,
    outletLookup: { enabled: () => readFlag(outletLookupSetting), lookup: online.lookup },
    personSummary: {
      enabled: () => readFlag(outletLookupSetting),
      summary: createPersonSummaries({ ...online, now: Date.now }),
    },
    setBadge: createSetBadge(),
    // Firefox "never remember history": the whole extension runs in a private context (R13).
    isIncognito: () => b.extension?.inIncognitoContext === true,
    historyPaused: () => readFlag(historyPausedSetting, true),
    getTab: async (tabId): Promise<TabInfo | undefined> => {
      try {
        return await browser.tabs.get(tabId);
      } catch {
        return undefined;
      }
    },
    executeScript: async (tabId, files) => {
      await b.scripting.executeScript({ target: { tabId }, files });
    },
    allSites: {
      get: () => readFlag(allSitesSetting),
      set: (enabled) => allSitesSetting.setValue(enabled),
    },
    scripting: b.scripting,
    permissions: b.permissions,
    wipe: () =>
      wipeAllData({
        db,
        storage: { local: b.storage.local, session: b.storage.session, sync: b.storage.sync },
        alarms: b.alarms,
      }),
    people: shippedPeopleLookups,
    sendToTab: (tabId, type, data) => sendToTab(tabId, type, data),
    related: {
      feedsEnabled: () => readFlag(feedsEnabledSetting),
      searchEnabled: () => readFlag(coverageSearchSetting),
      fetch: optInFetch,
    },
    ...(b.alarms && {
      feeds: {
        alarms: b.alarms,
        enabled: {
          get: () => readFlag(feedsEnabledSetting),
          set: (on: boolean) => feedsEnabledSetting.setValue(on),
        },
        retentionDays: async () =>
          retentionDays(await coverageRetentionSetting.getValue().catch(() => undefined)),
        hasOrigins: (origins: string[]) =>
          origins.length === 0 ? Promise.resolve(true) : b.permissions.contains({ origins }),
        poll: async () => {
          // Feed items are tagged with their outlet: the data is loaded first (once per worker).
          await shippedOutletData().catch(() => undefined);
          return pollFeeds({ db, fetch: optInFetch, now: () => new Date(), outletQidFor });
        },
      },
    }),
    log: (message, error) =>
      error === undefined
        ? console.warn(`[masthead] ${message}`)
        : console.warn(`[masthead] ${message}`, error),
  };
}
