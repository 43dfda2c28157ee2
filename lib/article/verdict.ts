/**
 * Verdicts and the one plain sentence each shows to readers in the popup.
 */
import type { ArticleVerdict, NotArticleReason } from '../types';

const EXPLANATIONS: Record<NotArticleReason, string> = {
  'no-body': 'This page has no readable body.',
  frameset: 'This page is built from frames, which Masthead does not read.',
  'too-large': 'This page is too large to analyse safely.',
  'not-html': 'This is not a web page Masthead can read (it is not HTML).',
  'home-page': 'This looks like a front page listing many stories, not an article.',
  'section-page': 'This looks like a section or topic page listing stories, not an article.',
  'search-page': 'This looks like a page of search results, not an article.',
  'login-page': 'This looks like a sign-in page, not an article.',
  'video-page': 'This looks like a video page without an article to read.',
  'not-readerable': 'This page does not look like an article.',
  'too-short': 'This page has too little text to be read as an article.',
  'extraction-failed': 'This looks like an article, but its text could not be extracted.',
  error: 'Something went wrong while reading this page.',
};

/** The explanation used when a page is an article. */
export const ARTICLE_EXPLANATION = 'This looks like an article.';

/** A "not an article" verdict with its standard sentence (or a more specific one). */
export function notArticle(reason: NotArticleReason, explanation?: string): ArticleVerdict {
  return { isArticle: false, reason, explanation: explanation ?? EXPLANATIONS[reason] };
}

/** The verdict for an article. */
export function isArticleVerdict(explanation = ARTICLE_EXPLANATION): ArticleVerdict {
  return { isArticle: true, explanation };
}
