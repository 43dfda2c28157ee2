// Bench section "people" (issue 4): in headless Chromium with the e2e build —
//  - highlight painting on the seed and on the longest readability corpus pages (our slices:
//    count, total, longest; plus the page's long tasks while painting),
//  - report building (people extraction + officeholder/outlet lookups) in the service worker for
//    the seed, cold (first article after the worker started: the data indexes are built) and warm.
// Run alone: `node scripts/bench/people.mjs` (BENCH_LIMIT=n: corpus pages tried, default 3).
/* global PerformanceObserver */
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  corporaDir,
  launchWithExtension,
  startServer,
  seedRoutes,
  SEED_URL,
  waitForStatus,
  poll,
  swEval,
  killWorker,
} from '../../tests/e2e/harness.mjs';

const round = (x, d = 2) => (x == null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Long tasks seen by the page (any source), collected from the start of the document. */
function installLongTasks() {
  globalThis.__mhLong = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) globalThis.__mhLong.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* unsupported */
  }
}

/** Corpus pages, largest first. */
function largestCorpusPages(n) {
  const dir = path.join(corporaDir(), 'readability-test-pages');
  return readdirSync(dir)
    .map((c) => path.join(dir, c, 'source.html'))
    .filter((f) => existsSync(f))
    .map((file) => ({ name: path.basename(path.dirname(file)), file, bytes: statSync(file).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, n);
}

/** Open `url`, wait for the in-page pass and the highlight paint; return the paint figures. */
async function paintOn(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const status = await waitForStatus(page, { timeout: 20_000 });
    const html = page.locator('html');
    let stats = null;
    try {
      const raw = await poll(() => html.getAttribute('data-masthead-highlights', { timeout: 1_000 }), {
        timeout: 8_000,
        what: 'data-masthead-highlights',
      });
      stats = JSON.parse(raw);
    } catch {
      stats = null; // not an article, or nobody named: nothing painted
    }
    await page.waitForTimeout(250);
    const longTasks = await page.evaluate(() => globalThis.__mhLong ?? []);
    const textChars = await page.evaluate(() => document.body?.innerText.length ?? 0);
    return {
      status,
      textChars,
      painted: !!stats,
      people: stats?.people ?? 0,
      marks: stats?.marks ?? 0,
      api: stats?.api ?? null,
      slices: stats?.tasks ?? 0,
      paintTotalMs: round(stats?.total),
      paintLongestSliceMs: round(stats?.longest),
      pageLongTasks: longTasks.length,
      pageLongestTaskMs: round(Math.max(0, ...longTasks.map((t) => t.duration))),
    };
  } finally {
    await page.close();
  }
}

/** The worker's last "masthead:report" measure (report building incl. people), ms. */
async function lastReportMs(browser) {
  return poll(
    () =>
      swEval(browser.context, browser.extensionId, () => {
        const m = performance.getEntriesByName('masthead:report');
        return m.length
          ? { ms: m[m.length - 1].duration, people: m[m.length - 1].detail?.people ?? null }
          : null;
      }),
    { timeout: 10_000, what: 'masthead:report measure' },
  );
}

export async function benchPeople({ corpusPages = Number(process.env.BENCH_LIMIT ?? 0) || 3 } = {}) {
  const pages = largestCorpusPages(corpusPages);
  const routes = { ...seedRoutes() };
  for (const p of pages) routes[`/corpus/${p.name}/article.html`] = { file: p.file };
  const server = await startServer(routes);
  const browser = await launchWithExtension({ hostMap: { 'www.presstv.ir': server.port } });
  await browser.context.addInitScript(installLongTasks);
  try {
    const seed = await paintOn(browser.context, SEED_URL);
    const cold = await lastReportMs(browser);
    const warmRuns = [];
    for (let i = 0; i < 5; i++) {
      await swEval(browser.context, browser.extensionId, () => performance.clearMeasures('masthead:report'));
      await paintOn(browser.context, SEED_URL);
      warmRuns.push((await lastReportMs(browser)).ms);
    }
    const corpus = [];
    for (const p of pages) {
      const row = await paintOn(browser.context, server.url(`/corpus/${p.name}/article.html`));
      corpus.push({ case: p.name, bytes: p.bytes, ...row });
    }
    // A cold worker again: the first report after a restart pays for building the data indexes.
    const helper = await browser.context.newPage();
    await helper.goto('about:blank');
    await killWorker(browser.context, helper, browser.extensionId);
    await helper.close();
    await paintOn(browser.context, SEED_URL);
    const coldAfterRestart = await lastReportMs(browser).catch(() => null);
    const measured = [seed, ...corpus].filter((r) => r.painted);
    return {
      seed,
      corpus,
      maxPaintSliceMs: round(Math.max(0, ...measured.map((r) => r.paintLongestSliceMs ?? 0))),
      paintSlicesUnder50ms: measured.every((r) => (r.paintLongestSliceMs ?? 0) <= 50),
      backgroundReport: {
        what: 'buildReport in the service worker for the seed: people extraction + role/outlet lookups',
        coldMs: round(cold.ms),
        coldAfterWorkerRestartMs: round(coldAfterRestart?.ms),
        warmMs: warmRuns.map((x) => round(x)),
        people: cold.people,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One line for the bench summary. */
export function peopleSummary(s) {
  const big = s.corpus.find((r) => r.painted) ?? s.corpus[0];
  return (
    `people: seed paint ${s.seed.marks} marks in ${s.seed.slices} slices, longest ${s.seed.paintLongestSliceMs} ms; ` +
    `largest corpus page painted (${big?.case}, ${big?.marks} marks) longest slice ${big?.paintLongestSliceMs} ms; ` +
    `background report (people) cold ${s.backgroundReport.coldMs} ms, warm median ${
      [...s.backgroundReport.warmMs].sort((a, b) => a - b)[Math.floor(s.backgroundReport.warmMs.length / 2)]
    } ms`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = await benchPeople();
  console.log(JSON.stringify(s, null, 2));
  console.error(peopleSummary(s));
}
