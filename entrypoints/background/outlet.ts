/**
 * Fills `report.outlet` in the background: the one resolver over the shipped dataset (built once,
 * lazily, on the first report — see lib/outlets/dataset.ts), fed with the page URL, its
 * canonical/og:url and the publisher name it states. Never throws: an outlet it cannot describe
 * is `null` ("not in Masthead's data").
 */
import { withOutletReport, type OutletData } from '@/lib/outlets/page';
import type { PageReport } from '@/lib/types';

export function withOutlet(
  report: PageReport,
  data: (() => OutletData) | undefined,
  log?: (message: string, error?: unknown) => void,
): PageReport {
  if (!data) return report;
  try {
    return withOutletReport(report, data());
  } catch (e) {
    log?.('outlet lookup failed', e);
    return report;
  }
}
