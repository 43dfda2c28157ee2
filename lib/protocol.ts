/**
 * Masthead's one message protocol. Every message is `{ masthead: 1, type, data }`; every reply is a
 * `Result<T>`. The background validates each message with `validateMessage` before any handler runs
 * (types, lengths, known types) and checks the sender (see lib/platform/messages.ts).
 *
 * Direction is in each comment; events are past tense, requests are verbs.
 */
import type { ArticleVerdict, InPageSignals, OffPageAnalysis, PageReport, Result } from './types';
import type { HighlightPerson } from './highlight/types';

/** Upper bound for serialised page HTML sent to the extractor (bigger pages are "too large"). */
export const MAX_HTML_BYTES = 5_000_000;

/**
 * What the content script sends after its cheap in-page pass. Exactly one of `html` / `verdict`
 * matters: with `verdict` (always "not an article") the background reports it as is; otherwise it
 * analyses `html` off the page (metadata, signals, Readability) and trusts only the layout-aware
 * `inPage.readerable` over its own.
 */
export interface PageAnalysedPayload {
  url: string;
  /** Signals measured in the page (readerable with real layout, article markup, element count). */
  inPage: InPageSignals;
  /** Present when the page is still a candidate article: serialised HTML for the off-page pass. */
  html?: string;
  /** Present when the in-page pass already decided (not an article, or not analysable). */
  verdict?: ArticleVerdict;
  /** `document.title` (trimmed), shown when there is no metadata: a verdict, a failed analysis. */
  title?: string;
}

export interface ProtocolMap {
  /** content → background: the in-page pass finished; background extracts, stores, badges. */
  pageAnalysed(data: PageAnalysedPayload): Result<{ isArticle: boolean; people?: HighlightPerson[] }>;
  /** popup → background: the stored report for a tab (null when the page was never analysed). */
  getPageReport(data: { tabId: number }): Result<PageReport | null>;
  /** popup → background: analyse the tab now (uses the toolbar click's activeTab grant). */
  analyzeTab(data: { tabId: number }): Result<{ started: boolean; reason?: string }>;
  /**
   * background → offscreen document (Chrome): parse serialised HTML off the page once; read its
   * metadata and signals, and extract the article with Readability.
   */
  extractHtml(data: { html: string; url: string }): Result<OffPageAnalysis>;
  /** options → background: turn automatic detection on all sites on/off (after permission grant). */
  setAllSites(data: { enabled: boolean }): Result<{ enabled: boolean }>;
  /** popup → content script (tabs.sendMessage): scroll to the person's first mention, open the card. */
  showPerson(data: { name: string }): Result<{ found: boolean }>;
  /** background → content script (keyboard command): focus the next/previous person, open the card. */
  nextPerson(data: { step: 1 | -1 }): Result<{ name: string | null }>;
}

export type MessageType = keyof ProtocolMap;
export type MessageData<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type MessageReply<K extends MessageType> = ReturnType<ProtocolMap[K]>;

export interface Envelope<K extends MessageType = MessageType> {
  masthead: 1;
  type: K;
  data: MessageData<K>;
}
