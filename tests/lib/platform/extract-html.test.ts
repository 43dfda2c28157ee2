// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract';
import { MAX_ARRAY_ITEMS, validateOffPageAnalysis } from '@/lib/protocol-validate';
import { analyseHtml, setBaseUrl } from '@/lib/platform/extract-html';

const para =
  '<p>Officials in Tokyo said on Friday that the alliance remained, in their words, the cornerstone of regional security, and that talks would continue.</p>';
const page = (head = '', body = '') =>
  `<!DOCTYPE html><html lang="en"><head><title>Story</title>${head}</head><body><article><h1>Story</h1>${para.repeat(12)}${body}</article></body></html>`;

const newsHead = `<meta property="og:type" content="article"><meta property="og:site_name" content="News Example">
<meta name="author" content="Jane Doe"><link rel="canonical" href="/world/story">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Story","datePublished":"2024-05-01T08:00:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script>`;

describe('analyseHtml', () => {
  it('one parse: metadata, signals and the sanitised extraction of a real page', () => {
    const html = page(
      newsHead,
      '<p>See <a href="/related/1">related</a> and <img src="img/a.jpg" onerror="alert(1)"><script>alert(2)</script></p>',
    );
    const out = analyseHtml(html, 'https://news.example/world/story.html', window);

    expect(out.metadata).toMatchObject({
      title: 'Story',
      siteName: 'News Example',
      authors: ['Jane Doe'],
      publishedTime: '2024-05-01T08:00:00Z',
      canonicalUrl: 'https://news.example/world/story',
      lang: 'en',
    });
    expect(out.signals).toMatchObject({
      url: 'https://news.example/world/story.html',
      readerable: true,
      jsonLdArticle: true,
      ogArticle: true,
      hasPublishedTime: true,
      pageKind: 'other',
    });
    expect(out.signals.paragraphTextLength).toBeGreaterThan(1_500);
    expect(out.signals.elementCount).toBeGreaterThan(20);

    expect(out.extracted?.text).toContain('cornerstone of regional security');
    expect(out.extracted?.content).toContain('https://news.example/related/1');
    expect(out.extracted?.content).toContain('https://news.example/world/img/a.jpg');
    expect(out.extracted?.content).not.toMatch(/onerror|<script|chrome-extension:/i);
  });

  it("no layout off the page: only a node's own hidden/display/aria-hidden hides it", () => {
    const own = analyseHtml(
      `<html><head><title>T</title></head><body>${para.replace('<p>', '<p hidden>').repeat(12)}</body></html>`,
      'https://news.example/a',
      window,
    );
    expect(own.signals.readerable).toBe(false);
    // Text in a hidden container still counts here; the page's layout-aware answer replaces this.
    const container = analyseHtml(
      `<html><head><title>T</title></head><body><div hidden>${para.repeat(12)}</div></body></html>`,
      'https://news.example/a',
      window,
    );
    expect(container.signals.readerable).toBe(true);
  });

  it('a non-article page: signals say so, nothing readable extracted', () => {
    const links = Array.from(
      { length: 60 },
      (_, i) => `<li><a href="/s/${i}">Story number ${i} about the news of the day</a></li>`,
    ).join('');
    const out = analyseHtml(
      `<html><head><title>Front page</title></head><body><ul>${links}</ul></body></html>`,
      'https://news.example/',
      window,
    );
    expect(out.metadata.title).toBe('Front page');
    expect(out.signals.linkDensity).toBeGreaterThan(0.65);
    expect(out.signals.pageKind).not.toBe('other');
  });

  it('an odd page still gives an analysis the service worker accepts (caps applied)', () => {
    const keywords = Array.from({ length: 500 }, (_, k) => `k${k}`).join(',');
    const out = analyseHtml(
      page(
        `<meta name="keywords" content="${keywords}"><meta name="description" content="${'d'.repeat(50_000)}">`,
      ),
      'https://news.example/a',
      window,
    );
    expect(out.metadata.keywords.length).toBeLessThanOrEqual(MAX_ARRAY_ITEMS);
    expect(validateOffPageAnalysis(out)).toEqual({ ok: true, value: out });
  });

  it('extractArticle leaves the document it reads untouched (metadata and signals may read it before)', () => {
    const doc = new DOMParser().parseFromString(page(newsHead), 'text/html');
    const before = doc.documentElement.outerHTML;
    expect(extractArticle(doc, { url: 'https://news.example/a', sanitize: (s) => s })).not.toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('honours the page own relative <base>, ignores a non-http one', () => {
    const doc = new DOMParser().parseFromString(page('<base href="/mirror/">'), 'text/html');
    setBaseUrl(doc, 'https://news.example/a/b');
    expect(doc.querySelectorAll('base')).toHaveLength(1);
    expect(doc.baseURI).toBe('https://news.example/mirror/');
    const evil = new DOMParser().parseFromString(page('<base href="javascript:alert(1)//">'), 'text/html');
    setBaseUrl(evil, 'https://news.example/a/b');
    expect(evil.baseURI).toBe('https://news.example/a/b');
  });

  it('junk HTML still gives an analysis, with nothing extracted', () => {
    for (const junk of ['', '<frameset></frameset>']) {
      const out = analyseHtml(junk, 'https://a.example/', window);
      expect(out.extracted).toBeNull();
      expect(out.signals.readerable).toBe(false);
      expect(out.metadata.authors).toEqual([]);
    }
  });
});
