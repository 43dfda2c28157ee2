/**
 * The shipped outlet dataset for Node and tests (the analyzer, the eval, vitest): the same files the
 * extension packages, read synchronously through a JSON import. The extension never imports this
 * module — its background loads the packaged files on first use (lib/outlets/dataset-load.ts), so
 * neither the background bundle nor the content script carries the dataset (the bench and
 * tests/e2e/manifest.test.mjs check both).
 */
import type { OutletData } from './page';
import storedJson from './data/outlets.json';
import rspJson from './data/rsp.json';
import { buildOutletData, loadedOutletData, setSyncOutletSource } from './dataset-load';
import type { RspFile, StoredOutletsFile } from './types';

export { buildOutletData, OUTLET_DATA_MEASURE } from './dataset-load';

setSyncOutletSource(() =>
  buildOutletData(storedJson as unknown as StoredOutletsFile, rspJson as unknown as RspFile),
);

/** The shipped data, built on first use and then shared. */
export function outletData(): OutletData {
  return loadedOutletData()!;
}
