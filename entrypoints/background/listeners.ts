/**
 * Every background listener, registered synchronously (R2): a worker woken by an event only
 * delivers it to listeners attached in the first turn. The API object is a parameter so tests can
 * pass fakeBrowser plus fakes for what it lacks (permissions events).
 */
import { createMessageListener, type Handlers } from '@/lib/platform/messages';
import * as h from './handlers';
import { alarmFired, pollFeedsNow, setFeeds, syncFeedAlarms } from './feeds-control';
import { lookupOutlet } from './lookup-outlet';
import { findMoreCoverage, getRelated } from './related';
import type { BackgroundDeps, TabInfo } from './handlers';

interface EventLike<F> {
  addListener(cb: F): void;
}

export interface ListenerApi {
  runtime: {
    onMessage: EventLike<
      (msg: unknown, sender: never, sendResponse: (r?: unknown) => void) => true | undefined
    >;
    onInstalled: EventLike<(details: { reason: string }) => void>;
    onStartup: EventLike<() => void>;
  };
  tabs: {
    onRemoved: EventLike<(tabId: number) => void>;
    onUpdated: EventLike<
      (tabId: number, changeInfo: { url?: string; status?: string }, tab: TabInfo) => void
    >;
  };
  permissions?: {
    onAdded?: EventLike<() => void>;
    onRemoved?: EventLike<() => void>;
  };
  alarms?: { onAlarm: EventLike<(alarm: { name: string }) => void> };
}

export function backgroundHandlers(deps: BackgroundDeps): Handlers {
  return {
    pageAnalysed: (data, sender) => h.pageAnalysed(data, sender, deps),
    getPageReport: (data, sender) => h.getPageReport(data, sender, deps),
    analyzeTab: (data, sender) => h.analyzeTab(data, sender, deps),
    setAllSites: (data, sender) => h.setAllSites(data, sender, deps),
    lookupOutlet: (data, sender) => lookupOutlet(data, sender, deps),
    deleteAllData: (data, sender) => h.deleteAllData(data, sender, deps),
    getRelated: (data, sender) => getRelated(data, sender, deps),
    findMoreCoverage: (data, sender) => findMoreCoverage(data, sender, deps),
    setFeeds: (data, sender) => setFeeds(data, sender, deps),
    pollFeeds: (data, sender) => pollFeedsNow(data, sender, deps),
  };
}

export function registerBackground(api: ListenerApi, deps: BackgroundDeps): void {
  const quietly = (what: string, p: Promise<unknown>) => {
    p.catch((e: unknown) => deps.log?.(what, e));
  };

  api.runtime.onMessage.addListener(
    createMessageListener(backgroundHandlers(deps), {
      role: 'background',
      onReject: (type, error) => deps.log?.(`rejected ${type}: ${error}`),
    }) as never,
  );
  api.runtime.onInstalled.addListener(() => {
    quietly('onInstalled', h.resyncAllSites(deps));
    quietly('onInstalled alarms', syncFeedAlarms(deps));
  });
  api.runtime.onStartup.addListener(() => {
    // Tab ids do not survive a restart; the storage.local fallback would keep stale reports
    // (storage.session is emptied by the browser, and clearing it here could race restored tabs).
    if (deps.reports.persistent) quietly('onStartup', deps.reports.clearAll());
    quietly('onStartup', h.resyncAllSites(deps));
    quietly('onStartup alarms', syncFeedAlarms(deps));
  });
  api.alarms?.onAlarm.addListener((alarm) => quietly(`alarm ${alarm.name}`, alarmFired(alarm.name, deps)));
  api.tabs.onRemoved.addListener((tabId) => quietly('tabs.onRemoved', h.tabRemoved(tabId, deps)));
  api.tabs.onUpdated.addListener((tabId, changeInfo, tab) =>
    quietly('tabs.onUpdated', h.tabUpdated(tabId, changeInfo, tab, deps)),
  );
  api.permissions?.onAdded?.addListener(() => quietly('permissions.onAdded', h.resyncAllSites(deps)));
  api.permissions?.onRemoved?.addListener(() => quietly('permissions.onRemoved', h.resyncAllSites(deps)));
}
