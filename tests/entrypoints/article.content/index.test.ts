import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '@/entrypoints/article.content/index';

const para =
  '<p>Officials in Tokyo said on Friday that the alliance remained, in their words, the cornerstone of regional security, and that talks would continue next month.</p>';

function answer(reply: (msg: { type: string; data: unknown }) => unknown) {
  const received: { type: string; data: Record<string, unknown> }[] = [];
  fakeBrowser.runtime.onMessage.addListener(((
    msg: never,
    _s: unknown,
    sendResponse: (r: unknown) => void,
  ) => {
    // Highlight messages follow an accepted pass (annotate.ts): answered, not counted here.
    if ((msg as { type: string }).type === 'listHighlights') {
      sendResponse({ ok: true, value: [] });
      return true;
    }
    received.push(msg);
    Promise.resolve()
      .then(() => reply(msg))
      .then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String(e) }));
    return true;
  }) as never);
  return received;
}

beforeEach(() => {
  document.documentElement.innerHTML = `<head><title>Japan, US reaffirm alliance</title>
    <meta property="og:type" content="article"></head>
    <body><article><h1>Japan, US reaffirm alliance</h1>${para.repeat(15)}</article></body>`;
  delete (globalThis as { __mastheadArticle?: unknown }).__mastheadArticle;
});
afterEach(() => vi.useRealTimers());

describe('article content script', () => {
  it('declares the news hosts, document_idle, and no test host in a normal build', () => {
    expect(contentScript.runAt).toBe('document_idle');
    expect(contentScript.matches).toContain('*://*.presstv.ir/*');
    expect(contentScript.matches).not.toContain('http://127.0.0.1/*');
  });

  it('sends pageAnalysed once and leaves no page-visible marks outside the e2e build', async () => {
    const received = answer(() => ({ ok: true, value: { isArticle: true } }));
    const ctx = new ContentScriptContext('article');
    contentScript.main(ctx);
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 3000 });
    expect(received[0]).toMatchObject({ masthead: 1, type: 'pageAnalysed' });
    expect(received[0]?.data.url).toBe(location.href);
    // jsdom has no layout (offsetWidth 0): not readerable in the page; the serialised HTML goes
    // off the page all the same, where its og:type article and text are judged.
    expect(received[0]?.data).toMatchObject({
      title: 'Japan, US reaffirm alliance',
      inPage: { readerable: false },
      html: expect.stringContaining('<article><h1>Japan, US reaffirm alliance</h1>'),
    });
    expect(received[0]?.data).not.toHaveProperty('metadata');
    expect(document.documentElement.dataset.mastheadStatus).toBeUndefined();
    expect(document.documentElement.dataset.mastheadPerf).toBeUndefined();
    ctx.abort();
  });

  it('a second injection supersedes the first: one send each, no interleaving', async () => {
    const received = answer(() => ({ ok: true, value: { isArticle: true } }));
    const first = new ContentScriptContext('article');
    contentScript.main(first);
    const second = new ContentScriptContext('article'); // WXT invalidates `first` here
    contentScript.main(second);
    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(1), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(1);
    expect(first.isInvalid).toBe(true);
    second.abort();
  });

  it('goes quiet when the extension context is invalidated', async () => {
    const received = answer(() => {
      throw new Error('Extension context invalidated.');
    });
    const ctx = new ContentScriptContext('article');
    contentScript.main(ctx);
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 3000 });
    await vi.waitFor(() => expect(ctx.isInvalid).toBe(true));
  });
});
