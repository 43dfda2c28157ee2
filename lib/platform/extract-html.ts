/**
 * The off-page analysis of serialised page HTML, off the page's main thread: in Chrome inside the
 * offscreen document, in Firefox inside the background page (both have a DOM). One parse, then
 * metadata, detection signals and the full Readability extraction on that one document. The parsed
 * document has no browsing context, so nothing in it runs or loads.
 */
import type { ExtractedArticle, OffPageAnalysis } from '../types';
import { collectSignals } from '../article/detect';
import { extractArticle } from '../article/extract';
import { readMetadata } from '../article/metadata';
import { clampMetadata, clampSignals } from '../protocol-validate';
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

function parse(html: string, url: string, win: Window & typeof globalThis): Document {
  const doc = new win.DOMParser().parseFromString(html, 'text/html');
  setBaseUrl(doc, url);
  return doc;
}

function extract(doc: Document, url: string, win: Window & typeof globalThis): ExtractedArticle | null {
  return extractArticle(doc, { url, sanitize: createSanitizer(win), maxElemsToParse: MAX_ELEMS_TO_PARSE });
}

/**
 * Parse `html` once and analyse it: metadata and signals (no layout here, so Readability's
 * attribute-based visibility) are read first, then Readability extracts from its own clone
 * (`extractArticle` never touches the document it is given). Metadata and signals are trimmed to
 * the protocol caps. `extracted` is null when Readability finds nothing; throws only when the HTML
 * cannot be parsed or read at all (the caller reports that as a failed extraction).
 */
export function analyseHtml(html: string, url: string, win: Window & typeof globalThis): OffPageAnalysis {
  const doc = parse(html, url, win);
  const metadata = clampMetadata(readMetadata(doc, url));
  const signals = clampSignals(collectSignals(doc, url));
  return { extracted: extract(doc, url, win), metadata, signals };
}
