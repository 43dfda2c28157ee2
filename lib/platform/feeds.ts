/**
 * The reader's feed list (`feeds` table): the default list until the reader edits it, each row
 * with its enabled flag and last poll status. The options page edits it; the background polls it.
 */
import { DEFAULT_FEEDS } from '../feeds/defaults';
import type { FeedRow } from '../store-types';
import type { Feed, FeedStatus } from '../feeds/types';

export type { Feed, FeedStatus };
import type { MastheadDb } from './db';

const NEVER: FeedStatus = { state: 'never', message: 'Not fetched yet.' };

export function defaultFeedRows(): Feed[] {
  return DEFAULT_FEEDS.map((f) => ({
    id: f.id,
    url: f.url,
    name: f.name,
    site: f.site,
    enabled: true,
    builtin: true,
    ...(f.unverified ? { unverified: true } : {}),
    status: { ...NEVER },
  }));
}

/** A row read from the table, made safe (older or hand-edited rows). */
export function asFeed(row: FeedRow): Feed {
  const r = row as Partial<Feed> & FeedRow;
  return {
    ...r,
    name: typeof r.name === 'string' && r.name ? r.name : r.url,
    enabled: r.enabled === true,
    status: r.status && typeof r.status === 'object' ? r.status : { ...NEVER },
  };
}

/** The feed list; seeds the defaults the first time (an emptied list stays empty). */
export async function listFeeds(
  db: MastheadDb,
  seeded: { get(): Promise<boolean>; set(): Promise<void> },
): Promise<Feed[]> {
  if (!(await seeded.get()) && (await db.feeds.count()) === 0) {
    await db.feeds.bulkPut(defaultFeedRows());
    await seeded.set();
  }
  return (await db.feeds.toArray()).map(asFeed);
}

/** Validate a feed URL the reader typed: http(s), no credentials, bounded. */
export function checkFeedUrl(raw: string): { url: string } | { error: string } {
  const s = raw.trim();
  if (s.length > 2048) return { error: 'That address is too long.' };
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return { error: 'That is not a web address (it should start with https://).' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { error: 'Only http(s) feed addresses work.' };
  if (u.username || u.password)
    return { error: 'Feed addresses with a user name or password are not accepted.' };
  u.hash = '';
  return { url: u.toString() };
}

/** Add a feed the reader typed (id from its URL). */
export async function addFeed(db: MastheadDb, url: string, name?: string): Promise<Feed> {
  const row: Feed = {
    id: `user:${url}`,
    url,
    name: name?.trim() || new URL(url).hostname,
    enabled: true,
    status: { ...NEVER },
  };
  await db.feeds.put(row);
  return row;
}

export async function setFeedEnabled(db: MastheadDb, id: string, enabled: boolean): Promise<void> {
  await db.feeds.update(id, { enabled });
}

/** Remove a feed from the list; its stored items stay until pruned. */
export async function removeFeed(db: MastheadDb, id: string): Promise<void> {
  await db.feeds.delete(id);
}
