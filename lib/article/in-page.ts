/**
 * The in-page side of detection: how the content script's cheap signals stand in for the full
 * set when nothing else was measured (pages the precheck refused, failed off-page analyses).
 */
import type { DetectionSignals, InPageSignals } from '../types';

/** Full signals from the in-page ones when the body was never measured (neutral body fields). */
export function signalsFromInPage(url: string, s: InPageSignals): DetectionSignals {
  return {
    url,
    readerable: s.readerable,
    // Markup is read off the page; when that never happened, nothing is known of it.
    jsonLdArticle: false,
    ogArticle: false,
    hasPublishedTime: false,
    elementCount: s.elementCount,
    paragraphTextLength: 0,
    linkDensity: 0,
    pageKind: 'other',
  };
}
