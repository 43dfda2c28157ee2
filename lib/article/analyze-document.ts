/**
 * The whole analysis in one process on one document (the analyzer CLI, golden tests): precheck →
 * signals → metadata → preliminary verdict → extraction → report. The extension splits the same
 * functions across contexts (content script, offscreen document / background page, service
 * worker); this module is kept apart from lib/article/report.ts so the service worker, which only
 * builds reports, does not bundle Readability.
 */
import type { DetectionSignals, PageReport } from '../types';
import { collectSignals, preliminaryVerdict } from './detect';
import { extractArticle } from './extract';
import { emptyMetadata, readMetadata } from './metadata';
import { precheckPage } from './precheck';
import { buildReport } from './report';
import { notArticle } from './verdict';
import type { PeopleLookups } from './people-report';

/** Options for {@link analyzeDocument}. */
export interface AnalyzeOptions {
  sanitize: (html: string) => string;
  now?: Date;
  isVisible?: (el: Element) => boolean;
  /** Readability's element limit (default 50,000). */
  maxElemsToParse?: number;
  /** People extraction and data lookups (see buildReport); omitted → no people. */
  people?: PeopleLookups;
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
  return buildReport({
    url,
    signals,
    metadata,
    extracted,
    verdict: early ?? undefined,
    now,
    people: opts.people,
  });
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
