// @vitest-environment node
/**
 * The whole pipeline on the seed page (../shared/seed, or MASTHEAD_SHARED), and the analyzer CLI
 * in --jsonl mode with a bad line among good ones.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../lib/article/report';
import { analyzeDocument } from '../../../lib/article/analyze-document';
import { emptyMetadata } from '../../../lib/article/metadata';
import { REPO_ROOT } from './corpus';
import { docFor, sanitize } from './helpers';

const SHARED = process.env['MASTHEAD_SHARED'] ?? path.resolve(REPO_ROOT, '..', 'shared');
const SEED = path.join(SHARED, 'seed', 'presstv-japan-us-alliance.html');
const SEED_URL = 'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';

describe('analyzeDocument on the PressTV seed', () => {
  const report = analyzeDocument(docFor(readFileSync(SEED, 'utf8'), SEED_URL), SEED_URL, {
    sanitize,
    now: new Date('2024-01-01T00:00:00Z'),
  });

  it('is an article with metadata-first fields', () => {
    expect(report.verdict.isArticle).toBe(true);
    expect(report.article).toMatchObject({
      title: "Japan hopes for 'unwavering alliance' with US under Trump",
      publishedTime: '2017-02-03T11:13:00+03:30',
      siteName: 'Press TV',
      canonicalUrl: SEED_URL,
      lang: 'en',
      section: 'Asia-Pacific',
    });
    expect(report.urlKey).toBe('presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump');
    expect(report.outlet).toBeNull();
    expect(report.people).toEqual([]);
  });

  it('has clean paragraph text starting with the first paragraph', () => {
    expect(report.text.startsWith("Japan's prime minister says Tokyo is committed")).toBe(true);
    expect(report.text).toContain(
      '"We stand firmly, 100 percent, shoulder-to-shoulder with you and the Japanese people," Mattis told Abe.',
    );
    expect(report.text).toContain('Trump.\n\nShinzo Abe');
    expect(report.text).not.toMatch(/SHARE THIS ARTICLE|cookies|Most Viewed/);
    expect(report.article!.wordCount).toBeGreaterThan(300);
    expect(report.article!.readingMinutes).toBe(2);
  });
});

describe('buildReport', () => {
  const signals = {
    url: 'https://x.test/a',
    readerable: true,
    jsonLdArticle: false,
    ogArticle: false,
    hasPublishedTime: false,
    elementCount: 10,
    paragraphTextLength: 900,
    linkDensity: 0,
    pageKind: 'other' as const,
  };
  const extracted = {
    title: 'Readability title',
    byline: 'By Jane Doe | Updated 3 Feb 2017',
    content: '<p>x</p>',
    text: 'word '.repeat(460).trim(),
    siteName: 'Site',
    publishedTime: '2020-01-01',
  };

  it('falls back to Readability values and cleans its byline', () => {
    const r = buildReport({
      url: 'https://www.x.test/a?utm_source=y',
      signals,
      metadata: emptyMetadata(),
      extracted,
      now: new Date(0),
    });
    expect(r.verdict.isArticle).toBe(true);
    expect(r.urlKey).toBe('x.test/a');
    expect(r.article).toMatchObject({
      title: 'Readability title',
      byline: 'Jane Doe',
      authors: ['Jane Doe'],
      siteName: 'Site',
      publishedTime: '2020-01-01',
      wordCount: 460,
      readingMinutes: 2,
    });
  });

  it('keeps text and content empty for non-articles', () => {
    const r = buildReport({
      url: 'https://x.test/',
      signals,
      metadata: emptyMetadata(),
      extracted,
      verdict: { isArticle: false, reason: 'home-page', explanation: 'x' },
      now: new Date(0),
    });
    expect(r.article).toBeUndefined();
    expect(r.text).toBe('');
    expect(r.content).toBe('');
  });
});

describe('scripts/analyze.ts --jsonl', () => {
  it('answers every line, in order, with an error line for bad input', () => {
    const html = readFileSync(SEED, 'utf8');
    const input =
      [
        JSON.stringify({ id: 'seed', html, url: SEED_URL }),
        '{"id": "broken", "html": ',
        JSON.stringify({ id: 'nohtml', html: 42 }),
        JSON.stringify({ id: 'txt', text: 'Plain text, kept as is.\n\nTwo paragraphs.' }),
        JSON.stringify({ id: 'empty' }),
        JSON.stringify({
          id: 'login',
          html: '<html><body><form><input type="password"></form></body></html>',
          url: 'https://x.test/login',
        }),
      ].join('\n') + '\n';
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', '--jsonl'], {
      cwd: REPO_ROOT,
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['id'])).toEqual(['seed', 'broken', 'nohtml', 'txt', 'empty', 'login']);
    expect(Object.keys(lines[0]!)).toEqual([
      'id',
      'isArticle',
      'title',
      'byline',
      'publishedTime',
      'siteName',
      'canonicalUrl',
      'lang',
      'text',
      'outlet',
      'people',
      'sourcesCited',
    ]);
    expect(lines[0]).toMatchObject({
      isArticle: true,
      title: "Japan hopes for 'unwavering alliance' with US under Trump",
      siteName: 'Press TV',
      publishedTime: '2017-02-03T11:13:00+03:30',
      // Filled by the outlet resolver from the shipped data (lib/outlets/page.ts).
      outlet: expect.objectContaining({ id: 'Q912429', name: 'Press TV', control: 'state-controlled' }),
    });
    const people = lines[0]!['people'] as { name: string; mentions: { start: number; end: number }[] }[];
    expect(people.map((p) => p.name).sort()).toEqual([
      'Donald Trump',
      'Fumio Kishida',
      'James Mattis',
      'Shinzo Abe',
    ]);
    const seedText = lines[0]!['text'] as string;
    const spans = (name: string) =>
      people.find((p) => p.name === name)!.mentions.map((m) => seedText.slice(m.start, m.end));
    expect(spans('James Mattis')).toContain('Mattis');
    expect(spans('Shinzo Abe')).toContain('Shinzo Abe');
    expect((lines[0]!['sourcesCited'] as { name: string }[]).map((s) => s.name).sort()).toEqual([
      'AFP',
      'Kyodo News',
    ]);
    expect(lines[1]).toMatchObject({ id: 'broken', error: 'invalid JSON' });
    expect(lines[2]!['error']).toMatch(/html/);
    expect(lines[3]).toEqual({
      id: 'txt',
      isArticle: null,
      title: null,
      byline: null,
      publishedTime: null,
      siteName: null,
      canonicalUrl: null,
      lang: null,
      text: 'Plain text, kept as is.\n\nTwo paragraphs.',
      outlet: null,
      people: [],
      sourcesCited: [],
    });
    expect(lines[4]!['error']).toBeTruthy();
    expect(lines[5]).toMatchObject({ isArticle: false, text: '' });
  }, 120_000);

  it('exits 2 on usage errors', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage');
  }, 60_000);
});
