// Hostile pages (SECURITY-RELIABILITY.md T5, R8, R9): Masthead must not crash, hang the page, or
// throw, and must end with a bounded "not analysed: <reason>" or a correct result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchWithExtension,
  startServer,
  fixtureRoutes,
  waitForStatus,
  readPerf,
  openExtensionPage,
  tabIdFor,
  sessionReport,
  poll,
  withTimeout,
  collectErrors,
} from './harness.mjs';

let server, browser, errors, extPage;

/** The page still answers: a trivial evaluate returns within 1 s. */
async function assertResponsive(page, when) {
  const t0 = Date.now();
  const v = await withTimeout(
    page.evaluate(() => 1),
    1_000,
    `page.evaluate(() => 1) ${when}`,
  );
  assert.equal(v, 1);
  return Date.now() - t0;
}

/** The in-page pass ends with "sent" (verdict or HTML handed to the background) or a skip. */
const BOUNDED = /^(sent|skipped:[a-z-]+)$/;
const REASONS = new Set([
  'no-body',
  'frameset',
  'too-large',
  'not-html',
  'home-page',
  'section-page',
  'search-page',
  'login-page',
  'video-page',
  'not-readerable',
  'too-short',
  'extraction-failed',
]);

/** The report for a page is either a correct article or "not an article" with a known reason. */
function assertBoundedReport(report) {
  assert.ok(report, 'a report exists');
  if (report.verdict.isArticle) {
    assert.ok(report.article?.title, 'an article has a title');
  } else {
    assert.ok(REASONS.has(report.verdict.reason), `known reason: ${report.verdict.reason}`);
    assert.ok(report.verdict.explanation, 'explained');
  }
}

async function open(path) {
  const page = await browser.context.newPage();
  const url = server.url(path);
  await page.goto(url);
  return { page, url };
}

async function reportFor(url) {
  const tabId = await tabIdFor(browser.context, browser.extensionId, url);
  return sessionReport(extPage, tabId);
}

before(async () => {
  server = await startServer(fixtureRoutes());
  browser = await launchWithExtension();
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  extPage = await openExtensionPage(browser.context, browser.extensionId, 'popup.html?tabId=-1');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('200k elements: page stays responsive, result bounded', async () => {
  const { page, url } = await open('/hostile/huge-dom');
  const count = Number(await page.locator('html').getAttribute('data-fixture-elements'));
  assert.ok(count > 200_000, `fixture has ${count} elements`);
  await assertResponsive(page, 'right after load');
  const status = await waitForStatus(page, { timeout: 20_000 });
  assert.match(status, BOUNDED);
  await assertResponsive(page, 'after the in-page pass');
  const perf = await readPerf(page);
  assert.ok(perf, 'perf recorded');
  const report = await poll(() => reportFor(url), { timeout: 20_000, what: 'session report' });
  assertBoundedReport(report);
  await page.close();
});

test('no <body>: not an article (no-body)', async () => {
  const { page, url } = await open('/hostile/no-body');
  assert.equal(await page.evaluate(() => document.body === null), true);
  assert.match(await waitForStatus(page), /^(sent|skipped:no-body)$/);
  await assertResponsive(page, 'after the pass');
  const report = await poll(() => reportFor(url), { timeout: 10_000, what: 'session report' });
  assert.equal(report.verdict.isArticle, false);
  assert.equal(report.verdict.reason, 'no-body');
  await page.close();
});

test('frameset: not an article (frameset), top frame only', async () => {
  const { page, url } = await open('/hostile/frameset');
  assert.match(await waitForStatus(page), /^(sent|skipped:frameset)$/);
  await assertResponsive(page, 'after the pass');
  const report = await poll(() => reportFor(url), { timeout: 10_000, what: 'session report' });
  assert.equal(report.verdict.isArticle, false);
  assert.equal(report.verdict.reason, 'frameset');
  // The framed article was not analysed on its own (no all_frames): its frame has no status.
  const framed = page.frames().find((f) => f.url().endsWith('/pages/article-plain'));
  assert.ok(framed, 'the article frame loaded');
  assert.equal(await framed.locator('html').getAttribute('data-masthead-status'), null);
  await page.close();
});

test('page overriding Array.prototype.map, JSON.*, Node.textContent, MutationObserver: correct result', async () => {
  const { page, url } = await open('/news/2024/05/06/ferry-night-crossings-restored');
  // The overrides really are in place in the page's world…
  assert.equal(await page.evaluate(() => JSON.stringify({ a: 1 })), '"hijacked"');
  assert.equal(await page.evaluate(() => document.querySelector('h1').textContent), 'HIJACKED');
  // …and Masthead (isolated world) is unaffected.
  assert.equal(await waitForStatus(page), 'sent');
  await assertResponsive(page, 'after the pass');
  const report = await poll(() => reportFor(url), { timeout: 10_000, what: 'session report' });
  assert.equal(report.verdict.isArticle, true);
  assert.equal(report.article.title, 'Regional ferry operator restores night crossings after safety review');
  assert.match(report.text, /night crossings/);
  assert.doesNotMatch(report.text, /HIJACKED|hijacked/);
  await page.close();
});

test('infinite scroll (a paragraph every 20 ms): responsive, bounded work', async () => {
  const { page, url } = await open('/news/2024/05/03/flood-barrier-live');
  const status = await waitForStatus(page);
  assert.match(status, BOUNDED);
  // Stay responsive while the page keeps mutating.
  for (let i = 0; i < 5; i++) {
    await assertResponsive(page, `during appends (${i})`);
    await page.waitForTimeout(300);
  }
  await poll(() => page.locator('html').getAttribute('data-fixture-done'), {
    timeout: 10_000,
    what: 'fixture finished appending',
  });
  await page.waitForTimeout(1_000); // let any debounced re-run settle
  const perf = await readPerf(page);
  assert.ok(perf, 'perf recorded');
  assert.ok(perf.tasks.length <= 40, `work is debounced, not per mutation: ${perf.tasks.length} tasks`);
  await assertResponsive(page, 'after the appends');
  const report = await poll(() => reportFor(url), { timeout: 10_000, what: 'session report' });
  assertBoundedReport(report);
  assert.equal(report.article?.title, 'City council approves riverside flood barrier');
  await page.close();
});

test('SPA: pushState + article swap → the report follows to the new story', async () => {
  const { page, url } = await open('/spa/story-1');
  assert.equal(await waitForStatus(page), 'sent');
  const first = await poll(() => reportFor(url), { timeout: 10_000, what: 'story 1 report' });
  assert.equal(first.article.title, 'City council approves riverside flood barrier');

  await page.click('#next');
  const url2 = server.url('/spa/story-2');
  assert.equal(page.url(), url2);
  const second = await poll(
    async () => {
      const r = await reportFor(url2);
      return r?.article?.title === 'Observatory volunteers log record meteor count' ? r : null;
    },
    { timeout: 10_000, what: 'report updated to story 2' },
  );
  assert.equal(new URL(second.url).pathname, '/spa/story-2');
  assert.match(second.text, /meteor/);
  assert.doesNotMatch(second.text, /flood barrier/);
  await assertResponsive(page, 'after the SPA navigation');
  await page.close();
});

test('no uncaught errors or console errors from Masthead on hostile pages', () => {
  assert.deepEqual(errors.ours, []);
});
