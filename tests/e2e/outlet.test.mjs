// The outlet card (issue 3) in the built extension: the seed article served as www.presstv.ir,
// www.presstv.com, www.presstv.co.uk and as a Wayback Machine copy shows the same Press TV card
// (from the shipped outlet data, never from this test), the badge says "state-controlled" with
// text, colour and tooltip, and an outlet that is not in the data gets the honest unknown state.
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
  fixtureRoutes,
  SEED_PATH,
  waitForStatus,
  openPopupFor,
  testIdText,
  swEval,
  poll,
  screenshot,
  collectErrors,
  repoRoot,
} from './harness.mjs';

const WAYBACK_PATH = `/web/20170203120000/https://www.presstv.ir${SEED_PATH}`;
const URLS = {
  ir: `http://www.presstv.ir${SEED_PATH}`,
  com: `http://www.presstv.com${SEED_PATH}`,
  couk: `http://www.presstv.co.uk${SEED_PATH}`,
  wayback: `http://web.archive.org${WAYBACK_PATH}`,
};

// Expectations about the RSP listings come from the shipped data file, not from this test.
const rsp = JSON.parse(readFileSync(path.join(repoRoot, 'lib/outlets/data/rsp.json'), 'utf8'));
const pressTvRsp = rsp.entries.filter((e) => e.qid === 'Q912429').sort((a, b) => (a.asOf < b.asOf ? 1 : -1));

let server, browser, errors;
const cards = {};

before(async () => {
  server = await startServer({
    ...seedRoutes(),
    ...fixtureRoutes(),
    [WAYBACK_PATH]: { file: seedFile() },
  });
  const hostMap = Object.fromEntries(
    ['www.presstv.ir', 'www.presstv.com', 'www.presstv.co.uk', 'web.archive.org', 'www.hispantv.com'].map(
      (h) => [h, server.port],
    ),
  );
  browser = await launchWithExtension({ hostMap });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Open `url`, then the popup for it; returns the popup page and the tab id. */
async function popupFor(url, { automatic = true } = {}) {
  const page = await browser.context.newPage();
  await page.goto(url);
  // The archived copy is not a news host: the popup's "analyse this tab" path reads it.
  if (automatic) assert.equal(await waitForStatus(page), 'sent');
  const opened = await openPopupFor(browser.context, browser.extensionId, url);
  assert.equal(opened.state, 'ready', `popup ready for ${url}`);
  await poll(
    () =>
      testIdText(opened.popup, 'outlet-name').then((t) => t ?? testIdText(opened.popup, 'outlet-unknown')),
    {
      what: `outlet card for ${url}`,
    },
  );
  return { ...opened, page };
}

const badge = (tabId) =>
  swEval(
    browser.context,
    browser.extensionId,
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );

/** The card's text without the "Matched …" line (which names the host the page came from). */
async function cardText(popup) {
  const card = popup.locator('[data-testid="section-outlet"]');
  const all = await card.innerText();
  const match = await testIdText(popup, 'outlet-match');
  return all.replace(match ?? '', '').trim();
}

for (const [key, url] of Object.entries(URLS)) {
  test(`${key}: the Press TV card (${new URL(url).host})`, async () => {
    const { popup, tabId } = await popupFor(url, { automatic: key !== 'wayback' });
    cards[key] = { popup, tabId, text: await cardText(popup) };

    assert.equal(await testIdText(popup, 'outlet-name'), 'Press TV');
    assert.match(await testIdText(popup, 'outlet-country'), /^Iran\b/);
    assert.match(await testIdText(popup, 'outlet-medium'), /\bTV\b/);
    assert.match(await testIdText(popup, 'outlet-founded'), /2007/);
    assert.match(await testIdText(popup, 'outlet-owners'), /Islamic Republic of Iran Broadcasting/);
    assert.match(await testIdText(popup, 'outlet-owners'), /Supreme Leader/);
    const control = await testIdText(popup, 'outlet-control');
    assert.match(control, /^State-controlled/);
    assert.match(control, /IRIB/);

    const events = popup.locator('[data-testid="outlet-event"]');
    const ofcom = events.filter({ hasText: 'Ofcom' });
    assert.match(await ofcom.innerText(), /20 Jan 2012/);
    assert.equal(await ofcom.getAttribute('data-after-article'), 'false');
    assert.equal(await ofcom.locator('[data-testid="after-article"]').count(), 0);
    const seized = events.filter({ hasText: 'seized' });
    assert.match(await seized.innerText(), /22 Jun 2021/);
    assert.equal(await seized.getAttribute('data-after-article'), 'true');
    assert.match(await seized.locator('[data-testid="after-article"]').innerText(), /after this article/);

    const listings = popup.locator('[data-testid="outlet-rsp"]');
    assert.equal(await listings.count(), pressTvRsp.length);
    assert.ok(pressTvRsp.length >= 2, 'the data has the current and the 2021 listing');
    const first = await listings.nth(0).innerText();
    assert.match(first, /^Deprecated/);
    assert.match(first, /current status, as of \d{1,2} \w{3} \d{4}/);
    const y2021 = listings.filter({ hasText: 'Generally unreliable' });
    assert.match(await y2021.innerText(), /as listed on \d{1,2} \w{3} 2021/);
    for (let i = 0; i < (await listings.count()); i++) {
      const href = await listings.nth(i).locator('a').getAttribute('href');
      assert.match(
        href,
        /^https:\/\/en\.wikipedia\.org\/wiki\/Wikipedia:Reliable_sources\/Perennial_sources/,
      );
    }
    assert.match(await testIdText(popup, 'outlet-rsp-attribution'), /Wikipedia contributors, CC BY-SA/);

    assert.match(await testIdText(popup, 'ownership-not-disclosed'), /Ownership not disclosed on this page/);
    assert.match(await testIdText(popup, 'outlet-self-disclosure'), /Publisher: Press TV/);

    // Editor-recall facts are visibly marked, never shown as verified.
    assert.ok((await popup.locator('[data-testid="unverified"]').count()) > 0);
    assert.match(await testIdText(popup, 'outlet-unverified-note'), /not yet checked against\s+Wikidata/);

    const report = new URL(await popup.locator('[data-testid="report-wrong-fact"]').getAttribute('href'));
    assert.equal(report.origin + report.pathname, 'https://github.com/masthead-news/masthead/issues/new');
    assert.match(report.searchParams.get('title'), /Press TV \(Q912429\)/);
    assert.ok(!report.href.includes('509465'), 'the article URL is not put in the draft issue');

    const b = await poll(async () => ((await badge(tabId)).text === 'GOV' ? badge(tabId) : null), {
      what: `GOV badge for ${url}`,
    });
    assert.deepEqual(b.color, [179, 38, 30, 255]);
    assert.match(b.title, /Press TV — state-controlled \(article\)/);
  });
}

test('the four addresses show the same card; the match line says how each was read', async () => {
  for (const key of ['com', 'couk', 'wayback']) assert.equal(cards[key].text, cards.ir.text, `${key} = ir`);
  assert.match(
    await testIdText(cards.com.popup, 'outlet-match'),
    /presstv\.com \(former domain, until 22 Jun 2021\)/,
  );
  assert.match(await testIdText(cards.wayback.popup, 'outlet-match'), /Wayback Machine/);
});

test('keyboard: the sources fold opens from the keyboard (Enter on its summary)', async () => {
  const { popup } = cards.ir;
  const sources = popup.locator('[data-testid="outlet-sources"]');
  await sources.locator('summary').focus();
  await popup.keyboard.press('Enter');
  assert.equal(await sources.getAttribute('open'), '');
  assert.match(await sources.innerText(), /wikidata\.org|Wikidata/);
});

test('screenshots of the outlet card (light and dark)', async () => {
  const { popup } = cards.ir;
  await popup.locator('[data-testid="outlet-sources"]').evaluate((d) => {
    d.removeAttribute('open');
    d.querySelector('summary')?.blur();
  });
  await popup.addStyleTag({ content: '.popup { max-height: none; } .popup__main { overflow: visible; }' });
  await popup.emulateMedia({ colorScheme: 'light' });
  await screenshot(popup, 'popup-outlet', { docs: true, fullPage: true });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await screenshot(popup, 'popup-outlet-dark', { docs: true, fullPage: true });
  await popup.emulateMedia({ colorScheme: 'light' });
});

test('an outlet not in the data: the unknown state, the page self-description, a plain ✓ badge', async () => {
  const url = server.url('/pages/article-plain');
  const { popup, tabId } = await popupFor(url);
  assert.equal(await testIdText(popup, 'outlet-name'), null);
  assert.match(await testIdText(popup, 'outlet-unknown'), /not in Masthead's data/);
  assert.match(await testIdText(popup, 'outlet-self-disclosure'), /Publisher: The Daily Example/);
  assert.match(await testIdText(popup, 'ownership-not-disclosed'), /Ownership not disclosed/);
  // Online lookup is off by default: the card says how to turn it on, and nothing is sent.
  assert.match(await testIdText(popup, 'outlet-lookup-off'), /Online lookup is off/);
  const b = await badge(tabId);
  assert.equal(b.text, '✓');
  assert.match(b.title, /outlet not in Masthead's data/);
});

// Records whose QID no corpus gives (qid null, key `local:<id>`): the same card, badge and report
// link through the real build, from the packaged data file.
test('an outlet without a Wikidata QID in the data: card, badge and report link by its local id', async () => {
  const hispan = await popupFor(`http://www.hispantv.com/pages/article-plain`);
  assert.equal(await testIdText(hispan.popup, 'outlet-name'), 'HispanTV');
  assert.match(await testIdText(hispan.popup, 'outlet-country'), /^Iran\b/);
  const control = await testIdText(hispan.popup, 'outlet-control');
  assert.match(control, /^State-controlled/);
  assert.match(control, /IRIB/);
  assert.match(await hispan.popup.locator('[data-testid="outlet-rsp"]').first().innerText(), /^Deprecated/);
  const report = new URL(
    await hispan.popup.locator('[data-testid="report-wrong-fact"]').getAttribute('href'),
  );
  assert.match(report.searchParams.get('title'), /HispanTV \(local:hispantv\)/);
  assert.ok(
    !report.searchParams.get('body').includes('wikidata.org/wiki/local:'),
    'no Wikidata link to a local id',
  );
  const b = await poll(
    async () => ((await badge(hispan.tabId)).text === 'GOV' ? badge(hispan.tabId) : null),
    {
      what: 'GOV badge for HispanTV',
    },
  );
  assert.match(b.title, /HispanTV — state-controlled/);
});

test('no errors from Masthead', () => {
  assert.deepEqual(errors.ours, []);
});
