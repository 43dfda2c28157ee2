/**
 * Masthead's one message protocol. Every message is `{ masthead: 1, type, data }`; every reply is a
 * `Result<T>`. The background validates each message with `validateMessage` before any handler runs
 * (types, lengths, known types) and checks the sender (see lib/platform/messages.ts).
 *
 * Direction is in each comment; events are past tense, requests are verbs.
 */
import type { RelatedView, SearchOutcome } from './coverage/types';
import type { LookupResult } from './outlets/enrich';
import type { HighlightColor, HighlightSelector } from './annotations/selectors';
import type { ArticleVerdict, InPageSignals, OffPageAnalysis, PageReport, Result } from './types';
import type { HighlightPerson } from './highlight/types';
import type { PersonSummaryResult } from './people/wiki-summary';

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

/** The token a `deleteAllData` message must carry: no accidental or generic payload wipes data. */
export const DELETE_ALL_CONFIRM = 'delete-all-masthead-data';

/** What `deleteAllData` emptied. */
export interface WipeSummary {
  /** IndexedDB tables emptied (every table of the `masthead` database). */
  tables: string[];
  /** Rows removed across those tables. */
  rows: number;
  /** `storage` areas cleared (`local`, `session`, `sync` where the browser has them). */
  storageAreas: string[];
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
  /**
   * popup → background: look the tab's outlet up online (Wikidata, Wikipedia) when it is not in
   * Masthead's data and the reader turned the lookup on; the host comes from the stored report.
   */
  lookupOutlet(data: { tabId: number }): Result<LookupResult>;
  /**
   * content script → background: the Wikipedia summary for a person on the sender tab's article
   * (by Wikidata QID, which must be a person of that tab's report), when online lookups are on.
   */
  personSummary(data: { qid: string }): Result<PersonSummaryResult>;
  /** popup → background: the same for a person of the given tab's article. */
  tabPersonSummary(data: { tabId: number; qid: string }): Result<PersonSummaryResult>;
  /**
   * options → background: delete every piece of Masthead data (all IndexedDB tables,
   * storage.local/session/sync, alarms). `confirm` must be DELETE_ALL_CONFIRM. Extension pages only.
   */
  deleteAllData(data: { confirm: typeof DELETE_ALL_CONFIRM }): Result<WipeSummary>;
  /** popup → background: save (or refresh) the tab's article in the reading list, with its context. */
  savePage(data: { tabId: number }): Result<SavedInfo>;
  /** popup → background: the reading-list entry for a URL (null when not saved). */
  getSavedState(data: { url: string }): Result<SavedInfo | null>;
  /** popup → background: edit tags / note / state / favourite of a saved item. */
  updateSaved(data: { urlKey: string } & SavedEdit): Result<SavedInfo>;
  /** extension page → background: remove saved items (destructive: extension pages only). */
  removeSaved(data: { urlKeys: string[] }): Result<{ removed: number }>;
  /**
   * content script → background: store a highlight of the sender tab's page (URL from `sender.tab`,
   * never the payload); saves the article to the reading list when it was not. Never from incognito.
   */
  addHighlight(data: {
    selectors: HighlightSelector[];
    color: HighlightColor;
    note: string;
    textHash?: string;
  }): Result<HighlightInfo>;
  /** content script → background: the highlights of the sender tab's page. */
  listHighlights(data: Record<string, never>): Result<HighlightInfo[]>;
  /** content script → background: edit a highlight of the sender tab's page. */
  updateHighlight(data: { id: string; note?: string; color?: HighlightColor }): Result<HighlightInfo>;
  /** content script → background: delete a highlight of the sender tab's page. */
  deleteHighlight(data: { id: string }): Result<{ deleted: boolean }>;
  /**
   * popup → content script (tabs.sendMessage): the reader's highlights on this page as anchored now
   * (placed exactly / by quote / approximately, or orphaned: not found, not drawn).
   */
  pageHighlights(data: Record<string, never>): Result<PageHighlight[]>;
  /** popup → content script: scroll to a painted highlight and select it. */
  showHighlight(data: { id: string }): Result<{ found: boolean }>;
  /**
   * popup → content script: edit the note of, or delete, one of this page's highlights (the content
   * script asks the background with its own tab as the page, then repaints). Returns the new list.
   */
  editPageHighlight(data: { id: string; note?: string; remove?: boolean }): Result<PageHighlight[]>;
  /** popup → content script (tabs.sendMessage): scroll to the person's first mention, open the card. */
  showPerson(data: { name: string }): Result<{ found: boolean }>;
  /** background → content script (keyboard command): focus the next/previous person, open the card. */
  nextPerson(data: { step: 1 | -1 }): Result<{ name: string | null }>;
  /** popup → background: same-story coverage of the tab's article from the local store. */
  getRelated(data: { tabId: number }): Result<RelatedView>;
  /** popup → background: the reader clicked "Find more coverage" (Google News RSS, GDELT). */
  findMoreCoverage(data: { tabId: number }): Result<SearchOutcome>;
  /** options → background: feed polling on/off (after the host permission grant). */
  setFeeds(data: { enabled: boolean }): Result<{ enabled: boolean }>;
  /** options → background: poll the enabled feeds now (feeds must be on). */
  pollFeeds(
    data: Record<string, never>,
  ): Result<{ polled: number; skipped: number; stored: number; errors: number }>;
}

/** One of the reader's highlights on the open page, as the popup lists it. */
export interface PageHighlight {
  id: string;
  /** The quoted passage (clipped for display). */
  quote: string;
  note: string;
  color: HighlightColor;
  /** Where anchoring put it on the page now; 'orphaned' = not found, not drawn. */
  status: 'exact' | 'quote' | 'fuzzy' | 'orphaned';
}

/** A stored highlight as the content script sees it. */
export interface HighlightInfo {
  id: string;
  createdAt: string;
  color: HighlightColor;
  note: string;
  selectors: HighlightSelector[];
  textHash?: string;
}

/** The reader's edits to one saved item (every field optional). */
export interface SavedEdit {
  tags?: string[];
  note?: string;
  state?: 'unread' | 'archived';
  favourite?: boolean;
}

/** What the popup shows about a saved item (no content, no text). */
export interface SavedInfo {
  urlKey: string;
  url: string;
  title: string;
  savedAt: string;
  updatedAt: string;
  state: 'unread' | 'archived';
  favourite: boolean;
  tags: string[];
  note: string;
  /** True when this call created the item (false: it already existed and was refreshed). */
  created?: boolean;
}

export type MessageType = keyof ProtocolMap;
export type MessageData<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type MessageReply<K extends MessageType> = ReturnType<ProtocolMap[K]>;

export interface Envelope<K extends MessageType = MessageType> {
  masthead: 1;
  type: K;
  data: MessageData<K>;
}
