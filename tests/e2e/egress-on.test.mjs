// Egress with each online feature on (SECURITY-RELIABILITY.md P3; issue 8 item 6). privacy.test.mjs
// proves that with every feature off Masthead sends nothing. Here each feature is turned on in turn,
// in a fresh profile, and made to fire for real:
//   - outlet lookup: the options switch, then the popup on an article from an outlet that is not in
//     Masthead's data (the lookup starts by itself);
//   - feeds: the options switch (its first poll) and "Fetch now", over the default feed list;
//   - coverage search: the popup's "Find more coverage" on a recent article (Google News and GDELT).
// Every request Masthead makes is recorded twice — through CDP (service worker, extension pages,
// offscreen document, content scripts: tests/e2e/egress.mjs) and in the browser's own network log
// (tests/e2e/netlog.mjs) — and must go only to the hosts the UI names for that feature, which must
// be FEATURE_HOSTS[feature]. No request leaves the machine: every host of every feature is mapped
// to a local https stand-in (tests/e2e/tls-server.mjs), every other host to NOTFOUND.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  pagesDir,
  repoRoot,
  SEED_HOST,
  SEED_PATH,
  waitForStatus,
  openExtensionPage,
  openPopupFor,
  testIdText,
  poll,
  collectErrors,
} from './harness.mjs';
import { FEATURE_HOSTS, recordEgress, extensionEgressViolations } from './egress.mjs';
import { buildWithProbes } from './probe-build.mjs';
import { startTlsServer } from './tls-server.mjs';
import { netLogArgs, readNetLog, extensionRequests } from './netlog.mjs';

/** A news site that is not in Masthead's outlet data (the online lookup's case). */
const UNKNOWN_HOST = 'www.lakeshore-ledger.com';
const OLD_ARTICLE = `http://${UNKNOWN_HOST}/news/2024/05/03/flood-barrier`;
const RECENT_ARTICLE = `http://${UNKNOWN_HOST}/news/recent/flood-barrier`;
/** The seed over https: www.presstv.ir is also a default feed host, served by the https stand-in. */
const SEED_HTTPS = `https://${SEED_HOST}${SEED_PATH}`;
const PAGE_HOSTS = [UNKNOWN_HOST];
const ALL_FEATURE_HOSTS = [...new Set(Object.values(FEATURE_HOSTS).flat())];
/** The default feed list's URLs, read from the source the extension is built from. */
const DEFAULT_FEED_URLS = [
  ...readFileSync(path.join(repoRoot, 'lib', 'feeds', 'defaults.ts'), 'utf8').matchAll(
    /\burl: '(https:\/\/[^']+)'/g,
  ),
].map((m) => m[1]);

/** The seed page's own loads (document, photos, favicon), served by the https stand-in too. */
const isSeedLoad = (u) =>
  u.host === SEED_HOST && (u.pathname in seedRoutes() || u.pathname === '/favicon.ico');

/** Host names a piece of UI text names (the RFC 2606 example domain aside). */
function hostsNamedIn(text) {
  const found = text.match(/\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b/g) ?? [];
  return [...new Set(found)].filter((h) => !/(^|\.)example\.(com|org|net)$/.test(h)).sort();
}

const sorted = (list) => [...new Set(list)].sort();
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET',
};
const fixture = (p) => JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'fixtures', p), 'utf8'));
const json = (value) => ({ type: 'application/json', headers: CORS, body: JSON.stringify(value) });
const rss = (title, link) => ({
  type: 'application/rss+xml; charset=utf-8',
  headers: CORS,
  body: `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${link}</link>
<item><title>Flood barrier approved on the east riverbank</title><link>${link}</link>
<pubDate>${new Date(Date.now() - 3_600_000).toUTCString()}</pubDate>
<description>The council approved a permanent flood barrier.</description></item></channel></rss>`,
});

let pages, tls;

before(async () => {
  const article = readFileSync(path.join(pagesDir, 'article-plain.html'), 'utf8');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  pages = await startServer({
    [new URL(OLD_ARTICLE).pathname]: { body: article },
    // The same article published yesterday: recent enough for GDELT (last 90 days).
    [new URL(RECENT_ARTICLE).pathname]: { body: article.replaceAll('2024-05-03', yesterday) },
  });
  tls = await startTlsServer({
    ...seedRoutes(),
    // Wikidata Query Service: the unknown site's item, with its English Wikipedia article.
    '/sparql': json({
      results: {
        bindings: [
          {
            item: { value: 'http://www.wikidata.org/entity/Q99999999' },
            itemLabel: { value: 'Lakeshore Ledger' },
            itemDescription: { value: 'local newspaper (test fixture)' },
            article: { value: 'https://en.wikipedia.org/wiki/Lakeshore_Ledger' },
          },
        ],
      },
    }),
    // A person's Wikipedia summary (www.wikidata.org sitelink, then en.wikipedia.org), recorded shapes.
    '/w/api.php': json(fixture('wikidata/wbgetentities-sitelink-q267902.json')),
    '/api/rest_v1/page/summary/Jim_Mattis': json(fixture('wikipedia/summary-jim-mattis.json')),
    '/api/rest_v1/page/summary/Lakeshore_Ledger': json({
      title: 'Lakeshore Ledger',
      extract: 'The Lakeshore Ledger is a local newspaper (test fixture).',
    }),
    // Google News RSS search and the GDELT DOC API.
    '/rss/search': rss('Google News', 'https://www.theguardian.com/world/2026/flood-barrier'),
    '/api/v2/doc/doc': json({
      articles: [
        {
          url: 'https://www.france24.com/en/2026/flood-barrier',
          title: 'Flood barrier approved on the east riverbank',
          seendate: '20260101T000000Z',
          domain: 'france24.com',
        },
      ],
    }),
    // Every default feed: a one-item RSS feed.
    ...Object.fromEntries(
      DEFAULT_FEED_URLS.map((u) => [new URL(u).pathname, rss(new URL(u).host, `${new URL(u).origin}/story`)]),
    ),
  });
});

after(async () => {
  await pages?.close();
  await tls?.close();
});

/**
 * Run `exercise` in a fresh profile with a private copy of the e2e build whose manifest also holds
 * `grants` (host permissions the reader would grant: the feed hosts when the browser asks, the
 * unknown news site through the toolbar click's activeTab). Returns everything recorded.
 */
async function withFreshBrowser(grants, exercise) {
  const manifest = JSON.parse(
    readFileSync(path.join(repoRoot, '.output-e2e', 'chrome-mv3', 'manifest.json'), 'utf8'),
  );
  manifest.host_permissions = [...manifest.host_permissions, ...grants];
  const probe = await buildWithProbes({ 'manifest.json': JSON.stringify(manifest) });
  const netlog = path.join(probe.dir, 'netlog.json');
  const hostMap = {
    ...Object.fromEntries(PAGE_HOSTS.map((h) => [h, pages.port])),
    ...Object.fromEntries(ALL_FEATURE_HOSTS.map((h) => [h, tls.port])),
  };
  const tlsHitsBefore = tls.hits.length;
  let browser, rec, errors;
  try {
    browser = await launchWithExtension({
      extDir: probe.extDir,
      isolate: false,
      hostMap,
      ignoreCertificateErrors: true,
      args: netLogArgs(netlog),
    });
    errors = collectErrors(browser.context, browser.extensionId, browser.sw);
    rec = await recordEgress(browser);
    await exercise(browser, rec);
    await rec.stop();
  } finally {
    await browser?.close(); // the network log is complete once the browser has exited
  }
  const net = readNetLog(netlog);
  await probe.cleanup();
  return {
    extensionId: browser.extensionId,
    rec,
    errors: errors.ours,
    net,
    netFromExtension: extensionRequests(net, browser.extensionId),
    // Hosts the https stand-in answered for, the seed page's own loads (and favicon) aside.
    localHosts: sorted(
      tls.hits
        .slice(tlsHitsBefore)
        .map((h) => [h.slice(0, h.indexOf('/')).replace(/:\d+$/, ''), h.slice(h.indexOf('/'))])
        .filter(([host, p]) => !isSeedLoad({ host, pathname: p }))
        .map(([host]) => host),
    ),
  };
}

async function options(browser) {
  const page = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
  await poll(async () => (await page.locator('body').getAttribute('data-state')) === 'ready', {
    what: 'options ready',
  });
  return page;
}

/** Read the seed and both test articles with the feature on (the reading itself must add nothing). */
async function readPages(browser, rec) {
  for (const url of [SEED_HTTPS, OLD_ARTICLE, RECENT_ARTICLE]) {
    const page = await rec.newPage();
    await page.goto(url);
    if (url === SEED_HTTPS) assert.equal(await waitForStatus(page, { timeout: 30_000 }), 'sent');
    const { popup, state } = await openPopupFor(browser.context, browser.extensionId, url);
    assert.equal(state, 'ready', `popup ready for ${url}`);
    await popup.close();
    await page.close();
  }
}

/** The common verdict: only `allowed` hosts, each of `mustReach` reached, by both recorders. */
function assertOnly(feature, run, mustReach = FEATURE_HOSTS[feature]) {
  const allowed = [...FEATURE_HOSTS[feature]];
  const cdpHosts = sorted(run.rec.fromExtension().map((r) => r.host));
  const netHosts = sorted(run.netFromExtension.map((r) => r.host));
  if (process.env.EGRESS_DEBUG)
    console.log(`# ${feature}: cdp ${cdpHosts} | netlog ${netHosts} | local ${run.localHosts}`);
  assert.deepEqual(extensionEgressViolations(run.rec, { allowedHosts: allowed }), [], `${feature}: CDP`);
  assert.deepEqual(
    run.netFromExtension.filter((r) => !allowed.includes(r.host)),
    [],
    `${feature}: browser network log`,
  );
  for (const host of mustReach) {
    assert.ok(cdpHosts.includes(host), `${feature} fired: CDP saw a request to ${host} (${cdpHosts})`);
    assert.ok(netHosts.includes(host), `${feature} fired: the network log has ${host} (${netHosts})`);
  }
  // The local stand-ins were asked only for this feature's hosts (nothing else was even tried).
  assert.deepEqual(
    run.localHosts.filter((h) => !allowed.includes(h)),
    [],
    `${feature}: local https stand-in hits`,
  );
  // Nobody else (the pages, the browser) contacted another feature's host either; the seed page's
  // own loads on www.presstv.ir (also a default feed host) aside.
  const pageOrBrowser = run.net.filter(
    (r) => r.host && !run.netFromExtension.includes(r) && !isSeedLoad(new URL(r.url)),
  );
  for (const r of pageOrBrowser) {
    assert.ok(
      !ALL_FEATURE_HOSTS.includes(r.host) || allowed.includes(r.host),
      `no other feature's host was contacted by anyone: ${r.url} (initiator ${r.initiator})`,
    );
  }
  assert.deepEqual(run.errors, [], `${feature}: no errors from Masthead`);
}

test('outlet lookup on: requests go only to the hosts the options page names', async () => {
  const run = await withFreshBrowser([`http://${UNKNOWN_HOST}/*`], async (browser, rec) => {
    const opts = await options(browser);
    const statement = await opts.locator('#outlet-lookup-desc').innerText();
    assert.deepEqual(hostsNamedIn(statement), sorted(FEATURE_HOSTS.outletLookup), statement);
    await opts.locator('#outlet-lookup').click();
    await poll(() => opts.locator('#outlet-lookup').isChecked(), { what: 'lookup on' });
    await readPages(browser, rec);
    // The popup on the unknown outlet's article looks it up by itself.
    const page = await rec.newPage();
    await page.goto(OLD_ARTICLE);
    const { popup } = await openPopupFor(browser.context, browser.extensionId, OLD_ARTICLE);
    const found = await poll(() => testIdText(popup, 'outlet-lookup-found'), {
      timeout: 20_000,
      what: 'the lookup answer in the popup',
    });
    assert.match(found, /Lakeshore Ledger/);
    // The same switch lets a person's Wikipedia summary be fetched when the reader asks for it.
    const seedTab = await rec.newPage();
    await seedTab.goto(SEED_HTTPS);
    assert.equal(await waitForStatus(seedTab, { timeout: 30_000 }), 'sent');
    const seed = await openPopupFor(browser.context, browser.extensionId, SEED_HTTPS, {
      viewport: { width: 400, height: 900 },
    });
    const mattis = seed.popup.locator('[data-testid="person"]').filter({ hasText: 'James Mattis' });
    await mattis.locator('[data-testid="person-wikipedia-load"]').click();
    const box = mattis.locator('[data-testid="person-wikipedia"]');
    await poll(async () => (await box.count()) > 0, { timeout: 20_000, what: 'the person summary' });
    assert.match(await box.innerText(), /secretary of defense/);
  });
  assertOnly('outletLookup', run);
});

test('feeds on: requests go only to the default feed list the options page shows', async () => {
  // The browser's prompt for the feed hosts, accepted (and the toolbar click on the unknown site).
  const grants = [...FEATURE_HOSTS.feeds.map((h) => `https://${h}/*`), `http://${UNKNOWN_HOST}/*`];
  const run = await withFreshBrowser(grants, async (browser, rec) => {
    const opts = await options(browser);
    const listed = await opts.locator('[data-testid="feed-row"] .feed__url').allInnerTexts();
    const listedHosts = sorted(listed.map((t) => new URL(t.trim().split(/\s/)[0]).host));
    assert.deepEqual(listedHosts, sorted(FEATURE_HOSTS.feeds), 'the listed feeds are FEATURE_HOSTS.feeds');
    const statement = await opts.locator('#feeds-enabled-desc').innerText();
    for (const h of hostsNamedIn(statement)) assert.ok(FEATURE_HOSTS.feeds.includes(h), `named: ${h}`);
    await opts.locator('#feeds-enabled').click();
    const message = opts.locator('[data-testid="feeds-panel"] .message');
    const n = DEFAULT_FEED_URLS.length;
    await poll(
      async () => new RegExp(`Feeds are on\\. Fetched ${n} feeds \\(0 with`).test(await message.innerText()),
      {
        timeout: 60_000,
        what: 'the first poll of every default feed',
      },
    );
    await opts.locator('[data-testid="feeds-poll"]').click();
    await poll(async () => new RegExp(`^Fetched ${n} feeds: `).test(await message.innerText()), {
      timeout: 60_000,
      what: 'Fetch now',
    });
    await readPages(browser, rec);
  });
  assertOnly('feeds', run);
});

test('coverage search on click: requests go only to the hosts the popup names', async () => {
  const run = await withFreshBrowser([`http://${UNKNOWN_HOST}/*`], async (browser, rec) => {
    // The options switch, named with the same hosts; then reading adds nothing until the click.
    const opts = await options(browser);
    const statement = await opts.locator('#coverage-search-desc').innerText();
    assert.deepEqual(hostsNamedIn(statement), sorted(FEATURE_HOSTS.coverageSearch), statement);
    await opts.locator('#coverage-search').click();
    await poll(() => opts.locator('#coverage-search').isChecked(), { what: 'search on' });
    await readPages(browser, rec);
    const page = await rec.newPage();
    await page.goto(RECENT_ARTICLE);
    const { popup } = await openPopupFor(browser.context, browser.extensionId, RECENT_ARTICLE);
    const plans = popup.locator('[data-testid="related-search-plan"]');
    await plans.first().waitFor({ timeout: 10_000 });
    const named = hostsNamedIn((await plans.allInnerTexts()).join('\n'));
    assert.deepEqual(
      named,
      sorted(FEATURE_HOSTS.coverageSearch),
      'the popup names FEATURE_HOSTS.coverageSearch',
    );
    await popup.locator('[data-testid="related-search-button"]').click();
    const result = await poll(
      async () => {
        const t = (await testIdText(popup, 'related-search-result')) ?? '';
        return /Google News: .*GDELT: /.test(t) ? t : null;
      },
      { timeout: 20_000, what: 'search outcome' },
    );
    assert.match(result, /Google News: 1 item stored\. GDELT: 1 item stored\./);
  });
  assertOnly('coverageSearch', run);
});

test('FEATURE_HOSTS lists every host the extension is built to contact for a feature', () => {
  // The built service worker's code names no online host outside FEATURE_HOSTS (besides the
  // hosts of links it shows: Wikipedia/Wikidata entity and article URLs are in the list already).
  const bg = readFileSync(path.join(repoRoot, '.output-e2e', 'chrome-mv3', 'background.js'), 'utf8');
  const fetched = sorted(
    [...bg.matchAll(/["'`]https:\/\/([a-z0-9.-]+)\/(?:sparql|api\/|rss\/search)/g)].map((m) => m[1]),
  );
  for (const h of fetched) assert.ok(ALL_FEATURE_HOSTS.includes(h), `${h} is in FEATURE_HOSTS`);
  assert.ok(fetched.length >= 3, `found the request builders (${fetched})`);
});
