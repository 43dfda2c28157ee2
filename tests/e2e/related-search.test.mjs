// "Find more coverage" (issue 5) in the built extension against local stand-ins for the real
// services: news.google.com and api.gdeltproject.org are mapped onto a local https server (a
// throwaway self-signed certificate, Chromium with --ignore-certificate-errors) that answers with
// a hand-written Google News RSS search answer (tests/e2e/pages/search/, FORMATS.md §7) and a GDELT
// artlist (FORMATS.md §8), and records every query it receives. The seed article is served as
// www.presstv.ir. Off by default: the button says so and nothing is sent; turned on in the
// options, one click sends the story's names/words and date window, the same-story results are
// listed with their outlets' chips (the unrelated ones are not), and they are kept in IndexedDB
// (a second click and a reopened popup send nothing new).
/* global chrome */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  seedFile,
  SEED_URL,
  SEED_HOST,
  pagesDir,
  waitForStatus,
  openPopupFor,
  openExtensionPage,
  readAll,
  poll,
  collectErrors,
} from './harness.mjs';
import { startTlsServer } from './tls-server.mjs';

const GOOGLE_FIXTURE = path.join(pagesDir, 'search', 'google-news-search.xml');
const SAME_STORY = [
  { title: 'Mattis reassures Japan over Senkaku islands', outlet: /japan times/i },
  { title: "U.S. Defense Secretary James Mattis, Japan's Shinzo Abe reaffirm alliance", outlet: /reuters/i },
  { title: 'Mattis tells Abe the US stands with Japan', outlet: /deutsche welle|\bdw\b/i },
];
const UNRELATED = ['Louvre', 'Sapporo'];

const DAY = 86_400_000;
/** A copy of the seed dated two days ago, under another path: GDELT only keeps ~3 months. */
const RECENT_PATH = '/Detail/recent/509465/Japan-US-Abe-Mattis';
const RECENT_URL = `http://${SEED_HOST}${RECENT_PATH}`;
const recentAt = new Date(Date.now() - 2 * DAY);
recentAt.setUTCHours(8, 43, 0, 0);
const gdeltStamp = (t) =>
  new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

let server, tls, browser, errors, options;
/** Query strings the stand-in services received, by path. */
const received = { google: [], gdelt: [] };

function recordAnd(list, body, type) {
  return (req, res) => {
    list.push(new URL(req.url ?? '/', 'https://x').searchParams);
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body());
  };
}

const gdeltAnswer = () =>
  JSON.stringify({
    articles: [
      {
        url: 'https://www3.nhk.or.jp/nhkworld/en/news/mattis-abe-alliance/',
        url_mobile: '',
        title: 'Mattis and Abe reaffirm Japan-US alliance, Senkaku defence in Tokyo meeting',
        seendate: gdeltStamp(recentAt.getTime() + 3 * 3_600_000),
        socialimage: '',
        domain: 'nhk.or.jp',
        language: 'English',
        sourcecountry: 'Japan',
      },
      {
        url: 'https://www.theguardian.com/world/louvre-soldier-attack',
        url_mobile: '',
        title: 'Louvre attacker shot by soldier after machete assault in Paris',
        seendate: gdeltStamp(recentAt.getTime() + 5 * 3_600_000),
        socialimage: '',
        domain: 'theguardian.com',
        language: 'English',
        sourcecountry: 'United Kingdom',
      },
    ],
  });

before(async () => {
  tls = await startTlsServer({
    '/rss/search': recordAnd(
      received.google,
      () => readFileSync(GOOGLE_FIXTURE),
      'application/rss+xml; charset=utf-8',
    ),
    '/api/v2/doc/doc': recordAnd(received.gdelt, gdeltAnswer, 'application/json; charset=utf-8'),
  });
  const recentHtml = readFileSync(seedFile(), 'utf8').replaceAll(
    '2017-02-03T11:13:00+03:30',
    recentAt.toISOString(),
  );
  server = await startServer({ ...seedRoutes(), [RECENT_PATH]: { body: recentHtml } });
  browser = await launchWithExtension({
    hostMap: {
      [SEED_HOST]: server.port,
      'news.google.com': tls.port,
      'api.gdeltproject.org': tls.port,
    },
    ignoreCertificateErrors: true,
  });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await tls?.close();
});

/** Send a message as the popup does, from an open extension page. */
const send = (page, type, data) =>
  page.evaluate(([type, data]) => chrome.runtime.sendMessage({ masthead: 1, type, data }), [type, data]);

async function openOptions() {
  if (options && !options.isClosed()) return options;
  options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
  await poll(async () => (await options.locator('body').getAttribute('data-state')) === 'ready', {
    what: 'options ready',
  });
  return options;
}

async function setSearch(on) {
  const page = await openOptions();
  const sw = page.locator('#coverage-search');
  if ((await sw.isChecked()) !== on) await sw.click();
  await poll(async () => (await sw.isChecked()) === on && !(await sw.isDisabled()), {
    what: `search switch ${on ? 'on' : 'off'}`,
  });
  const stored = await page.evaluate(
    async () => (await chrome.storage.local.get('coverageSearch')).coverageSearch,
  );
  assert.equal(stored === true, on, 'setting stored');
}

async function popupFor(url) {
  const { popup, tabId } = await openPopupFor(browser.context, browser.extensionId, url, {
    viewport: { width: 400, height: 900 },
  });
  await popup.locator('[data-testid="related-search-button"]').waitFor({ timeout: 10_000 });
  return { popup, tabId };
}

test('off by default: the button says it is off, is disabled, and nothing is sent', async () => {
  const page = await browser.context.newPage();
  await page.goto(SEED_URL);
  assert.equal(await waitForStatus(page, { timeout: 60_000 }), 'sent');
  const { popup, tabId } = await popupFor(SEED_URL);
  const button = popup.locator('[data-testid="related-search-button"]');
  assert.equal((await button.innerText()).trim(), 'Find more coverage (off)');
  assert.equal(await button.isDisabled(), true);
  assert.match(await popup.locator('[data-testid="related-search-off"]').innerText(), /off/);
  // What it would send is still stated.
  assert.match(
    await popup.locator('[data-testid="related-search-plan"]').first().innerText(),
    /news\.google\.com/,
  );
  // The background refuses too (not only the button).
  const res = await send(popup, 'findMoreCoverage', { tabId });
  assert.equal(res.ok, false);
  assert.match(res.error, /off/);
  assert.deepEqual(tls.hits, [], 'no request reached the search services');
  await popup.close();
});

test('on: one click sends the story terms and date window; same-story results listed with chips and kept', async () => {
  await setSearch(true);
  const { popup } = await popupFor(SEED_URL);
  const button = popup.locator('[data-testid="related-search-button"]');
  assert.equal((await button.innerText()).trim(), 'Find more coverage');
  await button.click();
  const result = popup.locator('[data-testid="related-search-result"]');
  await poll(async () => /Google News: \d+ items? stored/.test(await result.innerText()), {
    timeout: 15_000,
    what: 'search result line',
  });

  // What was sent: the story's people/words and the window 1 day before to 3 days after 3 Feb 2017.
  assert.equal(received.google.length, 1, 'one Google News request');
  assert.equal(received.gdelt.length, 0, 'GDELT is not asked for a 2017 story');
  const q = received.google[0];
  assert.equal(q.get('hl'), 'en-US');
  assert.equal(q.get('gl'), 'US');
  assert.equal(q.get('ceid'), 'US:en');
  const query = q.get('q') ?? '';
  // The article's most prominent people as phrases, then words from its headline.
  assert.match(query, /^"James Mattis" /);
  assert.match(query, /\bJapan\b/);
  assert.match(query, /\balliance\b/);
  assert.match(query, /after:2017-02-02/);
  assert.match(query, /before:2017-02-06/);
  // The page address is not sent.
  assert.doesNotMatch([...q.values()].join(' '), /presstv|509465/i);
  // …which is what the popup said it would send.
  const plan = await popup.locator('[data-testid="related-search-plan"]').first().innerText();
  assert.ok(plan.includes(query.replace(/ (after|before):\S+/g, '')), `plan states the query: ${plan}`);

  await popup.locator('[data-testid="related-group"]').first().waitFor({ timeout: 10_000 });
  const items = await popup.locator('[data-testid="related-item"]').allInnerTexts();
  for (const want of SAME_STORY)
    assert.ok(
      items.some((t) => t.includes(want.title)),
      `listed: ${want.title}\n${items.join('\n')}`,
    );
  for (const no of UNRELATED) assert.ok(!items.some((t) => t.includes(no)), `not listed: ${no}`);
  const outlets = await popup.locator('[data-testid="related-outlet"]').allInnerTexts();
  for (const want of SAME_STORY)
    assert.ok(
      outlets.some((o) => want.outlet.test(o)),
      `outlet ${want.outlet}: ${outlets.join(', ')}`,
    );
  const chips = await popup.locator('[data-testid="related-chip"]').allInnerTexts();
  assert.equal(chips.length, outlets.length, 'every group has its outlet chip');
  for (const c of chips) assert.doesNotMatch(c, /Not in Masthead/, `chip from the outlet data: ${c}`);
  assert.ok(
    chips.some((c) => /Japan/.test(c)),
    `a Japanese outlet's chip: ${chips.join(' | ')}`,
  );

  // Kept in IndexedDB: every answer item as origin "search" (matching decides what is listed), and
  // the request in the cache table.
  const ext = await openOptions();
  const rows = (await readAll(ext, 'masthead', 'coverage')).filter((r) => r.origin === 'search');
  assert.equal(rows.length, 5, 'five search results stored');
  assert.ok(rows.every((r) => r.url.startsWith('https://news.google.com/rss/articles/')));
  assert.ok(rows.filter((r) => r.outletQid).length >= 4, 'results carry their outlet');
  const cache = await readAll(ext, 'masthead', 'cache');
  assert.ok(cache.some((r) => r.key.startsWith('related-search:https://news.google.com/rss/search?')));

  // A second click is answered from the cache; no new request.
  await button.click();
  await poll(async () => /already searched recently/.test(await result.innerText()), {
    what: 'cached answer',
  });
  assert.equal(received.google.length, 1, 'no second request');
  await popup.close();

  // A new popup lists the stored results without asking anyone.
  const again = await popupFor(SEED_URL);
  await again.popup.locator('[data-testid="related-group"]').first().waitFor({ timeout: 10_000 });
  const listed = await again.popup.locator('[data-testid="related-item"]').allInnerTexts();
  assert.ok(listed.some((t) => t.includes(SAME_STORY[0].title)));
  assert.equal(received.google.length, 1, 'reopening sends nothing');
  await again.popup.close();
  assert.deepEqual(errors.ours, []);
});

test('a recent story also asks GDELT, with its date window; GDELT results are listed by outlet', async () => {
  const page = await browser.context.newPage();
  await page.goto(RECENT_URL);
  assert.equal(await waitForStatus(page, { timeout: 60_000 }), 'sent');
  const { popup } = await popupFor(RECENT_URL);
  const plans = await popup.locator('[data-testid="related-search-plan"]').allInnerTexts();
  assert.ok(
    plans.some((p) => /api\.gdeltproject\.org/.test(p)),
    `GDELT planned: ${plans.join(' | ')}`,
  );
  const before = received.google.length;
  await popup.locator('[data-testid="related-search-button"]').click();
  const result = popup.locator('[data-testid="related-search-result"]');
  await poll(async () => /GDELT: \d+ items? stored/.test(await result.innerText()), {
    timeout: 15_000,
    what: 'GDELT result line',
  });
  assert.equal(received.google.length, before + 1, 'Google News asked once more (new window)');
  assert.equal(received.gdelt.length, 1, 'one GDELT request');
  const g = received.gdelt[0];
  assert.equal(g.get('mode'), 'artlist');
  assert.equal(g.get('format'), 'json');
  assert.match(g.get('query') ?? '', /Mattis/);
  const start = Date.parse(
    g.get('startdatetime')?.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6Z') ?? '',
  );
  const end = Date.parse(
    g.get('enddatetime')?.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6Z') ?? '',
  );
  assert.ok(
    Math.abs(start - (recentAt.getTime() - DAY)) < 60_000,
    `window starts a day before: ${g.get('startdatetime')}`,
  );
  assert.ok(
    end > recentAt.getTime() && end <= Date.now() + 60_000,
    `window ends after the article: ${g.get('enddatetime')}`,
  );

  await popup.locator('[data-testid="related-group"]').first().waitFor({ timeout: 10_000 });
  const items = await popup.locator('[data-testid="related-item"]').allInnerTexts();
  assert.ok(
    items.some((t) => t.includes('Mattis and Abe reaffirm')),
    `GDELT item listed:\n${items.join('\n')}`,
  );
  assert.ok(!items.some((t) => t.includes('Louvre')), 'unrelated GDELT item not listed');
  const outlets = await popup.locator('[data-testid="related-outlet"]').allInnerTexts();
  assert.ok(
    outlets.some((o) => /NHK/i.test(o)),
    `NHK group: ${outlets.join(', ')}`,
  );
  await popup.close();
  await page.close();
});

test('turned off again: the button says so and a request is refused before any network', async () => {
  await setSearch(false);
  const { popup, tabId } = await popupFor(SEED_URL);
  assert.equal(
    (await popup.locator('[data-testid="related-search-button"]').innerText()).trim(),
    'Find more coverage (off)',
  );
  const hits = tls.hits.length;
  const res = await send(popup, 'findMoreCoverage', { tabId });
  assert.equal(res.ok, false);
  assert.equal(tls.hits.length, hits, 'nothing sent');
  await popup.close();
  assert.deepEqual(errors.ours, []);
});
