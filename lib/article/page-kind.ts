/**
 * What kind of page this is when it is not an article: a front page, a section/tag listing, search
 * results, a sign-in form or a video page. Pure rules over facts gathered by `collectSignals`, so
 * each rule is testable without a DOM.
 */
import type { DetectionSignals } from '../types';

/** Cheap facts about a page, gathered in one pass. */
export interface PageFacts {
  url: string;
  /** Characters of `<p>` text in paragraphs longer than 80 characters. */
  paragraphTextLength: number;
  /** Anchors whose text reads like a headline (at least 4 words). */
  teaserLinks: number;
  linkDensity: number;
  hasPassword: boolean;
  /** A form whose action or markup says sign-in / log-in. */
  hasLoginForm: boolean;
  hasSearchUi: boolean;
  hasVideo: boolean;
  ogType?: string;
  /** JSON-LD Article, or og:type article with a published time. */
  articleEvidence: boolean;
}

type PageKind = DetectionSignals['pageKind'];

const SECTION_PATH =
  /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:section|sections|category|categories|topic|topics|tag|tags|author|authors|hub|subject|series)(?:\/|$)/i;
const SEARCH_PATH = /\/(?:search|suche|recherche|buscar|busca|find)(?:\/|$|\.)/i;
const SEARCH_PARAMS = ['q', 's', 'query', 'search', 'keyword', 'keywords', 'text'];
const LOGIN_PATH =
  /\/(?:login|log-in|signin|sign-in|sign_in|signup|sign-up|register|auth|sso|account\/login|subscribe\/login)(?:\/|$|\.)/i;
const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/?)?(?:index\.\w{2,5}|home|default\.\w{2,5})?\/?$/i;

/** Enough headline links for a listing page (front page or section). */
const LISTING_TEASERS = 15;
/** A page with this much paragraph prose is read as content, whatever its furniture. */
const PROSE = 1_500;

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function isSearchUrl(url: URL): boolean {
  if (SEARCH_PATH.test(url.pathname)) return true;
  return SEARCH_PARAMS.some((p) => (url.searchParams.get(p) ?? '').trim() !== '');
}

function isLogin(f: PageFacts, url: URL | undefined): boolean {
  const loginPath = url !== undefined && LOGIN_PATH.test(url.pathname);
  if (f.hasPassword && (loginPath || f.paragraphTextLength < PROSE)) return true;
  return (loginPath || f.hasLoginForm) && f.paragraphTextLength < 500 && !f.articleEvidence;
}

function isVideo(f: PageFacts): boolean {
  if (f.ogType?.startsWith('video')) return f.paragraphTextLength < PROSE;
  return f.hasVideo && f.paragraphTextLength < 500;
}

function isListing(f: PageFacts): boolean {
  return f.teaserLinks >= LISTING_TEASERS && f.paragraphTextLength < f.teaserLinks * 60;
}

/** Classify a page's shape from its facts (first matching rule wins). */
export function pageKindOf(f: PageFacts): PageKind {
  const url = parseUrl(f.url);
  if (isLogin(f, url)) return 'login';
  if (url && isSearchUrl(url) && (f.teaserLinks >= 5 || f.hasSearchUi) && f.paragraphTextLength < PROSE * 2)
    return 'search';
  if (isVideo(f)) return 'video';
  if (url && HOME_PATH.test(url.pathname) && !f.articleEvidence && (isListing(f) || f.linkDensity > 0.5))
    return 'home';
  if (url && SECTION_PATH.test(url.pathname) && !f.articleEvidence && isListing(f)) return 'section';
  if (!f.articleEvidence && isListing(f) && f.linkDensity > 0.5)
    return url && HOME_PATH.test(url.pathname) ? 'home' : 'section';
  return 'other';
}
