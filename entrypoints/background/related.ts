/**
 * popup → background: related coverage for a tab's article (`getRelated`) and the on-demand
 * search (`findMoreCoverage`, only on the reader's click). Matching runs over the local
 * `coverage` table (lib/related/query.ts); the search asks Google News RSS and, for stories of
 * the last three months, GDELT, and stores the answers (not from private windows).
 */
import { breakdownOf, groupMatches, linkCited } from '@/lib/coverage/group';
import type { RelatedView, SearchOutcome, SearchPlan } from '@/lib/coverage/types';
import { itemCoverage, storeCoverage } from '@/lib/platform/coverage';
import { queryCoverage } from '@/lib/platform/coverage-query';
import type { MessageData } from '@/lib/protocol';
import type { Sender } from '@/lib/platform/messages';
import { outletId, type OutletRecord } from '@/lib/outlets/types';
import { resolveOutlet } from '@/lib/outlets/lookup';
import {
  gdeltDocSearch,
  googleNewsSearch,
  parseGdeltArtlist,
  parseGoogleNewsRss,
  type SearchRequest,
  type SearchResultItem,
} from '@/lib/related/search-url';
import { storyKeys } from '@/lib/related/terms';
import type { MastheadDb } from '@/lib/platform/db';
import type { CoverageItem } from '@/lib/store-types';
import { err, ok, type PageReport, type Result } from '@/lib/types';
import { fetchBounded, type FetchLike } from './fetch-bounded';
import { samePage, type BackgroundDeps } from './handlers';
import { outletsOf } from './outlet';

export interface RelatedDeps {
  feedsEnabled(): Promise<boolean>;
  /** "Find more coverage" turned on in the options. */
  searchEnabled(): Promise<boolean>;
  /** Network for `findMoreCoverage` only. */
  fetch: FetchLike;
}

/** Search answers are reused for this long (per exact request URL). */
const SEARCH_CACHE_MS = 6 * 3_600_000;

const titleCase = (k: string): string =>
  k.replace(/(^|[\s-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());

async function tabReport(
  tabId: number,
  deps: BackgroundDeps,
): Promise<{ report: PageReport; incognito: boolean } | null> {
  const report = await deps.reports.get(tabId);
  const tab = await deps.getTab(tabId);
  if (!report?.article || !tab?.url || !samePage(tab.url, report.url)) return null;
  return { report, incognito: tab.incognito === true };
}

async function outletResolver(deps: BackgroundDeps) {
  const data = await outletsOf(deps.outlets, deps.log);
  return {
    of(url: string, qid?: string): OutletRecord | null {
      if (!data) return null;
      return resolveOutlet(url, data.index)?.outlet ?? (qid ? (data.index.byQid.get(qid) ?? null) : null);
    },
    byQid: (qid: string) => data?.index.byQid.get(qid),
  };
}

type ArticleKeys = { title: string; publishedAt: string; terms: string[]; people: string[] };

/** The article's key terms and people: from its history row when stored, else computed once. */
async function articleKeys(report: PageReport, db: MastheadDb): Promise<ArticleKeys> {
  const title = report.article?.title ?? '';
  const publishedAt = report.article?.publishedTime ?? '';
  const row = await db.coverage.get(report.urlKey).catch(() => undefined);
  if (row?.origin === 'history' && row.terms.length)
    return { title, publishedAt, terms: row.terms, people: row.people };
  return { title, publishedAt, ...storyKeys(report.text, title) };
}

function plans(k: ArticleKeys, now: Date): { requests: SearchRequest[]; notes: string[] } {
  const input = {
    title: k.title,
    people: k.people.map(titleCase),
    terms: k.terms,
    publishedAt: k.publishedAt,
  };
  const requests: SearchRequest[] = [];
  const notes: string[] = [];
  const g = googleNewsSearch(input);
  if (g) requests.push(g);
  else notes.push('No names or key words to search Google News for.');
  const d = gdeltDocSearch(input, { now });
  if ('unavailable' in d) notes.push(d.unavailable);
  else requests.push(d);
  return { requests, notes };
}

const planOf = (r: SearchRequest): SearchPlan => ({
  service: r.service,
  host: new URL(r.url).hostname,
  query: r.query,
  description: r.description,
});

export async function getRelated(
  data: MessageData<'getRelated'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<RelatedView>> {
  const t0 = performance.now();
  const timing: Record<string, number> = {};
  const lap = (name: string, since: number): number => {
    const t = performance.now();
    timing[name] = Math.round((t - since) * 100) / 100;
    return t;
  };
  const flag = (f: (() => Promise<boolean>) | undefined) =>
    f
      ? f().then(
          (on) => on === true,
          () => false,
        )
      : Promise.resolve(false);
  // Settings are read while the store is queried (storage.local and IndexedDB run side by side).
  const flags = Promise.all([flag(deps.related?.feedsEnabled), flag(deps.related?.searchEnabled)]);
  const found = await tabReport(data.tabId, deps);
  if (!found) return err('This tab shows no analysed article.');
  const { report } = found;
  let t = lap('tab', t0);
  const db = await deps.db();
  const k = await articleKeys(report, db);
  t = lap('keys', t);
  const { matches, stats, openMs, firstMs, raw } = await queryCoverage(
    db,
    { ...k, urlKey: report.urlKey },
    { limit: 40 },
  );
  t = lap('match', t);
  Object.assign(timing, {
    rawRead: raw ? 1 : 0,
    open: Math.round(openMs * 100) / 100,
    first: Math.round(firstMs * 100) / 100,
    postings: Math.round(stats.postingsMs * 100) / 100,
    fetch: Math.round(stats.fetchMs * 100) / 100,
    read: Math.round(stats.readMs * 100) / 100,
    score: Math.round(stats.scoreMs * 100) / 100,
    rank: Math.round(stats.rankMs * 100) / 100,
    keysRead: stats.postingsRead,
    rowsRead: stats.fetched,
  });
  const outlets = await outletResolver(deps);
  const groups = groupMatches(matches, outlets.of, { selfQid: report.outlet?.id });
  t = lap('group', t);
  const { requests, notes } = plans(k, deps.now());
  const cited = (report as { sourcesCited?: Array<{ name: string; kind?: string }> }).sourcesCited;
  const [feedsOn, searchOn] = await flags;
  lap('plan', t);
  lap('total', t0);
  return ok({
    groups,
    breakdown: breakdownOf(groups),
    cited: linkCited(cited, groups, outlets.byQid),
    stored: stats.total,
    feedsOn,
    searchOn,
    search: requests.map(planOf),
    searchNotes: notes,
    timing,
  });
}

async function resultRows(
  items: SearchResultItem[],
  now: Date,
  deps: BackgroundDeps,
): Promise<CoverageItem[]> {
  const outlets = await outletResolver(deps);
  return items
    .map((it) => {
      const site = it.domain ? (it.domain.includes('://') ? it.domain : `https://${it.domain}/`) : it.url;
      const o = outlets.of(it.url) ?? outlets.of(site);
      return itemCoverage(it, 'search', now, o ? { outletQid: outletId(o) } : {});
    })
    .filter((r): r is CoverageItem => r !== null);
}

/** The reader clicked "Find more coverage": ask each planned service once, store what comes back. */
export async function findMoreCoverage(
  data: MessageData<'findMoreCoverage'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<SearchOutcome>> {
  const svc = deps.related;
  if (!svc) return err('Search is not available here.');
  if (!(await svc.searchEnabled().catch(() => false)))
    return err("Find more coverage is off: turn it on in Masthead's options (Privacy). Nothing was sent.");
  const found = await tabReport(data.tabId, deps);
  if (!found) return err('This tab shows no analysed article.');
  if (found.incognito) return err('Masthead does not search or store anything from private windows.');
  const now = deps.now();
  const db = await deps.db();
  const outcome: SearchOutcome = { results: [] };
  for (const req of plans(await articleKeys(found.report, db), now).requests) {
    const key = `related-search:${req.url}`;
    const hit = await db.cache.get(key);
    if (hit && hit.expiresAt > now.getTime()) {
      outcome.results.push({ service: req.service, added: 0, cached: true });
      continue;
    }
    const accept =
      req.service === 'gdelt' ? ['json', 'text/plain', 'text/html'] : ['xml', 'rss', 'text/plain'];
    const got = await fetchBounded(svc.fetch, req.url, {
      accept,
      maxBytes: 5 * 1024 * 1024,
      now: () => now.getTime(),
    });
    if (!got.ok) {
      outcome.results.push({ service: req.service, added: 0, cached: false, error: got.message });
      continue;
    }
    const parsed =
      req.service === 'gdelt'
        ? parseGdeltArtlist(new TextDecoder().decode(got.bytes))
        : parseGoogleNewsRss(got.bytes, got.contentType);
    const added = await storeCoverage(db, await resultRows(parsed.items, now, deps));
    await db.cache.put({
      key,
      expiresAt: now.getTime() + SEARCH_CACHE_MS,
      value: { added, at: now.toISOString() },
    });
    const error = parsed.items.length === 0 && parsed.errors[0] ? parsed.errors[0].slice(0, 200) : undefined;
    outcome.results.push({ service: req.service, added, cached: false, ...(error ? { error } : {}) });
  }
  return ok(outcome);
}
