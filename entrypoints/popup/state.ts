import { signal } from '@preact/signals';
import { sendMessage, sendToTab } from '@/lib/platform/messages';
import type { MessageData, MessageReply, MessageType } from '@/lib/protocol';
import type { PageReport } from '@/lib/types';
import type { PersonSummaryView } from '@/components/PersonWikipedia';

/** What the popup is showing; mirrored to `document.body.dataset.state` for the e2e tests. */
export type PopupStatus = 'loading' | 'ready' | 'not-analysed' | 'error';

/** The one function the popup needs from messaging (sendMessage's shape); tests pass a fake. */
export type Send = <K extends MessageType>(type: K, data: MessageData<K>) => Promise<MessageReply<K>>;

export interface PopupStateOptions {
  /** Delay between `getPageReport` polls after `analyzeTab` started the content script. */
  pollMs?: number;
  /** Give up (status 'error') when no report appeared after this long. */
  timeoutMs?: number;
  /** Injected for tests; resolves after `ms`. */
  sleep?: (ms: number) => Promise<void>;
  /** Message to the tab's content script (tests pass a fake). */
  sendTab?: typeof sendToTab;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Shown when the analysis started but no report arrived in time. */
export const TIMEOUT_MESSAGE =
  "Masthead didn't get an answer from this page in time. Reload the page and try again.";

/**
 * Popup state for one tab. `load()` asks the background for the tab's report; when the page was
 * never analysed it asks the background to analyse it now (toolbar click's activeTab grant) and
 * polls until the report appears.
 */
export function createPopupState(tabId: number, send: Send = sendMessage, options: PopupStateOptions = {}) {
  const { pollMs = 150, timeoutMs = 8000, sleep = defaultSleep } = options;

  const report = signal<PageReport | null>(null);
  const status = signal<PopupStatus>('loading');
  const error = signal<string | null>(null);
  /** A calm, non-error message: what is happening while loading, or why nothing was analysed. */
  const notice = signal<string | null>(null);

  /** Bumped by every load()/dispose(); an older run that sees a newer generation stops quietly. */
  let generation = 0;

  /**
   * An article report is 'ready'. A page judged not to be an article ends as 'not-analysed' with
   * the verdict's sentence as the notice (what the e2e tests expect); the report is kept so the
   * view can still show the verdict line.
   */
  function show(r: PageReport) {
    report.value = r;
    if (r.verdict.isArticle && r.article) {
      notice.value = null;
      status.value = 'ready';
    } else {
      notice.value = r.verdict.explanation || 'This page does not look like a news article.';
      status.value = 'not-analysed';
    }
  }

  function fail(message: string) {
    error.value = message;
    status.value = 'error';
  }

  async function load(): Promise<void> {
    const run = ++generation;
    const stale = () => run !== generation;
    report.value = null;
    error.value = null;
    notice.value = null;
    status.value = 'loading';

    if (!Number.isInteger(tabId) || tabId < 0) {
      notice.value = "Masthead couldn't tell which tab to read.";
      status.value = 'not-analysed';
      return;
    }

    try {
      const first = await send('getPageReport', { tabId });
      if (stale()) return;
      if (!first.ok) return fail(first.error);
      if (first.value) return show(first.value);

      notice.value = 'Reading this page…';
      const started = await send('analyzeTab', { tabId });
      if (stale()) return;
      if (!started.ok) return fail(started.error);
      if (!started.value.started) {
        notice.value = started.value.reason ?? "Masthead can't read this page.";
        status.value = 'not-analysed';
        return;
      }

      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        await sleep(pollMs);
        if (stale()) return;
        const res = await send('getPageReport', { tabId });
        if (stale()) return;
        if (!res.ok) return fail(res.error);
        if (res.value) return show(res.value);
      }
      fail(TIMEOUT_MESSAGE);
    } catch (e) {
      // sendMessage always resolves to a Result; this guards a closed port or a bug in the wrapper.
      if (!stale()) fail(e instanceof Error ? e.message : String(e));
    }
  }

  /** Result of the last "Find on page" when it did not work (null when it did). */
  const findNotice = signal<string | null>(null);

  /** Ask the page to scroll to the person's first mention and open their card. */
  async function findPerson(name: string): Promise<void> {
    findNotice.value = null;
    const reply = await (options.sendTab ?? sendToTab)(tabId, 'showPerson', { name });
    if (!reply.ok) findNotice.value = 'Masthead could not reach the page. Reload it and try again.';
    else if (!reply.value.found) findNotice.value = `${name} is not highlighted on the page right now.`;
  }

  /** The Wikipedia summary of a person of this tab's article (the background checks the QID). */
  async function personSummary(qid: string): Promise<PersonSummaryView> {
    const reply = await send('tabPersonSummary', { tabId, qid });
    return reply.ok ? reply.value : { status: 'error', message: reply.error };
  }

  /** Stops any polling in flight (e.g. when the popup closes). */
  function dispose() {
    generation++;
  }

  return {
    tabId,
    report,
    status,
    error,
    notice,
    findNotice,
    findPerson,
    personSummary,
    load,
    retry: load,
    dispose,
  };
}

export type PopupState = ReturnType<typeof createPopupState>;
