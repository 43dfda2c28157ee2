/** Test helpers: build documents with jsdom (scripts off, no resources) and load fixture pages. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { createSanitizer } from '../../../lib/safe-html';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PAGES_DIR = path.resolve(here, '..', '..', 'fixtures', 'pages');

/** A jsdom document for `html` at `url`. */
export function docFor(html: string, url = 'https://example.test/page'): Document {
  return new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() }).window
    .document;
}

/** A document whose body is `body` (and head is `head`). */
export function page(body: string, head = '', url?: string): Document {
  return docFor(`<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`, url);
}

/** Sanitiser bound to a throwaway jsdom window. */
export const sanitize = createSanitizer(new JSDOM('').window as unknown as Window);

/** Expected results of one fixture page (every part optional and partial). */
export interface PageExpectation {
  url: string;
  metadata?: Record<string, unknown>;
  signals?: Record<string, unknown>;
  extracted?: Record<string, unknown>;
  report?: { byline?: string; title?: string };
  verdict?: { isArticle: boolean; reason?: string; explanationIncludes?: string };
}

export interface FixturePage {
  name: string;
  html: string;
  expected: PageExpectation;
}

/** Every `tests/fixtures/pages/<name>/{source.html,expected.json}`. */
export function fixturePages(): FixturePage[] {
  return readdirSync(PAGES_DIR)
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(path.join(PAGES_DIR, name, 'source.html'), 'utf8'),
      expected: JSON.parse(
        readFileSync(path.join(PAGES_DIR, name, 'expected.json'), 'utf8'),
      ) as PageExpectation,
    }));
}
