/**
 * Feeds on/off, "fetch now", and the two alarms: `masthead-feeds` (hourly poll, present only while
 * the reader has feeds on) and `masthead-prune` (daily pruning of old coverage items by `seenAt`,
 * local only). Alarms, never timers: the worker sleeps between them (R3).
 */
import { feedOrigins } from '@/lib/feeds/defaults';
import { pruneCoverage } from '@/lib/platform/coverage';
import { asFeed } from '@/lib/platform/feeds';
import type { MessageData } from '@/lib/protocol';
import type { Sender } from '@/lib/platform/messages';
import { err, ok, type Result } from '@/lib/types';
import { FEEDS_ALARM, FEEDS_PERIOD_MINUTES, type PollSummary } from './feeds';
import type { BackgroundDeps } from './handlers';

export const PRUNE_ALARM = 'masthead-prune';

export interface AlarmsLike {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | Promise<void> | void;
  get(name: string): Promise<unknown>;
}

export interface FeedControlDeps {
  alarms: AlarmsLike;
  enabled: { get(): Promise<boolean>; set(on: boolean): Promise<void> };
  retentionDays(): Promise<number>;
  /** `permissions.contains({ origins })`. */
  hasOrigins(origins: string[]): Promise<boolean>;
  poll(): Promise<PollSummary>;
}

async function enabledOrigins(deps: BackgroundDeps): Promise<string[]> {
  const db = await deps.db();
  return feedOrigins(
    (await db.feeds.toArray())
      .map(asFeed)
      .filter((f) => f.enabled)
      .map((f) => f.url),
  );
}

/** Make the alarms match the settings (install, startup, after a change or a wipe). */
export async function syncFeedAlarms(deps: BackgroundDeps): Promise<void> {
  const f = deps.feeds;
  if (!f) return;
  if (!(await f.alarms.get(PRUNE_ALARM)))
    await f.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 5 });
  if (await f.enabled.get()) {
    if (!(await f.alarms.get(FEEDS_ALARM))) {
      await f.alarms.create(FEEDS_ALARM, { periodInMinutes: FEEDS_PERIOD_MINUTES, delayInMinutes: 1 });
    }
  } else await f.alarms.clear(FEEDS_ALARM);
}

/** alarms.onAlarm */
export async function alarmFired(name: string, deps: BackgroundDeps): Promise<void> {
  const f = deps.feeds;
  if (!f) return;
  if (name === FEEDS_ALARM) {
    if (await f.enabled.get()) await f.poll();
    else await f.alarms.clear(FEEDS_ALARM);
  } else if (name === PRUNE_ALARM) {
    const removed = await pruneCoverage(await deps.db(), deps.now(), await f.retentionDays());
    if (removed) deps.log?.(`pruned ${removed} coverage items`);
  }
}

/**
 * options → background: turn feed polling on/off. The options page has already asked the
 * browser for the feed hosts (a user gesture is needed); turning on without them is refused.
 */
export async function setFeeds(
  data: MessageData<'setFeeds'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<{ enabled: boolean }>> {
  const f = deps.feeds;
  if (!f) return err('Feeds are not available here.');
  if (data.enabled && !(await f.hasOrigins(await enabledOrigins(deps)))) {
    return err('Allow Masthead to fetch the feeds first (the browser asks when you turn this on).');
  }
  await f.enabled.set(data.enabled);
  await syncFeedAlarms(deps);
  return ok({ enabled: data.enabled });
}

/** options → background: poll now (feeds must be on). */
export async function pollFeedsNow(
  _data: MessageData<'pollFeeds'>,
  _sender: Sender,
  deps: BackgroundDeps,
): Promise<Result<PollSummary>> {
  const f = deps.feeds;
  if (!f || !(await f.enabled.get())) return err('Feeds are off: turn them on first.');
  return ok(await f.poll());
}
