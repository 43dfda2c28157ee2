// @vitest-environment node
/** precheckPage and analyzeDocument on hostile documents: bounded outcome, never a throw. */
import { Window } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { inspectPage, precheckPage } from '../../../lib/article/precheck';
import { analyzeDocument } from '../../../lib/article/analyze-document';
import { docFor, page, sanitize } from './helpers';

/** Build big documents through the DOM API: parsing such HTML costs jsdom far more than us. */
function manySpans(count: number): Document {
  const doc = page('');
  for (let i = 0; i < count; i++) doc.body.appendChild(doc.createElement('span')).textContent = 'x';
  return doc;
}

/**
 * 10k nested divs, parsed by happy-dom: jsdom itself recurses when attaching or parsing such a tree
 * (its parser takes ~20 s and its attach overflows the stack), which would test jsdom, not us.
 */
function nestedDivs(depth: number): Document {
  const win = new Window({
    url: 'https://example.test/hostile',
    settings: { disableJavaScriptEvaluation: true },
  });
  win.document.write(
    `<!DOCTYPE html><html><body>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}</body></html>`,
  );
  return win.document as unknown as Document;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe('precheckPage', () => {
  const cases: [string, () => Document, string | null][] = [
    ['an ordinary page', () => page('<p>Hello</p>'), null],
    [
      'a frameset',
      () => docFor('<html><head></head><frameset><frame src="a.html"></frameset></html>'),
      'frameset',
    ],
    [
      'an XML document',
      () => new JSDOM('<rss><channel/></rss>', { contentType: 'application/xml' }).window.document,
      'not-html',
    ],
    [
      'a document without body',
      () => {
        const d = page('<p>x</p>');
        d.documentElement.removeChild(d.body);
        return d;
      },
      'no-body',
    ],
  ];
  it.each(cases.map(([name, make, reason]) => ({ name, make, reason })))(
    '$name → $reason',
    ({ make, reason }) => {
      expect(precheckPage(make())).toBe(reason);
    },
  );

  it('refuses 200k elements quickly as too-large', () => {
    const doc = manySpans(200_000);
    const { value, ms } = timed(() => precheckPage(doc));
    expect(value).toBe('too-large');
    expect(ms).toBeLessThan(1_000);
  }, 60_000);

  it('honours maxElements', () => {
    expect(precheckPage(page('<p></p>'.repeat(20)), { maxElements: 10 })).toBe('too-large');
  });

  it('never throws on a misbehaving document', () => {
    const hostile = {
      get contentType(): string {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(precheckPage(hostile)).toBe('no-body');
  });
});

describe('analyzeDocument on hostile documents', () => {
  const url = 'https://example.test/hostile';
  const hostile: { name: string; make: () => Document; reason: string }[] = [
    { name: '200k elements', make: () => manySpans(200_000), reason: 'too-large' },
    {
      name: 'a frameset',
      make: () => docFor('<html><frameset><frame src="a.html"></frameset></html>'),
      reason: 'frameset',
    },
    {
      name: 'no body',
      make: () => {
        const d = page('');
        d.documentElement.removeChild(d.body);
        return d;
      },
      reason: 'no-body',
    },
  ];
  it.each(hostile)(
    '$name → $reason',
    ({ make, reason }) => {
      const report = analyzeDocument(make(), url, { sanitize });
      expect(report.verdict).toMatchObject({ isArticle: false, reason });
      expect(report.text).toBe('');
    },
    60_000,
  );

  it('handles a 5 MB single text node in bounded time', () => {
    const doc = page('<p></p>');
    doc.body.firstElementChild!.textContent = 'word '.repeat(1_000_000);
    const { value, ms } = timed(() => analyzeDocument(doc, url, { sanitize }));
    expect(value.verdict.explanation).toBeTruthy();
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('handles 10k nested divs without throwing', () => {
    const doc = nestedDivs(10_000);
    const { value, ms } = timed(() => analyzeDocument(doc, url, { sanitize }));
    expect(value.verdict.isArticle).toBe(false);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('turns an exception into reason "error"', () => {
    const report = analyzeDocument(page('<p>x</p>'), url, {
      sanitize: () => {
        throw new Error('x');
      },
      now: new Date(0),
    });
    expect(report.analysedAt).toBe('1970-01-01T00:00:00.000Z');
    expect(report.verdict.isArticle).toBe(false);
  });
});

describe('inspectPage', () => {
  it('returns the element count it measured with the verdict', () => {
    const doc = manySpans(50);
    expect(inspectPage(doc)).toEqual({ refused: null, elementCount: doc.getElementsByTagName('*').length });
    expect(inspectPage(doc, { maxElements: 10 })).toEqual({
      refused: 'too-large',
      elementCount: doc.getElementsByTagName('*').length,
    });
    expect(inspectPage(docFor('<html><frameset></frameset></html>'))).toEqual({
      refused: 'frameset',
      elementCount: 0,
    });
  });
});
