/**
 * popup → background `lookupOutlet`: the online lookup for a tab whose outlet is not in Masthead's
 * data. Off unless the reader turned it on in the options. The host is read from the report the
 * background stored for the tab (and unwrapped from archive/AMP copies), reduced to its
 * registrable domain and validated; nothing from the message but the tab id is used.
 */
import { getDomain } from 'tldts';
import type { LookupResult } from '@/lib/outlets/enrich';
import { lookupHost } from '@/lib/outlets/enrich';
import { parseHttpUrl, unwrapUrl } from '@/lib/outlets/unwrap';
import type { MessageData } from '@/lib/protocol';
import type { Sender } from '@/lib/platform/messages';
import { err, ok, type Result } from '@/lib/types';
import { samePage, type BackgroundDeps } from './handlers';

export interface OutletLookupDeps {
  /** The reader's switch in the options (false unless turned on). */
  enabled(): Promise<boolean>;
  lookup(host: string, options: { store: boolean }): Promise<LookupResult>;
}

/** The registrable domain to look up for a page URL, or null. */
export function hostToLookUp(pageUrl: string): string | null {
  const un = unwrapUrl(pageUrl);
  const u = un && !un.unresolved ? parseHttpUrl(un.url) : null;
  const reg = u ? getDomain(u.hostname, { allowPrivateDomains: true }) : null;
  return lookupHost(reg);
}

export async function lookupOutlet(
  data: MessageData<'lookupOutlet'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<LookupResult>> {
  const svc = deps.outletLookup;
  if (!svc || !(await svc.enabled())) return ok({ status: 'disabled' });
  const report = await deps.reports.get(data.tabId);
  const tab = await deps.getTab(data.tabId);
  if (!report || !tab?.url || !samePage(tab.url, report.url)) return err('This tab shows no analysed page.');
  if (report.outlet) return ok({ status: 'unavailable', message: "This outlet is in Masthead's data." });
  const host = hostToLookUp(report.url);
  if (!host) return ok({ status: 'unavailable', message: 'This address has no site name to look up.' });
  // Nothing is stored from private windows: the answer is shown, not cached.
  return ok(await svc.lookup(host, { store: tab.incognito !== true }));
}
