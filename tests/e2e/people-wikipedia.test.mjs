// The optional Wikipedia summary on a person card (issue 4, item 3), end to end in Chromium with the
// e2e build: off by default (nothing requested); with online lookups on, the background asks
// www.wikidata.org for the person's English Wikipedia title (by the QID in Masthead's people data)
// and en.wikipedia.org for its summary — both served here by a local https server with a
// throwaway self-signed certificate (tests/e2e/tls-server.mjs; the harness's ignoreCertificateErrors
// option, this test only) — and the card shows it with its source and licence. The answer is
// cached (IndexedDB `cache`), so a second card makes no request. The popup shows it on request.
// Screenshot: docs/screenshots/people-card-wikipedia.png (with UPDATE_SCREENSHOTS=1).
/* global chrome */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  SEED_URL,
  waitForStatus,
  openPopupFor,
  swEval,
  poll,
  readAll,
  screenshot,
  collectErrors,
  repoRoot,
} from './harness.mjs';
import { startTlsServer } from './tls-server.mjs';

const fixture = (p) => JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'fixtures', p), 'utf8'));
const SITELINK = fixture('wikidata/wbgetentities-sitelink-q267902.json');
const SUMMARY = fixture('wikipedia/summary-jim-mattis.json');
const QID = 'Q267902'; // James Mattis in lib/people/data/officeholders.json

let server, wiki, browser, page, errors;
/** Requests the wiki server answered: { host, path, ua, method }. */
const wikiHits = [];

/** A JSON answer with the CORS headers Wikimedia sends (the worker fetches cross-origin). */
function api(answer) {
  return (req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'api-user-agent, accept',
      'cache-control': 'no-store',
    };
    const url = new URL(req.url, 'https://x');
    wikiHits.push({
      host: req.headers.host,
      path: url.pathname,
      query: url.search,
      ua: req.headers['api-user-agent'],
      method: req.method,
    });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    res.writeHead(200, { ...cors, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer(url)));
  };
}

before(async () => {
  server = await startServer(seedRoutes());
  wiki = await startTlsServer({
    '/w/api.php': api((u) => (u.searchParams.get('ids') === QID ? SITELINK : { entities: {} })),
    '/api/rest_v1/page/summary/Jim_Mattis': api(() => SUMMARY),
  });
  browser = await launchWithExtension({
    hostMap: { 'www.presstv.ir': server.port, 'www.wikidata.org': wiki.port, 'en.wikipedia.org': wiki.port },
    ignoreCertificateErrors: true,
  });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await wiki?.close();
});

const card = () => page.locator('masthead-people [data-testid="masthead-person-card"]');
const wikiBox = () => card().locator('[data-testid="masthead-card-wikipedia"]');

/** Loads the seed and opens James Mattis's card from the keyboard (Alt+Shift+P moves person by person). */
async function openMattisCard() {
  await page.goto(SEED_URL);
  assert.equal(await waitForStatus(page), 'sent');
  await poll(() => page.evaluate(() => (globalThis.CSS?.highlights?.get('masthead-person')?.size ?? 0) > 0), {
    what: 'highlights painted',
  });
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Alt+Shift+P');
    await poll(async () => card().isVisible(), { timeout: 5_000, what: 'card opened from the keyboard' });
    if ((await card().locator('h2').innerText()) === 'James Mattis') return;
  }
  assert.fail('no card for James Mattis');
}

const closeCard = () => page.keyboard.press('Escape');

test('off by default: the card has no Wikipedia text and nothing is requested', async () => {
  await openMattisCard();
  await new Promise((r) => setTimeout(r, 1_500));
  assert.equal(await wikiBox().count(), 0);
  assert.deepEqual(wikiHits, []);
  await closeCard();
});

test('online lookups on: the card shows the summary, its source and licence, fetched by the background', async () => {
  await swEval(browser.context, browser.extensionId, () => chrome.storage.local.set({ outletLookup: true }));
  await openMattisCard();
  await poll(async () => (await wikiBox().count()) > 0, {
    timeout: 10_000,
    what: 'Wikipedia summary on the card',
  });
  const text = await wikiBox().innerText();
  assert.match(text, /served as the 26th United States secretary of defense/);
  assert.match(text, /From Wikipedia: Jim Mattis · text under CC BY-SA 4\.0 · fetched \d{1,2} \w{3} \d{4}/);
  const hrefs = await wikiBox()
    .locator('a')
    .evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(hrefs, [
    'https://en.wikipedia.org/wiki/Jim_Mattis',
    'https://creativecommons.org/licenses/by-sa/4.0/',
  ]);
  assert.equal(await wikiBox().locator('img, script').count(), 0, 'text only (never extract_html)');
  // The worker asked for the sitelink of each person whose card opened (Mattis's among them), then
  // Mattis's summary, naming itself on each request.
  const gets = wikiHits.filter((h) => h.method === 'GET');
  const mattis = gets.filter((h) => h.query.includes(`ids=${QID}&`) || h.path.startsWith('/api/rest_v1/'));
  assert.deepEqual(
    mattis.map((h) => `${h.host}${h.path}`),
    ['www.wikidata.org/w/api.php', 'en.wikipedia.org/api/rest_v1/page/summary/Jim_Mattis'],
  );
  assert.match(mattis[0].query, /props=sitelinks&sitefilter=enwiki&format=json&origin=\*/);
  assert.ok(gets.every((h) => /^(www\.wikidata|en\.wikipedia)\.org$/.test(h.host)));
  for (const h of gets) assert.match(h.ua ?? '', /^Masthead\//);
  await screenshot(page, 'people-card-wikipedia');
  await closeCard();
});

test('cached in IndexedDB: a second card makes no request', async () => {
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const rows = await readAll(ext, 'masthead', 'cache');
  const row = rows.find((r) => r.key === `person-summary:${QID}`);
  assert.ok(row, 'cache row for the QID');
  assert.ok(row.expiresAt > Date.now() + 6 * 24 * 3600 * 1000, '7-day TTL');
  await ext.close();
  const before = wikiHits.length;
  await openMattisCard();
  await poll(async () => (await wikiBox().count()) > 0, { timeout: 10_000, what: 'summary from the cache' });
  assert.equal(wikiHits.length, before);
  await closeCard();
});

test('the popup shows the summary when asked, for people with a Wikidata item only', async () => {
  const { popup } = await openPopupFor(browser.context, browser.extensionId, SEED_URL, {
    viewport: { width: 400, height: 900 },
  });
  const mattis = popup.locator('[data-testid="person"]').filter({ hasText: 'James Mattis' });
  const button = mattis.locator('[data-testid="person-wikipedia-load"]');
  assert.equal(await button.getAttribute('aria-label'), 'Wikipedia summary of James Mattis');
  await button.click();
  const box = mattis.locator('[data-testid="person-wikipedia"]');
  await poll(async () => (await box.count()) > 0, { what: 'popup summary' });
  assert.match(await box.innerText(), /26th United States secretary of defense/);
  assert.match(await box.innerText(), /CC BY-SA 4\.0/);
  await popup.close();
});

test('no errors from Masthead', () => {
  assert.deepEqual(errors.ours, []);
});
