// Bench section "outlets" (issue 3): resolver throughput on 100k URLs (Node, scripts/bench-outlets.ts),
// the outlet data's JSON size (source and packaged), its fetch + parse + index time inside the real
// background service worker (performance.measure 'masthead:outlet-data', set by
// lib/outlets/dataset-load.ts on first use), the background bundle's size, and a check that no
// script bundle (content script or background) carries the dataset: it is a packaged file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import {
  e2eExtDir,
  launchWithExtension,
  openPopupFor,
  poll,
  releaseChromeDir,
  releaseFirefoxDir,
  repoRoot,
  seedRoutes,
  SEED_URL,
  startServer,
  swEval,
} from '../../tests/e2e/harness.mjs';

/** Strings only the dataset files carry (fact text: a host list, a QID or a field name alone is not the dataset). */
const DATASET_MARKERS = ['recall:wp:Press_TV', 'There is consensus that Press TV', 'Ofcom revoked'];

function walk(dir) {
  return existsSync(dir)
    ? readdirSync(dir).flatMap((n) => {
        const p = path.join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : [p];
      })
    : [];
}

function contentScriptCheck(buildDir) {
  const files = walk(path.join(buildDir, 'content-scripts')).filter((f) => f.endsWith('.js'));
  const carries = files.filter((f) => {
    const src = readFileSync(f, 'utf8');
    return DATASET_MARKERS.some((m) => src.includes(m));
  });
  const background = walk(buildDir).filter((f) => /background\.js$/.test(f));
  const packaged = path.join(buildDir, 'data', 'outlets.json');
  return {
    contentScripts: files.map((f) => path.relative(buildDir, f)),
    contentScriptBytes: files.reduce((s, f) => s + statSync(f).size, 0),
    datasetInContentScript: carries.map((f) => path.relative(buildDir, f)),
    backgroundJsBytes: background.reduce((s, f) => s + statSync(f).size, 0),
    datasetInBackground: background.some((f) => {
      const src = readFileSync(f, 'utf8');
      return DATASET_MARKERS.some((m) => src.includes(m));
    }),
    packagedOutletsJsonBytes: existsSync(packaged) ? statSync(packaged).size : null,
    pass: files.length > 0 && carries.length === 0,
  };
}

function resolverThroughput(n) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-outlets.ts'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, BENCH_OUTLETS_N: String(n) },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) return { error: (r.stderr || r.stdout || 'failed').slice(0, 500) };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Load + index time of the outlet data in the e2e build's service worker (first report triggers it). */
async function backgroundLoad() {
  if (!existsSync(path.join(e2eExtDir, 'manifest.json'))) return { error: 'no e2e build' };
  const server = await startServer(seedRoutes());
  const browser = await launchWithExtension({ hostMap: { 'www.presstv.ir': server.port } });
  try {
    const page = await browser.context.newPage();
    await page.goto(SEED_URL);
    await openPopupFor(browser.context, browser.extensionId, SEED_URL);
    const entry = await poll(
      () =>
        swEval(browser.context, browser.extensionId, () => {
          const e = performance.getEntriesByName('masthead:outlet-data')[0];
          return e ? { durationMs: e.duration, startMs: e.startTime } : null;
        }),
      { timeout: 10_000, what: 'masthead:outlet-data measure in the worker' },
    );
    return {
      loadAndIndexMs: Math.round(entry.durationMs * 10) / 10,
      sinceWorkerStartMs: Math.round(entry.startMs),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** @param {{ urls?: number }} [options] */
export async function benchOutlets({ urls = Number(process.env.BENCH_OUTLETS_N ?? 0) || 100_000 } = {}) {
  const raw = readFileSync(path.join(repoRoot, 'lib/outlets/data/outlets.json'));
  const rsp = readFileSync(path.join(repoRoot, 'lib/outlets/data/rsp.json'));
  return {
    resolver: resolverThroughput(urls),
    data: {
      outletsJsonBytes: raw.length,
      outletsJsonGzipBytes: gzipSync(raw).length,
      rspJsonBytes: rsp.length,
      rspJsonGzipBytes: gzipSync(rsp).length,
    },
    background: await backgroundLoad(),
    bundles: {
      'chrome-mv3': contentScriptCheck(releaseChromeDir),
      'firefox-mv3': contentScriptCheck(releaseFirefoxDir),
    },
  };
}

/** One summary line for the bench printout. */
export function outletsSummary(s) {
  const r = s.resolver ?? {};
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const cs = Object.entries(s.bundles)
    .map(
      ([b, v]) =>
        `${b} ${v.pass ? 'no dataset' : `DATASET in ${v.datasetInContentScript.join(', ') || 'missing build'}`}`,
    )
    .join(', ');
  return (
    `outlets: resolver ${r.urlsPerSec ?? '?'} URLs/s on ${r.urls ?? '?'} URLs; data ${kb(s.data.outletsJsonBytes)} ` +
    `(${kb(s.data.outletsJsonGzipBytes)} gzip); background fetch+load+index ${s.background.loadAndIndexMs ?? s.background.error} ms; ` +
    `background.js ${kb(s.bundles['chrome-mv3'].backgroundJsBytes ?? 0)} (dataset ${s.bundles['chrome-mv3'].datasetInBackground ? 'bundled' : 'packaged'}); ` +
    `content scripts: ${cs}`
  );
}

// Run alone: node scripts/bench/outlets.mjs  (BENCH_OUTLETS_N=10000 for a quick run)
if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(repoRoot, 'scripts/bench/outlets.mjs')
) {
  const s = await benchOutlets();
  console.log(JSON.stringify(s, null, 2));
  console.log(outletsSummary(s));
}
