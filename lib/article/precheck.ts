/**
 * The cheapest gate: pages we must not even try to read (no body, framesets, XML/plain-text views,
 * giant DOMs that would freeze the tab). Runs before any other pass, on the live page.
 */
import type { NotArticleReason } from '../types';

/** Above this many elements the page is refused: Readability's cost grows with the DOM (FORMATS §9). */
export const DEFAULT_MAX_ELEMENTS = 60_000;

const HTML_CONTENT_TYPES = new Set(['text/html', 'application/xhtml+xml']);

function isHtml(doc: Document): boolean {
  const type = typeof doc.contentType === 'string' ? doc.contentType.toLowerCase() : '';
  // Some test DOMs leave contentType empty; the page is HTML if it has an <html> root.
  if (type === '') return doc.documentElement?.localName === 'html';
  return HTML_CONTENT_TYPES.has(type);
}

/** {@link inspectPage}'s answer: the refusal reason (null = analysable) and the element count. */
export interface PageInspection {
  refused: NotArticleReason | null;
  /** Elements in the document (0 when the precheck stopped before counting). */
  elementCount: number;
}

/**
 * The precheck plus the element count it measured. Never throws: a document that misbehaves is
 * reported as `no-body`.
 */
export function inspectPage(doc: Document, opts: { maxElements?: number } = {}): PageInspection {
  try {
    if (!isHtml(doc)) return { refused: 'not-html', elementCount: 0 };
    if (doc.getElementsByTagName('frameset').length > 0) return { refused: 'frameset', elementCount: 0 };
    const body = doc.body;
    if (!body || body.localName !== 'body') return { refused: 'no-body', elementCount: 0 };
    // The live HTMLCollection's length is computed natively, without building an array.
    const elementCount = doc.getElementsByTagName('*').length;
    const refused = elementCount > (opts.maxElements ?? DEFAULT_MAX_ELEMENTS) ? 'too-large' : null;
    return { refused, elementCount };
  } catch {
    return { refused: 'no-body', elementCount: 0 };
  }
}

/** Decide whether a page can be analysed at all. Returns the reason when it cannot, else null. */
export function precheckPage(doc: Document, opts: { maxElements?: number } = {}): NotArticleReason | null {
  return inspectPage(doc, opts).refused;
}
