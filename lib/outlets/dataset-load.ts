/**
 * The shipped outlet dataset, loaded once per process and kept in memory: `outlets.json` expanded
 * and indexed, `rsp.json` as is. The files are packaged beside the code, not bundled into it:
 * - the background fetches them from the extension package (`browser.runtime.getURL`) on first use
 *   (`loadOutletData`), so a worker start that never resolves an outlet never parses them;
 * - Node (the analyzer, tests) reads the same files through lib/outlets/dataset.ts.
 * Synchronous callers (the people lookups of a report) use `loadedOutletData()`, which is null until
 * the data is loaded: the background awaits `loadOutletData` before building a report.
 * Pure: no fetch, no file system here — the caller passes the reader.
 */
import type { OutletData } from './page';
import { buildOutletIndex } from './lookup';
import { expandOutletsFile, type RspFile, type StoredOutletsFile } from './types';

/** Where the data files are packaged in the built extension (wxt.config.ts copies them there). */
export const OUTLET_DATA_FILES = { outlets: 'data/outlets.json', rsp: 'data/rsp.json' } as const;

/** Name of the `performance.measure` entry for the first load (read by the bench in the worker). */
export const OUTLET_DATA_MEASURE = 'masthead:outlet-data';

/** Builds the outlet data from stored files (exported for tests and the bench). */
export function buildOutletData(stored: StoredOutletsFile, rsp: RspFile): OutletData {
  const file = expandOutletsFile(stored);
  return Object.freeze({ index: Object.freeze(buildOutletIndex(file.outlets)), rsp });
}

let memo: OutletData | null = null;
let pending: Promise<OutletData> | null = null;
let syncSource: (() => OutletData) | null = null;

function measured(t0: number): void {
  try {
    performance.measure(OUTLET_DATA_MEASURE, { start: t0, end: performance.now() });
  } catch {
    // no User Timing here: nothing to record
  }
}

/**
 * The data, loaded on the first call through `read` (a packaged file's parsed JSON) and then shared;
 * timed once as OUTLET_DATA_MEASURE (read + parse + index). A failed load is not cached: the next
 * call tries again.
 */
export function loadOutletData(read: (file: string) => Promise<unknown>): Promise<OutletData> {
  if (memo) return Promise.resolve(memo);
  pending ??= (async () => {
    const t0 = performance.now();
    const [stored, rsp] = await Promise.all([read(OUTLET_DATA_FILES.outlets), read(OUTLET_DATA_FILES.rsp)]);
    memo = buildOutletData(stored as StoredOutletsFile, rsp as RspFile);
    measured(t0);
    return memo;
  })().finally(() => {
    pending = null;
  });
  return pending;
}

/** The data when already loaded (or when a synchronous source is registered, e.g. in Node); else null. */
export function loadedOutletData(): OutletData | null {
  if (!memo && syncSource) {
    const t0 = performance.now();
    memo = syncSource();
    measured(t0);
  }
  return memo;
}

/** Registers a synchronous source (lib/outlets/dataset.ts in Node and tests); never used in the extension. */
export function setSyncOutletSource(source: () => OutletData): void {
  syncSource = source;
}
