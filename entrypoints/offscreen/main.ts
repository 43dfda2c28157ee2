/**
 * Chrome offscreen document (reason DOM_PARSER): parses page HTML with Readability for the service
 * worker, which has no DOM. Answers `extractHtml` from the background only (no tab, our origin) and
 * ignores every other message — content-script messages reach this page too.
 */
import { extractFromHtml } from '@/lib/platform/extract-html';
import { registerHandlers } from '@/lib/platform/messages';
import { ok } from '@/lib/types';

registerHandlers(
  {
    extractHtml: async ({ html, url }) => ok(extractFromHtml(html, url, window)),
  },
  { role: 'offscreen' },
);
