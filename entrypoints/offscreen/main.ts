/**
 * Chrome offscreen document (reason DOM_PARSER): analyses page HTML for the service worker, which
 * has no DOM — one parse, then metadata, signals and the Readability extraction
 * (lib/platform/extract-html.ts). Answers `extractHtml` from the background only (no tab, our
 * origin) and ignores every other message — content-script messages reach this page too.
 */
import { analyseHtml } from '@/lib/platform/extract-html';
import { registerHandlers } from '@/lib/platform/messages';
import { err, ok } from '@/lib/types';

registerHandlers(
  {
    extractHtml: async ({ html, url }) => {
      try {
        return ok(analyseHtml(html, url, window));
      } catch (e) {
        return err(`extractHtml: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500));
      }
    },
  },
  { role: 'offscreen' },
);
