// E2E harness: Debian Chromium (new headless) + the e2e build of Masthead (TOOLING.md §8,
// SECURITY-RELIABILITY.md T1/T3/T5). Used by tests/e2e/*.test.mjs, scripts/bench.mjs and
// scripts/demo.mjs. Never downloads a browser: playwright-core with executablePath only.
/* global chrome, indexedDB */
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm, copyFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { placeholderImage } from './server.mjs';

export { startServer, placeholderImage } from './server.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const e2eExtDir = path.join(repoRoot, '.output-e2e', 'chrome-mv3');
export const releaseChromeDir = path.join(repoRoot, '.output', 'chrome-mv3');
export const releaseFirefoxDir = path.join(repoRoot, '.output', 'firefox-mv3');
export const pagesDir = path.join(repoRoot, 'tests', 'e2e', 'pages');

/** The seed article (the product's canonical demo page) and the URL it is served under. */
export const SEED_HOST = 'www.presstv.ir';
export const SEED_PATH = '/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';
export const SEED_URL = `http://${SEED_HOST}${SEED_PATH}`;
export const SEED_PHOTO_PATH = '/Photo/2017/02/03/abe-mattis.jpg';
export const SEED_HEADLINE = "Japan hopes for 'unwavering alliance' with US under Trump";

/** The shared/ folder (sibling of the repo), or $MASTHEAD_SHARED. Throws a clear error when missing. */
export function sharedDir() {
  const dir = process.env.MASTHEAD_SHARED ?? path.resolve(repoRoot, '..', 'shared');
  if (!existsSync(dir)) {
    throw new Error(
      `Masthead's shared/ folder was not found at ${dir}. It must sit next to the repository ` +
        `(../shared) or be named by MASTHEAD_SHARED=/path/to/shared.`,
    );
  }
  return dir;
}

/** The corpora folder: $MASTHEAD_CORPORA, else <shared>/corpora. Throws when missing. */
export function corporaDir() {
  const dir = process.env.MASTHEAD_CORPORA ?? path.join(sharedDir(), 'corpora');
  if (!existsSync(dir)) {
    throw new Error(`Corpora folder not found at ${dir} (set MASTHEAD_CORPORA or MASTHEAD_SHARED).`);
  }
  return dir;
}

/** Absolute path of the seed HTML; throws with a clear message when shared/ is missing. */
export function seedFile() {
  const file = path.join(sharedDir(), 'seed', 'presstv-japan-us-alliance.html');
  if (!existsSync(file)) throw new Error(`Seed article not found: ${file}`);
  return file;
}

/** Server routes for the seed article under its real path (+ placeholders for its photos). */
export function seedRoutes() {
  return {
    [SEED_PATH]: { file: seedFile() },
    [SEED_PHOTO_PATH]: placeholderImage('photo (local copy of the article)'),
    '/Photo/2017/02/03/mattis-kishida.jpg': placeholderImage('photo (local copy of the article)'),
  };
}

/** Throws a helpful error when a build output is missing. */
export function requireBuild(dir, command) {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir} — run \`${command}\` first.`);
  }
  return dir;
}

/** Race a promise against a timeout (a stopped worker's evaluate() hangs forever: pitfall 13). */
export function withTimeout(promise, ms, what = 'operation') {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Poll `fn` until it returns a truthy value (returned) or the timeout passes (throws). */
export async function poll(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  let lastError;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(
    `${what} not reached within ${timeout} ms` +
      (lastError ? ` (last error: ${lastError.message})` : ` (last value: ${JSON.stringify(last)})`),
  );
}

/** `--host-resolver-rules` value: mapped hosts first, then (optionally) everything else NOTFOUND. */
export function resolverRules(hostMap = {}, blockOtherHosts = true) {
  const rules = Object.entries(hostMap).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`);
  if (blockOtherHosts) rules.push('MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost');
  return rules.join(',');
}

/** Chromium flags shared by the extension launch and the bare (no-extension) bench browser. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Mapped test hosts are plain http on a local port: don't try an https upgrade first.
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
];

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launch Debian Chromium with an unpacked extension on a fresh profile.
 * @param {{ extDir?: string, args?: string[], hostMap?: Record<string, number>, headless?: boolean,
 *   viewport?: {width:number,height:number} | null }} [options]
 *   hostMap: hostname → local port; becomes `--host-resolver-rules=MAP host 127.0.0.1:port,…`, so
 *   `http://host/…` is served by the local server and `location.host` is the real hostname.
 *   Every other hostname except 127.0.0.1/localhost resolves to NOTFOUND (hermetic runs; no
 *   egress) unless `blockOtherHosts` is false. `isolate` (default) loads a temporary copy of extDir.
 *   `ignoreCertificateErrors` (off by default): accept the self-signed certificate of a local https
 *   stand-in (tests/e2e/tls-server.mjs).
 */
export async function launchWithExtension({
  extDir = e2eExtDir,
  args = [],
  hostMap = {},
  headless = true,
  viewport = { width: 1000, height: 800 },
  blockOtherHosts = true,
  isolate = true,
  ignoreCertificateErrors = false,
} = {}) {
  requireBuild(extDir, 'WXT_E2E=1 npx wxt build');
  const profile = await mkdtemp(path.join(tmpdir(), 'masthead-e2e-'));
  // Load a private copy of the build: a rebuild of .output-e2e while a test runs (another
  // terminal, a watcher) would otherwise pull files out from under the running extension.
  let copyDir = null;
  if (isolate) {
    copyDir = await mkdtemp(path.join(tmpdir(), 'masthead-ext-'));
    await cp(extDir, copyDir, { recursive: true });
    extDir = copyDir;
  }
  const rules = resolverRules(hostMap, blockOtherHosts);
  let context;
  let sw;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless,
      viewport,
      args: [
        `--disable-extensions-except=${extDir}`,
        `--load-extension=${extDir}`,
        ...BASE_ARGS,
        ...(rules ? [`--host-resolver-rules=${rules}`] : []),
        // Test-only: https hosts served by tests/e2e/tls-server.mjs with a self-signed pair.
        ...(ignoreCertificateErrors ? ['--ignore-certificate-errors'] : []),
        ...args,
      ],
    });
    sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  } catch (e) {
    await context?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    if (copyDir) await rm(copyDir, { recursive: true, force: true, maxRetries: 5 });
    throw e;
  }
  const extensionId = new URL(sw.url()).host;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await withTimeout(context.close(), 15_000, 'context.close').catch(() => {});
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    if (copyDir) await rm(copyDir, { recursive: true, force: true, maxRetries: 5 });
  };
  return { context, sw, extensionId, profile, close };
}

/** The extension's current service worker (after a kill the context may list a new one). */
export function currentWorker(context, extensionId) {
  const list = context
    .serviceWorkers()
    .filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  return list[list.length - 1];
}

/** Evaluate in the extension's service worker with a timeout. */
export async function swEval(context, extensionId, fn, arg, timeout = 5_000) {
  const sw = currentWorker(context, extensionId);
  if (!sw) throw new Error('no Masthead service worker');
  return withTimeout(sw.evaluate(fn, arg), timeout, 'service-worker evaluate');
}

/** Id of the tab showing `url` (exact match, or same href after URL parsing). Asks an open
 * extension page when there is one (never hangs), else the service worker (with a timeout). */
export async function tabIdFor(context, extensionId, url) {
  const query = async (u) => {
    const tabs = await chrome.tabs.query({});
    const norm = (x) => {
      try {
        return new URL(x).href;
      } catch {
        return x;
      }
    };
    return (tabs.find((t) => t.url === u) ?? tabs.find((t) => norm(t.url ?? '') === norm(u)))?.id;
  };
  return poll(
    () => {
      const extPage = context.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/`));
      return extPage
        ? withTimeout(extPage.evaluate(query, url), 5_000, 'extension page evaluate')
        : swEval(context, extensionId, query, url);
    },
    { timeout: 5_000, what: `tab id for ${url}` },
  );
}

/** Badge text of a tab, read from the worker. */
export function badgeText(context, extensionId, tabId) {
  return swEval(context, extensionId, (id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Wait until the content script has finished its in-page pass; returns `data-masthead-status`. */
export async function waitForStatus(page, { timeout = 15_000 } = {}) {
  // Locator reads run in Playwright's utility world, so hostile page prototypes can't break them.
  const html = page.locator('html');
  return poll(() => html.getAttribute('data-masthead-status', { timeout: 1_000 }), {
    timeout,
    interval: 50,
    what: `data-masthead-status on ${page.url()}`,
  });
}

/** Parsed `data-masthead-perf` ({ tasks, total, longest }) or null. */
export async function readPerf(page) {
  const raw = await page.locator('html').getAttribute('data-masthead-perf', { timeout: 2_000 });
  return raw ? JSON.parse(raw) : null;
}

/** Open an extension page (popup.html by default) in a tab. */
export async function openExtensionPage(context, extensionId, file = 'popup.html') {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${file}`);
  return page;
}

/**
 * Open the popup as a tab for the tab showing `tabUrl` (popup.html?tabId=<id>) and wait until it
 * left the loading state. Returns { popup, tabId, state }.
 */
export async function openPopupFor(
  context,
  extensionId,
  tabUrl,
  { viewport = { width: 400, height: 600 } } = {},
) {
  const tabId = await tabIdFor(context, extensionId, tabUrl);
  const popup = await context.newPage();
  if (viewport) await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  const state = await poll(
    async () => {
      const s = await popup.locator('body').getAttribute('data-state', { timeout: 1_000 });
      return s && s !== 'loading' ? s : null;
    },
    { timeout: 10_000, what: 'popup body[data-state] ≠ loading' },
  );
  return { popup, tabId, state };
}

/** Text of `[data-testid=id]` in a page, or null when absent. */
export async function testIdText(page, id) {
  const loc = page.locator(`[data-testid="${id}"]`);
  if ((await loc.count()) === 0) return null;
  return (await loc.first().innerText()).trim();
}

/** The per-tab report the background keeps in storage.session (read from an extension page). */
export function sessionReport(extPage, tabId) {
  return withTimeout(
    extPage.evaluate(async (key) => (await chrome.storage.session.get(key))[key] ?? null, `report:${tabId}`),
    5_000,
    'storage.session read',
  );
}

/**
 * Every row of an IndexedDB object store, read with the raw API from an extension page (same
 * origin as the worker). Returns [] when the database or the store does not exist yet (without
 * creating the database: opening a missing DB without a version would create an empty one).
 */
export function readAll(page, dbName, store) {
  return withTimeout(
    page.evaluate(
      async ([dbName, store]) => {
        const dbs = await indexedDB.databases();
        if (!dbs.some((d) => d.name === dbName)) return [];
        return new Promise((resolve, reject) => {
          const req = indexedDB.open(dbName);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains(store)) {
              db.close();
              resolve([]);
              return;
            }
            const all = db.transaction(store, 'readonly').objectStore(store).getAll();
            all.onsuccess = () => {
              db.close();
              resolve(all.result);
            };
            all.onerror = () => reject(all.error);
          };
        });
      },
      [dbName, store],
    ),
    5_000,
    'IndexedDB read',
  );
}

/**
 * Replace every row of an IndexedDB object store with `rows` in one transaction, with the raw API
 * from an extension page (e.g. a test's own feed list in place of the defaults, as a reader's
 * edits would leave it).
 */
export function replaceRows(page, dbName, store, rows) {
  return withTimeout(
    page.evaluate(
      ([dbName, store, rows]) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open(dbName);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction(store, 'readwrite');
            tx.objectStore(store).clear();
            for (const r of rows) tx.objectStore(store).put(r);
            tx.oncomplete = () => (db.close(), resolve(true));
            tx.onerror = () => reject(tx.error);
          };
        }),
      [dbName, store, rows],
    ),
    10_000,
    'IndexedDB write',
  );
}

/** Stop the extension's service worker on purpose (SECURITY-RELIABILITY.md T3). */
export async function killWorker(context, page, extensionId) {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (sw) await cdp.send('Target.closeTarget', { targetId: sw.targetId });
    return Boolean(sw);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Collect errors that come from Masthead: uncaught page errors and console errors whose source is
 * the extension (content script, extension pages), plus every console error of the worker.
 * Page-own errors are collected separately (a hostile page may throw on purpose).
 */
export function collectErrors(context, extensionId, sw) {
  const ours = [];
  const pageOwn = [];
  const isOurs = (url) => typeof url === 'string' && url.startsWith(`chrome-extension://${extensionId}/`);
  const watchPage = (page) => {
    page.on('pageerror', (e) => {
      const stack = String(e.stack ?? '');
      (stack.includes(`chrome-extension://${extensionId}/`) || isOurs(page.url()) ? ours : pageOwn).push(
        `pageerror ${page.url()}: ${e.message}`,
      );
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location()?.url ?? '';
      const text = `console.error ${page.url()} (${loc}): ${msg.text()}`;
      if (isOurs(loc) || isOurs(page.url())) ours.push(text);
      else pageOwn.push(text);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  const watchWorker = (w) => {
    if (!w.url().startsWith(`chrome-extension://${extensionId}/`)) return;
    w.on('console', (msg) => {
      if (msg.type() === 'error') ours.push(`worker console.error: ${msg.text()}`);
    });
  };
  if (sw) watchWorker(sw);
  context.on('serviceworker', watchWorker);
  return { ours, pageOwn };
}

/**
 * Screenshot into test-results/<name>.png; also into docs/screenshots/<name>.png when
 * `docs` is true or UPDATE_SCREENSHOTS=1. Returns the written paths.
 */
export async function screenshot(
  page,
  name,
  { docs = process.env.UPDATE_SCREENSHOTS === '1', fullPage = false } = {},
) {
  const out = path.join(repoRoot, 'test-results', `${name}.png`);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage });
  const written = [out];
  if (docs) {
    const docPath = path.join(repoRoot, 'docs', 'screenshots', `${name}.png`);
    mkdirSync(path.dirname(docPath), { recursive: true });
    await copyFile(out, docPath);
    written.push(docPath);
  }
  return written;
}

/** A page's own file under tests/e2e/pages. */
export const pageFile = (name) => path.join(pagesDir, name);

/** Routes for every synthetic fixture page under tests/e2e/pages (served on 127.0.0.1). */
export function fixtureRoutes() {
  const f = (name) => ({ file: pageFile(name) });
  return {
    '/': f('front.html'),
    '/account/login': f('login.html'),
    '/search': f('search.html'),
    '/section/world': f('section.html'),
    '/video/2024/05/02/harbour-bridge-reopens': f('video.html'),
    '/news/2024/05/06/ferry-night-crossings-restored': f('prototype-override.html'),
    '/news/2024/05/03/flood-barrier-live': f('infinite-scroll.html'),
    '/spa/story-1': f('spa.html'),
    '/spa/story-2': f('spa.html'),
    '/hostile/huge-dom': f('huge-dom.html'),
    '/hostile/no-body': f('no-body.html'),
    '/hostile/frameset': f('frameset.html'),
    '/pages/article-plain': f('article-plain.html'),
  };
}
