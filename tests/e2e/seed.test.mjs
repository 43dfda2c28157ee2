// The seed article (../shared/seed) served as www.presstv.ir: detected, extracted, stored,
// badged, and shown by the popup. Screenshots go to test-results/ (docs/ with UPDATE_SCREENSHOTS=1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  SEED_URL,
  SEED_HEADLINE,
  waitForStatus,
  readPerf,
  openPopupFor,
  testIdText,
  readAll,
  sessionReport,
  badgeText,
  poll,
  screenshot,
  collectErrors,
  killWorker,
} from './harness.mjs';

let server, browser, page, popup, tabId, errors;

before(async () => {
  server = await startServer(seedRoutes());
  browser = await launchWithExtension({ hostMap: { 'www.presstv.ir': server.port } });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  page = await browser.context.newPage();
  await page.goto(SEED_URL);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('seed page is served under its real hostname and the content script reports "sent"', async () => {
  assert.equal(await page.evaluate(() => location.host), 'www.presstv.ir');
  const status = await waitForStatus(page);
  assert.equal(status, 'sent');
  const perf = await readPerf(page);
  assert.ok(perf && Array.isArray(perf.tasks), 'data-masthead-perf is set');
  assert.ok(perf.total >= 0 && perf.longest <= perf.total + 1e-6, `perf sane: ${JSON.stringify(perf)}`);
  await screenshot(page, 'seed-page');
});

test('the background badges the article tab with its outlet class and keeps a session report', async () => {
  const opened = await openPopupFor(browser.context, browser.extensionId, SEED_URL);
  popup = opened.popup;
  tabId = opened.tabId;
  const badge = await poll(
    async () => (await badgeText(browser.context, browser.extensionId, tabId)) || null,
    { timeout: 10_000, what: 'a badge' },
  );
  // Press TV is in the outlet data: the badge names its control class (outlet.test.mjs checks it).
  assert.equal(badge, 'GOV');
  const report = await sessionReport(popup, tabId);
  assert.ok(report, `storage.session report:${tabId} exists`);
  assert.equal(report.verdict.isArticle, true);
  assert.equal(report.article.title, SEED_HEADLINE);
  assert.equal(new URL(report.url).host, 'www.presstv.ir');
  assert.equal(report.outlet?.id, 'Q912429', 'outlet filled from the shipped outlet data');
  // People named in the article: checked in detail by tests/e2e/people.test.mjs.
  assert.deepEqual(report.people.map((p) => p.name).sort(), [
    'Donald Trump',
    'Fumio Kishida',
    'James Mattis',
    'Shinzo Abe',
  ]);
});

test('the popup shows the article: headline, date, site, verdict, reading time', async () => {
  assert.equal(await popup.locator('body').getAttribute('data-state'), 'ready');
  assert.equal(await testIdText(popup, 'headline'), SEED_HEADLINE);
  assert.match(await testIdText(popup, 'published'), /\b3 Feb 2017\b/);
  assert.match(await testIdText(popup, 'site-name'), /Press ?TV/);
  const verdict = await testIdText(popup, 'verdict');
  assert.match(verdict, /article/i);
  assert.doesNotMatch(verdict, /not (an |a news )?article/i);
  assert.match(await testIdText(popup, 'reading-time'), /\d+\s*min/i);
  assert.equal(await testIdText(popup, 'error'), null, 'no error element in the ready state');
});

test('reserved sections are present with empty-state text and no invented data', async () => {
  for (const id of ['section-outlet', 'section-people', 'section-related', 'section-save']) {
    const text = await testIdText(popup, id);
    assert.ok(text !== null, `${id} present`);
    assert.ok(text.length > 0, `${id} has empty-state text`);
  }
  // The people section lists the article's people (details in people.test.mjs).
  const people = await testIdText(popup, 'section-people');
  for (const name of ['Mattis', 'Abe', 'Trump']) assert.ok(people.includes(name), `people lists ${name}`);
  // Related coverage: feeds and search are off and the history holds only this article, so the
  // section shows its empty state and what "Find more coverage" would send — no invented items.
  const related = popup.locator('[data-testid="section-related"]');
  assert.equal(await related.locator('[data-testid="related-group"]').count(), 0, 'no related items');
  assert.ok(await related.locator('[data-testid="related-empty"]').count(), 'honest empty state');
  // The outlet card links only to its sources, never to an address the page supplied.
  const outlet = popup.locator('[data-testid="section-outlet"]');
  const hrefs = await outlet.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
  for (const href of hrefs) {
    assert.match(
      new URL(href).host,
      /(^|\.)(wikipedia\.org|wikidata\.org|github\.com|creativecommons\.org)$/,
      `outlet link ${href} goes to a source, not to the page's own site`,
    );
  }
});

test('the article row is stored in IndexedDB masthead.pages', async () => {
  const rows = await poll(
    async () => {
      const all = await readAll(popup, 'masthead', 'pages');
      return all.length ? all : null;
    },
    { timeout: 5_000, what: 'a row in masthead.pages' },
  );
  const row = rows.find((r) => /presstv\.ir/.test(r.url) && /509465/.test(r.url));
  assert.ok(row, `row for the seed among ${rows.map((r) => r.urlKey).join(', ')}`);
  assert.equal(row.title, SEED_HEADLINE);
  assert.equal(typeof row.urlKey, 'string');
  assert.ok(row.wordCount > 100, `wordCount ${row.wordCount}`);
  assert.ok(row.text.includes('Mattis'), 'clean text stored');
  assert.doesNotMatch(row.content, /<script|on\w+=/i, 'stored content is sanitised');
});

test('popup screenshots (light and dark)', async () => {
  await popup.emulateMedia({ colorScheme: 'light' });
  const [lightFile] = await screenshot(popup, 'popup-light', { fullPage: true });
  await popup.emulateMedia({ colorScheme: 'dark' });
  const [darkFile] = await screenshot(popup, 'popup-dark', { fullPage: true });
  await popup.emulateMedia({ colorScheme: 'light' });
  assert.notDeepEqual(
    readFileSync(darkFile),
    readFileSync(lightFile),
    'the popup follows prefers-color-scheme',
  );
});

test('after the service worker is killed, the popup still shows the report (T3, R1)', async () => {
  const killed = await killWorker(browser.context, page, browser.extensionId);
  assert.equal(killed, true, 'a Masthead service worker was running and was stopped');
  const { popup: again, state } = await openPopupFor(browser.context, browser.extensionId, SEED_URL);
  assert.equal(state, 'ready');
  assert.equal(await testIdText(again, 'headline'), SEED_HEADLINE);
  await again.close();
});

test('no errors from Masthead (pages, content script, worker)', () => {
  assert.deepEqual(errors.ours, []);
});
