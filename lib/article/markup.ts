/**
 * Article markup a page declares about itself: a JSON-LD Article-family node, `og:type` article,
 * a published-time meta tag (or JSON-LD `datePublished`, or a DOM date). Cheap enough for the
 * content script: a bounded read of the JSON-LD blocks and one pass over the meta tags.
 */
import { buildGraph, findArticleNode, parseJsonLdText, readJsonLdBlocks } from './jsonld';
import { firstMeta, readMetaTags } from './meta-tags';

/** Meta keys that carry a publication date. */
export const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'citation_publication_date',
  'dc.date',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
];

export interface ArticleMarkup {
  jsonLdArticle: boolean;
  ogArticle: boolean;
  /** `og:type`, lower-cased, when present. */
  ogType?: string;
  /** JSON-LD `datePublished`, a published-time meta tag, or a DOM date (`itemprop=datePublished`, `time[pubdate]`). */
  hasPublishedTime: boolean;
}

export interface MarkupLimits {
  /** Longest JSON-LD block read (longer ones are skipped). */
  maxBlockChars: number;
  /** Total JSON-LD text read over all blocks; a block that would exceed it is skipped. */
  maxTotalChars: number;
  /** Most JSON-LD blocks looked at. */
  maxBlocks: number;
}

/**
 * Tighter bounds for a read on a live page, where every millisecond is the reader's (the content
 * script currently leaves markup to the off-page pass). Without options the read is the full one
 * of lib/article/jsonld.ts (up to 1 MB per block, 50 blocks, every block parsed).
 */
export const IN_PAGE_MARKUP_LIMITS: MarkupLimits = {
  maxBlockChars: 200_000,
  maxTotalChars: 400_000,
  maxBlocks: 20,
};

/** Every Article-family type name contains one of these; blocks without any are not parsed. */
const ARTICLE_TYPE_HINT = /article|posting|report|apireference/i;

function isJsonLdScript(el: Element): boolean {
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return type.split(';')[0]?.trim() === 'application/ld+json';
}

/**
 * Parsed JSON-LD blocks. With `limits`: only blocks that could hold an Article node (their text
 * names an Article-family type), within the limits; without: every block (readJsonLdBlocks).
 */
export function readArticleJsonLd(doc: Document, limits?: MarkupLimits): unknown[] {
  if (!limits) return readJsonLdBlocks(doc);
  const values: unknown[] = [];
  const scripts = doc.getElementsByTagName('script');
  let spent = 0;
  let seen = 0;
  for (let i = 0; i < scripts.length && seen < limits.maxBlocks; i++) {
    const el = scripts[i];
    if (!el || !isJsonLdScript(el)) continue;
    seen++;
    const text = el.textContent ?? '';
    if (text.length > limits.maxBlockChars || spent + text.length > limits.maxTotalChars) continue;
    spent += text.length;
    if (!ARTICLE_TYPE_HINT.test(text)) continue;
    const value = parseJsonLdText(text);
    if (value !== undefined) values.push(value);
  }
  return values;
}

function hasDomDate(doc: Document): boolean {
  return doc.body?.querySelector('[itemprop~="datePublished"], time[pubdate]') != null;
}

/** Read the page's article markup (JSON-LD bounded by `limits` when given). Never throws. */
export function readArticleMarkup(doc: Document, limits?: MarkupLimits): ArticleMarkup {
  try {
    const article = findArticleNode(buildGraph(readArticleJsonLd(doc, limits)));
    const meta = readMetaTags(doc);
    const ogType = firstMeta(meta, ['og:type'])?.toLowerCase();
    const published =
      typeof article?.['datePublished'] === 'string' || firstMeta(meta, PUBLISHED_KEYS) !== undefined;
    const out: ArticleMarkup = {
      jsonLdArticle: article !== undefined,
      ogArticle: ogType === 'article' || ogType?.startsWith('article') === true,
      hasPublishedTime: published || hasDomDate(doc),
    };
    if (ogType !== undefined) out.ogType = ogType;
    return out;
  } catch {
    return { jsonLdArticle: false, ogArticle: false, hasPublishedTime: false };
  }
}
