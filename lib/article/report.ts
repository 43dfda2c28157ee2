/**
 * The page report: the verdict, an article summary (metadata first, Readability as fallback), the
 * clean text and sanitised content. Imports no parser (the background service worker builds
 * reports); `analyzeDocument` (lib/article/analyze-document.ts) runs the whole pipeline in one
 * process for the analyzer CLI and tests.
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
import { classifyPage } from './detect';
import { captionsOf } from './captions';
import { peopleForReport, type PeopleLookups } from './people-report';

/** Inputs of {@link buildReport}. */
export interface ReportInput {
  url: string;
  signals: DetectionSignals;
  metadata: PageMetadata;
  extracted: ExtractedArticle | null;
  verdict?: ArticleVerdict;
  now: Date;
  /**
   * People extraction for articles: omitted → no people; `{}` → extraction without data lookups;
   * the shipped lookups (lib/article/people-data.ts) add QIDs and roles at the article's date.
   */
  people?: PeopleLookups;
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
    sourcesCited: [],
  };
  if (isArticle) report.article = summarize(metadata, extracted, text);
  if (isArticle && input.people && report.article) {
    const found = peopleForReport(
      {
        text,
        title: report.article.title,
        lang: report.article.lang,
        publishedTime: report.article.publishedTime,
        captions: captionsOf(report.content),
      },
      input.people,
    );
    report.people = found.people;
    report.sourcesCited = found.sourcesCited;
  }
  return report;
}
