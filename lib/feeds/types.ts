/** A row of the reader's feed list (`feeds` table) as the options page and the poller see it. */
import type { FeedRow } from '../store-types';

export interface FeedStatus {
  state: 'ok' | 'error' | 'never';
  /** Plain-language result ("42 items", "Server answered 404"). */
  message: string;
  /** ISO time of the last attempt. */
  lastFetchedAt?: string;
  /** ISO time of the last success. */
  lastOkAt?: string;
  /** ISO time before which the server asked not to be polled again (429 Retry-After). */
  retryAfter?: string;
}

export interface Feed extends FeedRow {
  name: string;
  enabled: boolean;
  /** Outlet home page used to resolve the outlet (defaults); absent for the reader's own feeds. */
  site?: string;
  unverified?: boolean;
  /** Set for rows from the default list. */
  builtin?: boolean;
  status: FeedStatus;
}
