/** Synthetic report data shared by component and popup tests (shapes from lib/types.ts). */
import type { ArticleSummary, PageReport } from '@/lib/types';

export function makeArticle(over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    title: "Japan hopes for 'unwavering alliance' with US under Trump",
    authors: [],
    publishedTime: '2017-02-03T11:13:00+03:30',
    siteName: 'Press TV',
    publisher: { name: 'Press TV', url: 'https://www.presstv.ir' },
    canonicalUrl: 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump',
    lang: 'en',
    wordCount: 600,
    readingMinutes: 3,
    ...over,
  };
}

export function makeReport(over: Partial<PageReport> = {}): PageReport {
  return {
    url: 'http://127.0.0.1:8080/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump',
    urlKey: '127.0.0.1:8080/detail/2017/02/03/509465/japan-us-abe-mattis-trump',
    analysedAt: '2025-01-01T00:00:00.000Z',
    verdict: { isArticle: true, explanation: 'This page looks like a news article.' },
    article: makeArticle(),
    text: 'Body text.',
    content: '<p>Body text.</p>',
    outlet: null,
    people: [],
    sourcesCited: [],
    ...over,
  };
}

export function makeNotArticleReport(): PageReport {
  return makeReport({
    verdict: { isArticle: false, reason: 'login-page', explanation: 'This looks like a sign-in page.' },
    article: undefined,
    text: '',
    content: '',
  });
}
