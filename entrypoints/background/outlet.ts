/**
 * Fills `report.outlet` in the background: the one resolver over the shipped dataset (loaded once,
 * on first use, from the packaged file — see lib/outlets/dataset-load.ts), fed with the page URL, its
 * canonical/og:url and the publisher name it states. Never throws: an outlet it cannot describe
 * is `null` ("not in Masthead's data").
 */
import { withOutletReport, type OutletData } from '@/lib/outlets/page';
import type { PageReport } from '@/lib/types';

type Log = (message: string, error?: unknown) => void;

/** The outlet data from its loader (sync or async), or undefined when absent or when loading fails. */
export async function outletsOf(
  load: (() => OutletData | Promise<OutletData>) | undefined,
  log?: Log,
): Promise<OutletData | undefined> {
  if (!load) return undefined;
  try {
    return await load();
  } catch (e) {
    log?.('outlet data failed to load', e);
    return undefined;
  }
}

export function withOutlet(report: PageReport, data: OutletData | undefined, log?: Log): PageReport {
  if (!data) return report;
  try {
    return withOutletReport(report, data);
  } catch (e) {
    log?.('outlet lookup failed', e);
    return report;
  }
}
