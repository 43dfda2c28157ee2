/**
 * The in-page pass, in small steps: precheck → signals → metadata → preliminary verdict →
 * (candidates only) serialise the page for the off-thread parse. Each step is one synchronous task
 * timed with `now()`; the caller's `yieldToPage()` runs between steps so the page stays responsive.
 * The page is a parameter (tests pass any document).
 */
import { collectSignals, preliminaryVerdict } from '@/lib/article/detect';
import { emptyMetadata, readMetadata } from '@/lib/article/metadata';
import { precheckPage } from '@/lib/article/precheck';
import { notArticle } from '@/lib/article/verdict';
import type { PageAnalysedPayload } from '@/lib/protocol';
import { clampMetadata, clampSignals, htmlFits, MAX_URL_LENGTH } from '@/lib/protocol-validate';
import type { DetectionSignals, PageMetadata } from '@/lib/types';

export interface PipelineEnv {
  doc: Document;
  url: string;
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

/** Signals for a page the precheck refused: nothing was measured. */
export function minimalSignals(url: string): DetectionSignals {
  return {
    url,
    readerable: false,
    jsonLdArticle: false,
    ogArticle: false,
    hasPublishedTime: false,
    elementCount: 0,
    paragraphTextLength: 0,
    linkDensity: 0,
    pageKind: 'other',
  };
}

/** Metadata for a refused page: only the title, which the popup shows. */
export function minimalMetadata(doc: Document): PageMetadata {
  const m = emptyMetadata();
  let title = '';
  try {
    title = (doc.title ?? '').trim();
  } catch {
    // A hostile or broken document: no title.
  }
  if (title) m.title = title;
  return m;
}

/** `<!DOCTYPE …>` (when the page has one, so the parser picks the same mode) + `<html>…</html>`. */
export function serialisePage(doc: Document): string {
  const dt = doc.doctype;
  let prefix = '';
  if (dt) {
    prefix = `<!DOCTYPE ${dt.name}`;
    if (dt.publicId) prefix += ` PUBLIC "${dt.publicId}"`;
    if (dt.systemId) prefix += `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"`;
    prefix += '>';
  }
  return prefix + doc.documentElement.outerHTML;
}

/**
 * What identifies "the same page with the same text": URL without fragment, title, and the
 * visible paragraph text length (a cheap proxy for the main text; an SPA swapping the story
 * changes it).
 */
export function fingerprintOf(url: string, metadata: PageMetadata, signals: DetectionSignals): string {
  return `${stripHash(url)}\n${metadata.title ?? ''}\n${signals.paragraphTextLength}`;
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

  const refused = timed(() => precheckPage(doc));
  if (env.cancelled()) return { kind: 'cancelled', perf: perf() };
  if (refused) {
    const metadata = timed(() => clampMetadata(minimalMetadata(doc)));
    return {
      kind: 'payload',
      payload: { url, signals: minimalSignals(url), metadata, verdict: notArticle(refused) },
      fingerprint: `${stripHash(url)}\nprecheck:${refused}`,
      perf: perf(),
    };
  }

  if (await pause()) return { kind: 'cancelled', perf: perf() };
  const signals = timed(() => clampSignals(collectSignals(doc, url, { isVisible: env.isVisible })));

  if (await pause()) return { kind: 'cancelled', perf: perf() };
  const metadata = timed(() => clampMetadata(readMetadata(doc, url)));
  const verdict = timed(() => preliminaryVerdict(signals, metadata));
  const fingerprint = fingerprintOf(url, metadata, signals);
  if (verdict) {
    return { kind: 'payload', payload: { url, signals, metadata, verdict }, fingerprint, perf: perf() };
  }

  if (await pause()) return { kind: 'cancelled', perf: perf() };
  const html = timed(() => {
    const s = serialisePage(doc);
    return htmlFits(s) ? s : null;
  });
  const payload: PageAnalysedPayload =
    html === null
      ? { url, signals, metadata, verdict: notArticle('too-large') }
      : { url, signals, metadata, html };
  return { kind: 'payload', payload, fingerprint, perf: perf() };
}
