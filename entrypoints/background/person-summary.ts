/**
 * content script / popup → background `personSummary` / `tabPersonSummary`: the optional
 * Wikipedia summary on a person card. Off unless the reader turned online lookups on. Only for a
 * person Masthead found in the tab's stored report with a Wikidata QID (from the people data):
 * the QID in the message must be one of them, so a page cannot use Masthead to fetch anything
 * else. Fetches go through the outlet lookup's reviewed path (./enrich.ts: Api-User-Agent,
 * 2 in flight, 429/Retry-After, 7-day `cache` table); private windows read the cache, write nothing.
 */
import type { MessageData } from '@/lib/protocol';
import type { Sender } from '@/lib/platform/messages';
import {
  parsePersonSummary,
  parseSitelink,
  personCacheKey,
  personQid,
  personSummaryRequest,
  sitelinkRequest,
  type PersonSummary,
  type PersonSummaryResult,
} from '@/lib/people/wiki-summary';
import { err, ok, type Result } from '@/lib/types';
import type { CachedAnswer } from './enrich';
import { samePage, type BackgroundDeps } from './handlers';

/** The two calls of the outlet lookup service this needs (see createOutletLookup). */
export interface SummaryFetcher {
  getJson(req: { url: string; headers: Record<string, string> }, okStatus404?: boolean): Promise<unknown>;
  cachedAnswer<T>(
    key: string,
    fetcher: () => Promise<T | null>,
    options?: { store?: boolean; service?: string },
  ): Promise<CachedAnswer<T>>;
  now(): number;
}

export interface PersonSummaryDeps {
  /** The reader's online-lookups switch (the outlet lookup's; false unless turned on). */
  enabled(): Promise<boolean>;
  summary(qid: string, options: { store: boolean }): Promise<PersonSummaryResult>;
}

/** The summary service on top of the outlet lookup's fetch path. */
export function createPersonSummaries(f: SummaryFetcher): PersonSummaryDeps['summary'] {
  async function fetchSummary(qid: string): Promise<PersonSummary | null> {
    const title = parseSitelink(await f.getJson(sitelinkRequest(qid)), qid);
    if (!title) return null;
    const req = personSummaryRequest(title);
    if (!req) return null;
    const json = await f.getJson(req, true);
    return json ? (parsePersonSummary(json, qid, new Date(f.now()).toISOString()) ?? null) : null;
  }
  return async (rawQid, { store }) => {
    const qid = personQid(rawQid);
    if (!qid) return { status: 'unavailable', message: 'Not a Wikidata item.' };
    const r = await f.cachedAnswer(personCacheKey(qid), () => fetchSummary(qid), {
      store,
      service: 'Wikipedia',
    });
    return r.status === 'found' ? { status: 'found', summary: r.value, cached: r.cached } : r;
  };
}

async function summaryForTab(
  tabId: number,
  qid: string,
  deps: BackgroundDeps,
): Promise<Result<PersonSummaryResult>> {
  const svc = deps.personSummary;
  if (!svc || !(await svc.enabled())) return ok({ status: 'disabled' });
  const report = await deps.reports.get(tabId);
  const tab = await deps.getTab(tabId);
  if (!report || !tab?.url || !samePage(tab.url, report.url)) return err('This tab shows no analysed page.');
  if (!report.people?.some((p) => p.qid === qid)) {
    return ok({ status: 'unavailable', message: 'This person has no Wikidata item in this article.' });
  }
  // Nothing is stored from private windows: the answer is shown, not cached.
  return ok(await svc.summary(qid, { store: tab.incognito !== true }));
}

/** content script → background: the summary for a person on the sender's own tab. */
export async function personSummary(
  data: MessageData<'personSummary'>,
  sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<PersonSummaryResult>> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') return err('No tab.');
  return summaryForTab(tabId, data.qid, deps);
}

/** popup → background: the summary for a person of the given tab's article. */
export async function tabPersonSummary(
  data: MessageData<'tabPersonSummary'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<PersonSummaryResult>> {
  return summaryForTab(data.tabId, data.qid, deps);
}
