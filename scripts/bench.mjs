#!/usr/bin/env node
// `npm run bench`: Masthead's cost in real Chromium.
//  1. Per readability corpus page (../shared/corpora/readability-test-pages/<case>/source.html,
//     served on 127.0.0.1): Masthead's main-thread time in the page (data-masthead-perf from the
//     e2e build) vs a bare in-page Readability parse of the same page in a browser WITHOUT the
//     extension (same run). Long tasks are recorded with PerformanceObserver('longtask') and, for
//     attribution, 'long-animation-frame' scripts (sourceURL shows chrome-extension:// for ours).
//  2. Popup click-to-content: popup.html?tabId=<seed tab>, navigation start → 'masthead:content'.
//  3. Bundle sizes per entrypoint (raw + gzip) of the release Chrome and Firefox builds.
// Writes bench-results/latest.json and bench-results/<timestamp>.json; prints a summary.
// Env: BENCH_LIMIT=N (first N pages), BENCH_POPUP_RUNS=N (default 15), MASTHEAD_CORPORA,
//      MASTHEAD_SHARED, CHROMIUM_PATH, BENCH_STRICT=1 (exit 1 when a target fails).
/* global Readability, isProbablyReaderable, PerformanceObserver */
import { benchOutlets, outletsSummary } from './bench/outlets.mjs';
import { benchRelatedPopup, relatedPopupSummary } from './bench/related-popup.mjs';
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import {
  repoRoot,
  e2eExtDir,
  releaseChromeDir,
  releaseFirefoxDir,
  corporaDir,
  launchWithExtension,
  startServer,
  seedRoutes,
  SEED_URL,
  waitForStatus,
  readPerf,
  tabIdFor,
  withTimeout,
  BASE_ARGS,
  resolverRules,
  chromiumPath,
} from '../tests/e2e/harness.mjs';
import { benchReadingList, readingListSummary } from './bench/reading-list.mjs';
import { benchImport } from './bench/import.mjs';
import { benchRelated } from './bench/related.mjs';
import { benchAnchoring } from './bench/anchoring.mjs';
import { benchPeople, peopleSummary } from './bench/people.mjs';

const TARGETS = { maxTaskMs: 50, medianRatio: 0.25 };
const limit = Number(process.env.BENCH_LIMIT ?? 0) || Infinity;
const popupRuns = Number(process.env.BENCH_POPUP_RUNS ?? 15);

// ---------- helpers ----------
const round = (x, d = 2) => (x == null || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
function quantile(values, q) {
  const v = values.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}
const median = (v) => quantile(v, 0.5);
const max = (v) =>
  v.filter((x) => typeof x === 'number').length ? Math.max(...v.filter((x) => typeof x === 'number')) : null;
const log = (...a) => console.error(...a); // progress on stderr; the summary goes to stdout

function ensureBuild(dir, args, env = {}) {
  if (existsSync(path.join(dir, 'manifest.json'))) return;
  log(`bench: building ${path.relative(repoRoot, dir)} (npx wxt ${args.join(' ')})`);
  const r = spawnSync('npx', ['wxt', ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`build failed: npx wxt ${args.join(' ')}`);
}

// Injected into every page of the extension context before any page script runs (main world).
function installLongTaskObserver() {
  const store = { longtasks: [], loafs: [] };
  Object.defineProperty(window, '__mastheadBench', { value: store, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        store.longtasks.push({
          startTime: e.startTime,
          duration: e.duration,
          name: e.name,
          attribution: (e.attribution ?? []).map((a) => ({
            name: a.name,
            containerType: a.containerType,
            containerSrc: a.containerSrc,
            containerId: a.containerId,
            containerName: a.containerName,
          })),
        });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* unsupported */
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        store.loafs.push({
          startTime: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration,
          scripts: (e.scripts ?? []).map((s) => ({
            sourceURL: s.sourceURL,
            invoker: s.invoker,
            invokerType: s.invokerType,
            duration: s.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* unsupported */
  }
}

// ---------- 1. corpus ----------
function corpusCases() {
  const dir = path.join(corporaDir(), 'readability-test-pages');
  if (!existsSync(dir)) throw new Error(`Readability corpus not found at ${dir} (set MASTHEAD_CORPORA).`);
  const cases = readdirSync(dir)
    .filter((c) => existsSync(path.join(dir, c, 'source.html')))
    .sort()
    .map((c) => ({ name: c, file: path.join(dir, c, 'source.html'), urlPath: `/corpus/${c}/article.html` }));
  if (!cases.length) throw new Error(`no <case>/source.html under ${dir}`);
  return cases.slice(0, limit);
}

async function measureMasthead(browser, server, cases, extensionId) {
  const rows = [];
  for (const [i, c] of cases.entries()) {
    const page = await browser.context.newPage();
    const row = { case: c.name, bytes: statSync(c.file).size };
    try {
      await page.goto(server.url(c.urlPath), { waitUntil: 'load', timeout: 30_000 });
      row.status = await waitForStatus(page, { timeout: 20_000 });
      const perf = await readPerf(page);
      row.mastheadTotalMs = round(perf?.total);
      row.mastheadLongestMs = round(perf?.longest);
      row.mastheadTasks = perf?.tasks?.length ?? null;
      row.mastheadTaskMs = (perf?.tasks ?? []).map((t) => round(t));
      await page.waitForTimeout(250); // let observers deliver the last entries
      const obs = await withTimeout(
        page.evaluate(() => window.__mastheadBench ?? { longtasks: [], loafs: [] }),
        5_000,
        'read observers',
      );
      row.longTasks = obs.longtasks.map((t) => ({
        ...t,
        startTime: round(t.startTime),
        duration: round(t.duration),
      }));
      row.longAnimationFrames = obs.loafs.length;
      // LoAF script entries whose source is the extension: direct evidence a long frame ran our code.
      row.longFramesWithMasthead = obs.loafs
        .filter((f) =>
          f.scripts.some((s) => String(s.sourceURL).startsWith(`chrome-extension://${extensionId}/`)),
        )
        .map((f) => ({
          duration: round(f.duration),
          blockingDuration: round(f.blockingDuration),
          scripts: f.scripts.map((s) => ({ ...s, duration: round(s.duration) })),
        }));
    } catch (e) {
      row.error = String(e.message ?? e).slice(0, 300);
    }
    await page.close().catch(() => {});
    log(
      `  [${i + 1}/${cases.length}] ${c.name}: ${row.status ?? 'ERR'} total=${row.mastheadTotalMs ?? '-'}ms longest=${row.mastheadLongestMs ?? '-'}ms${row.error ? ' ' + row.error : ''}`,
    );
    rows.push(row);
  }
  return rows;
}

async function measureBare(server, cases) {
  const readability = readFileSync(
    path.join(repoRoot, 'node_modules/@mozilla/readability/Readability.js'),
    'utf8',
  );
  const readerable = readFileSync(
    path.join(repoRoot, 'node_modules/@mozilla/readability/Readability-readerable.js'),
    'utf8',
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...BASE_ARGS, `--host-resolver-rules=${resolverRules({}, true)}`],
  });
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, bypassCSP: true });
  const out = new Map();
  for (const [i, c] of cases.entries()) {
    const page = await context.newPage();
    const r = {};
    try {
      await page.goto(server.url(c.urlPath), { waitUntil: 'load', timeout: 30_000 });
      await page.addScriptTag({ content: `${readability}\n;${readerable}\n;window.__mhReady = 1;` });
      Object.assign(
        r,
        await withTimeout(
          page.evaluate(() => {
            const t0 = performance.now();
            const readerable = isProbablyReaderable(document);
            const t1 = performance.now();
            let article = null;
            let error = null;
            try {
              article = new Readability(document.cloneNode(true)).parse();
            } catch (e) {
              error = String(e && e.message);
            }
            const t2 = performance.now();
            return {
              readerable,
              readerableMs: t1 - t0,
              parseMs: t2 - t1,
              parsed: Boolean(article),
              textLength: article ? article.length : 0,
              parseError: error,
            };
          }),
          30_000,
          'bare parse',
        ),
      );
      r.readerableMs = round(r.readerableMs);
      r.parseMs = round(r.parseMs);
    } catch (e) {
      r.error = String(e.message ?? e).slice(0, 300);
    }
    await page.close().catch(() => {});
    log(
      `  [${i + 1}/${cases.length}] ${c.name}: bare parse=${r.parseMs ?? '-'}ms readerable=${r.readerableMs ?? '-'}ms`,
    );
    out.set(c.name, r);
  }
  const version = browser.version();
  await browser.close();
  return { results: out, version };
}

// ---------- 2. popup ----------
async function measurePopup(browser) {
  const { context, extensionId } = browser;
  const page = await context.newPage();
  await page.goto(SEED_URL);
  const status = await waitForStatus(page);
  const tabId = await tabIdFor(context, extensionId, SEED_URL);
  const times = [];
  let state = null;
  for (let i = 0; i < popupRuns; i++) {
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    try {
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForFunction(() => performance.getEntriesByName('masthead:content').length > 0, null, {
        timeout: 10_000,
        polling: 50,
      });
      times.push(await popup.evaluate(() => performance.getEntriesByName('masthead:content')[0].startTime));
      state = await popup.locator('body').getAttribute('data-state');
    } catch (e) {
      log(`  popup run ${i + 1}: ${e.message}`);
    }
    await popup.close().catch(() => {});
  }
  await page.close();
  return {
    seedStatus: status,
    runs: popupRuns,
    measured: times.length,
    finalState: state,
    timesMs: times.map((t) => round(t)),
    medianMs: round(median(times)),
    p95Ms: round(quantile(times, 0.95)),
    maxMs: round(max(times)),
  };
}

// ---------- 3. bundle sizes ----------
function bundleSizes(dir) {
  if (!existsSync(path.join(dir, 'manifest.json'))) return { missing: true };
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const size = (rel) => {
    const buf = readFileSync(path.join(dir, rel));
    return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const resolveRef = (from, ref) =>
    ref.startsWith('/') ? ref.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from), ref));
  // Files an entry loads: HTML → scripts/styles; JS → static and dynamic imports (recursive).
  const closure = (start) => {
    const seen = new Set();
    const visit = (rel) => {
      if (seen.has(rel) || !existsSync(path.join(dir, rel))) return;
      seen.add(rel);
      const src = readFileSync(path.join(dir, rel), 'utf8');
      const refs = rel.endsWith('.html')
        ? [...src.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map((x) => x[1])
        : rel.endsWith('.js')
          ? [...src.matchAll(/(?:\bimport|\bfrom)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)].map((x) => x[1])
          : [];
      for (const r of refs) if (!/^[a-z]+:/.test(r)) visit(resolveRef(rel, r));
    };
    visit(start);
    return [...seen];
  };
  const entries = {};
  const add = (name, start) => {
    if (!start || !existsSync(path.join(dir, start))) return;
    const files = closure(start);
    const sizes = files.map((f) => ({ file: f, ...size(f) }));
    entries[name] = {
      files: sizes,
      raw: sizes.reduce((s, f) => s + f.raw, 0),
      gzip: sizes.reduce((s, f) => s + f.gzip, 0),
    };
  };
  add('background', m.background?.service_worker ?? m.background?.scripts?.[0]);
  for (const cs of m.content_scripts ?? []) for (const js of cs.js ?? []) add(`content:${js}`, js);
  const dynamicContent = path.join(dir, 'content-scripts');
  if (existsSync(dynamicContent))
    for (const f of readdirSync(dynamicContent))
      if (f.endsWith('.js') && !entries[`content:content-scripts/${f}`])
        add(`content:content-scripts/${f}`, `content-scripts/${f}`);
  add('popup', m.action?.default_popup ?? m.browser_action?.default_popup);
  add('options', m.options_ui?.page ?? m.options_page);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.html')))
    if (!Object.values(entries).some((e) => e.files.some((x) => x.file === f)))
      add(f.replace(/\.html$/, ''), f);
  const all = [];
  const walk = (rel) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else all.push(r);
    }
  };
  walk('');
  const totals = all
    .map(size)
    .reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
  return { entries, total: { files: all.length, ...totals } };
}

// ---------- main ----------
let loadAtStart = null;
async function main() {
  const started = new Date();
  loadAtStart = os.loadavg().map((x) => round(x));
  ensureBuild(e2eExtDir, ['build'], { WXT_E2E: '1' });
  ensureBuild(releaseChromeDir, ['build']);
  ensureBuild(releaseFirefoxDir, ['build', '-b', 'firefox', '--mv3']);
  const cases = corpusCases();

  const routes = { ...seedRoutes() };
  for (const c of cases) routes[c.urlPath] = { file: c.file };
  const server = await startServer(routes);

  log(`bench: ${cases.length} corpus pages, Masthead (e2e build) in headless Chromium`);
  const browser = await launchWithExtension({ hostMap: { 'www.presstv.ir': server.port } });
  await browser.context.addInitScript(installLongTaskObserver);
  let rows;
  let popup;
  try {
    rows = await measureMasthead(browser, server, cases, browser.extensionId);
    log(`bench: popup click-to-content × ${popupRuns}`);
    popup = await measurePopup(browser);
  } finally {
    await browser.close();
  }
  log('bench: people highlights and report building');
  const people = await benchPeople();
  log('bench: bare Readability parse (no extension)');
  const bare = await measureBare(server, cases);
  await server.close();

  for (const r of rows) {
    const b = bare.results.get(r.case) ?? {};
    r.bareParseMs = b.parseMs ?? null;
    r.bareReaderableMs = b.readerableMs ?? null;
    r.bareReaderable = b.readerable ?? null;
    r.bareParsed = b.parsed ?? null;
    if (b.error) r.bareError = b.error;
    r.ratio = r.mastheadTotalMs != null && r.bareParseMs ? round(r.mastheadTotalMs / r.bareParseMs, 3) : null;
  }

  const ok = rows.filter((r) => r.mastheadTotalMs != null);
  const totals = ok.map((r) => r.mastheadTotalMs);
  const bareParses = rows.map((r) => r.bareParseMs).filter((x) => x != null);
  const maxLongest = max(ok.map((r) => r.mastheadLongestMs));
  const medianMasthead = median(totals);
  const medianBare = median(bareParses);
  const ratio = medianMasthead != null && medianBare ? medianMasthead / medianBare : null;
  const statuses = {};
  for (const r of rows) {
    const k = r.status ? r.status.replace(/^error:.*/, 'error') : 'no-status';
    statuses[k] = (statuses[k] ?? 0) + 1;
  }
  // Which step of the in-page pass (index into data-masthead-perf.tasks) was the longest, per page.
  const longestStep = {};
  for (const r of ok) {
    if (!r.mastheadTaskMs?.length) continue;
    const i = r.mastheadTaskMs.indexOf(Math.max(...r.mastheadTaskMs));
    longestStep[`task${i}`] = (longestStep[`task${i}`] ?? 0) + 1;
  }
  const overBudget = ok.filter((r) => r.mastheadLongestMs > TARGETS.maxTaskMs).map((r) => r.case);

  const targets = {
    noMastheadTaskOver50ms: {
      target: `longest Masthead task ≤ ${TARGETS.maxTaskMs} ms on every page`,
      actualMs: round(maxLongest),
      pagesOver: overBudget,
      pass: ok.length > 0 && maxLongest != null && maxLongest <= TARGETS.maxTaskMs,
    },
    medianMastheadVsBareParse: {
      target: `median Masthead total ≤ ${TARGETS.medianRatio * 100}% of median bare Readability parse`,
      actual: round(ratio, 3),
      pass: ratio != null && ratio <= TARGETS.medianRatio,
    },
  };

  const chromiumVersion = bare.version;
  const report = {
    date: started.toISOString(),
    durationS: round((Date.now() - started.getTime()) / 1000, 1),
    environment: {
      chromium: chromiumVersion,
      chromiumPath: chromiumPath(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((x) => round(x)),
      headless: true,
      extensionBuild: path.relative(repoRoot, e2eExtDir),
    },
    targets,
    corpus: {
      dir: path.join(corporaDir(), 'readability-test-pages'),
      pages: rows.length,
      measured: ok.length,
      statuses,
      masthead: {
        medianTotalMs: round(medianMasthead),
        p95TotalMs: round(quantile(totals, 0.95)),
        maxTotalMs: round(max(totals)),
        maxLongestTaskMs: round(maxLongest),
        medianTasks: median(ok.map((r) => r.mastheadTasks)),
      },
      bare: {
        medianParseMs: round(medianBare),
        p95ParseMs: round(quantile(bareParses, 0.95)),
        maxParseMs: round(max(bareParses)),
        medianReaderableMs: round(median(rows.map((r) => r.bareReaderableMs))),
      },
      ratioOfMedians: round(ratio, 3),
      longestStepHistogram: longestStep,
      pageLongTasks: rows.reduce((s, r) => s + (r.longTasks?.length ?? 0), 0),
      pageLongAnimationFrames: rows.reduce((s, r) => s + (r.longAnimationFrames ?? 0), 0),
      longFramesWithMastheadScripts: rows.reduce((s, r) => s + (r.longFramesWithMasthead?.length ?? 0), 0),
      rows,
    },
    popup,
    outlets: await benchOutlets(),
    people,
    relatedPopup: await benchRelatedPopup().catch((e) => ({ error: String(e?.message ?? e) })),
    bundles: { 'chrome-mv3': bundleSizes(releaseChromeDir), 'firefox-mv3': bundleSizes(releaseFirefoxDir) },
  };

  report.import = await benchImport();
  console.log(
    `import: ${report.import.rows}-row Pocket CSV in ${report.import.ms} ms (CPU ${report.import.cpuMs} ms), target ≤ ${report.import.targetMs} ms [${report.import.pass ? 'PASS' : 'FAIL'}]`,
  );
  log('bench: reading list (search at 10k items, 10k-row import, list first paint)');
  report.readingList = await benchReadingList();
  log('bench: related coverage (match query at 10k/100k stored items, feed parse; BENCH_RELATED_SIZES)');
  report.related = await benchRelated();
  log('bench: anchoring (100 highlights on the longest corpus page)');
  report.anchoring = await benchAnchoring();
  const outDir = path.join(repoRoot, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(report, null, 2));
  writeFileSync(path.join(outDir, `${stamp}.json`), JSON.stringify(report, null, 2));

  // ---------- summary ----------
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const c = report.corpus;
  const lines = [
    `Masthead bench — ${report.date} — Chromium ${chromiumVersion}, Node ${process.version}, ${os.cpus().length} CPUs`,
    `corpus: ${c.pages} pages (${c.measured} measured) — statuses ${JSON.stringify(statuses)}`,
    `Masthead in-page main thread: median ${c.masthead.medianTotalMs} ms, p95 ${c.masthead.p95TotalMs} ms, max ${c.masthead.maxTotalMs} ms; longest task ${c.masthead.maxLongestTaskMs} ms`,
    `bare Readability parse (clone + parse): median ${c.bare.medianParseMs} ms, p95 ${c.bare.p95ParseMs} ms, max ${c.bare.maxParseMs} ms; isProbablyReaderable median ${c.bare.medianReaderableMs} ms`,
    `ratio of medians (Masthead / bare parse): ${c.ratioOfMedians}`,
    `longest step per page (index in data-masthead-perf.tasks): ${JSON.stringify(c.longestStepHistogram)}`,
    `page long tasks (all sources, longtask API has no script attribution): ${c.pageLongTasks}; long animation frames: ${c.pageLongAnimationFrames}, of which with a chrome-extension:// script: ${c.longFramesWithMastheadScripts}`,
    `machine load average at start/end: ${loadAtStart?.join(' ')} / ${report.environment.loadAverageAtEnd.join(' ')} (${os.cpus().length} CPUs)`,
    `popup click-to-content (${popup.measured}/${popup.runs} runs): median ${popup.medianMs} ms, p95 ${popup.p95Ms} ms, max ${popup.maxMs} ms`,
    readingListSummary(report.readingList),
    peopleSummary(people),
    'bundles (raw / gzip):',
  ];
  for (const [b, info] of Object.entries(report.bundles)) {
    if (info.missing) {
      lines.push(`  ${b}: missing`);
      continue;
    }
    const parts = Object.entries(info.entries).map(([n, e]) => `${n} ${kb(e.raw)} / ${kb(e.gzip)}`);
    lines.push(`  ${b}: ${parts.join('; ')}; total ${kb(info.total.raw)} / ${kb(info.total.gzip)}`);
  }
  lines.push(outletsSummary(report.outlets));
  for (const q of report.related.query) {
    lines.push(
      `related: match query at ${q.items} items median ${q.medianMs} ms (target ≤ ${q.targetMs} ms) [${q.ok ? 'PASS' : 'FAIL'}]`,
    );
  }
  lines.push(
    `anchoring: 100 highlights on ${report.anchoring.page}: unchanged ${report.anchoring.unchanged.medianTotalMs} ms, mutated ${report.anchoring.mutated.medianTotalMs} ms`,
  );
  lines.push(relatedPopupSummary(report.relatedPopup));
  lines.push('targets:');
  lines.push(
    `  [${targets.noMastheadTaskOver50ms.pass ? 'PASS' : 'FAIL'}] ${targets.noMastheadTaskOver50ms.target}: ${targets.noMastheadTaskOver50ms.actualMs} ms` +
      (overBudget.length ? ` (over on: ${overBudget.join(', ')})` : ''),
  );
  lines.push(
    `  [${targets.medianMastheadVsBareParse.pass ? 'PASS' : 'FAIL'}] ${targets.medianMastheadVsBareParse.target}: ${round((ratio ?? NaN) * 100, 1)}%`,
  );
  lines.push(`report: bench-results/latest.json (+ bench-results/${stamp}.json)`);
  console.log(lines.join('\n'));
  const allPass = Object.values(targets).every((t) => t.pass);
  if (process.env.BENCH_STRICT === '1' && !allPass) process.exit(1);
}

main().catch((e) => {
  console.error(`bench failed: ${e.stack ?? e}`);
  process.exit(1);
});
