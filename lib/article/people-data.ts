/**
 * The real lookups for {@link peopleForReport}: the shipped officeholder data (lib/people/offices.ts)
 * and the outlet table's name index (lib/outlets, once loaded: lib/outlets/dataset-load.ts). Both are
 * built once, on first use, so a service worker that never sees an article never pays for them.
 */
import { loadOfficeIndex, qidForName, roleAtDate } from '../people/offices';
import { loadedOutletData } from '../outlets/dataset-load';
import { outletByName } from '../outlets/lookup';
import { outletId } from '../outlets/types';
import type { PeopleLookups } from './people-report';

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
  // The outlet data once loaded (the background loads it before building a report; Node reads it
  // through lib/outlets/dataset.ts); unknown until then.
  outletQid: (name) => {
    const data = loadedOutletData();
    const o = data ? outletByName(name, data.index) : null;
    return o ? outletId(o) : undefined;
  },
};
