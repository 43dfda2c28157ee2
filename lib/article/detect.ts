/**
 * Article detection: page signals, a preliminary verdict (so obvious non-articles skip the full
 * parse), and the final classification once Readability's extraction is known. Readability alone
 * says "readerable" for teaser grids, search results and navigation pages (FORMATS.md §9), hence
 * the extra signals. In the extension the signals are collected off the page on the serialised
 * HTML (lib/platform/extract-html.ts); only `readerable` comes from the live page (layout-aware).
 */
import type {
  ArticleVerdict,
  DetectionSignals,
  ExtractedArticle,
  NotArticleReason,
  PageMetadata,
} from '../types';
import { readArticleMarkup } from './markup';
import { countBody } from './page-facts';
import { pageKindOf } from './page-kind';
import { isProbablyReaderable } from './readerable';
import { isArticleVerdict, notArticle } from './verdict';

type Visible = (el: Element) => boolean;

/** Below this many characters of extracted text an "article" is a stub, teaser or paywall. */
export const MIN_ARTICLE_CHARS = 400;
/** Pages whose text is mostly link text are navigation, whatever Readability says. */
const MAX_LINK_DENSITY = 0.65;

function readerable(doc: Document, isVisible?: Visible): boolean {
  try {
    return isProbablyReaderable(doc, { isVisible });
  } catch {
    return false;
  }
}

/**
 * Gather the detection signals from a document. `isVisible` is a layout check supplied by the
 * caller (a tab can pass `el => el.offsetWidth > 0 || el.offsetHeight > 0`); without it, only
 * inline `display:none`, `hidden` and `aria-hidden` hide nodes (Readability's default).
 */
export function collectSignals(
  doc: Document,
  url: string,
  opts: { isVisible?: Visible } = {},
): DetectionSignals {
  const body = doc.body;
  const markup = readArticleMarkup(doc);
  const counts = body ? countBody(body, opts.isVisible) : undefined;
  const hasPublishedTime = markup.hasPublishedTime;
  const linkDensity =
    counts && counts.textLength > 0 ? Math.min(1, counts.linkTextLength / counts.textLength) : 0;
  const signals: DetectionSignals = {
    url,
    readerable: readerable(doc, opts.isVisible),
    jsonLdArticle: markup.jsonLdArticle,
    ogArticle: markup.ogArticle,
    hasPublishedTime,
    elementCount: doc.getElementsByTagName('*').length,
    paragraphTextLength: counts?.paragraphTextLength ?? 0,
    linkDensity: Math.round(linkDensity * 1000) / 1000,
    pageKind: 'other',
  };
  if (counts) {
    const articleEvidence = markup.jsonLdArticle || (markup.ogArticle && hasPublishedTime);
    signals.pageKind = pageKindOf({ ...counts, url, linkDensity, ogType: markup.ogType, articleEvidence });
  }
  return signals;
}

/** Strong evidence that the page *is* an article, enough to overrule page-shape hints. */
function strongEvidence(signals: DetectionSignals, metadata: PageMetadata): boolean {
  const ogArticle = signals.ogArticle || metadata.ogType === 'article';
  return (
    signals.jsonLdArticle || (ogArticle && (signals.hasPublishedTime || metadata.publishedTime !== undefined))
  );
}

/** Some evidence: article markup without a date, or a published date without markup. */
function someEvidence(signals: DetectionSignals, metadata: PageMetadata): boolean {
  return strongEvidence(signals, metadata) || signals.ogArticle || signals.hasPublishedTime;
}

const KIND_REASON: Record<Exclude<DetectionSignals['pageKind'], 'other'>, NotArticleReason> = {
  home: 'home-page',
  section: 'section-page',
  search: 'search-page',
  login: 'login-page',
  video: 'video-page',
};

/**
 * A definite "not an article" verdict from the cheap pass, or null when the page is a candidate
 * that needs the full parse. Never rejects a page with strong article metadata.
 */
export function preliminaryVerdict(signals: DetectionSignals, metadata: PageMetadata): ArticleVerdict | null {
  if (strongEvidence(signals, metadata)) return null;
  if (signals.pageKind !== 'other') return notArticle(KIND_REASON[signals.pageKind]);
  if (!signals.readerable && !someEvidence(signals, metadata)) return notArticle('not-readerable');
  if (signals.linkDensity > MAX_LINK_DENSITY && signals.paragraphTextLength < 1_000) {
    return notArticle('not-readerable', 'This page is mostly links, not an article.');
  }
  return null;
}

function tooShort(metadata: PageMetadata, strong: boolean): ArticleVerdict {
  if (metadata.isAccessibleForFree === false) {
    return notArticle(
      'too-short',
      'This article is marked as paywalled and only a short part of it is on the page.',
    );
  }
  if (strong) {
    return notArticle(
      'too-short',
      'This page describes an article but shows too little of its text; it may be truncated or behind a paywall.',
    );
  }
  return notArticle('too-short');
}

/**
 * Final decision from signals, metadata and the extraction result (null when Readability found
 * nothing or was not run).
 */
export function classifyPage(
  signals: DetectionSignals,
  metadata: PageMetadata,
  extracted: ExtractedArticle | null,
): ArticleVerdict {
  const early = preliminaryVerdict(signals, metadata);
  if (early) return early;
  const strong = strongEvidence(signals, metadata);
  if (!extracted) return notArticle(signals.readerable || strong ? 'extraction-failed' : 'not-readerable');
  const length = extracted.text.length;
  if (length < MIN_ARTICLE_CHARS) return tooShort(metadata, strong);
  if (metadata.isAccessibleForFree === false && length < MIN_ARTICLE_CHARS * 2)
    return tooShort(metadata, strong);
  if (!signals.readerable && !strong && length < MIN_ARTICLE_CHARS * 3) return notArticle('not-readerable');
  return isArticleVerdict();
}
