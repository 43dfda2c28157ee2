import { describe, expect, it, vi } from 'vitest';
import {
  createExtractor,
  createOffscreenExtractor,
  OFFSCREEN_PATH,
  type OffscreenApi,
} from '@/entrypoints/background/extractor';
import { analysis, extracted } from '../../lib/platform/fixtures';

function fakeChrome(opts: { useGetContexts?: boolean; listenerDelayCalls?: number } = {}) {
  let exists = false;
  let notReady = opts.listenerDelayCalls ?? 0;
  const created: unknown[] = [];
  const sent: unknown[] = [];
  const api: OffscreenApi = {
    runtime: {
      getURL: (p) => `chrome-extension://id${p}`,
      sendMessage: vi.fn(async (msg: unknown) => {
        sent.push(msg);
        if (notReady-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, value: analysis() };
      }),
      ...(opts.useGetContexts !== false && {
        getContexts: vi.fn(async () => (exists ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [])),
      }),
    },
    offscreen: {
      createDocument: vi.fn(async (p) => {
        await new Promise((r) => setTimeout(r, 5));
        if (exists) throw new Error('Only a single offscreen document may be created.');
        exists = true;
        created.push(p);
      }),
      hasDocument: vi.fn(async () => exists),
    },
  };
  return { api, created, sent };
}

describe('offscreen extractor (Chrome)', () => {
  it('creates the document once, with the DOM_PARSER reason, even under concurrent calls', async () => {
    const { api, created, sent } = fakeChrome();
    const extract = createOffscreenExtractor(api);
    const results = await Promise.all([
      extract('<p>a</p>', 'https://a.example/1'),
      extract('<p>b</p>', 'https://a.example/2'),
    ]);
    expect(results.every((r) => r.extracted?.title === extracted().title)).toBe(true);
    expect(created).toEqual([
      {
        url: `chrome-extension://id${OFFSCREEN_PATH}`,
        reasons: ['DOM_PARSER'],
        justification: 'Parse article HTML with Readability off the page main thread',
      },
    ]);
    expect(sent[0]).toEqual({
      masthead: 1,
      type: 'extractHtml',
      data: { html: '<p>a</p>', url: 'https://a.example/1' },
    });
    await extract('<p>c</p>', 'https://a.example/3'); // reuses
    expect(created).toHaveLength(1);
  });

  it('falls back to offscreen.hasDocument without runtime.getContexts', async () => {
    const { api, created } = fakeChrome({ useGetContexts: false });
    const extract = createOffscreenExtractor(api);
    await extract('<p>a</p>', 'https://a.example/');
    await extract('<p>a</p>', 'https://a.example/');
    expect(created).toHaveLength(1);
  });

  it('retries while the freshly created document attaches its listener', async () => {
    const { api } = fakeChrome({ listenerDelayCalls: 2 });
    expect(await createOffscreenExtractor(api)('<p>a</p>', 'https://a.example/')).toMatchObject({
      extracted: { title: extracted().title },
    });
  });

  it('fails with the offscreen error, and times out a hung parse', async () => {
    const { api } = fakeChrome();
    api.runtime.sendMessage = async () => ({ ok: false, error: 'extractHtml: boom' });
    await expect(createOffscreenExtractor(api)('<p/>', 'https://a.example/')).rejects.toThrow(
      'extractHtml: boom',
    );
    api.runtime.sendMessage = () => new Promise(() => {});
    await expect(
      createOffscreenExtractor(api, { timeoutMs: 30 })('<p/>', 'https://a.example/'),
    ).rejects.toThrow(/timed out/);
  });
});

describe('createExtractor', () => {
  it('analyses locally when the background has a DOM (Firefox)', async () => {
    const { api } = fakeChrome();
    const analyse = createExtractor({ win: window, offscreen: api });
    const html = `<html><head><title>T</title><meta property="og:type" content="article"></head><body><article><h1>Title</h1>${'<p>Some article text that goes on for a while, with commas, and more words to read.</p>'.repeat(30)}</article></body></html>`;
    const result = await analyse(html, 'https://a.example/story');
    expect(api.offscreen.createDocument).not.toHaveBeenCalled();
    expect(api.runtime.sendMessage).not.toHaveBeenCalled();
    expect(result.extracted?.text).toContain('Some article text');
    expect(result.metadata.title).toBe('T');
    expect(result.signals).toMatchObject({
      url: 'https://a.example/story',
      ogArticle: true,
      readerable: true,
    });
  });

  it('uses the offscreen document without a DOM, and errors without either', async () => {
    const { api } = fakeChrome();
    await createExtractor({ offscreen: api })('<p/>', 'https://a.example/');
    expect(api.offscreen.createDocument).toHaveBeenCalled();
    await expect(createExtractor({})('<p/>', 'https://a.example/')).rejects.toThrow(/No HTML parser/);
  });
});
