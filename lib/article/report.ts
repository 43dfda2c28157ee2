/**
 * The page report: the verdict, an article summary (metadata first, Readability as fallback), the
 * clean text and sanitised content. `analyzeDocument` runs the whole pipeline in one process (the
 * analyzer CLI, tests, Firefox's content script); Chrome splits it across contexts with the same
 * functions.
 */
import type {
  ArticleSummary,
  ArticleVerdict,
  DetectionSignals,
  ExtractedArticle,
  PageMetadata,
  PageReport,
} from '../types';
import { normalizeUrl } from '../url/normalize';
import { cleanByline } from './byline';
import { classifyPage, collectSignals, preliminaryVerdict } from './detect';
import { extractArticle } from './extract';
import { emptyMetadata, readMetadata } from './metadata';
import { precheckPage } from './precheck';
import { notArticle } from './verdict';

/** Inputs of {@link buildReport}. */
export interface ReportInput {
  url: string;
  signals: DetectionSignals;
  metadata: PageMetadata;
  extracted: ExtractedArticle | null;
  verdict?: ArticleVerdict;
  now: Date;
}

/** Average adult silent reading speed (words per minute) for the reading-time estimate. */
const WORDS_PER_MINUTE = 230;

function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

function fallbackAuthors(
  metadata: PageMetadata,
  extracted: ExtractedArticle | null,
): { byline?: string; authors: string[] } {
  if (metadata.authors.length > 0) return { byline: metadata.byline, authors: metadata.authors };
  const byline = cleanByline(extracted?.byline);
  return { byline, authors: byline ? [byline] : [] };
}

function summarize(metadata: PageMetadata, extracted: ExtractedArticle | null, text: string): ArticleSummary {
  const words = countWords(text);
  const summary: ArticleSummary = {
    title: metadata.title ?? extracted?.title ?? '',
    ...fallbackAuthors(metadata, extracted),
    publishedTime: metadata.publishedTime ?? extracted?.publishedTime,
    modifiedTime: metadata.modifiedTime,
    siteName: metadata.siteName ?? extracted?.siteName,
    publisher: metadata.publisher,
    canonicalUrl: metadata.canonicalUrl,
    lang: metadata.lang ?? extracted?.lang,
    leadImage: metadata.leadImage,
    section: metadata.section,
    excerpt: metadata.description ?? extracted?.excerpt,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    isAccessibleForFree: metadata.isAccessibleForFree,
  };
  for (const key of Object.keys(summary) as (keyof ArticleSummary)[]) {
    if (summary[key] === undefined) delete summary[key];
  }
  return summary;
}

/**
 * Assemble a report. The urlKey comes from the page URL, not the canonical one: a canonical link
 * can point to another host (syndication), and the key must identify what the reader opened.
 */
export function buildReport(input: ReportInput): PageReport {
  const { url, signals, metadata, extracted, now } = input;
  const verdict = input.verdict ?? classifyPage(signals, metadata, extracted);
  const isArticle = verdict.isArticle;
  const text = isArticle ? (extracted?.text ?? '') : '';
  const report: PageReport = {
    url,
    urlKey: normalizeUrl(url) ?? url.slice(0, 2_000),
    analysedAt: now.toISOString(),
    verdict,
    text,
    content: isArticle ? (extracted?.content ?? '') : '',
    metadata,
    outlet: null,
    people: [],
  };
  if (isArticle) report.article = summarize(metadata, extracted, text);
  return report;
}

/** Options for {@link analyzeDocument}. */
export interface AnalyzeOptions {
  sanitize: (html: string) => string;
  now?: Date;
  isVisible?: (el: Element) => boolean;
  /** Readability's element limit (default 50,000). */
  maxElemsToParse?: number;
}

function emptySignals(url: string): DetectionSignals {
  return {
    url,
    readerable: false,
    jsonLdArticle: false,
    ogArticle: false,
    hasPublishedTime: false,
    elementCount: 0,
    paragraphTextLength: 0,
    linkDensity: 0,
    pageKind: 'other',
  };
}

function pipeline(doc: Document, url: string, opts: AnalyzeOptions, now: Date): PageReport {
  const refused = precheckPage(doc);
  if (refused) {
    return buildReport({
      url,
      signals: emptySignals(url),
      metadata: emptyMetadata(),
      extracted: null,
      verdict: notArticle(refused),
      now,
    });
  }
  const signals = collectSignals(doc, url, { isVisible: opts.isVisible });
  const metadata = readMetadata(doc, url);
  const early = preliminaryVerdict(signals, metadata);
  const extracted = early
    ? null
    : extractArticle(doc, { url, sanitize: opts.sanitize, maxElemsToParse: opts.maxElemsToParse });
  return buildReport({ url, signals, metadata, extracted, verdict: early ?? undefined, now });
}

/**
 * Analyse a whole page: precheck → signals → metadata → preliminary verdict → extraction →
 * report. Never throws; an unexpected error becomes a report with verdict reason `error`. Time is
 * bounded by the precheck's element limit and Readability's `maxElemsToParse`.
 */
export function analyzeDocument(doc: Document, url: string, opts: AnalyzeOptions): PageReport {
  const now = opts.now ?? new Date();
  try {
    return pipeline(doc, url, opts, now);
  } catch {
    return buildReport({
      url,
      signals: emptySignals(url),
      metadata: emptyMetadata(),
      extracted: null,
      verdict: notArticle('error'),
      now,
    });
  }
}
