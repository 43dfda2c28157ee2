/**
 * The shipped outlet dataset, loaded once: `outlets.json` expanded and indexed, `rsp.json` as is.
 * Imported by the background and the analyzer only — never by the content script or the popup
 * (the bench checks the content-script bundle does not carry it). The index is built on the first
 * call and then shared; it is frozen and never mutated.
 */
import type { OutletData } from './page';
import storedJson from './data/outlets.json';
import rspJson from './data/rsp.json';
import { buildOutletIndex } from './lookup';
import { expandOutletsFile, type RspFile, type StoredOutletsFile } from './types';

let memo: OutletData | null = null;

/** Builds the outlet data from stored files (exported for tests and the bench). */
export function buildOutletData(stored: StoredOutletsFile, rsp: RspFile): OutletData {
  const file = expandOutletsFile(stored);
  return Object.freeze({ index: Object.freeze(buildOutletIndex(file.outlets)), rsp });
}

/** Name of the `performance.measure` entry for the first build (read by the bench in the worker). */
export const OUTLET_DATA_MEASURE = 'masthead:outlet-data';

/** The shipped data, built on first use (timed once as OUTLET_DATA_MEASURE). */
export function outletData(): OutletData {
  if (!memo) {
    const t0 = performance.now();
    memo = buildOutletData(storedJson as unknown as StoredOutletsFile, rspJson as unknown as RspFile);
    try {
      performance.measure(OUTLET_DATA_MEASURE, { start: t0, end: performance.now() });
    } catch {
      // no User Timing here: nothing to record
    }
  }
  return memo;
}
