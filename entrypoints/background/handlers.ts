/**
 * Background message handlers: plain functions `(data, sender, deps) => Promise<Result<T>>`.
 * Payloads arrive already validated and sender-checked (lib/platform/messages.ts); handlers still
 * take the tab id from `sender.tab` only, never from a content script's payload.
 * No state lives in worker globals (R1): reports are in storage, history in IndexedDB.
 */
import { classifyPage } from '@/lib/article/detect';
import { signalsFromInPage } from '@/lib/article/in-page';
import { emptyMetadata } from '@/lib/article/metadata';
import { buildReport } from '@/lib/article/report';
import type { PeopleLookups } from '@/lib/article/people-report';
import { highlightPeople } from '@/lib/highlight/people';
import type { HighlightPerson } from '@/lib/highlight/types';
import { notArticle } from '@/lib/article/verdict';
import { normalizeUrl } from '@/lib/url/normalize';
import type { MessageData, WipeSummary } from '@/lib/protocol';
import type { ArticleVerdict, OffPageAnalysis, PageMetadata, PageReport, Result } from '@/lib/types';
import { err, ok } from '@/lib/types';
import {
  hasAllSitesPermission,
  syncAllSites,
  type PermissionsLike,
  type ScriptingLike,
} from '@/lib/platform/all-sites';
import { badgeStateForReport, type SetBadge } from '@/lib/platform/badge';
import { CONTENT_SCRIPT_FILE } from '@/lib/platform/content-matches';
import type { MastheadDb } from '@/lib/platform/db';
import type { Sender } from '@/lib/platform/messages';
import { upsertHistoryCoverage } from '@/lib/platform/coverage';
import { upsertPage } from '@/lib/platform/pages';
import type { ReportStore } from '@/lib/platform/reports';
import type { OutletData } from '@/lib/outlets/page';
import { describeInjectionError, whyNotAnalysable } from './analysable';
import type { FeedControlDeps } from './feeds-control';
import type { RelatedDeps } from './related';
import type { OutletLookupDeps } from './lookup-outlet';
import type { PersonSummaryDeps } from './person-summary';
import { outletsOf, withOutlet } from './outlet';

/** What a handler may know about a tab. */
export interface TabInfo {
  id?: number;
  url?: string;
  incognito?: boolean;
}

export interface BackgroundDeps {
  /** Opens (or reuses) the database; called only when a write or read is needed. */
  db: () => Promise<MastheadDb>;
  now: () => Date;
  /**
   * The off-page analysis of serialised HTML (offscreen document or background DOM): metadata,
   * signals and Readability's extraction. Rejects when it cannot run (timeout, crash, no parser).
   */
  analyse: (html: string, url: string) => Promise<OffPageAnalysis>;
  reports: ReportStore;
  setBadge: SetBadge;
  /** Extra private-context check (e.g. Firefox permanent private browsing); ORed with `tab.incognito`. */
  isIncognito?: (sender: Sender) => boolean;
  historyPaused: () => Promise<boolean>;
  /** `tabs.get`, resolving undefined when the tab is gone. */
  getTab: (tabId: number) => Promise<TabInfo | undefined>;
  /** `scripting.executeScript({ target: { tabId }, files })`. */
  executeScript: (tabId: number, files: string[]) => Promise<void>;
  allSites: { get(): Promise<boolean>; set(enabled: boolean): Promise<void> };
  scripting: ScriptingLike;
  permissions: PermissionsLike;
  /** Diagnostics (never page content). */
  log?: (message: string, error?: unknown) => void;
  /**
   * The outlet dataset and index, loaded once on first use (the background fetches the packaged
   * file: lib/outlets/dataset-load.ts) and then kept in memory (absent: every outlet is unknown).
   */
  outlets?: () => OutletData | Promise<OutletData>;
  /** Online outlet lookup (off unless the reader turned it on; absent: never available). */
  outletLookup?: OutletLookupDeps;
  /** Optional Wikipedia summaries on person cards (same switch as the outlet lookup). */
  personSummary?: PersonSummaryDeps;
  /** Empty every IndexedDB table and storage area (lib/platform/wipe.ts); `deleteAllData` only. */
  wipe?: () => Promise<WipeSummary>;
  /** People extraction's data lookups (QIDs, roles at the article's date, cited outlets). */
  people?: PeopleLookups;
  /** `tabs.sendMessage` to a tab's content script (top frame), as a Result. */
  sendToTab?: (tabId: number, type: 'nextPerson', data: { step: 1 | -1 }) => Promise<Result<unknown>>;
  /** Related coverage: feeds setting and the on-demand search's network (absent: no search). */
  related?: RelatedDeps;
  /** Feed polling and coverage pruning alarms (absent: feeds unavailable). */
  feeds?: FeedControlDeps;
}

const stripHash = (u: string): string => {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
};

/** Same page for report purposes: equal without the fragment, or the same normalised key. */
export function samePage(a: string, b: string): boolean {
  if (stripHash(a) === stripHash(b)) return true;
  const ka = normalizeUrl(a);
  return ka !== null && ka === normalizeUrl(b);
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Metadata for a page analysed no further than the in-page pass: only its title. */
function titleOnly(title: string | undefined): PageMetadata {
  const m = emptyMetadata();
  if (title) m.title = title;
  return m;
}

/**
 * The report for a page: the page's own verdict as is (always "not an article", validated), or the
 * off-page analysis of its HTML with the layout-aware in-page `readerable` in place of the
 * layout-free one. A failed analysis is a non-article "could not be extracted" report.
 */
async function reportFor(data: MessageData<'pageAnalysed'>, deps: BackgroundDeps): Promise<PageReport> {
  const { url, inPage } = data;
  const early = (verdict: ArticleVerdict) =>
    buildReport({
      url,
      signals: signalsFromInPage(url, inPage),
      metadata: titleOnly(data.title),
      extracted: null,
      verdict,
      now: deps.now(),
    });
  if (data.verdict || data.html === undefined) {
    // Validation already refuses an "is an article" verdict from a page; never trust one anyway.
    return early(data.verdict && !data.verdict.isArticle ? data.verdict : notArticle('error'));
  }

  let analysis: OffPageAnalysis;
  try {
    analysis = await deps.analyse(data.html, url);
  } catch (e) {
    deps.log?.('analysis failed', e);
    return early(notArticle('extraction-failed'));
  }
  try {
    const signals = { ...analysis.signals, url, readerable: inPage.readerable };
    const verdict = classifyPage(signals, analysis.metadata, analysis.extracted);
    // Report building is people extraction plus data lookups (the rest is cheap): measured for
    // `npm run bench` as the "masthead:report" performance measure of the worker.
    const t0 = performance.now();
    const report = buildReport({
      url,
      signals,
      metadata: analysis.metadata,
      extracted: analysis.extracted,
      verdict,
      now: deps.now(),
      people: deps.people ?? {},
    });
    performance.clearMeasures?.('masthead:report'); // only the latest is kept
    performance.measure?.('masthead:report', { start: t0, detail: { people: report.people.length } });
    return report;
  } catch (e) {
    deps.log?.('report failed', e);
    return early(notArticle('error'));
  }
}

/**
 * content → background: the in-page pass finished. Analyses the HTML off the page when needed,
 * stores the report for the tab, badges it, and records articles in the history (not from private
 * windows, not when paused).
 */
export async function pageAnalysed(
  data: MessageData<'pageAnalysed'>,
  sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<{ isArticle: boolean; people?: HighlightPerson[] }>> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return err('pageAnalysed: only from a tab');
  // pushState cannot change the origin: a URL from elsewhere is a forged report.
  if (sender.url !== undefined && !sameOrigin(sender.url, data.url)) {
    return err('pageAnalysed: URL does not belong to the sending page');
  }

  // Loaded before the report: its people lookups name cited outlets from the same data.
  const outlets = await outletsOf(deps.outlets, deps.log);
  let report = withOutlet(await reportFor(data, deps), outlets, deps.log);

  const incognito = sender.tab?.incognito === true || deps.isIncognito?.(sender) === true;
  const previous = await deps.reports.get(tabId);
  // Same tab, same page again (SPA text update, re-injection, reload): refresh, not a new visit.
  const countVisit = !(previous && previous.urlKey === report.urlKey);

  // The tab may have moved on while we parsed; its report and badge must describe what it shows.
  const tab = await deps.getTab(tabId);
  const stillThere = !!tab && (tab.url === undefined || samePage(tab.url, data.url));
  if (stillThere) {
    report = await deps.reports.set(tabId, report);
    await deps.setBadge(tabId, badgeStateForReport(report));
  }

  if (report.verdict.isArticle && !incognito && !(await deps.historyPaused())) {
    try {
      await upsertPage(await deps.db(), report, { now: deps.now(), countVisit });
    } catch (e) {
      deps.log?.('history write failed', e);
      return err(messageOf(e));
    }
    try {
      // Related coverage: the article's key terms and people, matched against feeds and searches.
      await upsertHistoryCoverage(await deps.db(), report, deps.now());
    } catch (e) {
      deps.log?.('coverage write failed', e);
    }
  }
  // The people to highlight on the page (names, forms, roles, quotes: no offsets, no text).
  const people = report.verdict.isArticle ? highlightPeople(report.people) : [];
  return ok({ isArticle: report.verdict.isArticle, ...(people.length ? { people } : {}) });
}

/**
 * popup → background: the tab's report, only while the tab still shows that page (null otherwise,
 * also when the tab's URL cannot be read).
 */
export async function getPageReport(
  data: MessageData<'getPageReport'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<PageReport | null>> {
  const report = await deps.reports.get(data.tabId);
  if (!report) return ok(null);
  const tab = await deps.getTab(data.tabId);
  if (!tab?.url || !samePage(tab.url, report.url)) return ok(null);
  return ok(report);
}

/** popup → background: inject the content script into the tab now (toolbar click's activeTab). */
export async function analyzeTab(
  data: MessageData<'analyzeTab'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<{ started: boolean; reason?: string }>> {
  const tab = await deps.getTab(data.tabId);
  if (!tab) return ok({ started: false, reason: 'That tab no longer exists.' });
  if (tab.url !== undefined) {
    const reason = whyNotAnalysable(tab.url);
    if (reason) return ok({ started: false, reason });
  }
  try {
    await deps.executeScript(data.tabId, [CONTENT_SCRIPT_FILE]);
    return ok({ started: true });
  } catch (e) {
    return ok({ started: false, reason: describeInjectionError(e) });
  }
}

/** options → background: turn automatic detection on every site on or off. */
export async function setAllSites(
  data: MessageData<'setAllSites'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<{ enabled: boolean }>> {
  if (data.enabled && !(await hasAllSitesPermission(deps.permissions))) {
    return err('Allow Masthead to read all sites first (the browser asks when you turn this on).');
  }
  await deps.allSites.set(data.enabled);
  try {
    await syncAllSites(data.enabled, deps);
  } catch (e) {
    return err(`Could not update automatic detection: ${messageOf(e)}`);
  }
  return ok({ enabled: data.enabled });
}

/**
 * options → background: delete all Masthead data (sender already checked: extension pages only;
 * payload carries the confirmation token). Afterwards the settings are back to their defaults, so
 * automatic detection on all sites is re-synced (its registered content script removed).
 */
export async function deleteAllData(
  _data: MessageData<'deleteAllData'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<WipeSummary>> {
  if (!deps.wipe) return err('Deleting data is not available here.');
  let summary: WipeSummary;
  try {
    summary = await deps.wipe();
  } catch (e) {
    deps.log?.('delete all failed', e);
    return err(`Could not delete everything: ${messageOf(e)}`);
  }
  try {
    await resyncAllSites(deps);
  } catch (e) {
    deps.log?.('resync after delete failed', e);
  }
  return ok(summary);
}

// ---- browser events -------------------------------------------------------------------------

/** tabs.onRemoved: the report dies with its tab. */
export async function tabRemoved(tabId: number, deps: BackgroundDeps): Promise<void> {
  await deps.reports.remove(tabId);
}

/**
 * tabs.onUpdated: navigation to another page clears the report and the badge. Fragment-only
 * changes keep them. A navigation whose URL we cannot see (no host access) clears them too.
 */
export async function tabUpdated(
  tabId: number,
  changeInfo: { url?: string; status?: string },
  tab: TabInfo | undefined,
  deps: BackgroundDeps,
): Promise<void> {
  const url = changeInfo.url;
  const report = await deps.reports.get(tabId);
  if (url !== undefined) {
    if (report && samePage(url, report.url)) return;
  } else if (!(changeInfo.status === 'loading' && tab?.url === undefined)) {
    return;
  }
  if (report) await deps.reports.remove(tabId);
  await deps.setBadge(tabId, { kind: 'clear' });
}

/** permissions.onAdded / onRemoved, runtime.onStartup / onInstalled: re-check "all sites". */
export async function resyncAllSites(deps: BackgroundDeps): Promise<void> {
  let enabled = await deps.allSites.get();
  if (enabled && !(await hasAllSitesPermission(deps.permissions))) {
    // The grant was revoked in the browser's UI: the setting must say "off" too.
    await deps.allSites.set(false);
    enabled = false;
  }
  await syncAllSites(enabled, deps);
}

/** commands.onCommand: `next-person` (Alt+Shift+P) moves the page's focus to the next person. */
export async function commandIssued(
  command: string,
  tab: TabInfo | undefined,
  deps: BackgroundDeps,
): Promise<void> {
  if (command !== 'next-person' || typeof tab?.id !== 'number' || !deps.sendToTab) return;
  await deps.sendToTab(tab.id, 'nextPerson', { step: 1 });
}
