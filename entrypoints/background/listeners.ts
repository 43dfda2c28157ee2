/**
 * Every background listener, registered synchronously (R2): a worker woken by an event only
 * delivers it to listeners attached in the first turn. The API object is a parameter so tests can
 * pass fakeBrowser plus fakes for what it lacks (permissions events).
 */
import { createMessageListener, type Handlers } from '@/lib/platform/messages';
import * as h from './handlers';
import { alarmFired, pollFeedsNow, setFeeds, syncFeedAlarms } from './feeds-control';
import { lookupOutlet } from './lookup-outlet';
import { personSummary, tabPersonSummary } from './person-summary';
import { findMoreCoverage, getRelated } from './related';
import type { BackgroundDeps, TabInfo } from './handlers';
import * as hl from './highlights';
import * as rl from './reading-list';

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
  /** Reading list: "Save page/link" menu items and the save command (absent in some tests). */
  contextMenus?: {
    create(item: { id: string; title: string; contexts: string[] }): unknown;
    removeAll(): Promise<void> | void;
    onClicked: EventLike<(info: rl.MenuClick, tab?: TabInfo) => void>;
  };
  commands?: { onCommand: EventLike<(command: string, tab?: TabInfo) => void> };
  alarms?: { onAlarm: EventLike<(alarm: { name: string }) => void> };
}

export function backgroundHandlers(deps: BackgroundDeps): Handlers {
  return {
    pageAnalysed: (data, sender) => h.pageAnalysed(data, sender, deps),
    getPageReport: (data, sender) => h.getPageReport(data, sender, deps),
    analyzeTab: (data, sender) => h.analyzeTab(data, sender, deps),
    setAllSites: (data, sender) => h.setAllSites(data, sender, deps),
    lookupOutlet: (data, sender) => lookupOutlet(data, sender, deps),
    personSummary: (data, sender) => personSummary(data, sender, deps),
    tabPersonSummary: (data, sender) => tabPersonSummary(data, sender, deps),
    deleteAllData: (data, sender) => h.deleteAllData(data, sender, deps),
    savePage: (data, sender) => rl.savePage(data, sender, deps),
    getSavedState: (data, sender) => rl.getSavedState(data, sender, deps),
    updateSaved: (data, sender) => rl.updateSavedItem(data, sender, deps),
    removeSaved: (data, sender) => rl.removeSaved(data, sender, deps),
    addHighlight: (data, sender) => hl.addHighlight(data, sender, deps),
    listHighlights: (data, sender) => hl.listHighlights(data, sender, deps),
    updateHighlight: (data, sender) => hl.updateHighlight(data, sender, deps),
    deleteHighlight: (data, sender) => hl.removeHighlight(data, sender, deps),
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
    if (api.contextMenus) quietly('contextMenus', createMenus(api.contextMenus));
    quietly('onInstalled alarms', syncFeedAlarms(deps));
  });
  const logResult = (what: string) => (r: { ok: boolean; error?: string }) => {
    if (!r.ok) deps.log?.(`${what}: ${r.error}`);
  };
  api.contextMenus?.onClicked.addListener((info, tab) =>
    quietly('contextMenus.onClicked', rl.menuClicked(info, tab, deps).then(logResult('save'))),
  );
  // One listener for every keyboard command: save the article, or move to the next person.
  api.commands?.onCommand.addListener((command, tab) =>
    quietly(
      'commands.onCommand',
      command === rl.COMMAND_SAVE
        ? rl.commandRun(command, tab, deps).then(logResult('save'))
        : h.commandIssued(command, tab, deps),
    ),
  );
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

/** (Re)create the reading-list menu items (on install and update). */
async function createMenus(menus: NonNullable<ListenerApi['contextMenus']>): Promise<void> {
  await menus.removeAll();
  for (const item of rl.MENU_ITEMS) menus.create({ ...item, contexts: [...item.contexts] });
}
