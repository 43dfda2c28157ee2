// Pages that are not news articles: the content script skips them with a reason, the popup says
// so, and nothing is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchWithExtension,
  startServer,
  fixtureRoutes,
  waitForStatus,
  openPopupFor,
  testIdText,
  readAll,
  sessionReport,
  collectErrors,
  screenshot,
  openExtensionPage,
  tabIdFor,
  poll,
} from './harness.mjs';

let server, browser, errors, extPage;
/** path → the reason the in-page pass must give. */
const CASES = [
  { name: 'login page', path: '/account/login', reason: 'login-page', words: /sign|log/i },
  { name: 'news front page', path: '/', reason: 'home-page', words: /home|front|list|many/i },
  { name: 'search results page', path: '/search?q=japan', reason: 'search-page', words: /search/i },
  { name: 'section page', path: '/section/world', reason: 'section-page', words: /section|list|many/i },
  {
    name: 'video page',
    path: '/video/2024/05/02/harbour-bridge-reopens',
    reason: 'video-page',
    words: /video/i,
  },
];

before(async () => {
  server = await startServer(fixtureRoutes());
  browser = await launchWithExtension();
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  extPage = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const c of CASES) {
  test(`${c.name} → not an article (${c.reason}), popup explains, nothing stored`, async () => {
    const page = await browser.context.newPage();
    const url = server.url(c.path);
    await page.goto(url);
    // The in-page pass reports its preliminary verdict to the background ("sent"); a skip is
    // also acceptable as long as the reason is the expected one.
    const status = await waitForStatus(page);
    assert.ok(status === 'sent' || status === `skipped:${c.reason}`, `status ${status}`);
    const tabId = await tabIdFor(browser.context, browser.extensionId, url);
    const report = await poll(() => sessionReport(extPage, tabId), {
      timeout: 10_000,
      what: 'session report',
    });
    assert.equal(report.verdict.isArticle, false);
    assert.equal(report.verdict.reason, c.reason);
    assert.ok(report.verdict.explanation.length > 0, 'verdict has a plain explanation');
    assert.equal(report.article, undefined, 'no article summary for a non-article');

    const { popup, state } = await openPopupFor(browser.context, browser.extensionId, url);
    assert.equal(state, 'not-analysed');
    const reason = await testIdText(popup, 'not-analysed-reason');
    assert.ok(reason && reason.length > 5, `reason shown: ${reason}`);
    assert.match(reason, c.words);
    assert.equal(await testIdText(popup, 'headline'), null, 'no headline for a non-article');

    const rows = await readAll(popup, 'masthead', 'pages');
    assert.equal(rows.filter((r) => r.url.startsWith(server.origin)).length, 0, 'no pages row');
    if (c.reason === 'login-page') await screenshot(popup, 'popup-not-article');
    await popup.close();
    await page.close();
  });
}

test('no errors from Masthead', () => {
  assert.deepEqual(errors.ours, []);
});
