/**
 * Shared access to the Readability test-page corpus (../shared/corpora/readability-test-pages) for
 * the golden test and `npm run eval:detect`. Missing corpus = loud failure, never a skip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window as HappyWindow } from 'happy-dom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeDocument } from '../../../lib/article/analyze-document';
import { createSanitizer } from '../../../lib/safe-html';
import type { PageReport } from '../../../lib/types';

/** Readability's own test base URI (its test harness loads every page under this URL). */
export const FAKE_URL = 'http://fakehost/test/page.html';

/** The repository root (tests/lib/article → ../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Expected metadata as stored by Readability's test suite (its own output, not human gold). */
export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  readerable?: boolean;
}

export interface CorpusCase {
  name: string;
  html: string;
  expected: ExpectedMetadata;
}

/** The corpus folder (env MASTHEAD_CORPORA overrides the corpora root). Throws when missing. */
export function corpusDir(): string {
  const root = process.env['MASTHEAD_CORPORA'] ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpora');
  const dir = path.join(root, 'readability-test-pages');
  if (!existsSync(dir)) {
    throw new Error(
      `Corpus missing: ${dir} (set MASTHEAD_CORPORA to the folder holding readability-test-pages)`,
    );
  }
  return dir;
}

/** Every case folder with a source.html and an expected-metadata.json, sorted by name. */
export function loadCases(): CorpusCase[] {
  const dir = corpusDir();
  const cases = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .filter(
      (name) =>
        existsSync(path.join(dir, name, 'source.html')) &&
        existsSync(path.join(dir, name, 'expected-metadata.json')),
    )
    .map((name) => ({
      name,
      html: readFileSync(path.join(dir, name, 'source.html'), 'utf8'),
      expected: JSON.parse(
        readFileSync(path.join(dir, name, 'expected-metadata.json'), 'utf8'),
      ) as ExpectedMetadata,
    }));
  if (cases.length === 0) throw new Error(`Corpus ${dir} has no cases`);
  return cases;
}

let sanitize: ((html: string) => string) | undefined;

/** A parsed page (scripts off, no resources) at Readability's fake URL. */
export function parsePage(html: string, url = FAKE_URL): JSDOM {
  return new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
}

/**
 * A page parsed with happy-dom (about twice as fast as jsdom over this corpus, same outcomes on all
 * but one case); for fast first passes only: jsdom is the reference DOM.
 */
export function parsePageFast(html: string, url = FAKE_URL): { doc: Document; close: () => void } {
  const win = new HappyWindow({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  win.document.write(html);
  return { doc: win.document as unknown as Document, close: () => win.close() };
}

/** Run Masthead's whole pipeline on a document. */
export function analyze(doc: Document, url = FAKE_URL): PageReport {
  sanitize ??= createSanitizer(new JSDOM('').window as unknown as Window);
  return analyzeDocument(doc, url, { sanitize, now: new Date('2024-01-01T00:00:00Z') });
}

/** Comparison form of a title or byline: whitespace collapsed, typographic quotes/dashes plain. */
export function normaliseText(value: string | null | undefined): string {
  return (value ?? '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .trim();
}

/**
 * Comparison form of a byline: `normaliseText`, without a leading "By"/"Par"/"Written by" (a word
 * of the page, not of the name), with "A, B" and "A and B" joined the same way.
 */
export function normaliseByline(value: string | null | undefined): string {
  return normaliseText(value)
    .replace(/^(?:written\s+)?(?:by|par|von|por)\b[:\s]*/i, '')
    .replace(/\s*,\s*(?=\p{Lu})|\s+(?:and|&)\s+/gu, ', ')
    .trim();
}

function tokens(value: string): string[] {
  return normaliseText(value)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Token-level F1 between two strings (1 when both are empty). */
export function tokenF1(a: string | null | undefined, b: string | null | undefined): number {
  const ta = tokens(a ?? '');
  const tb = tokens(b ?? '');
  if (ta.length === 0 && tb.length === 0) return 1;
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  if (overlap === 0) return 0;
  const p = overlap / ta.length;
  const r = overlap / tb.length;
  return (2 * p * r) / (p + r);
}

/** Our title for a case: the article summary's, else the metadata's. */
export function ourTitle(report: PageReport): string | undefined {
  return report.article?.title || report.metadata?.title;
}

/** Our byline for a case: the article summary's, else the metadata's. */
export function ourByline(report: PageReport): string | undefined {
  return report.article?.byline ?? report.metadata?.byline;
}
