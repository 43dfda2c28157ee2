// Highlights and notes on the seed article (served as www.presstv.ir): select a sentence, highlight
// it with a note from the selection toolbar, reload and see it repainted (CSS Custom Highlight API),
// then see it in the reader view and in the reading list. Screenshots: highlight-page, highlight-reader.
/* global CSS, getSelection, MouseEvent */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  SEED_URL,
  waitForStatus,
  openExtensionPage,
  openPopupFor,
  readAll,
  poll,
  screenshot,
  collectErrors,
} from './harness.mjs';

const SENTENCE = 'Japanese Foreign Minister Fumio Kishida had a separate meeting with Mattis.';
const NOTE = 'Kishida met Mattis separately';

let server, browser, page, ext, errors;

/** Texts of the ranges in every `masthead-hl-*` highlight of the page (main world sees the registry). */
const paintedTexts = (p) =>
  p.evaluate(() => {
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('masthead-hl-')) continue;
      for (const r of h) out.push({ name, text: r.toString() });
    }
    return out;
  });

const highlightState = async (p) => {
  const raw = await p.evaluate(() => document.documentElement.dataset.mastheadAnnotations ?? null);
  return raw ? JSON.parse(raw) : null;
};

before(async () => {
  server = await startServer(seedRoutes());
  browser = await launchWithExtension({ hostMap: { 'www.presstv.ir': server.port } });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  ext = await openExtensionPage(browser.context, browser.extensionId, 'reading-list.html');
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(SEED_URL);
  assert.equal(await waitForStatus(page), 'sent');
  // The pass is accepted; the annotator then asks for this page's highlights (none yet).
  await poll(async () => (await highlightState(page)) !== null, { what: 'highlights listed' });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('selecting a sentence opens the toolbar; a colour with a note stores and paints it', async () => {
  // Select the sentence with the Selection API, then release the mouse as a reader would.
  await page.evaluate((sentence) => {
    const p = [...document.querySelectorAll('article p')].find((e) => e.textContent.includes(sentence));
    const text = p.firstChild;
    const start = text.data.indexOf(sentence);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + sentence.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    p.scrollIntoView({ block: 'center' });
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, SENTENCE);
  const bar = page.locator('[data-masthead-ui="highlights"] [role="toolbar"]');
  await bar.waitFor({ state: 'visible' });
  assert.equal(await bar.getAttribute('aria-label'), 'Masthead: highlight the selection');
  // Copy link to passage: a text-fragment URL for the selection.
  await bar.locator('[data-action="link"]').click();
  const status = bar.locator('[role="status"]');
  await poll(async () => /#:~:text=/.test(await status.innerText()), { what: 'text-fragment link shown' });
  assert.match(await status.innerText(), /Japanese%20Foreign%20Minister%20Fumio%20Kishida/);
  // Note, then a colour.
  await bar.locator('[data-action="note"]').click();
  await bar.locator('textarea').fill(NOTE);
  await screenshot(page, 'highlight-toolbar');
  await bar.locator('button[data-color="green"]').click();
  await bar.waitFor({ state: 'hidden' });
  const painted = await poll(
    async () => {
      const list = await paintedTexts(page);
      return list.length ? list : null;
    },
    { what: 'highlight painted' },
  );
  assert.deepEqual(painted, [{ name: 'masthead-hl-green', text: SENTENCE }]);
  // The page's DOM is untouched: no <mark> or wrapper inside the article.
  assert.equal(await page.locator('article mark').count(), 0);

  const rows = await readAll(ext, 'masthead', 'highlights');
  assert.equal(rows.length, 1);
  assert.equal(rows[0].quote, SENTENCE);
  assert.equal(rows[0].note, NOTE);
  assert.equal(rows[0].color, 'green');
  assert.ok(rows[0].selectors.some((s) => s.type === 'TextQuoteSelector' && s.exact === SENTENCE));
  assert.ok(rows[0].selectors.some((s) => s.type === 'TextPositionSelector' && s.end > s.start));
  // Highlighting saved the article to the reading list.
  const saved = await readAll(ext, 'masthead', 'saved');
  assert.ok(
    saved.some((r) => r.urlKey === rows[0].urlKey),
    'article saved with its first highlight',
  );
});

test('after a reload the highlight is anchored again and repainted', async () => {
  await page.reload();
  assert.equal(await waitForStatus(page), 'sent');
  const state = await poll(
    async () => {
      const s = await highlightState(page);
      return s && s.painted === 1 ? s : null;
    },
    { what: 'repainted after reload' },
  );
  assert.equal(state.orphaned, 0);
  assert.equal(state.mode, 'css');
  assert.deepEqual(Object.values(state.status), ['exact']);
  assert.deepEqual(await paintedTexts(page), [{ name: 'masthead-hl-green', text: SENTENCE }]);
  await page.evaluate((sentence) => {
    const p = [...document.querySelectorAll('article p')].find((e) => e.textContent.includes(sentence));
    p.scrollIntoView({ block: 'center' });
  }, SENTENCE);
  await screenshot(page, 'highlight-page');
});

test('late content: a paragraph inserted above re-anchors the highlight (MutationObserver)', async () => {
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'An update inserted by the site after load, pushing every later paragraph down.';
    document.querySelector('article p').before(p);
  });
  const state = await poll(
    async () => {
      const s = await highlightState(page);
      return s && s.painted === 1 && Object.values(s.status)[0] !== 'exact' ? s : null;
    },
    { what: 're-anchored after the page changed' },
  );
  assert.deepEqual(Object.values(state.status), ['quote']);
  assert.deepEqual(await paintedTexts(page), [{ name: 'masthead-hl-green', text: SENTENCE }]);
});

test('the reader view paints the highlight on the saved copy and lists its note', async () => {
  const [row] = await readAll(ext, 'masthead', 'highlights');
  const reader = await openExtensionPage(
    browser.context,
    browser.extensionId,
    `reader.html?key=${encodeURIComponent(row.urlKey)}`,
  );
  await reader.setViewportSize({ width: 1280, height: 900 });
  await poll(async () => (await reader.locator('body').getAttribute('data-state')) === 'ready', {
    what: 'reader ready',
  });
  const painted = await poll(
    async () => {
      const list = await paintedTexts(reader);
      return list.length ? list : null;
    },
    { what: 'reader highlight painted' },
  );
  assert.deepEqual(painted, [{ name: 'masthead-hl-green', text: SENTENCE }]);
  const item = reader.locator('[data-testid="reader-highlight"]');
  assert.equal(await item.count(), 1);
  assert.equal(await item.locator('[data-testid="reader-highlight-note"]').innerText(), NOTE);
  assert.equal(await reader.locator('[data-testid="reader-highlight-orphaned"]').count(), 0);
  await reader.evaluate((sentence) => {
    const p = [...document.querySelectorAll('.reader-body p')].find((e) => e.textContent.includes(sentence));
    p?.scrollIntoView({ block: 'center' });
  }, SENTENCE);
  await screenshot(reader, 'highlight-reader');

  // The reading list shows the highlight with its note, and finds the article by the note's words.
  const rl = await openExtensionPage(browser.context, browser.extensionId, 'reading-list.html');
  await rl.setViewportSize({ width: 1280, height: 800 });
  await poll(async () => (await rl.locator('body').getAttribute('data-state')) === 'ready', {
    what: 'list ready',
  });
  await rl.locator('[data-testid="rl-search"]').fill('separately');
  await poll(async () => ((await rl.locator('[data-testid="rl-item"]').count()) === 1 ? true : null), {
    what: 'one item found by a word of the note',
  });
  await rl.locator('[data-testid="rl-item"]').first().click();
  const listed = rl.locator('[data-testid="rl-highlights"]');
  await listed.waitFor({ state: 'visible' });
  assert.match(await listed.innerText(), /Fumio Kishida had a separate meeting/);
  assert.match(await listed.innerText(), /Kishida met Mattis separately/);
  await rl.locator('[data-testid="rl-search"]').fill('zzzunfindable');
  await poll(async () => ((await rl.locator('[data-testid="rl-item"]').count()) === 0 ? true : null), {
    what: 'nothing found for a word in no note',
  });
  assert.deepEqual(errors.ours, []);
});

test("the popup lists the page's highlights: show, edit the note, an orphan said as such, delete", async () => {
  await page.reload();
  assert.equal(await waitForStatus(page), 'sent');
  await poll(async () => ((await highlightState(page))?.painted === 1 ? true : null), { what: 'repainted' });
  let { popup } = await openPopupFor(browser.context, browser.extensionId, SEED_URL, {
    viewport: { width: 400, height: 900 },
  });
  const section = popup.locator('[data-testid="section-page-highlights"]');
  await section.waitFor({ state: 'visible' });
  assert.equal(await section.locator('h2').innerText(), 'Your highlights (1)');
  const item = section.locator('[data-testid="page-highlight"]');
  assert.match(await item.locator('blockquote').innerText(), /Fumio Kishida had a separate meeting/);
  assert.equal(await item.locator('[data-testid="page-highlight-status"]').innerText(), 'On the page');
  assert.equal(await item.locator('[data-testid="page-highlight-note"]').innerText(), NOTE);

  // Show on page: the page scrolls to the passage and selects it.
  await item.getByRole('button', { name: 'Show on page' }).click();
  await poll(
    async () => ((await page.evaluate(() => getSelection().toString())) === SENTENCE ? true : null),
    {
      what: 'passage selected on the page',
    },
  );

  // Edit the note from the popup: stored through the page's own content script.
  await item.getByRole('button', { name: 'Edit note' }).click();
  await item.locator('[data-testid="page-highlight-note-input"]').fill('Edited from the popup');
  await item.getByRole('button', { name: 'Save note' }).click();
  await poll(
    async () =>
      (await readAll(ext, 'masthead', 'highlights'))[0]?.note === 'Edited from the popup' ? true : null,
    { what: 'note stored' },
  );

  // The site removes the passage: the highlight is orphaned — listed as not found, never drawn.
  await page.evaluate((sentence) => {
    const p = [...document.querySelectorAll('article p')].find((e) => e.textContent.includes(sentence));
    p.textContent = 'This paragraph was replaced by the site after publication.';
  }, SENTENCE);
  await poll(
    async () => {
      const st = await highlightState(page);
      return st && st.painted === 0 && st.orphaned === 1 ? true : null;
    },
    { what: 'orphaned after the passage went' },
  );
  assert.deepEqual(await paintedTexts(page), []);
  await popup.close();
  ({ popup } = await openPopupFor(browser.context, browser.extensionId, SEED_URL, {
    viewport: { width: 400, height: 900 },
  }));
  const again = popup.locator('[data-testid="section-page-highlights"]');
  await again.waitFor({ state: 'visible' });
  assert.equal(
    await again.locator('[data-testid="page-highlights-orphans"]').innerText(),
    '1 highlight was not found on this page.',
  );
  const orphan = again.locator('[data-testid="page-highlight"]');
  assert.match(
    await orphan.locator('[data-testid="page-highlight-status"]').innerText(),
    /^Not found on this page/,
  );
  assert.equal(await orphan.getByRole('button', { name: 'Show on page' }).count(), 0);
  await again.scrollIntoViewIfNeeded();
  await screenshot(popup, 'popup-highlights-orphaned');

  // Delete, after confirming: the row is gone and the page forgets it.
  await orphan.getByRole('button', { name: 'Delete' }).click();
  await orphan.locator('[data-testid="page-highlight-delete-confirm"]').click();
  await poll(async () => ((await readAll(ext, 'masthead', 'highlights')).length === 0 ? true : null), {
    what: 'highlight deleted',
  });
  await poll(
    async () =>
      (await popup.locator('[data-testid="section-page-highlights"]').count()) === 0 ? true : null,
    {
      what: 'section gone with the last highlight',
    },
  );
  const st = await highlightState(page);
  assert.equal(st.orphaned, 0);
  assert.deepEqual(errors.ours, []);
});
