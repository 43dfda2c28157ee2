/**
 * Typed messaging over `browser.runtime` (the contract itself is lib/protocol.ts).
 *
 * - `sendMessage(type, data)` never throws: a missing listener, a closed port or an invalidated
 *   extension context all come back as `{ ok: false, error }`.
 * - `registerHandlers(handlers, { role })` answers only the message types its context owns, checks
 *   the sender (SECURITY-RELIABILITY.md S8), validates the payload (lib/protocol-validate.ts) and
 *   replies with `sendResponse` + `return true` — the one style native Chrome, the polyfill and
 *   fakeBrowser all answer (TOOLING.md §6).
 *
 * Sender policy:
 * | type                                   | accepted from                                              |
 * |----------------------------------------|------------------------------------------------------------|
 * | pageAnalysed                           | a content script: `sender.tab` present, top frame, web URL |
 * | getPageReport, analyzeTab, setAllSites | an extension page: `sender.url` on our origin, no web tab  |
 * | lookupOutlet, tabPersonSummary         | an extension page (as above)                               |
 * | personSummary                          | a content script (its own tab's report; QID must be in it) |
 * | getRelated, findMoreCoverage           | an extension page (as above)                               |
 * | setFeeds, pollFeeds                    | an extension page (as above)                               |
 * | deleteAllData (destructive)            | an extension page, as above                                |
 * | savePage, getSavedState, updateSaved,  | an extension page (reading list; removal is destructive)   |
 * | removeSaved                            |                                                            |
 * | addHighlight, listHighlights,          | a content script (its own tab's page; URL from sender.tab) |
 * | updateHighlight, deleteHighlight       |                                                            |
 * | extractHtml                            | the background (no tab, our origin), offscreen doc only    |
 * | showPerson (to a content script)       | an extension page (the popup)                              |
 * | pageHighlights, showHighlight,         | an extension page (the popup); edits then go to the        |
 * | editPageHighlight (to a content script)| background as the content script's own (its tab's page)   |
 * | nextPerson (to a content script)       | the background (keyboard command)                          |
 * Every message must also carry `sender.id === browser.runtime.id` (necessary, not sufficient:
 * a page can drive a content script, finding 6).
 */
import { browser, type Browser } from 'wxt/browser';
import type { Envelope, MessageData, MessageReply, MessageType } from '../protocol';
import { envelopeType, isMastheadEnvelope, MESSAGE_TYPES, validateMessage } from '../protocol-validate';

export type Sender = Browser.runtime.MessageSender;

/** Which extension context is answering: each owns a fixed set of message types. */
export type Role = 'background' | 'offscreen' | 'content';

const OFFSCREEN_TYPES: readonly MessageType[] = ['extractHtml'];
const CONTENT_TYPES: readonly MessageType[] = [
  'showPerson',
  'nextPerson',
  'pageHighlights',
  'showHighlight',
  'editPageHighlight',
];

export const ROLE_TYPES: Record<Role, readonly MessageType[]> = {
  // Every message not answered by the offscreen document or a content script.
  background: MESSAGE_TYPES.filter((t) => !OFFSCREEN_TYPES.includes(t) && !CONTENT_TYPES.includes(t)),
  offscreen: OFFSCREEN_TYPES,
  content: CONTENT_TYPES,
};

type SenderKind = 'content-script' | 'extension-page' | 'background';

const ALLOWED_SENDER: Record<MessageType, SenderKind> = {
  pageAnalysed: 'content-script',
  getPageReport: 'extension-page',
  analyzeTab: 'extension-page',
  setAllSites: 'extension-page',
  lookupOutlet: 'extension-page',
  // A person card's summary: the content script for its own tab, the popup for a tab it names.
  personSummary: 'content-script',
  tabPersonSummary: 'extension-page',
  deleteAllData: 'extension-page',
  getRelated: 'extension-page',
  findMoreCoverage: 'extension-page',
  setFeeds: 'extension-page',
  pollFeeds: 'extension-page',
  extractHtml: 'background',
  // Reading list: every read and write, and above all removal, only from our own pages.
  savePage: 'extension-page',
  getSavedState: 'extension-page',
  updateSaved: 'extension-page',
  removeSaved: 'extension-page',
  // Highlights: a content script, for its own tab's page only (the handler reads the URL from
  // sender.tab and checks a highlight's page before editing or deleting it).
  addHighlight: 'content-script',
  listHighlights: 'content-script',
  updateHighlight: 'content-script',
  deleteHighlight: 'content-script',
  showPerson: 'extension-page',
  nextPerson: 'background',
  // The popup's list of this page's highlights; edits go on to the background as the tab's own.
  pageHighlights: 'extension-page',
  showHighlight: 'extension-page',
  editPageHighlight: 'extension-page',
};

export type Handler<K extends MessageType> = (
  data: MessageData<K>,
  sender: Sender,
) => Promise<MessageReply<K>>;

export type Handlers = { [K in MessageType]?: Handler<K> };

export interface SenderEnv {
  /** `browser.runtime.id` */
  runtimeId: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
}

const isHttpUrl = (u: string | undefined): boolean => !!u && /^https?:\/\//i.test(u);

/**
 * Decide whether `sender` may send `type`. Returns null when allowed, else a short reason.
 * Pure: the extension id and origin are passed in.
 */
export function checkSender(type: MessageType, sender: Sender, env: SenderEnv): string | null {
  if (!sender || sender.id !== env.runtimeId) return 'sender: not this extension';
  const onOurOrigin = (u: string | undefined) => !!u && u.startsWith(env.extensionOrigin);
  switch (ALLOWED_SENDER[type]) {
    case 'content-script': {
      const tabId = sender.tab?.id;
      if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) {
        return 'sender: not a content script in a tab';
      }
      if (sender.frameId !== undefined && sender.frameId !== 0) return 'sender: not the top frame';
      if (sender.url !== undefined && !isHttpUrl(sender.url)) return 'sender: not a web page';
      return null;
    }
    case 'extension-page': {
      if (!onOurOrigin(sender.url)) return 'sender: not an extension page';
      // An extension page opened as a tab (popup-as-tab in e2e) is fine; one framed into a web
      // page is not.
      const tabUrl = sender.tab?.url;
      if (sender.tab && tabUrl !== undefined && !onOurOrigin(tabUrl)) {
        return 'sender: extension frame inside a web page';
      }
      return null;
    }
    case 'background': {
      if (sender.tab) return 'sender: not the background';
      if (sender.url !== undefined && !onOurOrigin(sender.url)) return 'sender: not the background';
      return null;
    }
  }
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  return 'Unknown error';
}

/** True for the error a content script gets after the extension was updated, reloaded or removed. */
export function isContextInvalidated(error: string): boolean {
  return /extension context invalidated|context invalidated/i.test(error);
}

/**
 * The reply the browser gives when the background was stopped (or restarted) while it was still
 * working on a message: Chrome's "message channel closed before a response was received" / "message
 * port closed", Firefox's "Message manager disconnected".
 */
export function isInterrupted(error: string): boolean {
  return /message (channel|port) closed|message manager disconnected/i.test(error);
}

/** What the reader is told when the background stopped mid-request (R1): nothing half-done, retry. */
export const INTERRUPTED =
  'Masthead was interrupted before it finished (the browser restarted its background). Nothing was half-saved: please try again.';

export interface ListenerOptions {
  role: Role;
  /** Defaults to the live `browser.runtime` values, read per message (tests override). */
  env?: () => SenderEnv;
  /** Called with every rejected message (logging only; never with page content). */
  onReject?: (type: string, error: string) => void;
}

type Listener = (
  msg: unknown,
  sender: Sender,
  sendResponse: (response?: unknown) => void,
) => true | undefined;

const liveEnv = (): SenderEnv => ({
  runtimeId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL('/'),
});

/**
 * Build the `runtime.onMessage` listener (exported so tests can call it with any sender).
 * Returns `undefined` (no answer) for anything that is not ours to answer: non-Masthead messages,
 * and Masthead types owned by another context (the offscreen document hears content-script
 * messages too, and must not answer them first).
 */
export function createMessageListener(handlers: Handlers, opts: ListenerOptions): Listener {
  const owned = ROLE_TYPES[opts.role];
  const envOf = opts.env ?? liveEnv;

  async function handle(msg: unknown, sender: Sender): Promise<{ ok: boolean }> {
    const type = envelopeType(msg);
    const reject = (error: string) => {
      opts.onReject?.(type ?? 'unknown', error);
      return { ok: false as const, error };
    };
    if (type) {
      const senderError = checkSender(type, sender, envOf());
      if (senderError) return reject(senderError);
    } else if (!sender || sender.id !== envOf().runtimeId) {
      return reject('sender: not this extension');
    }
    const parsed = validateMessage(msg);
    if (!parsed.ok) return reject(parsed.error);
    const envelope: Envelope = parsed.value;
    const handler = handlers[envelope.type] as Handler<MessageType> | undefined;
    if (!handler) return reject(`${envelope.type}: not handled here`);
    try {
      return await handler(envelope.data, sender);
    } catch (e) {
      return reject(`${envelope.type}: ${errorMessage(e)}`);
    }
  }

  return (msg, sender, sendResponse) => {
    if (!isMastheadEnvelope(msg)) return undefined;
    const type = envelopeType(msg);
    if (type ? !owned.includes(type) : opts.role !== 'background') return undefined;
    handle(msg, sender).then(sendResponse, (e: unknown) =>
      sendResponse({ ok: false, error: errorMessage(e) }),
    );
    return true;
  };
}

/** Register the context's handlers. Call synchronously at startup. Returns an unregister function. */
export function registerHandlers(handlers: Handlers, opts: ListenerOptions): () => void {
  const listener = createMessageListener(handlers, opts);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

function isResult(v: unknown): v is { ok: boolean } {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { ok?: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && typeof r.error === 'string');
}

/**
 * Send a Masthead message to the extension (background, offscreen document). Never throws.
 * `api` lets the background pass its own `browser.runtime` or a test fake.
 */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
  api: Pick<typeof browser.runtime, 'sendMessage'> = browser.runtime,
): Promise<MessageReply<K>> {
  const envelope: Envelope<K> = { masthead: 1, type, data };
  try {
    const reply: unknown = await api.sendMessage(envelope);
    if (isResult(reply)) return reply as MessageReply<K>;
    const error = reply === undefined ? `${type}: no reply` : `${type}: malformed reply`;
    return { ok: false, error } as MessageReply<K>;
  } catch (e) {
    const error = errorMessage(e);
    return { ok: false, error: isInterrupted(error) ? INTERRUPTED : error } as MessageReply<K>;
  }
}

/** Send a Masthead message to the content script of a tab (top frame). Never throws. */
export async function sendToTab<K extends MessageType>(
  tabId: number,
  type: K,
  data: MessageData<K>,
  api: Pick<typeof browser.tabs, 'sendMessage'> = browser.tabs,
): Promise<MessageReply<K>> {
  const envelope: Envelope<K> = { masthead: 1, type, data };
  try {
    const reply: unknown = await api.sendMessage(tabId, envelope, { frameId: 0 });
    if (isResult(reply)) return reply as MessageReply<K>;
    return { ok: false, error: `${type}: no reply` } as MessageReply<K>;
  } catch (e) {
    return { ok: false, error: errorMessage(e) } as MessageReply<K>;
  }
}
