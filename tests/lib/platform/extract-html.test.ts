// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractFromHtml, setBaseUrl } from '@/lib/platform/extract-html';

const para =
  '<p>Officials in Tokyo said on Friday that the alliance remained, in their words, the cornerstone of regional security, and that talks would continue.</p>';
const page = (head = '', body = '') =>
  `<!DOCTYPE html><html lang="en"><head><title>Story</title>${head}</head><body><article><h1>Story</h1>${para.repeat(12)}${body}</article></body></html>`;

describe('extractFromHtml', () => {
  it('extracts and sanitises, resolving relative links against the page URL', () => {
    const html = page(
      '',
      '<p>See <a href="/related/1">related</a> and <img src="img/a.jpg" onerror="alert(1)"><script>alert(2)</script></p>',
    );
    const out = extractFromHtml(html, 'https://news.example/world/story.html', window);
    expect(out).not.toBeNull();
    expect(out?.content).toContain('https://news.example/related/1');
    expect(out?.content).toContain('https://news.example/world/img/a.jpg');
    expect(out?.content).not.toMatch(/onerror|<script|chrome-extension:/i);
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

  it('returns null (never throws) on junk', () => {
    expect(extractFromHtml('', 'https://a.example/', window)).toBeNull();
    expect(extractFromHtml('<frameset></frameset>', 'https://a.example/', window)).toBeNull();
  });
});
