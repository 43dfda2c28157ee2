// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { signalsFromInPage } from '../../../lib/article/in-page';
import { IN_PAGE_MARKUP_LIMITS, readArticleJsonLd, readArticleMarkup } from '../../../lib/article/markup';
import { page } from './helpers';

const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
const article = ld('{"@type":"NewsArticle","headline":"H","datePublished":"2024-01-02"}');

describe('readArticleMarkup', () => {
  it.each([
    [
      'JSON-LD article with a date',
      article,
      { jsonLdArticle: true, ogArticle: false, hasPublishedTime: true },
    ],
    [
      'og:type article, no date',
      '<meta property="og:type" content="article">',
      { jsonLdArticle: false, ogArticle: true, hasPublishedTime: false, ogType: 'article' },
    ],
    [
      'published-time meta only',
      '<meta property="article:published_time" content="2024-01-02">',
      { jsonLdArticle: false, ogArticle: false, hasPublishedTime: true },
    ],
    [
      'a website',
      `${ld('{"@type":"WebSite","name":"S"}')}<meta property="og:type" content="website">`,
      { jsonLdArticle: false, ogArticle: false, hasPublishedTime: false, ogType: 'website' },
    ],
    [
      '@graph with an IRI type, CDATA wrapped',
      ld('//<![CDATA[\n{"@graph":[{"@type":"http://schema.org/BlogPosting","headline":"H"}]}\n//]]>'),
      { jsonLdArticle: true, hasPublishedTime: false },
    ],
  ])('%s', (_n, head, expected) => {
    const doc = page('<p>x</p>', head);
    expect(readArticleMarkup(doc, IN_PAGE_MARKUP_LIMITS)).toMatchObject(expected);
    expect(readArticleMarkup(doc)).toMatchObject(expected);
  });

  it('finds a DOM date in the body', () => {
    const doc = page('<time pubdate datetime="2024-01-02">Jan 2</time>');
    expect(readArticleMarkup(doc, IN_PAGE_MARKUP_LIMITS).hasPublishedTime).toBe(true);
  });

  it('the in-page read is bounded: oversized blocks and blocks past the total are skipped', () => {
    const big = ld(
      `{"@type":"NewsArticle","headline":"H","x":"${'a'.repeat(IN_PAGE_MARKUP_LIMITS.maxBlockChars)}"}`,
    );
    const doc = page('<p>x</p>', big);
    expect(readArticleMarkup(doc, IN_PAGE_MARKUP_LIMITS).jsonLdArticle).toBe(false);
    expect(readArticleMarkup(doc).jsonLdArticle).toBe(true); // the off-page read takes up to 1 MB

    // Two blocks of exactly the per-block cap spend the whole total: the article block is not read.
    const open = '{"@type":"Organization","x":"';
    const fill = 'b'.repeat(IN_PAGE_MARKUP_LIMITS.maxBlockChars - open.length - 2);
    const filler = ld(`${open}${fill}"}`);
    expect(2 * IN_PAGE_MARKUP_LIMITS.maxBlockChars).toBe(IN_PAGE_MARKUP_LIMITS.maxTotalChars);
    const many = page('<p>x</p>', filler.repeat(2) + article);
    expect(readArticleMarkup(many, IN_PAGE_MARKUP_LIMITS).jsonLdArticle).toBe(false);
    expect(readArticleMarkup(many).jsonLdArticle).toBe(true);
  });

  it('does not parse blocks that cannot name an Article type', () => {
    const doc = page('<p>x</p>', ld('{"@type":"Organization","name":"O"}') + article);
    expect(readArticleJsonLd(doc, IN_PAGE_MARKUP_LIMITS)).toEqual([
      { '@type': 'NewsArticle', headline: 'H', datePublished: '2024-01-02' },
    ]);
    expect(readArticleJsonLd(doc)).toHaveLength(2);
  });
});

describe('in-page signals', () => {
  const none = {
    readerable: false,
    jsonLdArticle: false,
    ogArticle: false,
    hasPublishedTime: false,
    elementCount: 9,
  };
  it('signalsFromInPage fills the body fields neutrally', () => {
    expect(signalsFromInPage('https://a.example/', { ...none, readerable: true })).toEqual({
      url: 'https://a.example/',
      readerable: true,
      jsonLdArticle: false,
      ogArticle: false,
      hasPublishedTime: false,
      elementCount: 9,
      paragraphTextLength: 0,
      linkDensity: 0,
      pageKind: 'other',
    });
  });
});
