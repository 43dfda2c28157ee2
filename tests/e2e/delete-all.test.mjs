// "Delete all Masthead data" (SECURITY-RELIABILITY.md P6, S8): fill every IndexedDB table and every
// storage area, prove a content script cannot trigger the wipe, then delete from the options page
// with the keyboard only, and inspect IndexedDB and storage from the service worker: all empty, the
// database still at its version, and the extension still records the next article.
/* global chrome, indexedDB */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  SEED_URL,
  SEED_HOST,
  waitForStatus,
  tabIdFor,
  openExtensionPage,
  readAll,
  swEval,
  poll,
  collectErrors,
  withTimeout,
  screenshot,
} from './harness.mjs';
import { buildWithProbes, runInContentScriptWorld } from './probe-build.mjs';

const FORGE_FILE = 'forge-delete.js';
/** The message a compromised content script would send (right token and all). */
const FORGE_SOURCE = `chrome.runtime
  .sendMessage({ masthead: 1, type: 'deleteAllData', data: { confirm: 'delete-all-masthead-data' } })
  .then((r) => r, (e) => ({ ok: false, error: String(e) }))
  .then((r) => { document.documentElement.dataset.forgeReply = JSON.stringify(r ?? null); });
`;

let server, browser, probe, options, errors, seedTab;

/** Every object store of every database on the extension origin, with its row count (in the worker). */
function inventory() {
  return swEval(
    browser.context,
    browser.extensionId,
    async () => {
      const out = {};
      for (const { name } of await indexedDB.databases()) {
        const db = await new Promise((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const stores = {};
        for (const store of db.objectStoreNames) {
          stores[store] = await new Promise((resolve, reject) => {
            const req = db.transaction(store).objectStore(store).count();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
        }
        out[name] = { version: db.version, stores };
        db.close();
      }
      const [local, session, sync] = await Promise.all([
        chrome.storage.local.get(null),
        chrome.storage.session.get(null),
        chrome.storage.sync.get(null),
      ]);
      return { dbs: out, local, session, sync };
    },
    undefined,
    10_000,
  );
}

before(async () => {
  probe = await buildWithProbes({ [FORGE_FILE]: FORGE_SOURCE });
  server = await startServer(seedRoutes());
  browser = await launchWithExtension({
    extDir: probe.extDir,
    isolate: false,
    hostMap: { [SEED_HOST]: server.port },
  });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  seedTab = await browser.context.newPage();
  await seedTab.goto(SEED_URL);
  assert.equal(await waitForStatus(seedTab), 'sent');
  options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
  await poll(async () => (await readAll(options, 'masthead', 'pages')).length > 0, {
    what: 'the seed row in masthead.pages',
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await probe?.cleanup();
});

test('fill: a row in every IndexedDB table, keys in storage.local, session and sync', async () => {
  // Tables of later features (reading list, highlights, feeds, coverage, cache) are filled with
  // raw IndexedDB writes on the extension origin, whatever tables the current schema has.
  await withTimeout(
    options.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('masthead');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const stores = [...db.objectStoreNames].filter((s) => s !== 'pages');
      const tx = db.transaction(stores, 'readwrite');
      for (const s of stores) {
        const store = tx.objectStore(s);
        store.put({ [store.keyPath]: `e2e-${s}-1`, note: 'filled by delete-all.test' });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      await chrome.storage.local.set({ historyPaused: false, e2eMarker: 'local' });
      await chrome.storage.sync.set({ e2eMarker: 'sync' });
    }),
    10_000,
    'fill',
  );
  const inv = await inventory();
  const stores = inv.dbs.masthead.stores;
  for (const t of ['pages', 'saved', 'highlights', 'feeds', 'coverage', 'cache']) {
    assert.ok(stores[t] >= 1, `${t} has rows (${JSON.stringify(stores)})`);
  }
  assert.ok(Object.keys(inv.local).length >= 2, 'storage.local has keys');
  assert.ok(
    Object.keys(inv.session).some((k) => k.startsWith('report:')),
    'storage.session has a report',
  );
  assert.deepEqual(inv.sync, { e2eMarker: 'sync' });
});

test('a content script cannot delete: the forged message is refused, nothing removed', async () => {
  const before = await inventory();
  const tabId = await tabIdFor(browser.context, browser.extensionId, SEED_URL);
  await runInContentScriptWorld(
    (fn, arg) => swEval(browser.context, browser.extensionId, fn, arg),
    tabId,
    FORGE_FILE,
  );
  const html = seedTab.locator('html');
  const reply = JSON.parse(
    await poll(() => html.getAttribute('data-forge-reply', { timeout: 1_000 }), { what: 'forged reply' }),
  );
  assert.equal(reply.ok, false);
  assert.match(reply.error, /not an extension page/);
  assert.deepEqual(await inventory(), before);
});

test('options page: delete with the keyboard only, after a confirmation', async () => {
  const ask = options.getByTestId('delete-all');
  await ask.focus();
  await options.keyboard.press('Enter');
  const dialog = options.getByRole('alertdialog', { name: 'Delete all Masthead data?' });
  await dialog.waitFor();
  // The safe choice has focus; Escape backs out without deleting.
  assert.equal(await options.evaluate(() => document.activeElement?.dataset.testid), 'delete-all-cancel');
  await options.keyboard.press('Escape');
  await options.getByTestId('delete-all-feedback').getByText('Nothing was deleted.').waitFor();
  assert.ok((await inventory()).dbs.masthead.stores.pages >= 1, 'cancel kept the data');
  assert.equal(await options.evaluate(() => document.activeElement?.dataset.testid), 'delete-all');

  await options.keyboard.press('Enter');
  await dialog.waitFor();
  await options.keyboard.press('Shift+Tab'); // Cancel → "Yes, delete everything"
  assert.equal(await options.evaluate(() => document.activeElement?.dataset.testid), 'delete-all-yes');
  await dialog.scrollIntoViewIfNeeded();
  await screenshot(options, 'options-delete-all-confirm');
  await options.keyboard.press('Enter');
  const feedback = options.getByTestId('delete-all-feedback');
  await feedback.getByText(/All Masthead data was deleted/).waitFor({ timeout: 10_000 });
});

test('after the delete: every table empty, storage.local/session/sync empty (read in the worker)', async () => {
  const inv = await inventory();
  const masthead = inv.dbs.masthead;
  assert.ok(masthead, 'the database still exists (emptied, not deleted)');
  assert.ok(masthead.version >= 20, `Dexie version(2+) = IndexedDB ${masthead.version}`);
  for (const [store, count] of Object.entries(masthead.stores)) assert.equal(count, 0, `${store} is empty`);
  for (const [name, db] of Object.entries(inv.dbs)) {
    for (const [store, count] of Object.entries(db.stores)) assert.equal(count, 0, `${name}.${store}`);
  }
  assert.deepEqual(inv.local, {});
  assert.deepEqual(inv.session, {});
  assert.deepEqual(inv.sync, {});
  // The page shows the settings' defaults again.
  assert.equal(await options.locator('#history-paused').isChecked(), false);
});

test('Masthead keeps working: the next article is recorded again', async () => {
  const page = await browser.context.newPage();
  await page.goto(SEED_URL);
  assert.equal(await waitForStatus(page), 'sent');
  await poll(async () => (await readAll(options, 'masthead', 'pages')).length === 1, {
    what: 'one fresh row in masthead.pages',
  });
  await page.close();
});

test('no errors from Masthead', () => {
  assert.deepEqual(errors.ours, []);
});
