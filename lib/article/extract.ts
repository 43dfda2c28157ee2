/**
 * Readability extraction, made safe: it runs on a clone (Readability mutates its input), behind a
 * `maxElemsToParse` circuit breaker, inside try/catch, and its HTML goes through the caller's
 * sanitiser before anything else sees it (SECURITY S6).
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from '../types';
import { articleText } from './article-text';
import { cleanString } from './strings';

/** Readability throws above this many elements (FORMATS.md §9: cost grows fast with DOM size). */
export const DEFAULT_MAX_ELEMS_TO_PARSE = 50_000;

/** Options for {@link extractArticle}. */
export interface ExtractOptions {
  /** Page URL (kept for callers and future URL-dependent cleanup; the clone keeps the base URI). */
  url: string;
  /** HTML sanitiser (lib/safe-html.ts `createSanitizer`); Readability's output is untrusted. */
  sanitize: (html: string) => string;
  maxElemsToParse?: number;
}

type ParseResult = NonNullable<ReturnType<Readability<Element>['parse']>>;

function parse(doc: Document, maxElemsToParse: number): ParseResult | null {
  const clone = doc.cloneNode(true) as Document;
  // The serializer hands back the content element itself, so text is built from the DOM.
  const reader = new Readability<Element>(clone, { maxElemsToParse, serializer: (el) => el as Element });
  return reader.parse();
}

function toExtracted(
  result: ParseResult,
  root: Element,
  sanitize: (html: string) => string,
): ExtractedArticle {
  const article: ExtractedArticle = {
    title: cleanString(result.title),
    byline: cleanString(result.byline, 400),
    content: sanitize(root.innerHTML),
    text: articleText(root),
    excerpt: cleanString(result.excerpt, 2_000),
    lang: cleanString(result.lang, 35),
    dir: cleanString(result.dir, 3),
    siteName: cleanString(result.siteName),
    publishedTime: cleanString(result.publishedTime, 64),
  };
  for (const key of Object.keys(article) as (keyof ExtractedArticle)[]) {
    if (article[key] === undefined) delete article[key];
  }
  return article;
}

/**
 * Extract the article body with Readability. Returns null when Readability finds nothing, the
 * page is over the element limit, or anything throws.
 */
export function extractArticle(doc: Document, opts: ExtractOptions): ExtractedArticle | null {
  try {
    const result = parse(doc, opts.maxElemsToParse ?? DEFAULT_MAX_ELEMS_TO_PARSE);
    const root = result?.content;
    if (!result || !root || typeof root !== 'object') return null;
    return toExtracted(result, root, opts.sanitize);
  } catch {
    return null;
  }
}
