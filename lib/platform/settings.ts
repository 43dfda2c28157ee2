/**
 * User settings in `storage.local` (keys `allSites`, `historyPaused`). The options page reads and
 * writes these items directly, except turning "all sites" on, which must go through the
 * `setAllSites` message (the background registers the content script after the permission grant).
 */
import { storage } from '#imports';

/** Run automatic detection on every site (needs the optional all-sites host permission). */
export const allSitesSetting = storage.defineItem<boolean>('local:allSites', { fallback: false });

/** Stop adding opened articles to the history (reports for the popup are still kept per tab). */
export const historyPausedSetting = storage.defineItem<boolean>('local:historyPaused', {
  fallback: false,
});

/**
 * Look outlets that are not in Masthead's data up online (Wikidata, Wikipedia). Off by default:
 * turning it on sends the site's host name to query.wikidata.org and en.wikipedia.org.
 */
export const outletLookupSetting = storage.defineItem<boolean>('local:outletLookup', { fallback: false });

/**
 * Read a boolean setting defensively: anything but `true` (corrupt, missing) counts as false; a
 * failed read returns `onError` (pass `true` where "on" is the privacy-safe side, e.g. history paused).
 */
export async function readFlag(item: { getValue(): Promise<unknown> }, onError = false): Promise<boolean> {
  try {
    return (await item.getValue()) === true;
  } catch {
    return onError;
  }
}

/**
 * Poll the reader's feed list (options page, Feeds). Off by default: when on, every enabled feed's
 * URL is requested from that outlet's server about once an hour; nothing about the reader is sent.
 */
export const feedsEnabledSetting = storage.defineItem<boolean>('local:feedsEnabled', { fallback: false });

/**
 * "Find more coverage" in the popup (Google News RSS, GDELT). Off by default: when on, a click on
 * the button sends the story's key names and words and a date window to news.google.com and, for
 * stories of the last three months, api.gdeltproject.org; nothing is sent without the click.
 */
export const coverageSearchSetting = storage.defineItem<boolean>('local:coverageSearch', {
  fallback: false,
});

/** Days related-coverage items (history, feed, search) are kept after they were last seen. */
export const coverageRetentionSetting = storage.defineItem<number>('local:coverageRetentionDays', {
  fallback: 90,
});

/** The default feed list was written to the `feeds` table once (a list the reader emptied stays empty). */
export const feedsSeededSetting = storage.defineItem<boolean>('local:feedsSeeded', { fallback: false });
