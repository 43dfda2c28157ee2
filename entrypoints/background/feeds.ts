/**
 * Feed polling (opt-in; issue: related coverage). Runs from the `masthead-feeds` alarm (and the
 * options page's "Fetch now"): each enabled feed is fetched with fetch-bounded.ts, parsed by
 * lib/related/feed-parser.ts and its items stored in `coverage` (origin 'feed'). Each feed gets a
 * plain status; a failed fetch or parse leaves that feed's stored items alone. A 429's Retry-After
 * is honoured (the feed is skipped until then).
 */
import { parseFeed } from '@/lib/related/feed-parser';
import { itemCoverage, storeCoverage } from '@/lib/platform/coverage';
import type { MastheadDb } from '@/lib/platform/db';
import { asFeed, type Feed, type FeedStatus } from '@/lib/platform/feeds';
import type { CoverageItem } from '@/lib/store-types';
import { FEED_CONTENT_TYPES, fetchBounded, type FetchLike } from './fetch-bounded';

export const FEEDS_ALARM = 'masthead-feeds';
export const FEEDS_PERIOD_MINUTES = 60;
const CONCURRENCY = 3;

export interface FeedPollDeps {
  db: () => Promise<MastheadDb>;
  fetch: FetchLike;
  now: () => Date;
  /** Outlet QID for an item or feed URL (the resolver), undefined when unknown. */
  outletQidFor?: (url: string) => string | undefined;
  timeoutMs?: number;
  maxBytes?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface PollSummary {
  polled: number;
  skipped: number;
  stored: number;
  errors: number;
}

/** Fetch, parse and store one feed; returns its new status and how many items were stored. */
export async function pollFeed(
  feed: Feed,
  deps: FeedPollDeps,
): Promise<{ status: FeedStatus; stored: number }> {
  const now = deps.now();
  const at = now.toISOString();
  const base = { lastFetchedAt: at, ...(feed.status.lastOkAt ? { lastOkAt: feed.status.lastOkAt } : {}) };
  const got = await fetchBounded(deps.fetch, feed.url, {
    accept: FEED_CONTENT_TYPES,
    timeoutMs: deps.timeoutMs,
    maxBytes: deps.maxBytes,
    now: () => now.getTime(),
  });
  if (!got.ok) {
    const status: FeedStatus = { state: 'error', message: got.message, ...base };
    if (got.retryAfterMs !== undefined)
      status.retryAfter = new Date(now.getTime() + got.retryAfterMs).toISOString();
    return { status, stored: 0 };
  }
  const parsed = parseFeed(got.bytes, { feedUrl: feed.url, contentType: got.contentType });
  if (parsed.items.length === 0) {
    const why =
      parsed.errors[0] ??
      (parsed.format === 'unknown' ? 'This is not an RSS, Atom or JSON feed.' : 'The feed has no items.');
    return { status: { state: 'error', message: why.slice(0, 300), ...base }, stored: 0 };
  }
  const feedOutlet = deps.outletQidFor?.(feed.site ?? feed.url);
  const rows = parsed.items
    .map((item) =>
      itemCoverage(item, 'feed', now, {
        feedId: feed.id,
        outletQid: deps.outletQidFor?.(item.url) ?? feedOutlet,
      }),
    )
    .filter((r): r is CoverageItem => r !== null);
  const stored = await storeCoverage(await deps.db(), rows);
  const dropped = parsed.errors.length
    ? ` (${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}: ${parsed.errors[0]!.slice(0, 160)})`
    : '';
  return {
    status: {
      state: 'ok',
      message: `${parsed.items.length} items read${dropped}.`,
      lastFetchedAt: at,
      lastOkAt: at,
    },
    stored,
  };
}

/** Poll every enabled feed not waiting out a Retry-After; writes each feed's status. */
export async function pollFeeds(deps: FeedPollDeps): Promise<PollSummary> {
  const db = await deps.db();
  const now = deps.now().getTime();
  const feeds = (await db.feeds.toArray()).map(asFeed).filter((f) => f.enabled);
  const due = feeds.filter((f) => !(f.status.retryAfter && Date.parse(f.status.retryAfter) > now));
  const summary: PollSummary = { polled: 0, skipped: feeds.length - due.length, stored: 0, errors: 0 };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const feed = due[next++]!;
      let result: { status: FeedStatus; stored: number };
      try {
        result = await pollFeed(feed, deps);
      } catch (e) {
        // A storage or parser failure: the feed's stored items are left as they were.
        deps.log?.(`feed ${feed.id} failed`, e);
        const message = `Could not store this feed's items (${e instanceof Error ? e.message : String(e)}).`;
        result = {
          status: { ...feed.status, state: 'error', message, lastFetchedAt: deps.now().toISOString() },
          stored: 0,
        };
      }
      summary.polled++;
      summary.stored += result.stored;
      if (result.status.state === 'error') summary.errors++;
      await db.feeds.update(feed.id, { status: result.status });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  return summary;
}
