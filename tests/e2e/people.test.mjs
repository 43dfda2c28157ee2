// People named in the article (issue 4), on the seed served as www.presstv.ir: the popup's People
// section (ordered people, roles, quotes, sources cited, "Find on page") and the inline highlights
// (CSS Custom Highlight API ranges, hover card in a shadow root, Alt+Shift+P, Escape, toggles).
// Screenshots: docs/screenshots/people-popup.png and people-card.png (with UPDATE_SCREENSHOTS=1).
/* global chrome, CSS */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  SEED_URL,
  waitForStatus,
  openPopupFor,
  testIdText,
  poll,
  screenshot,
  collectErrors,
} from './harness.mjs';

const PEOPLE = ['Shinzo Abe', 'James Mattis', 'Donald Trump', 'Fumio Kishida'];
let server, browser, page, popup, errors;

before(async () => {
  server = await startServer(seedRoutes());
  browser = await launchWithExtension({ hostMap: { 'www.presstv.ir': server.port } });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  page = await browser.context.newPage();
  await page.goto(SEED_URL);
  assert.equal(await waitForStatus(page), 'sent');
  ({ popup } = await openPopupFor(browser.context, browser.extensionId, SEED_URL, {
    viewport: { width: 400, height: 900 },
  }));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The painted highlight in the page: range count and the texts of the ranges (main world). */
const paintedRanges = (name = 'masthead-person') =>
  page.evaluate((n) => {
    const h = globalThis.CSS?.highlights?.get(n);
    return h ? [...h].map((r) => r.toString()) : null;
  }, name);

const card = () => page.locator('masthead-people [data-testid="masthead-person-card"]');

test('the popup lists exactly the four people, most prominent first, with roles', async () => {
  assert.equal(await popup.locator('body').getAttribute('data-state'), 'ready');
  const names = await popup.locator('[data-testid="person-name"]').allInnerTexts();
  assert.deepEqual([...names].sort(), [...PEOPLE].sort());
  for (const bad of ['Article Five', 'Press TV', 'Kyodo', 'Roku', 'Terminal High Altitude']) {
    assert.ok(!names.some((n) => n.includes(bad)), `${bad} is not a person`);
  }
  const counts = await popup.locator('[data-testid="person-mentions"]').allInnerTexts();
  const n = counts.map((c) => Number.parseInt(c, 10));
  assert.ok(
    n.every((x) => x >= 1),
    `mention counts ${counts}`,
  );
  const item = (name) => popup.locator('[data-testid="person"]').filter({ hasText: name });
  assert.match(
    await item('Shinzo Abe').locator('[data-testid="person-role"]').innerText(),
    /Prime Minister/i,
  );
  assert.match(
    await item('James Mattis').locator('[data-testid="person-role"]').innerText(),
    /Defen[cs]e Secretary/i,
  );
  assert.match(
    await item('Fumio Kishida').locator('[data-testid="person-role"]').innerText(),
    /Foreign Minister/i,
  );
  const trumpAtDate = await item('Donald Trump').locator('[data-testid="person-role-at-date"]').innerText();
  assert.match(trumpAtDate, /President of the United States, since 20 Jan 2017/);
  const mattisAtDate = await item('James Mattis').locator('[data-testid="person-role-at-date"]').innerText();
  assert.match(mattisAtDate, /Secretary of Defense, since 20 Jan 2017/);
  const source = item('James Mattis').locator('a.person__source');
  assert.match(await source.getAttribute('href'), /^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/);
});

test('quotes for Abe and Mattis, expandable from the keyboard', async () => {
  const item = (name) => popup.locator('[data-testid="person"]').filter({ hasText: name });
  for (const name of ['Shinzo Abe', 'James Mattis']) {
    const details = item(name).locator('[data-testid="person-quotes"]');
    assert.equal(await details.count(), 1, `${name} has quotes`);
    assert.equal(await details.evaluate((d) => d.open), false);
    await details.locator('summary').focus();
    await popup.keyboard.press('Enter');
    assert.equal(await details.evaluate((d) => d.open), true, `${name}'s quotes open with Enter`);
    const quotes = await details.locator('[data-testid="person-quote"]').allInnerTexts();
    assert.ok(quotes.length >= 1 && quotes.every((q) => q.length > 10), `${name}: ${quotes}`);
  }
  assert.equal(await item('Fumio Kishida').locator('[data-testid="person-quotes"]').count(), 0);
});

test('sources cited: Kyodo News (quoted) and AFP (photos)', async () => {
  const line = await testIdText(popup, 'sources-cited');
  assert.match(line, /Kyodo News — quoted/);
  assert.match(line, /AFP — photos/);
  assert.equal(await popup.locator('[data-testid="source-cited"]').count(), 2);
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.setViewportSize({ width: 400, height: 600 });
  // Quotes collapsed, the section at the top of the scroller: the whole list and the sources line.
  await popup
    .locator('[data-testid="person-quotes"]')
    .evaluateAll((all) => all.forEach((d) => (d.open = false)));
  await popup.locator('[data-testid="section-people"]').evaluate((s) => s.scrollIntoView({ block: 'start' }));
  await popup.evaluate(() => document.activeElement?.blur());
  await screenshot(popup, 'people-popup');
});

test('every mention is painted with the CSS Custom Highlight API, the page DOM untouched', async () => {
  const ranges = await poll(async () => ((await paintedRanges())?.length ? await paintedRanges() : null), {
    timeout: 10_000,
    what: 'CSS.highlights masthead-person',
  });
  for (const form of ['Shinzo Abe', 'Abe', 'James Mattis', 'Mattis', 'Trump', 'Fumio Kishida']) {
    assert.ok(ranges.includes(form), `a range covers "${form}" (${ranges.length} ranges)`);
  }
  assert.ok(!ranges.some((r) => /Kyodo|Press TV|Article Five/.test(r)), `no non-person ranges: ${ranges}`);
  // No wrapper elements in the article: the text nodes are as the page served them.
  assert.equal(await page.locator('body mark, body [data-masthead]').count(), 0);
  const stats = JSON.parse(await page.locator('html').getAttribute('data-masthead-highlights'));
  assert.equal(stats.api, 'highlight');
  assert.equal(stats.marks, ranges.length);
});

test('hovering a highlighted name opens the card in a shadow root', async () => {
  const box = await page.evaluate(() => {
    const h = CSS.highlights.get('masthead-person');
    const r = [...h].find((x) => x.toString() === 'Mattis' || x.toString() === 'James Mattis');
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(box.x - 200, box.y + 200);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  await poll(async () => card().isVisible(), { timeout: 5_000, what: 'card visible on hover' });
  assert.equal(await card().locator('h2').innerText(), 'James Mattis');
  const text = await card().innerText();
  assert.match(text, /Defen[cs]e Secretary/);
  assert.match(text, /since 20 Jan 2017/);
  assert.match(text, /“/, 'quotes from this article');
  const shadowMode = await page.evaluate(() => document.querySelector('masthead-people')?.shadowRoot?.mode);
  assert.equal(shadowMode, 'open');
  assert.ok((await paintedRanges('masthead-person-active')).length >= 1, 'the hovered person is emphasised');
  await page.mouse.move(5, 5);
  await poll(async () => !(await card().isVisible()), {
    timeout: 5_000,
    what: 'card closes when the pointer leaves',
  });
});

test('Alt+Shift+P focuses the most prominent person and opens the card; Escape closes', async () => {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  // Reduced motion: the jump to the mention is instant (no smooth scroll).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.keyboard.press('Alt+Shift+P');
  await poll(async () => card().isVisible(), { timeout: 5_000, what: 'card opened from the keyboard' });
  const first = await card().locator('h2').innerText();
  assert.ok(PEOPLE.includes(first), first);
  assert.equal(
    await page.evaluate(() => document.activeElement?.tagName.toLowerCase()),
    'masthead-people',
    'focus moved into the card',
  );
  // After the (smooth) scroll the card sits next to the focused mention, not over it.
  const overlap = () =>
    page.evaluate(() => {
      const c = document
        .querySelector('masthead-people')
        .shadowRoot.querySelector('.card')
        .getBoundingClientRect();
      const a = [...CSS.highlights.get('masthead-person-active')][0].getBoundingClientRect();
      return !(c.bottom <= a.top || c.top >= a.bottom || c.right <= a.left || c.left >= a.right);
    });
  await poll(async () => !(await overlap()), { timeout: 5_000, what: 'card beside the focused mention' });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await card().isVisible(), true, 'the keyboard-opened card stays open');
  await screenshot(page, 'people-card');
  await page.keyboard.press('Alt+Shift+P');
  await poll(async () => (await card().locator('h2').innerText()) !== first, {
    timeout: 5_000,
    what: 'the shortcut moves to the next person',
  });
  await page.keyboard.press('Escape');
  await poll(async () => !(await card().isVisible()), { timeout: 5_000, what: 'Escape closes the card' });
  assert.equal(await paintedRanges('masthead-person-active'), null, 'no emphasis after close');
});

test('"Find on page" in the popup scrolls to the person and opens the card', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await popup
    .locator('[data-testid="person"]')
    .filter({ hasText: 'Fumio Kishida' })
    .locator('[data-testid="person-find"]')
    .click();
  await poll(
    async () => (await card().isVisible()) && (await card().locator('h2').innerText()) === 'Fumio Kishida',
    {
      timeout: 5_000,
      what: 'card for Fumio Kishida',
    },
  );
  assert.equal(await testIdText(popup, 'people-find-notice'), null);
  await page.keyboard.press('Escape');
});

test('toggle off for this site removes the highlights and is stored', async () => {
  await page.keyboard.press('Alt+Shift+P');
  await poll(async () => card().isVisible(), { timeout: 5_000, what: 'card open' });
  await card().locator('[data-action="off-site"]').click();
  await poll(async () => (await paintedRanges()) === null, { timeout: 5_000, what: 'highlights removed' });
  assert.equal(await card().isVisible(), false);
  const stored = await popup.evaluate(
    async () => (await chrome.storage.local.get('highlightsOffSites')).highlightsOffSites,
  );
  assert.deepEqual(stored, ['presstv.ir']);
  // Turning the site back on (as the options page does) paints again.
  await popup.evaluate(() => chrome.storage.local.set({ highlightsOffSites: [] }));
  await poll(async () => (await paintedRanges())?.length > 0, { timeout: 5_000, what: 'highlights back' });
});

test('no errors from Masthead', () => {
  assert.deepEqual(errors.ours, []);
});
