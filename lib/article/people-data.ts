/**
 * The real lookups for {@link peopleForReport}: the shipped officeholder data (lib/people/offices.ts)
 * and the outlet table's name index (lib/outlets). Both indexes are built once, on first use, so
 * a service worker that never sees an article never pays for them.
 */
import { loadOfficeIndex, qidForName, roleAtDate } from '../people/offices';
import { buildOutletIndex, outletByName, type OutletIndex } from '../outlets/lookup';
import { expandOutletsFile, type StoredOutletsFile } from '../outlets/types';
import outletsJson from '../outlets/data/outlets.json';
import type { PeopleLookups } from './people-report';

let outletIndex: OutletIndex | null = null;
function outlets(): OutletIndex {
  outletIndex ??= buildOutletIndex(expandOutletsFile(outletsJson as unknown as StoredOutletsFile).outlets);
  return outletIndex;
}

export const shippedPeopleLookups: PeopleLookups = {
  person(name, isoDate, roleInText) {
    const index = loadOfficeIndex();
    const role = roleAtDate(index, name, isoDate, roleInText);
    const qid = qidForName(index, name, isoDate, roleInText);
    if (!role && !qid) return null;
    return {
      ...(qid ? { qid } : {}),
      ...(role
        ? {
            roleAtDate: {
              qid: role.qid,
              label: role.label,
              ...(role.since ? { since: role.since } : {}),
              ...(role.until ? { until: role.until } : {}),
              source: role.source,
              asOf: role.asOf,
            },
          }
        : {}),
    };
  },
  outletQid: (name) => outletByName(name, outlets())?.qid,
};
