import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkSender,
  createMessageListener,
  INTERRUPTED,
  isContextInvalidated,
  registerHandlers,
  sendMessage,
  type Handlers,
  type Sender,
} from '@/lib/platform/messages';
import { DELETE_ALL_CONFIRM, type MessageType } from '@/lib/protocol';
import { validateMessage } from '@/lib/protocol-validate';
import { ok } from '@/lib/types';
import {
  analysis,
  backgroundSender,
  candidatePayload,
  contentScriptSender,
  extensionPageSender,
  ORIGIN,
  RUNTIME_ID,
} from './fixtures';

const env = { runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN };
const webPageSender = (): Sender => ({ url: 'https://evil.example/', origin: 'https://evil.example' });

describe('checkSender', () => {
  const popupInTab = extensionPageSender({
    tab: { id: 3, url: `${ORIGIN}popup.html?tabId=7` } as Sender['tab'],
  });
  const framedExtensionPage = extensionPageSender({
    tab: { id: 3, url: 'https://evil.example/' } as Sender['tab'],
  });
  const cases: [string, MessageType, Sender, boolean][] = [
    ['content script → pageAnalysed', 'pageAnalysed', contentScriptSender(), true],
    [
      'content script sub-frame → pageAnalysed',
      'pageAnalysed',
      contentScriptSender(7, { frameId: 2 }),
      false,
    ],
    ['popup → pageAnalysed', 'pageAnalysed', extensionPageSender(), false],
    ['other extension → pageAnalysed', 'pageAnalysed', contentScriptSender(7, { id: 'other' }), false],
    ['web page (no id) → pageAnalysed', 'pageAnalysed', webPageSender(), false],
    ['popup → getPageReport', 'getPageReport', extensionPageSender(), true],
    ['popup as tab → getPageReport', 'getPageReport', popupInTab, true],
    ['extension frame in web page → getPageReport', 'getPageReport', framedExtensionPage, false],
    ['content script → getPageReport', 'getPageReport', contentScriptSender(), false],
    ['content script → setAllSites', 'setAllSites', contentScriptSender(), false],
    ['content script → analyzeTab', 'analyzeTab', contentScriptSender(), false],
    ['options → setAllSites', 'setAllSites', extensionPageSender({ url: `${ORIGIN}options.html` }), true],
    ['web page → setAllSites', 'setAllSites', webPageSender(), false],
    ['popup → lookupOutlet', 'lookupOutlet', extensionPageSender(), true],
    ['content script → lookupOutlet', 'lookupOutlet', contentScriptSender(), false],
    ['web page → lookupOutlet', 'lookupOutlet', webPageSender(), false],
    ['content script → personSummary', 'personSummary', contentScriptSender(), true],
    ['popup → personSummary (no tab)', 'personSummary', extensionPageSender(), false],
    ['web page → personSummary', 'personSummary', webPageSender(), false],
    ['popup → tabPersonSummary', 'tabPersonSummary', extensionPageSender(), true],
    ['content script → tabPersonSummary', 'tabPersonSummary', contentScriptSender(), false],
    ['popup → getRelated', 'getRelated', extensionPageSender(), true],
    ['content script → getRelated', 'getRelated', contentScriptSender(), false],
    ['popup → findMoreCoverage', 'findMoreCoverage', extensionPageSender(), true],
    ['content script → findMoreCoverage', 'findMoreCoverage', contentScriptSender(), false],
    ['web page → findMoreCoverage', 'findMoreCoverage', webPageSender(), false],
    ['options → setFeeds', 'setFeeds', extensionPageSender({ url: `${ORIGIN}options.html` }), true],
    ['content script → setFeeds', 'setFeeds', contentScriptSender(), false],
    ['content script → pollFeeds', 'pollFeeds', contentScriptSender(), false],
    ['extension frame in web page → pollFeeds', 'pollFeeds', framedExtensionPage, false],
    ['other extension page → setAllSites', 'setAllSites', extensionPageSender({ id: 'x' }), false],
    ['options → deleteAllData', 'deleteAllData', extensionPageSender({ url: `${ORIGIN}options.html` }), true],
    ['content script → deleteAllData', 'deleteAllData', contentScriptSender(), false],
    ['web page → deleteAllData', 'deleteAllData', webPageSender(), false],
    ['extension frame in web page → deleteAllData', 'deleteAllData', framedExtensionPage, false],
    ['other extension page → deleteAllData', 'deleteAllData', extensionPageSender({ id: 'x' }), false],
    ['background → extractHtml', 'extractHtml', backgroundSender(), true],
    ['content script → extractHtml', 'extractHtml', contentScriptSender(), false],
    ['web page → extractHtml', 'extractHtml', webPageSender(), false],
    // The popup's list of the page's highlights (answered by the content script).
    ['popup → pageHighlights', 'pageHighlights', extensionPageSender(), true],
    ['popup → editPageHighlight', 'editPageHighlight', extensionPageSender(), true],
    ['content script → editPageHighlight', 'editPageHighlight', contentScriptSender(), false],
    ['web page → showHighlight', 'showHighlight', webPageSender(), false],
    ['extension frame in web page → editPageHighlight', 'editPageHighlight', framedExtensionPage, false],
  ];
  it.each(cases)('%s → allowed=%s', (_n, type, sender, allowed) => {
    expect(checkSender(type, sender, env) === null).toBe(allowed);
  });
});

/** Call a listener like the browser would and collect its answer (undefined = did not answer). */
async function deliver(
  listener: ReturnType<typeof createMessageListener>,
  msg: unknown,
  sender: Sender,
): Promise<unknown> {
  let resolve!: (v: unknown) => void;
  const answered = new Promise((r) => (resolve = r));
  const kept = listener(msg, sender, resolve);
  if (kept !== true) return undefined;
  return answered;
}

function spyHandlers() {
  const calls: string[] = [];
  const handlers: Handlers = {
    pageAnalysed: async (_d, s) => {
      calls.push(`pageAnalysed:${s.tab?.id}`);
      return ok({ isArticle: true });
    },
    getPageReport: async () => {
      calls.push('getPageReport');
      return ok(null);
    },
    setAllSites: async (d) => {
      calls.push('setAllSites');
      return ok({ enabled: d.enabled });
    },
    extractHtml: async () => {
      calls.push('extractHtml');
      return ok(analysis());
    },
    deleteAllData: async () => {
      calls.push('deleteAllData');
      return ok({ tables: [], rows: 0, storageAreas: [] });
    },
  };
  return { calls, handlers };
}

describe('createMessageListener', () => {
  const bg = () => {
    const s = spyHandlers();
    return { ...s, listener: createMessageListener(s.handlers, { role: 'background', env: () => env }) };
  };

  it('does not answer messages that are not Masthead envelopes', async () => {
    const { listener, calls } = bg();
    for (const msg of [undefined, null, 'hi', { type: 'getPageReport' }, { masthead: '1' }]) {
      expect(listener(msg, extensionPageSender(), () => {})).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });

  it('answers a valid request from an allowed sender', async () => {
    const { listener, calls } = bg();
    const reply = await deliver(
      listener,
      { masthead: 1, type: 'getPageReport', data: { tabId: 1 } },
      extensionPageSender(),
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['getPageReport']);
  });

  it('runs deleteAllData for the options page with the confirmation token', async () => {
    const { listener, calls } = bg();
    const msg = { masthead: 1, type: 'deleteAllData', data: { confirm: DELETE_ALL_CONFIRM } };
    const reply = await deliver(listener, msg, extensionPageSender({ url: `${ORIGIN}options.html` }));
    expect(reply).toMatchObject({ ok: true });
    expect(calls).toEqual(['deleteAllData']);
  });

  it('uses sender.tab for pageAnalysed, whatever the payload says', async () => {
    const { listener, calls } = bg();
    const msg = { masthead: 1, type: 'pageAnalysed', data: { ...candidatePayload(), tabId: 99 } };
    await deliver(listener, msg, contentScriptSender(7));
    expect(calls).toEqual(['pageAnalysed:7']);
  });

  it.each([
    ['content script asks for a report', 'getPageReport', { tabId: 1 }, contentScriptSender()],
    ['content script flips all-sites', 'setAllSites', { enabled: true }, contentScriptSender()],
    ['web page flips all-sites', 'setAllSites', { enabled: true }, webPageSender()],
    [
      'content script deletes everything',
      'deleteAllData',
      { confirm: DELETE_ALL_CONFIRM },
      contentScriptSender(),
    ],
    ['web page deletes everything', 'deleteAllData', { confirm: DELETE_ALL_CONFIRM }, webPageSender()],
    ['options page without confirmation', 'deleteAllData', {}, extensionPageSender()],
    ['unknown type', 'wipe', {}, extensionPageSender()],
    ['invalid payload', 'getPageReport', { tabId: -5 }, extensionPageSender()],
  ])('rejects: %s → {ok:false}, no handler runs', async (_n, type, data, sender) => {
    const { listener, calls } = bg();
    const reply = await deliver(listener, { masthead: 1, type, data }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
    expect(calls).toEqual([]);
  });

  it('turns a throwing handler into {ok:false}', async () => {
    const listener = createMessageListener(
      {
        getPageReport: async () => {
          throw new Error('disk on fire');
        },
      },
      { role: 'background', env: () => env },
    );
    const reply = await deliver(
      listener,
      { masthead: 1, type: 'getPageReport', data: { tabId: 1 } },
      extensionPageSender(),
    );
    expect(reply).toEqual({ ok: false, error: 'getPageReport: disk on fire' });
  });

  it('offscreen role answers only extractHtml from the background and ignores the rest', async () => {
    const s = spyHandlers();
    const listener = createMessageListener(s.handlers, { role: 'offscreen', env: () => env });
    const extract = {
      masthead: 1,
      type: 'extractHtml',
      data: { html: '<p>x</p>', url: 'https://a.example/' },
    };
    expect(await deliver(listener, extract, backgroundSender())).toEqual({ ok: true, value: analysis() });
    // Content-script traffic reaches the offscreen document too: it must stay silent.
    expect(
      listener(
        { masthead: 1, type: 'pageAnalysed', data: candidatePayload() },
        contentScriptSender(),
        () => {},
      ),
    ).toBeUndefined();
    expect(
      listener({ masthead: 1, type: 'wipe', data: {} }, contentScriptSender(), () => {}),
    ).toBeUndefined();
    expect(await deliver(listener, extract, contentScriptSender())).toMatchObject({ ok: false });
    expect(s.calls).toEqual(['extractHtml']);
  });

  it('background role leaves extractHtml to the offscreen document', () => {
    const { listener } = bg();
    const msg = { masthead: 1, type: 'extractHtml', data: { html: '', url: 'https://a.example/' } };
    expect(listener(msg, backgroundSender(), () => {})).toBeUndefined();
  });

  it('fuzz: random messages from realistic senders never throw and never reach a handler (fast-check)', async () => {
    const { listener, calls } = bg();
    const senders = [
      contentScriptSender(),
      extensionPageSender(),
      backgroundSender(),
      webPageSender(),
      {} as Sender,
    ];
    const anyMsg = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      fc.record({
        masthead: fc.constant(1),
        type: fc.constantFrom(
          'pageAnalysed',
          'getPageReport',
          'analyzeTab',
          'setAllSites',
          'extractHtml',
          'lookupOutlet',
          'x',
        ),
        data: fc.anything(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(anyMsg, fc.constantFrom(...senders), async (msg, sender) => {
        const before = calls.length;
        const reply = await deliver(listener, msg, sender);
        if (reply !== undefined) expect(reply).toMatchObject({ ok: expect.any(Boolean) });
        // A handler (the only thing that writes) runs only for a valid message from an allowed sender.
        if (calls.length > before) {
          const v = validateMessage(msg);
          expect(v.ok && checkSender(v.value.type, sender, env)).toBe(null);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('sendMessage when the background stops mid-request', () => {
  it.each([
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    'The message port closed before a response was received.',
    'Message manager disconnected',
  ])('turns "%s" into a plain retry message', async (raw) => {
    const stopped = { sendMessage: vi.fn(async () => Promise.reject(new Error(raw))) };
    expect(await sendMessage('savePage', { tabId: 1 }, stopped)).toEqual({ ok: false, error: INTERRUPTED });
  });

  it('keeps other errors as they are', async () => {
    const missing = {
      sendMessage: vi.fn(async () =>
        Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      ),
    };
    expect(await sendMessage('savePage', { tabId: 1 }, missing)).toEqual({
      ok: false,
      error: 'Could not establish connection. Receiving end does not exist.',
    });
  });
});

describe('sendMessage + registerHandlers under fakeBrowser', () => {
  it('round-trips a reply through browser.runtime', async () => {
    const { handlers } = spyHandlers();
    const listener = createMessageListener(handlers, { role: 'background' });
    // fakeBrowser sends with an empty sender; stand in for the browser's sender stamping.
    fakeBrowser.runtime.onMessage.addListener((msg: unknown, _s: unknown, sr: (r?: unknown) => void) =>
      listener(
        msg,
        extensionPageSender({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }),
        sr,
      ),
    );
    expect(await sendMessage('setAllSites', { enabled: false })).toEqual({
      ok: true,
      value: { enabled: false },
    });
  });

  it('registerHandlers rejects the empty sender fakeBrowser stamps (no id)', async () => {
    const { handlers, calls } = spyHandlers();
    const off = registerHandlers(handlers, { role: 'background' });
    const reply = await sendMessage('getPageReport', { tabId: 1 });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/sender/) });
    expect(calls).toEqual([]);
    off();
  });

  it('never throws: no listener, undefined reply, thrown errors', async () => {
    expect(await sendMessage('getPageReport', { tabId: 1 })).toMatchObject({ ok: false });
    const silent = { sendMessage: vi.fn(async () => undefined) };
    expect(await sendMessage('getPageReport', { tabId: 1 }, silent)).toEqual({
      ok: false,
      error: 'getPageReport: no reply',
    });
    const dead = {
      sendMessage: vi.fn(async () => {
        throw new Error('Extension context invalidated.');
      }),
    };
    const r = await sendMessage('pageAnalysed', candidatePayload(), dead);
    expect(r.ok).toBe(false);
    expect(!r.ok && isContextInvalidated(r.error)).toBe(true);
  });
});

describe('message ownership', () => {
  it("the content script answers the popup's highlight list and edits; the background never does", async () => {
    const { ROLE_TYPES } = await import('@/lib/platform/messages');
    for (const t of ['pageHighlights', 'showHighlight', 'editPageHighlight'] as const) {
      expect(ROLE_TYPES.content).toContain(t);
      expect(ROLE_TYPES.background).not.toContain(t);
    }
  });
});
