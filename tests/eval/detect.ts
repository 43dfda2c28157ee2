/**
 * `npm run -s eval:detect` — article detection and metadata accuracy over Readability's 130 test
 * pages, with plain Readability (isProbablyReaderable + parse()) as the baseline in the same run.
 *
 * Caveats, printed in the summary too: the expected files are Readability's own output at one
 * commit (so the baseline agrees with them almost by construction), and only 8 cases are
 * `readerable: false`, so precision rests on very few negatives.
 *
 * Per-case mismatches go to stderr; the LAST stdout line is one JSON summary object.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import {
  analyze,
  FAKE_URL,
  loadCases,
  normaliseByline,
  normaliseText,
  ourByline,
  ourTitle,
  parsePage,
  tokenF1,
  type CorpusCase,
} from '../lib/article/corpus';

interface Answer {
  isArticle: boolean;
  title?: string | null;
  byline?: string | null;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  titleCases: number;
  titleExact: number;
  titleLenient: number;
  bylineCases: number;
  bylineExact: number;
  bylineLenient: number;
}

const newTally = (): Tally => ({
  tp: 0,
  fp: 0,
  fn: 0,
  tn: 0,
  titleCases: 0,
  titleExact: 0,
  titleLenient: 0,
  bylineCases: 0,
  bylineExact: 0,
  bylineLenient: 0,
});

function baseline(doc: Document): Answer {
  const isArticle = isProbablyReaderable(doc);
  try {
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    return { isArticle, title: parsed?.title, byline: parsed?.byline };
  } catch {
    return { isArticle };
  }
}

function ours(doc: Document): Answer {
  const report = analyze(doc, FAKE_URL);
  return { isArticle: report.verdict.isArticle, title: ourTitle(report), byline: ourByline(report) };
}

function score(t: Tally, c: CorpusCase, a: Answer, who: string, log: boolean): void {
  const expected = c.expected.readerable !== false;
  if (a.isArticle && expected) t.tp++;
  else if (a.isArticle) t.fp++;
  else if (expected) t.fn++;
  else t.tn++;
  if (log && a.isArticle !== expected)
    process.stderr.write(`${who} ${c.name}: isArticle ${a.isArticle}, expected readerable ${expected}\n`);
  compareField(t, c, 'title', c.expected.title, a.title, who, log);
  compareField(t, c, 'byline', c.expected.byline, a.byline, who, log);
}

function compareField(
  t: Tally,
  c: CorpusCase,
  field: 'title' | 'byline',
  expected: string | null | undefined,
  actual: string | null | undefined,
  who: string,
  log: boolean,
): void {
  if (!expected) return;
  // Bylines compare without a leading "By" and with one join style ("A, B" = "A and B").
  const norm = field === 'byline' ? normaliseByline : normaliseText;
  const exact = norm(expected) === norm(actual);
  const lenient = tokenF1(norm(expected), norm(actual)) >= 0.9;
  t[`${field}Cases`]++;
  if (exact) t[`${field}Exact`]++;
  if (lenient) t[`${field}Lenient`]++;
  if (log && !exact)
    process.stderr.write(
      `${who} ${c.name}: ${field} ${JSON.stringify(actual ?? null)}, expected ${JSON.stringify(expected)}\n`,
    );
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

function summary(t: Tally) {
  return {
    precision: ratio(t.tp, t.tp + t.fp),
    recall: ratio(t.tp, t.tp + t.fn),
    tp: t.tp,
    fp: t.fp,
    fn: t.fn,
    tn: t.tn,
    titleExact: ratio(t.titleExact, t.titleCases),
    titleF1ge09: ratio(t.titleLenient, t.titleCases),
    titleCases: t.titleCases,
    bylineExact: ratio(t.bylineExact, t.bylineCases),
    bylineF1ge09: ratio(t.bylineLenient, t.bylineCases),
    bylineCases: t.bylineCases,
  };
}

function main(): void {
  const started = Date.now();
  const cases = loadCases();
  const ourTally = newTally();
  const baseTally = newTally();
  for (const c of cases) {
    const dom = parsePage(c.html);
    try {
      score(ourTally, c, ours(dom.window.document), 'masthead', true);
      score(baseTally, c, baseline(dom.window.document), 'baseline', false);
    } finally {
      dom.window.close();
    }
  }
  const negatives = cases.filter((c) => c.expected.readerable === false).length;
  const result = {
    eval: 'detect',
    corpus: 'readability-test-pages',
    cases: cases.length,
    negatives,
    ...summary(ourTally),
    baseline: summary(baseTally),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    note: `expected = Readability's own output at one commit (the baseline agrees by construction); only ${negatives} readerable:false cases; bylines compared without a leading "By" and with one join style`,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
