/**
 * Where the off-page analysis (one parse → metadata, signals, full Readability extraction) runs:
 * never on the page's main thread.
 * - Firefox: the background is a page with a DOM → analyse right here.
 * - Chrome: the service worker has no DOMParser → a Chrome-only offscreen document
 *   (entrypoints/offscreen) answers `extractHtml`.
 */
import type { OffPageAnalysis } from '@/lib/types';
import { sendMessage } from '@/lib/platform/messages';
import { validateOffPageAnalysis } from '@/lib/protocol-validate';

/** Analyse serialised page HTML off the page; rejects when it cannot (no parser, timeout, crash). */
export type Analyse = (html: string, url: string) => Promise<OffPageAnalysis>;

export const OFFSCREEN_PATH = '/offscreen.html';
/** A parse that takes longer is abandoned (the worker must not sit near its 5-minute limit). */
export const EXTRACT_TIMEOUT_MS = 20_000;

/** The Chrome APIs the offscreen path needs (injected so tests can fake them). */
export interface OffscreenApi {
  runtime: {
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    getContexts?: (filter: { contextTypes?: string[]; documentUrls?: string[] }) => Promise<unknown[]>;
  };
  offscreen: {
    createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
    hasDocument?: () => Promise<boolean>;
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createOffscreenExtractor(api: OffscreenApi, opts: { timeoutMs?: number } = {}): Analyse {
  // Guards concurrent creation within one worker lifetime only; the browser is the source of truth.
  let creating: Promise<void> | null = null;
  const url = api.runtime.getURL(OFFSCREEN_PATH);

  async function exists(): Promise<boolean> {
    if (api.runtime.getContexts) {
      const found = await api.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT'],
        documentUrls: [url],
      });
      return found.length > 0;
    }
    return (await api.offscreen.hasDocument?.()) ?? false;
  }

  async function ensureDocument(): Promise<void> {
    if (await exists()) return;
    if (!creating) {
      creating = api.offscreen
        .createDocument({
          url,
          reasons: ['DOM_PARSER'],
          justification: 'Parse article HTML with Readability off the page main thread',
        })
        .catch((e: unknown) => {
          // Lost a race with another event of this worker's previous life: it exists, fine.
          if (!/single offscreen|already exists/i.test(String(e))) throw e;
        })
        .finally(() => {
          creating = null;
        });
    }
    await creating;
  }

  async function ask(html: string, pageUrl: string): Promise<OffPageAnalysis> {
    // Right after creation the document's listener may not be attached yet: retry briefly.
    for (let attempt = 0; ; attempt++) {
      const reply = await sendMessage('extractHtml', { html, url: pageUrl }, api.runtime);
      if (reply.ok) {
        // Everything in the answer came from a web page: check shapes and caps like any message.
        const checked = validateOffPageAnalysis(reply.value);
        if (checked.ok) return checked.value;
        throw new Error(`extractHtml: ${checked.error}`);
      }
      if (attempt < 3 && /receiving end does not exist|no reply|could not establish/i.test(reply.error)) {
        await delay(50 * (attempt + 1));
        continue;
      }
      throw new Error(reply.error);
    }
  }

  return async (html, pageUrl) => {
    await ensureDocument();
    return withTimeout(ask(html, pageUrl), opts.timeoutMs ?? EXTRACT_TIMEOUT_MS, 'extractHtml');
  };
}

/**
 * Analyse in this context (Firefox background page). The parser modules (Readability, DOMPurify)
 * load on first use through a dynamic import, so bundles that never call this (Chrome's service
 * worker: `deps.ts` only picks it in Firefox builds) do not carry them.
 */
export function createLocalExtractor(win: Window & typeof globalThis): Analyse {
  return async (html, url) => {
    const { analyseHtml } = await import('@/lib/platform/extract-html');
    return analyseHtml(html, url, win);
  };
}

/** Pick the extractor for this background: a DOM here → local; else the offscreen document. */
export function createExtractor(env: {
  win?: Window & typeof globalThis;
  offscreen?: OffscreenApi;
}): Analyse {
  if (env.win && typeof env.win.DOMParser === 'function') return createLocalExtractor(env.win);
  if (env.offscreen) return createOffscreenExtractor(env.offscreen);
  return noParser;
}

/** Browsers with neither a background DOM nor the offscreen API (Chrome < 109). */
export const noParser: Analyse = async () => {
  throw new Error('No HTML parser available in this browser');
};
