// Reading list end to end in Chromium: save the seed (served as www.presstv.ir) from the popup,
// find it by searching "Kishida", open the reader view with its Press TV context, export JSON,
// delete it, re-import the export → the identical row. Screenshots: reading-list(-dark), reader-view(-dark).
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
  openPopupFor,
  openExtensionPage,
  readAll,
  poll,
  screenshot,
  collectErrors,
} from './harness.mjs';

let server, browser, errors, list, savedRow, exportPath;

const seedRow = async (page) =>
  (await readAll(page, 'masthead', 'saved')).find((r) => /presstv\.ir/.test(r.url));

async function openList() {
  const page = await openExtensionPage(browser.context, browser.extensionId, 'reading-list.html');
  await page.setViewportSize({ width: 1280, height: 800 });
  page.on('dialog', (d) => void d.accept());
  await poll(async () => (await page.locator('body').getAttribute('data-state')) === 'ready', {
    what: 'reading list ready',
  });
  return page;
}

before(async () => {
  server = await startServer(seedRoutes());
  browser = await launchWithExtension({ hostMap: { 'www.presstv.ir': server.port } });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  const page = await browser.context.newPage();
  await page.goto(SEED_URL);
  assert.equal(await waitForStatus(page), 'sent');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the popup saves the seed article with its text and context snapshot', async () => {
  const { popup, state } = await openPopupFor(browser.context, browser.extensionId, SEED_URL);
  assert.equal(state, 'ready');
  const status = popup.locator('[data-testid="save-status"]');
  await poll(async () => (await status.getAttribute('data-saved')) === 'no', {
    what: 'save card says not saved',
  });
  await popup.locator('[data-testid="save-button"]').click();
  await poll(async () => (await status.getAttribute('data-saved')) === 'yes', {
    what: 'save card says saved',
  });
  assert.equal(await popup.locator('[data-testid="save-button"]').innerText(), 'Update saved copy');
  // Tags and note from the popup's quick edit.
  await popup.locator('[data-testid="save-tags"]').fill('japan, defence');
  await popup.locator('[data-testid="save-note"]').fill('Mattis in Tokyo');
  await popup.locator('[data-testid="save-apply"]').click();
  const row = await poll(
    async () => {
      const r = await seedRow(popup);
      return r && r.tags.length === 2 ? r : null;
    },
    { what: 'tags stored' },
  );
  assert.equal(row.title, SEED_HEADLINE);
  assert.deepEqual(row.tags, ['japan', 'defence']);
  assert.equal(row.note, 'Mattis in Tokyo');
  assert.ok(row.text.includes('Kishida'), 'clean text saved');
  assert.doesNotMatch(row.content, /<script|\son\w+=/i, 'saved HTML is sanitised');
  assert.equal(row.state, 'unread');
  assert.ok(
    row.context && 'outlet' in row.context && Array.isArray(row.context.people),
    'context snapshot saved',
  );
  // The snapshot is the page's context as the popup showed it: the outlet record, the four people,
  // the sources cited.
  assert.equal(row.context.outlet?.name, 'Press TV');
  assert.equal(row.context.outlet?.country?.value, 'Iran');
  assert.equal(row.context.outlet?.control?.value?.relation, 'state-controlled');
  assert.deepEqual(row.context.people.map((p) => p.name).sort(), [
    'Donald Trump',
    'Fumio Kishida',
    'James Mattis',
    'Shinzo Abe',
  ]);
  assert.ok(
    row.context.sourcesCited.some((s) => /Kyodo/.test(s.name)),
    'Kyodo among the sources cited',
  );
  // Saving again refreshes, never duplicates.
  await popup.locator('[data-testid="save-button"]').click();
  await poll(
    async () => (await popup.locator('[data-testid="save-status"]').getAttribute('data-saved')) === 'yes',
  );
  await poll(async () => (await readAll(popup, 'masthead', 'saved')).length === 1, { what: 'one saved row' });
  savedRow = await seedRow(popup);
  await screenshot(popup, 'popup-saved', { docs: false, fullPage: true });
  assert.deepEqual(savedRow.tags, ['japan', 'defence'], 'reader fields survive a re-save');
  await popup.close();
});

test('the reading list finds it by searching "Kishida"', async () => {
  list = await openList();
  await list.locator('[data-testid="rl-search"]').fill('Kishida');
  await poll(async () => (await list.locator('[data-testid="rl-item"]').count()) === 1, {
    what: 'one search hit',
  });
  assert.match(await list.locator('[data-testid="rl-item"]').innerText(), /unwavering alliance/);
  assert.match(await list.locator('[data-testid="rl-count"]').innerText(), /^1 of 1/);
  // The row carries the outlet's control label as saved, and the filters offer it by name.
  assert.match(await list.locator('[data-testid="rl-item"]').innerText(), /Press ?TV\s*State-controlled/);
  assert.deepEqual(await list.locator('#rl-label option').allInnerTexts(), ['Any', 'State-controlled (1)']);
  assert.deepEqual(await list.locator('#rl-country option').allInnerTexts(), ['Any', 'Iran (1)']);
  await list.locator('[data-testid="rl-search"]').fill('nosuchwordanywhere');
  await poll(async () => (await list.locator('[data-testid="rl-empty"]').count()) === 1, {
    what: 'empty result',
  });
  await list.locator('[data-testid="rl-search"]').fill('kishi');
  await poll(async () => (await list.locator('[data-testid="rl-item"]').count()) === 1, {
    what: 'prefix hit',
  });
  await list.locator('[data-testid="rl-search"]').fill('Kishida');
  await poll(async () => (await list.locator('[data-testid="rl-item"]').count()) === 1, {
    what: 'hit again',
  });
  await list.emulateMedia({ colorScheme: 'light' });
  await screenshot(list, 'reading-list');
  await list.emulateMedia({ colorScheme: 'dark' });
  await screenshot(list, 'reading-list-dark');
  await list.emulateMedia({ colorScheme: 'light' });
});

test('Enter opens the reader view with the saved copy and its Press TV context', async () => {
  await list.locator('[data-testid="rl-search"]').press('Escape');
  await list.keyboard.press('Enter');
  await list.waitForURL(/reader\.html\?key=/);
  await poll(async () => (await list.locator('body').getAttribute('data-state')) === 'ready', {
    what: 'reader ready',
  });
  assert.equal(await list.locator('[data-testid="reader-title"]').innerText(), SEED_HEADLINE);
  const body = await list.locator('[data-testid="reader-body"]').innerText();
  assert.match(body, /Kishida/);
  assert.equal(await list.locator('[data-testid="reader-body"] script').count(), 0);
  const context = await list.locator('[data-testid="reader-context"]').innerText();
  assert.match(context, /Press ?TV/i);
  assert.match(context, /State-controlled/i, 'the saved outlet card, not only the name');
  assert.match(context, /Shinzo Abe/);
  assert.match(context, /Kyodo/);
  await list.emulateMedia({ colorScheme: 'light' });
  await screenshot(list, 'reader-view');
  await list.emulateMedia({ colorScheme: 'dark' });
  await screenshot(list, 'reader-view-dark');
  await list.emulateMedia({ colorScheme: 'light' });
  await list.close();
});

test('export JSON, delete, re-import → the identical item', async () => {
  list = await openList();
  await list.locator('[data-testid="rl-export-format"]').selectOption('json');
  const [download] = await Promise.all([
    list.waitForEvent('download'),
    list.locator('[data-testid="rl-export"]').click(),
  ]);
  exportPath = await download.path();
  const exported = JSON.parse(readFileSync(exportPath, 'utf8'));
  assert.equal(exported.masthead, 'reading-list');
  assert.equal(exported.items.length, 1);
  assert.equal(exported.items[0].title, SEED_HEADLINE);

  await list.locator('[data-testid="rl-item"]').first().click();
  await list.locator('[data-testid="rl-delete-one"]').click();
  await poll(async () => (await list.locator('[data-testid="rl-empty"]').count()) === 1, {
    what: 'list empty after delete',
  });
  assert.equal((await readAll(list, 'masthead', 'saved')).length, 0);

  await list.locator('[data-testid="rl-import"]').click();
  await list.locator('[data-testid="rl-import-file"]').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: readFileSync(exportPath),
  });
  await poll(async () => (await list.locator('[data-testid="rl-import-confirm"]').count()) === 1, {
    what: 'import preview',
  });
  assert.match(
    await list.locator('[data-testid="rl-import-counts"]').innerText(),
    /1 to import · 0 duplicate · 0 skipped/,
  );
  await list.locator('[data-testid="rl-import-confirm"]').click();
  await poll(async () => (await list.locator('[data-testid="rl-import-done"]').count()) === 1, {
    what: 'import done',
  });
  await list.locator('[data-testid="rl-import-close"]').click();
  const back = await seedRow(list);
  for (const key of new Set([...Object.keys(savedRow), ...Object.keys(back)])) {
    assert.deepEqual(back[key], savedRow[key], `field ${key} survives export → import`);
  }
  assert.equal(await list.locator('[data-testid="rl-item"]').count(), 1, 'the list shows it again');

  // Importing the same file again: a duplicate, nothing touched.
  await list.locator('[data-testid="rl-import"]').click();
  await list.locator('[data-testid="rl-import-file"]').setInputFiles(exportPath);
  await poll(
    async () =>
      /0 to import · 1 duplicate/.test(
        (await list
          .locator('[data-testid="rl-import-counts"]')
          .innerText()
          .catch(() => '')) ?? '',
      ),
    {
      what: 'duplicate preview',
    },
  );
  await list.locator('[data-testid="rl-import-close"]').click();
  assert.deepEqual(await seedRow(list), back);
});

test('no errors from Masthead', () => {
  assert.deepEqual(errors.ours, []);
});
