/**
 * The in-page pass, in small steps: precheck (+ element count) → `readerable` with the caller's
 * layout check (the one signal that needs the live page) → serialise the page for the off-page
 * analysis, itself in time-boxed steps (lib/serialise.ts). Every analysable page is serialised,
 * article or not: the off-page classifier alone says *why* a page is not an article (sign-in,
 * search, section, home, video…), which the popup shows. Each step is one
 * synchronous task timed with `now()`; the caller's `yieldToPage()` runs between steps so the page
 * stays responsive. Metadata, body counts, page
 * kind and the Readability parse all happen off the page on the serialised HTML
 * (lib/platform/extract-html.ts). The page is a parameter (tests pass any document).
 */
import { inspectPage } from '@/lib/article/precheck';
import { isProbablyReaderable } from '@/lib/article/readerable';
import { notArticle } from '@/lib/article/verdict';
import type { PageAnalysedPayload } from '@/lib/protocol';
import { MAX_HTML_BYTES } from '@/lib/protocol';
import { clampInPageSignals, clampTitle, htmlFits, MAX_URL_LENGTH } from '@/lib/protocol-validate';
import { serialiseInSteps } from '@/lib/serialise';
import type { InPageSignals } from '@/lib/types';

export interface PipelineEnv {
  doc: Document;
  url: string;
  /** Layout-based visibility for `readerable` (asked only about nodes that would count). */
  isVisible?: (el: Element) => boolean;
  /** Resolves after giving the page's main thread back (idle callback or a 0 ms timeout). */
  yieldToPage: () => Promise<void>;
  /** `performance.now()` */
  now: () => number;
  /** True once this run must stop (context invalidated, newer instance, newer navigation). */
  cancelled: () => boolean;
}

export interface PerfRecord {
  /** Duration of each synchronous step, ms. */
  tasks: number[];
  /** Sum of `tasks`: main-thread time this run used. */
  total: number;
  /** Longest single task. */
  longest: number;
}

export type Analysis =
  | { kind: 'payload'; payload: PageAnalysedPayload; fingerprint: string; perf: PerfRecord }
  | { kind: 'skipped'; reason: string; perf: PerfRecord }
  | { kind: 'cancelled'; perf: PerfRecord };

const stripHash = (u: string) => {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
};

/** The page's `document.title`, trimmed and clipped; undefined when empty or unreadable. */
export function pageTitle(doc: Document): string | undefined {
  try {
    return clampTitle(doc.title);
  } catch {
    return undefined; // a hostile or broken document: no title
  }
}

/** Time one serialisation step may use before it yields, ms. */
export const SERIALISE_BUDGET_MS = 8;

/**
 * What identifies "the same page with the same text", cheaply: URL without fragment, title,
 * the number of paragraphs and of the body's children (an SPA swapping the story changes them).
 */
export function fingerprintOf(doc: Document, url: string): string {
  let paragraphs = 0;
  let children = 0;
  try {
    paragraphs = doc.getElementsByTagName('p').length;
    children = doc.body?.childElementCount ?? 0;
  } catch {
    // A broken document: the URL and title still identify it.
  }
  return `${stripHash(url)}\n${pageTitle(doc) ?? ''}\n${paragraphs}\n${children}`;
}

export async function analysePage(env: PipelineEnv): Promise<Analysis> {
  const tasks: number[] = [];
  const perf = (): PerfRecord => {
    const total = tasks.reduce((a, b) => a + b, 0);
    return { tasks: [...tasks], total, longest: tasks.length ? Math.max(...tasks) : 0 };
  };
  const timed = <T>(fn: () => T): T => {
    const t0 = env.now();
    try {
      return fn();
    } finally {
      tasks.push(env.now() - t0);
    }
  };
  const pause = async () => {
    await env.yieldToPage();
    return env.cancelled();
  };

  const { doc, url } = env;
  if (url.length > MAX_URL_LENGTH || !/^https?:/i.test(url)) {
    return { kind: 'skipped', reason: 'url', perf: perf() };
  }

  const { refused, elementCount, title } = timed(() => ({ ...inspectPage(doc), title: pageTitle(doc) }));
  if (env.cancelled()) return { kind: 'cancelled', perf: perf() };
  if (refused) {
    const inPage: InPageSignals = {
      readerable: false,
      elementCount,
    };
    const payload: PageAnalysedPayload = {
      url,
      inPage: clampInPageSignals(inPage),
      verdict: notArticle(refused),
    };
    if (title !== undefined) payload.title = title;
    return { kind: 'payload', payload, fingerprint: `${stripHash(url)}\nprecheck:${refused}`, perf: perf() };
  }

  if (await pause()) return { kind: 'cancelled', perf: perf() };
  // One task (no yield in between): readerable and the fingerprint.
  const decided = timed(() => {
    let readerable = false;
    try {
      readerable = isProbablyReaderable(doc, { isVisible: env.isVisible });
    } catch {
      // A page that breaks the check is treated as not readerable (its markup still counts off-page).
    }
    const inPage = clampInPageSignals({ readerable, elementCount });
    return { inPage, fingerprint: fingerprintOf(doc, url) };
  });
  const base: PageAnalysedPayload = { url, inPage: decided.inPage };
  if (title !== undefined) base.title = title;
  if (await pause()) return { kind: 'cancelled', perf: perf() };
  const out = await serialiseInSteps(doc, {
    now: env.now,
    yieldToPage: env.yieldToPage,
    cancelled: env.cancelled,
    budgetMs: SERIALISE_BUDGET_MS,
    maxLength: MAX_HTML_BYTES,
    fits: htmlFits,
    onStep: (ms) => tasks.push(ms),
  });
  if ('stop' in out && out.stop === 'cancelled') return { kind: 'cancelled', perf: perf() };
  const payload: PageAnalysedPayload =
    'html' in out ? { ...base, html: out.html } : { ...base, verdict: notArticle('too-large') };
  return { kind: 'payload', payload, fingerprint: decided.fingerprint, perf: perf() };
}
