import { signal } from '@preact/signals';
import { feedOrigins } from '@/lib/feeds/defaults';
import type { MastheadDb } from '@/lib/platform/db';
import {
  addFeed,
  checkFeedUrl,
  listFeeds,
  removeFeed,
  setFeedEnabled,
  type Feed,
} from '@/lib/platform/feeds';
import { retentionDays } from '@/lib/feeds/retention';
import type { Feedback, Send } from './state';

/** What is sent where when feeds are on: shown next to the switch. */
export const FEEDS_STATEMENT =
  "When on, about once an hour Masthead requests each enabled feed's address below from that outlet's own " +
  'server (for example feeds.bbci.co.uk). The outlets see a request from your IP address, without cookies and ' +
  'without anything about what you read. The headlines they send are kept on this computer only, to find other ' +
  'coverage of the articles you open. Off by default; your browser asks for access to exactly these feed hosts.';

export interface FeedsDeps {
  db: () => Promise<MastheadDb>;
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
  };
  send: Send;
  enabled: { getValue(): Promise<boolean> };
  retention: { getValue(): Promise<unknown>; setValue(v: number): Promise<void> };
  seeded: { get(): Promise<boolean>; set(): Promise<void> };
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The options page's Feeds section: switch, list (add/remove/enable), fetch now, retention. */
export function createFeedsState(deps: FeedsDeps) {
  const enabled = signal<boolean | null>(null);
  const feeds = signal<Feed[]>([]);
  const busy = signal(false);
  const feedback = signal<Feedback | null>(null);
  const retention = signal<number>(retentionDays(undefined));

  async function reload(seed = true) {
    // Right after "Delete all Masthead data" the list is read as it is (empty), not re-seeded with
    // the defaults: the wipe must leave every table empty. The next visit seeds them again.
    const noSeed = { get: async () => true, set: async () => {} };
    feeds.value = await listFeeds(await deps.db(), seed ? deps.seeded : noSeed);
  }

  async function init({ seed = true }: { seed?: boolean } = {}) {
    try {
      enabled.value = (await deps.enabled.getValue()) === true;
      retention.value = retentionDays(await deps.retention.getValue());
      await reload(seed);
    } catch (e) {
      enabled.value = enabled.value ?? false;
      feedback.value = { tone: 'error', text: `Couldn't read the feeds: ${text(e)}` };
    }
  }

  /** Ask the browser for the enabled feeds' hosts (needs the click's user gesture). */
  async function grant(list: readonly Feed[]): Promise<boolean> {
    const origins = feedOrigins(list.filter((f) => f.enabled).map((f) => f.url));
    return origins.length === 0 || (await deps.permissions.request({ origins }));
  }

  async function run(action: () => Promise<string | null>) {
    busy.value = true;
    feedback.value = null;
    try {
      const ok = await action();
      if (ok) feedback.value = { tone: 'ok', text: ok };
    } catch (e) {
      feedback.value = { tone: 'error', text: text(e) };
    } finally {
      busy.value = false;
    }
  }

  const setEnabled = (on: boolean) =>
    run(async () => {
      if (on && !(await grant(feeds.value)))
        throw new Error('Feeds stay off: the browser did not allow access to the feed hosts.');
      const res = await deps.send('setFeeds', { enabled: on });
      if (!res.ok) throw new Error(res.error);
      enabled.value = on;
      if (!on) return 'Feeds are off: nothing is fetched.';
      const polled = await deps.send('pollFeeds', {});
      await reload();
      return polled.ok
        ? `Feeds are on. Fetched ${polled.value.polled} feeds (${polled.value.errors} with problems).`
        : `Feeds are on. ${polled.error}`;
    });

  const pollNow = () =>
    run(async () => {
      const res = await deps.send('pollFeeds', {});
      await reload();
      if (!res.ok) throw new Error(res.error);
      return `Fetched ${res.value.polled} feeds: ${res.value.stored} items stored, ${res.value.errors} with problems.`;
    });

  const add = (raw: string) =>
    run(async () => {
      const checked = checkFeedUrl(raw);
      if ('error' in checked) throw new Error(checked.error);
      if (enabled.value && !(await grant([{ url: checked.url, enabled: true } as Feed]))) {
        throw new Error('Not added: the browser did not allow access to that feed host.');
      }
      await addFeed(await deps.db(), checked.url);
      await reload();
      return `Added ${checked.url}.`;
    });

  const remove = (id: string) =>
    run(async () => {
      await removeFeed(await deps.db(), id);
      await reload();
      return 'Feed removed (its stored headlines are kept until they expire).';
    });

  const toggle = (feed: Feed, on: boolean) =>
    run(async () => {
      if (on && enabled.value && !(await grant([{ ...feed, enabled: true }]))) {
        throw new Error('The browser did not allow access to that feed host.');
      }
      await setFeedEnabled(await deps.db(), feed.id, on);
      await reload();
      return null;
    });

  const setRetention = (days: number) =>
    run(async () => {
      const v = retentionDays(days);
      await deps.retention.setValue(v);
      retention.value = v;
      return `Related-coverage items are kept for ${v} days after they were last seen.`;
    });

  return {
    enabled,
    feeds,
    busy,
    feedback,
    retention,
    init,
    setEnabled,
    pollNow,
    add,
    remove,
    toggle,
    setRetention,
  };
}

export type FeedsState = ReturnType<typeof createFeedsState>;
