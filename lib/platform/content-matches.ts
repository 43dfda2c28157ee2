/**
 * Match patterns for the automatic content script. Same formula as wxt.config.ts's host
 * permissions: each starter news host and its sub-domains.
 */
import { STARTER_NEWS_HOSTS } from '../article/news-hosts';

export const NEWS_MATCHES: readonly string[] = STARTER_NEWS_HOSTS.flatMap((h) => [
  `*://${h}/*`,
  `*://*.${h}/*`,
]);

/** The built content script (WXT names `entrypoints/article.content/` → `content-scripts/article.js`). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/article.js';
