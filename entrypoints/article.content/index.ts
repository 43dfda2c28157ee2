/**
 * The one content script (→ content-scripts/article.js). Runs the cheap in-page pass in small
 * idle-time steps and sends `pageAnalysed`; the full Readability parse happens off the page
 * (background / offscreen document). Never touches IndexedDB, localStorage or fetch (S11).
 *
 * Injected three ways: the manifest (starter news hosts), `scripting.executeScript` on a toolbar
 * click (`analyzeTab`), and the optional "all sites" registration. A newer injection supersedes an
 * older one in the same tab (WXT invalidates the old context; our own instance counter on the
 * isolated world's globalThis makes sure of it), and the newest always analyses once.
 */
import { defineContentScript, type ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import { NEWS_MATCHES } from '@/lib/platform/content-matches';
import { isContextInvalidated, registerHandlers, sendMessage } from '@/lib/platform/messages';
import { validateHighlightPeople } from '@/lib/highlight/people';
import { validatePersonSummary } from '@/lib/people/wiki-summary';
import { err, ok } from '@/lib/types';
import { createPeopleUi } from './people-ui';
import { createAnnotator } from './annotate';
import { analysePage, type PerfRecord } from './pipeline';
import { createRerunScheduler, RERUN_DEFAULTS } from './rerun';

/** Test-only hook (e2e build): page-visible status and timings. Never in release builds. */
const E2E = import.meta.env.WXT_E2E === '1';

type Global = typeof globalThis & { __mastheadArticle?: { instance: number } };

/** Layout-based visibility for isProbablyReaderable: one forced layout, then cheap reads. */
function isVisible(el: Element): boolean {
  const h = el as HTMLElement;
  return h.offsetWidth > 0 || h.offsetHeight > 0;
}

function markForTests(status: string, perf?: PerfRecord & { wall?: number }): void {
  if (!E2E) return;
  const root = document.documentElement;
  if (perf) root.dataset.mastheadPerf = JSON.stringify(perf);
  root.dataset.mastheadStatus = status.slice(0, 300);
}

function main(ctx: ContentScriptContext): void {
  const g = globalThis as Global;
  const instance = (g.__mastheadArticle?.instance ?? 0) + 1;
  g.__mastheadArticle = { instance };
  let stopped = false;
  const superseded = () => g.__mastheadArticle?.instance !== instance;
  const dead = () => stopped || ctx.isInvalid || superseded();
  const stop = () => {
    stopped = true;
    scheduler.cancel();
    peopleUi.stop();
    annotator.stop();
    if (!ctx.isInvalid) ctx.abort('Masthead: extension context invalidated');
  };

  // The reader's highlights: loaded and painted after each accepted pass (annotate.ts).
  const annotator = createAnnotator({
    doc: document,
    send: sendMessage,
    openShadow: E2E,
    onPainted: (s) => {
      if (E2E) document.documentElement.dataset.mastheadAnnotations = JSON.stringify(s);
    },
  });
  /** Fingerprint of the last page state the background accepted. */
  let lastSent: string | null = null;
  let generation = 0;
  let running = false;
  let queued: 'navigation' | 'follow-up' | null = null;

  const yieldToPage = () =>
    new Promise<void>((resolve) => {
      if (typeof requestIdleCallback === 'function') {
        ctx.requestIdleCallback(() => resolve(), { timeout: 200 });
      } else {
        ctx.setTimeout(resolve, 0);
      }
    });

  async function run(trigger: 'initial' | 'navigation' | 'follow-up'): Promise<void> {
    if (dead()) return;
    if (running) {
      queued = trigger === 'initial' ? 'navigation' : trigger;
      return;
    }
    running = true;
    const myGeneration = ++generation;
    const t0 = performance.now();
    try {
      const result = await analysePage({
        doc: document,
        url: location.href,
        isVisible,
        yieldToPage,
        now: () => performance.now(),
        cancelled: () => dead() || myGeneration !== generation,
      });
      if (result.kind === 'cancelled' || dead()) return;
      const perf = { ...result.perf, wall: performance.now() - t0 };
      if (result.kind === 'skipped') {
        markForTests(`skipped:${result.reason}`, perf);
        void peopleUi.update([]);
        return;
      }
      // A fresh injection always reports once (an explicit "analyse now"); re-runs only on change.
      if (trigger !== 'initial' && result.fingerprint === lastSent) {
        markForTests('skipped:unchanged', perf);
        void peopleUi.repaint();
        return;
      }
      const reply = await sendMessage('pageAnalysed', result.payload);
      if (!reply.ok) {
        if (isContextInvalidated(reply.error) || browser.runtime?.id == null) {
          stop(); // the extension was updated/removed: go quiet
          return;
        }
        markForTests(`error:${reply.error}`, perf);
        return;
      }
      lastSent = result.fingerprint;
      markForTests('sent', perf);
      void peopleUi.update(validateHighlightPeople(reply.value.people));
      void annotator.update(reply.value.isArticle);
    } catch (e) {
      if (browser.runtime?.id == null) {
        stop();
        return;
      }
      markForTests(`error:${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
      if (queued && !dead()) {
        const next = queued;
        queued = null;
        void run(next);
      }
    }
  }

  const scheduler = createRerunScheduler({
    ...RERUN_DEFAULTS,
    now: () => performance.now(),
    setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimer: (id) => clearTimeout(id),
    run: (reason) => void run(reason),
  });
  const peopleUi = createPeopleUi({
    win: window,
    now: () => performance.now(),
    yieldToPage,
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    dead,
    settings: {
      get: (keys) => browser.storage.local.get(keys),
      set: (items) => browser.storage.local.set(items),
      onChanged: (fn) =>
        browser.storage.onChanged.addListener((_c, area) => area === 'local' && !dead() && fn()),
    },
    onPainted: (stats) => {
      if (E2E) document.documentElement.dataset.mastheadHighlights = JSON.stringify(stats);
    },
    // The background fetches (when online lookups are on); the content script never does.
    summary: async (qid) => {
      const reply = await sendMessage('personSummary', { qid });
      return reply.ok && reply.value.status === 'found' ? validatePersonSummary(reply.value.summary) : null;
    },
  });
  peopleUi.start();
  const unregister = registerHandlers(
    {
      showPerson: async ({ name }) => ok({ found: !dead() && (await peopleUi.showPerson(name)) }),
      nextPerson: async ({ step }) => ok({ name: dead() ? null : peopleUi.step(step) }),
      pageHighlights: async () => ok(dead() ? [] : annotator.list()),
      showHighlight: async ({ id }) => ok({ found: !dead() && annotator.show(id) }),
      editPageHighlight: async ({ id, note, remove }) => {
        try {
          return ok(await annotator.edit(id, { note, remove }));
        } catch (e) {
          return err(e instanceof Error ? e.message : String(e));
        }
      },
    },
    { role: 'content' },
  );

  ctx.onInvalidated(() => {
    scheduler.cancel();
    peopleUi.stop();
    annotator.stop();
    unregister();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    generation++; // abandon a run still looking at the previous page
    peopleUi.clear(); // the old page's mentions; the next run paints the new page's
    annotator.navigated();
    scheduler.trigger();
  });

  void run('initial');
}

export default defineContentScript({
  matches: [...NEWS_MATCHES, ...(import.meta.env.WXT_E2E === '1' ? ['http://127.0.0.1/*'] : [])],
  runAt: 'document_idle',
  main,
});
