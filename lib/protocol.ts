/**
 * Masthead's one message protocol. Every message is `{ masthead: 1, type, data }`; every reply is a
 * `Result<T>`. The background validates each message with `validateMessage` before any handler runs
 * (types, lengths, known types) and checks the sender (see lib/platform/messages.ts).
 *
 * Direction is in each comment; events are past tense, requests are verbs.
 */
import type {
  ArticleVerdict,
  DetectionSignals,
  ExtractedArticle,
  PageMetadata,
  PageReport,
  Result,
} from './types';

/** Upper bound for serialised page HTML sent to the extractor (bigger pages are "too large"). */
export const MAX_HTML_BYTES = 5_000_000;

/** What the content script sends after its cheap in-page pass. */
export interface PageAnalysedPayload {
  url: string;
  signals: DetectionSignals;
  metadata: PageMetadata;
  /** Present when the page is still a candidate article: serialised HTML for the off-page parse. */
  html?: string;
  /** Present when the in-page pass already decided (not an article, or not analysable). */
  verdict?: ArticleVerdict;
}

export interface ProtocolMap {
  /** content → background: the in-page pass finished; background extracts, stores, badges. */
  pageAnalysed(data: PageAnalysedPayload): Result<{ isArticle: boolean }>;
  /** popup → background: the stored report for a tab (null when the page was never analysed). */
  getPageReport(data: { tabId: number }): Result<PageReport | null>;
  /** popup → background: analyse the tab now (uses the toolbar click's activeTab grant). */
  analyzeTab(data: { tabId: number }): Result<{ started: boolean; reason?: string }>;
  /** background → offscreen document (Chrome): parse serialised HTML with Readability off the page. */
  extractHtml(data: { html: string; url: string }): Result<ExtractedArticle | null>;
  /** options → background: turn automatic detection on all sites on/off (after permission grant). */
  setAllSites(data: { enabled: boolean }): Result<{ enabled: boolean }>;
}

export type MessageType = keyof ProtocolMap;
export type MessageData<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type MessageReply<K extends MessageType> = ReturnType<ProtocolMap[K]>;

export interface Envelope<K extends MessageType = MessageType> {
  masthead: 1;
  type: K;
  data: MessageData<K>;
}
