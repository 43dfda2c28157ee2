// @vitest-environment node
/**
 * Spec over the synthetic fixture pages in tests/fixtures/pages: each page's expected.json lists the
 * metadata, signals and verdict the pipeline must produce (partial match).
 */
import { describe, expect, it } from 'vitest';
import { collectSignals, classifyPage } from '../../../lib/article/detect';
import { extractArticle } from '../../../lib/article/extract';
import { readMetadata } from '../../../lib/article/metadata';
import { analyzeDocument } from '../../../lib/article/analyze-document';
import { docFor, fixturePages, sanitize } from './helpers';

const pages = fixturePages();

describe('fixture pages', () => {
  it('has the synthetic pages the issue asks for', () => {
    expect(pages.length).toBeGreaterThanOrEqual(14);
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const { url } = p.expected;
    const doc = docFor(p.html, url);
    const metadata = readMetadata(doc, url);
    const signals = collectSignals(doc, url);
    const extracted = extractArticle(doc, { url, sanitize });
    const verdict = classifyPage(signals, metadata, extracted);
    if (p.expected.metadata) expect(metadata).toMatchObject(p.expected.metadata);
    if (p.expected.signals) expect(signals).toMatchObject(p.expected.signals);
    if (p.expected.extracted) expect(extracted).toMatchObject(p.expected.extracted);
    const { explanationIncludes, ...verdictFields } = p.expected.verdict ?? {};
    expect(verdict).toMatchObject(verdictFields);
    if (explanationIncludes) expect(verdict.explanation).toContain(explanationIncludes);

    const report = analyzeDocument(doc, url, { sanitize });
    expect(report.verdict).toEqual(verdict);
    if (p.expected.report?.byline) expect(report.article?.byline).toBe(p.expected.report.byline);
  });
});
