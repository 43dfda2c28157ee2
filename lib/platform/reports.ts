/**
 * Per-tab page reports, kept outside the worker (it can die at any time, R1).
 *
 * Storage keys (the popup may read them directly, but should use `getPageReport`):
 * - `storage.session` → `report:<tabId>`: PageReport (cleared by the browser on restart).
 * - fallback when `storage.session` is missing → `storage.local` → `tabReports`:
 *   `{ [tabId]: PageReport }`, cleared at startup (tab ids do not survive a restart).
 */
import { browser } from 'wxt/browser';
import type { PageReport } from '../types';

export const SESSION_KEY_PREFIX = 'report:';
export const LOCAL_FALLBACK_KEY = 'tabReports';

export const reportKey = (tabId: number): string => `${SESSION_KEY_PREFIX}${tabId}`;

/** The subset of a `storage.StorageArea` we use (fakeBrowser, chrome and Firefox all have it). */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface ReportStore {
  get(tabId: number): Promise<PageReport | null>;
  set(tabId: number, report: PageReport): Promise<PageReport>;
  remove(tabId: number): Promise<void>;
  /** Drop every report. */
  clearAll(): Promise<void>;
  /** True for the storage.local fallback, which survives restarts and must be cleared at startup. */
  readonly persistent: boolean;
}

const isQuota = (e: unknown): boolean =>
  /quota|QUOTA_BYTES|too large/i.test(e instanceof Error ? `${e.name} ${e.message}` : String(e));

const looksLikeReport = (v: unknown): v is PageReport =>
  typeof v === 'object' && v !== null && typeof (v as PageReport).url === 'string';

/** A copy without the heavy fields, stored when even an emptied session area has no room. */
function slim(report: PageReport): PageReport {
  return { ...report, text: '', content: '' };
}

/** Reports in `storage.session`, one key per tab. On quota errors evicts the oldest reports. */
export function createSessionReportStore(area: StorageAreaLike): ReportStore {
  async function evictOldest(keep: string): Promise<void> {
    const all = await area.get(null);
    const keys = Object.keys(all)
      .filter((k) => k.startsWith(SESSION_KEY_PREFIX) && k !== keep)
      .sort((a, b) => {
        const ta = looksLikeReport(all[a]) ? (all[a] as PageReport).analysedAt : '';
        const tb = looksLikeReport(all[b]) ? (all[b] as PageReport).analysedAt : '';
        return ta < tb ? -1 : ta > tb ? 1 : 0;
      });
    const drop = keys.slice(0, Math.max(1, Math.ceil(keys.length / 2)));
    if (drop.length) await area.remove(drop);
  }

  return {
    persistent: false,
    async get(tabId) {
      const key = reportKey(tabId);
      const got = await area.get(key);
      const v = got[key];
      return looksLikeReport(v) ? v : null;
    },
    async set(tabId, report) {
      const key = reportKey(tabId);
      try {
        await area.set({ [key]: report });
        return report;
      } catch (e) {
        if (!isQuota(e)) throw e;
      }
      await evictOldest(key);
      try {
        await area.set({ [key]: report });
        return report;
      } catch (e) {
        if (!isQuota(e)) throw e;
      }
      const small = slim(report);
      await area.set({ [key]: small });
      return small;
    },
    async remove(tabId) {
      await area.remove(reportKey(tabId));
    },
    async clearAll() {
      const all = await area.get(null);
      const keys = Object.keys(all).filter((k) => k.startsWith(SESSION_KEY_PREFIX));
      if (keys.length) await area.remove(keys);
    },
  };
}

/**
 * Reports in one `storage.local` map (browsers without `storage.session`). Writes are chained so
 * two events in the same worker do not lose each other's read-modify-write.
 */
export function createLocalMapReportStore(area: StorageAreaLike): ReportStore {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  const readMap = async (): Promise<Record<string, PageReport>> => {
    const got = await area.get(LOCAL_FALLBACK_KEY);
    const map = got[LOCAL_FALLBACK_KEY];
    return typeof map === 'object' && map !== null ? { ...(map as Record<string, PageReport>) } : {};
  };
  return {
    persistent: true,
    async get(tabId) {
      const v = (await readMap())[String(tabId)];
      return looksLikeReport(v) ? v : null;
    },
    set: (tabId, report) =>
      serial(async () => {
        const map = await readMap();
        map[String(tabId)] = report;
        await area.set({ [LOCAL_FALLBACK_KEY]: map });
        return report;
      }),
    remove: (tabId) =>
      serial(async () => {
        const map = await readMap();
        if (!(String(tabId) in map)) return;
        delete map[String(tabId)];
        await area.set({ [LOCAL_FALLBACK_KEY]: map });
      }),
    clearAll: () => serial(() => area.remove(LOCAL_FALLBACK_KEY)),
  };
}

/** The store for this browser: `storage.session` when present, else the `storage.local` map. */
export function createReportStore(storage: typeof browser.storage = browser.storage): ReportStore {
  const session = (storage as { session?: StorageAreaLike }).session;
  return session
    ? createSessionReportStore(session)
    : createLocalMapReportStore(storage.local as unknown as StorageAreaLike);
}
