/**
 * Full Readability parse of serialised page HTML, off the page's main thread: in Chrome inside the
 * offscreen document, in Firefox inside the background page (both have a DOM). The parsed document
 * has no browsing context, so nothing in it runs or loads.
 */
import type { ExtractedArticle } from '../types';
import { extractArticle } from '../article/extract';
import { createSanitizer } from '../safe-html';

/** Same budget Readability is given on the page (R8): bigger DOMs abort cleanly. */
export const MAX_ELEMS_TO_PARSE = 30_000;

/**
 * Point the document's base URL at the page (or at the page's own `<base href>`, resolved against
 * the page URL, when it is http(s)) so Readability turns relative links and images into absolute
 * page URLs instead of extension URLs.
 */
export function setBaseUrl(doc: Document, pageUrl: string): void {
  let href = pageUrl;
  const own = doc.querySelector('base[href]');
  if (own) {
    try {
      const resolved = new URL(own.getAttribute('href') ?? '', pageUrl);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') href = resolved.href;
    } catch {
      // Unparseable base: fall back to the page URL.
    }
  }
  for (const b of Array.from(doc.querySelectorAll('base'))) b.remove();
  const base = doc.createElement('base');
  base.setAttribute('href', href);
  const head = doc.head ?? doc.documentElement.insertBefore(doc.createElement('head'), doc.body);
  head.insertBefore(base, head.firstChild);
}

/** Parse `html` and extract the article, or null when Readability finds none. Never throws. */
export function extractFromHtml(
  html: string,
  url: string,
  win: Window & typeof globalThis,
): ExtractedArticle | null {
  try {
    const doc = new win.DOMParser().parseFromString(html, 'text/html');
    setBaseUrl(doc, url);
    return extractArticle(doc, {
      url,
      sanitize: createSanitizer(win),
      maxElemsToParse: MAX_ELEMS_TO_PARSE,
    });
  } catch {
    return null;
  }
}
