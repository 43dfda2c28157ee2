// Egress / privacy (SECURITY-RELIABILITY.md P3, S9): with every online feature off (the defaults),
// reading 20 pages — the seed, fixture pages and Readability-corpus news pages under their real
// hostnames — makes Masthead send NOTHING over the network: every request is the pages' own.
// Positive controls then prove the recorder sees each way Masthead could send something: a fetch
// from the service worker, from the offscreen document, from an extension page and from a content
// script. Later features add a test here: "with feature X on, requests go only to hosts H"
// (tests/e2e/egress.mjs → extensionEgressViolations(rec, { allowedHosts: H })).
/* global fetch */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  fixtureRoutes,
  corporaDir,
  e2eExtDir,
  SEED_URL,
  SEED_HOST,
  waitForStatus,
  tabIdFor,
  sessionReport,
  openExtensionPage,
  openPopupFor,
  swEval,
  poll,
  collectErrors,
} from './harness.mjs';
import { recordEgress, extensionEgressViolations, routeFixtures, waitForRecord } from './egress.mjs';
import { buildWithProbes, runInContentScriptWorld } from './probe-build.mjs';
import { selfSignedPair } from './tls.mjs';

const PAGE_COUNT = 20;
/** Fetch in the context it is evaluated in; resolves either way (the host does not exist). */
const tryFetch = (u) =>
  fetch(u).then(
    () => 'ok',
    () => 'failed',
  );
/** Synthetic fixture pages (served on 127.0.0.1) in the order they are used to fill up to 20. */
const FIXTURE_PATHS = [
  '/pages/article-plain',
  '/',
  '/account/login',
  '/search',
  '/section/world',
  '/video/2024/05/02/harbour-bridge-reopens',
  '/news/2024/05/06/ferry-night-crossings-restored',
  '/spa/story-1',
  '/hostile/no-body',
  '/hostile/frameset',
];
/** Most corpus pages used: the rest of the 20 are fixture pages. */
const MAX_CORPUS = 14;
const PROBE_FILE = 'egress-probe.js';
const PROBE_HOST = 'content-script-probe.invalid';

/** True when the e2e build's automatic content script matches http://<host>/ (a known news host). */
function autoRunsOn(host) {
  const manifest = JSON.parse(readFileSync(path.join(e2eExtDir, 'manifest.json'), 'utf8'));
  const patterns = (manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
  return patterns.some((p) => {
    const m = /^(\*|https?):\/\/(\*\.)?([^/]+)\//.exec(p);
    return !!m && (host === m[3] || (!!m[2] && host.endsWith(`.${m[3]}`)));
  });
}

/**
 * Readability-corpus pages whose original URL is on a starter news host (so the content script
 * runs there automatically), served as https://<real host><real path>. Sorted, deterministic.
 */
function corpusPages() {
  const dir = path.join(corporaDir(), 'readability-test-pages');
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const seen = new Set();
  const out = [];
  for (const c of index.sort((a, b) => a.case.localeCompare(b.case))) {
    if (!c.url || !/^https?:\/\//.test(c.url) || c.readerable !== true) continue;
    const u = new URL(c.url);
    if (!autoRunsOn(u.hostname) || seen.has(u.pathname)) continue;
    seen.add(u.pathname);
    out.push({ host: u.hostname, path: u.pathname, file: path.join(dir, c.case, 'source.html') });
    if (out.length === MAX_CORPUS) break;
  }
  return out;
}

let server, tlsServer, browser, rec, errors, extPage, probe;
/** Pages to read, in order: the seed, corpus news pages, then fixture pages. */
const candidates = [];
/** @type {{ url: string, status: string }[]} pages read */
const visited = [];
/** Pages the browser itself refused (HSTS-preloaded hosts are upgraded to https: finding 11). */
const refused = [];

before(async () => {
  // A private copy of the e2e build plus one e2e-only file, the content-script positive control
  // (injected with scripting.executeScript at the very end; never part of any build).
  probe = await buildWithProbes({
    [PROBE_FILE]: `fetch('http://${PROBE_HOST}/from-content-script').catch(() => {});\n`,
  });
  const corpus = corpusPages();
  server = await startServer({ ...seedRoutes(), ...fixtureRoutes() });
  // Corpus pages keep their real https URLs: most news hosts are HSTS-preloaded (finding 11), so
  // they are served over TLS with a throwaway self-signed pair (the browser ignores cert errors).
  const tls = selfSignedPair(probe.dir);
  tlsServer = await startServer(Object.fromEntries(corpus.map((c) => [c.path, { file: c.file }])), { tls });
  const hostMap = { [SEED_HOST]: server.port };
  for (const c of corpus) hostMap[c.host] = tlsServer.port;

  candidates.push(SEED_URL, ...corpus.map((c) => `https://${c.host}${c.path}`));
  candidates.push(...FIXTURE_PATHS.map((p) => server.url(p)));

  browser = await launchWithExtension({
    extDir: probe.extDir,
    isolate: false,
    hostMap,
    args: ['--ignore-certificate-errors'],
  });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  rec = await recordEgress(browser);
  extPage = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
});

after(async () => {
  await rec?.stop();
  await browser?.close();
  await server?.close();
  await tlsServer?.close();
  await probe?.cleanup();
});

test(`reading ${PAGE_COUNT} pages with every online feature off: Masthead sends nothing`, async () => {
  for (const url of candidates) {
    if (visited.length === PAGE_COUNT) break;
    const t0 = Date.now();
    const page = await rec.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    } catch (e) {
      // Only the browser's own https upgrade of an HSTS-preloaded host is tolerated.
      if (!/ERR_SSL_PROTOCOL_ERROR|ERR_CONNECTION_REFUSED/.test(String(e))) throw e;
      refused.push(url);
      await page.close();
      continue;
    }
    const status = await waitForStatus(page, { timeout: 20_000 });
    visited.push({ url, status });
    if (process.env.EGRESS_DEBUG) process.stderr.write(`# ${Date.now() - t0} ms ${status} ${url}\n`);
    if (status === 'sent') {
      // Wait for the whole pipeline (worker → offscreen parse → report → history write).
      const tabId = await tabIdFor(browser.context, browser.extensionId, url);
      await poll(() => sessionReport(extPage, tabId), { timeout: 20_000, what: `report for ${url}` });
    }
    await page.close();
  }
  if (refused.length)
    console.log(`# HSTS-preloaded, upgraded by the browser, not read: ${refused.join(', ')}`);
  assert.equal(visited.length, PAGE_COUNT, `${PAGE_COUNT} pages read`);
  const corpusRead = visited.filter((v) => v.url.startsWith('https://'));
  assert.ok(corpusRead.length >= 5, `real news pages under their own hostnames (${corpusRead.length})`);
  // The seed again, with its popup open: the popup must not reach out either.
  const seed = await rec.newPage();
  await seed.goto(SEED_URL);
  await waitForStatus(seed);
  const { popup, state } = await openPopupFor(browser.context, browser.extensionId, SEED_URL);
  assert.equal(state, 'ready');
  await popup.close();
  await seed.close();

  const sent = visited.filter((v) => v.status === 'sent').length;
  assert.ok(sent >= 12, `the content script ran and handed most pages over (${sent}/${PAGE_COUNT} sent)`);
  assert.deepEqual(extensionEgressViolations(rec), [], 'no network request from Masthead');
});

test('every recorded request came from a page itself, to that page or its own sub-resources', () => {
  const fromPages = rec.fromPages();
  assert.ok(fromPages.length >= PAGE_COUNT, `page requests recorded (${fromPages.length})`);
  // Each visited page's document request was seen: the recorder was live throughout.
  for (const v of visited) {
    assert.ok(
      fromPages.some((r) => r.url === v.url),
      `document request for ${v.url} recorded`,
    );
  }
  const others = rec.records.filter((r) => r.source !== 'page' && r.host !== '');
  assert.deepEqual(others, []);
});

test('no errors from Masthead while reading', () => {
  assert.deepEqual(errors.ours, []);
});

test('a web page cannot read or detect Masthead’s files (S14, P7)', async () => {
  const page = await rec.newPage();
  await page.goto(SEED_URL);
  const result = await page.evaluate(
    (url) =>
      fetch(url).then(
        (r) => `read ${r.status}`,
        (e) => `refused: ${e.message}`,
      ),
    `chrome-extension://${browser.extensionId}/popup.html`,
  );
  assert.match(result, /^refused/);
  await page.close();
});

test('positive control: a fetch from the service worker is recorded as the extension', async () => {
  const url = 'http://worker-probe.invalid/from-worker';
  await swEval(browser.context, browser.extensionId, tryFetch, url);
  const hit = await waitForRecord(rec, (r) => r.url === url);
  assert.ok(hit, 'worker fetch recorded');
  assert.equal(hit.source, 'worker');
  assert.deepEqual(
    extensionEgressViolations(rec).map((r) => r.url),
    [url],
  );
  assert.deepEqual(extensionEgressViolations(rec, { allowedHosts: ['worker-probe.invalid'] }), []);
});

test('positive control: a fetch from the offscreen document is recorded as the extension', async () => {
  const sessionId = await poll(() => rec.attachedSession('/offscreen.html'), {
    timeout: 5_000,
    what: 'recorder attached to the offscreen document',
  });
  const url = 'http://offscreen-probe.invalid/from-offscreen';
  await rec.evaluateIn(sessionId, `fetch(${JSON.stringify(url)}).then(() => 'ok', () => 'failed')`);
  const hit = await waitForRecord(rec, (r) => r.url === url);
  assert.ok(hit, 'offscreen fetch recorded');
  assert.equal(hit.source, 'extension-target');
});

test('positive control: a fetch from an extension page is recorded as the extension', async () => {
  const url = 'http://page-probe.invalid/from-options';
  await extPage.evaluate(tryFetch, url);
  const hit = await waitForRecord(rec, (r) => r.url === url);
  assert.ok(hit, 'extension-page fetch recorded');
  assert.equal(hit.source, 'extension-page');
});

test('positive control: a fetch from a content script is told apart from the page’s own', async () => {
  const page = await browser.context.newPage();
  await page.goto(SEED_URL);
  await waitForStatus(page);
  // The page's own fetch: attributed to the page.
  await page.evaluate(() => fetch('http://page-own-probe.invalid/x').catch(() => {}));
  const own = await waitForRecord(rec, (r) => r.host === 'page-own-probe.invalid');
  assert.ok(own, 'page fetch recorded');
  assert.equal(own.source, 'page');
  // A real extension file run as a content script (isolated world) in the same tab.
  const tabId = await tabIdFor(browser.context, browser.extensionId, SEED_URL);
  await runInContentScriptWorld(
    (fn, arg) => swEval(browser.context, browser.extensionId, fn, arg),
    tabId,
    PROBE_FILE,
  );
  const cs = await waitForRecord(rec, (r) => r.host === PROBE_HOST);
  assert.ok(cs, 'content-script fetch recorded');
  assert.equal(cs.source, 'content-script');
  await page.close();
});

test('routeFixtures (for feature tests): the worker gets a fixture for an HSTS host, and is recorded', async () => {
  await routeFixtures(
    browser.context,
    (u) =>
      u.hostname === 'en.wikipedia.org'
        ? { status: 200, contentType: 'application/json', body: '{"extract":"fixture"}' }
        : null,
    { passHosts: [SEED_HOST] },
  );
  const url = 'https://en.wikipedia.org/api/rest_v1/page/summary/Shinzo_Abe';
  const body = await swEval(browser.context, browser.extensionId, (u) => fetch(u).then((r) => r.json()), url);
  assert.deepEqual(body, { extract: 'fixture' });
  const hit = await waitForRecord(rec, (r) => r.url === url);
  assert.equal(hit?.source, 'worker');
  const hosts = new Set(extensionEgressViolations(rec).map((r) => r.host));
  assert.ok(hosts.has('en.wikipedia.org'));
  assert.deepEqual(
    extensionEgressViolations(rec, { allowedHosts: [...hosts].filter((h) => h !== 'en.wikipedia.org') }).map(
      (r) => r.host,
    ),
    ['en.wikipedia.org'],
  );
});
