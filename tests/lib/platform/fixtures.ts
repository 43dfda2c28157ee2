/** Shared builders for runtime tests (valid payloads, senders). Not a test file. */
import type { PageAnalysedPayload } from '@/lib/protocol';
import type {
  DetectionSignals,
  ExtractedArticle,
  InPageSignals,
  OffPageAnalysis,
  PageMetadata,
} from '@/lib/types';
import type { Sender } from '@/lib/platform/messages';
import type { ScriptingLike } from '@/lib/platform/all-sites';

export const RUNTIME_ID = 'test-extension-id';
export const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
export const ARTICLE_URL = 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';

export function signals(over: Partial<DetectionSignals> = {}): DetectionSignals {
  return {
    url: ARTICLE_URL,
    readerable: true,
    jsonLdArticle: true,
    ogArticle: true,
    hasPublishedTime: true,
    elementCount: 800,
    paragraphTextLength: 4000,
    linkDensity: 0.1,
    pageKind: 'other',
    ...over,
  };
}

export function metadata(over: Partial<PageMetadata> = {}): PageMetadata {
  return {
    title: 'Japan, US reaffirm alliance',
    siteName: 'PressTV',
    authors: ['Jane Doe'],
    byline: 'Jane Doe',
    publishedTime: '2017-02-03T10:00:00Z',
    keywords: ['Japan', 'US'],
    jsonLdTypes: ['NewsArticle'],
    provenance: { title: 'jsonld' },
    conflicts: [],
    ...over,
  };
}

export const ARTICLE_TEXT = 'Tokyo and Washington reaffirmed their alliance. '.repeat(60);

export function extracted(over: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    title: 'Japan, US reaffirm alliance',
    content: `<p>${ARTICLE_TEXT}</p>`,
    text: ARTICLE_TEXT,
    siteName: 'PressTV',
    ...over,
  };
}

export function inPage(over: Partial<InPageSignals> = {}): InPageSignals {
  return {
    readerable: true,
    elementCount: 800,
    ...over,
  };
}

/** What the off-page analysis answers for the candidate page. */
export function analysis(over: Partial<OffPageAnalysis> = {}): OffPageAnalysis {
  return { extracted: extracted(), metadata: metadata(), signals: signals(), ...over };
}

export function candidatePayload(over: Partial<PageAnalysedPayload> = {}): PageAnalysedPayload {
  return {
    url: ARTICLE_URL,
    inPage: inPage(),
    html: '<!DOCTYPE html><html><body><article><p>text</p></article></body></html>',
    title: 'Japan, US reaffirm alliance',
    ...over,
  };
}

export function contentScriptSender(tabId = 7, over: Partial<Sender> = {}): Sender {
  return {
    id: RUNTIME_ID,
    url: ARTICLE_URL,
    frameId: 0,
    tab: { id: tabId, index: 0, incognito: false, url: ARTICLE_URL } as Sender['tab'],
    ...over,
  };
}

export function extensionPageSender(over: Partial<Sender> = {}): Sender {
  return { id: RUNTIME_ID, url: `${ORIGIN}popup.html`, ...over };
}

export function backgroundSender(over: Partial<Sender> = {}): Sender {
  return { id: RUNTIME_ID, url: `${ORIGIN}background.js`, ...over };
}

/** In-memory `scripting` content-script registry (fakeBrowser has none). */
export function fakeScripting() {
  const registered = new Map<string, unknown>();
  const calls: string[] = [];
  const scripting: ScriptingLike = {
    async registerContentScripts(scripts) {
      calls.push('register');
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    },
    async unregisterContentScripts(filter) {
      calls.push('unregister');
      for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
    },
    async getRegisteredContentScripts(filter) {
      return [...registered.keys()]
        .filter((id) => !filter?.ids || filter.ids.includes(id))
        .map((id) => ({ id }));
    },
  };
  return { scripting, registered, calls };
}
