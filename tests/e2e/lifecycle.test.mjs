// Service-worker lifecycle (SECURITY-RELIABILITY.md R1–R3, T3; issue 8 item 4): the browser may
// stop Masthead's worker at any moment. Here it is stopped on purpose (CDP Target.closeTarget on
// the worker target) in the MIDDLE of each long-ish operation, and afterwards nothing committed is
// lost, nothing is duplicated, and the work resumes:
//   1. saving: saves are held mid-transaction (an extension page holds a readwrite lock on `saved`,
//      so the worker's save is provably in flight) and the worker is stopped; then saved again;
//   2. importing 5,000 rows from the reading-list page: the worker is stopped as soon as the first
//      chunk is seen in IndexedDB; then the page itself is closed mid-import of a second file and
//      the file is imported again ("duplicate" for every row already in);
//   3. feed polling: one fixture feed answers slowly, the worker is stopped while that fetch is in
//      flight (after the other feeds' items were stored); the next poll picks it up.
/* global chrome, indexedDB, setInterval, clearInterval */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  launchWithExtension,
  startServer,
  seedRoutes,
  pagesDir,
  SEED_URL,
  waitForStatus,
  tabIdFor,
  sessionReport,
  openExtensionPage,
  openPopupFor,
  readAll,
  replaceRows,
  poll,
  withTimeout,
  collectErrors,
  repoRoot,
} from './harness.mjs';

const ARTICLE = path.join(pagesDir, 'article-plain.html');
/** Article pages to save (the fixture article under distinct addresses, plus the seed). */
const ARTICLE_PATHS = Array.from({ length: 5 }, (_, i) => `/news/2024/05/0${i + 1}/lifecycle-story-${i + 1}`);
const IMPORT_ROWS = 5_000;
/** The reading list's write chunk, as ImportDialog passes it to applyImport (one transaction each). */
const CHUNK = Number(
  /chunkSize:\s*([\d_]+)/
    .exec(readFileSync(path.join(repoRoot, 'entrypoints', 'reading-list', 'ImportDialog.tsx'), 'utf8'))?.[1]
    ?.replace(/_/g, ''),
);
if (!(CHUNK > 0)) throw new Error('ImportDialog.tsx: no chunkSize found');

const feedFile = (name) => path.join(pagesDir, 'feeds', name);
const FEEDS = [
  { id: 'kyodo', name: 'Kyodo News', url: 'http://english.kyodonews.net/rss/all.xml' },
  { id: 'aljazeera', name: 'Al Jazeera English', url: 'http://www.aljazeera.com/xml/rss/all.xml' },
  { id: 'bbc-world', name: 'BBC News — World', url: 'http://feeds.bbci.co.uk/news/world/rss.xml' },
];
const SLOW_FEED = 'aljazeera';

let server, browser, errors, ext, articleUrls;
/** The slow feed's pending responses, released by the test. */
const slowResponses = [];
let slowHits = 0;

before(async () => {
  const slowHandler = (_req, res) => {
    slowHits++;
    slowResponses.push(() => {
      res.writeHead(200, { 'content-type': 'text/xml', 'cache-control': 'no-store' });
      res.end(readFileSync(feedFile('aljazeera.xml')));
    });
  };
  server = await startServer({
    ...seedRoutes(),
    ...Object.fromEntries(ARTICLE_PATHS.map((p) => [p, { file: ARTICLE }])),
    '/rss/all.xml': { file: feedFile('kyodo.xml'), type: 'application/rss+xml; charset=utf-8' },
    '/xml/rss/all.xml': slowHandler,
    '/news/world/rss.xml': { file: feedFile('bbc.xml'), type: 'application/atom+xml' },
  });
  const hosts = ['www.presstv.ir', 'english.kyodonews.net', 'www.aljazeera.com', 'feeds.bbci.co.uk'];
  browser = await launchWithExtension({ hostMap: Object.fromEntries(hosts.map((h) => [h, server.port])) });
  errors = collectErrors(browser.context, browser.extensionId, browser.sw);
  ext = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
  articleUrls = [SEED_URL, ...ARTICLE_PATHS.map((p) => server.url(p))];
});

after(async () => {
  for (const release of slowResponses.splice(0)) release();
  await browser?.close();
  await server?.close();
});

/** The worker's CDP target id, or null when none runs. */
async function workerTarget() {
  const cdp = await browser.context.newCDPSession(ext);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
    return sw?.targetId ?? null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Stop the worker now (R1) and wait until its target is gone. */
async function stopWorker() {
  const before = await workerTarget();
  assert.ok(before, 'the worker was running when it was stopped');
  const cdp = await browser.context.newCDPSession(ext);
  try {
    await cdp.send('Target.closeTarget', { targetId: before });
  } finally {
    await cdp.detach().catch(() => {});
  }
  await poll(async () => (await workerTarget()) !== before, { timeout: 10_000, what: 'worker stopped' });
}

/** Send a protocol message from an extension page; resolves to the reply or { thrown }. */
function send(page, type, data) {
  return withTimeout(
    page.evaluate(
      ([type, data]) =>
        chrome.runtime
          .sendMessage({ masthead: 1, type, data })
          .then((r) => r ?? { thrown: 'no answer' })
          .catch((e) => ({ thrown: String(e?.message ?? e) })),
      [type, data],
    ),
    20_000,
    `message ${type}`,
  );
}

/** Start messages from an extension page without waiting; `settled(page)` reads their outcomes. */
function sendLater(page, key, type, datas) {
  return page.evaluate(
    ([key, type, datas]) => {
      const out = (globalThis.__sent ??= {});
      out[key] = datas.map(() => null);
      datas.forEach((data, i) =>
        chrome.runtime
          .sendMessage({ masthead: 1, type, data })
          .then((r) => (out[key][i] = r ?? { thrown: 'no answer' }))
          .catch((e) => (out[key][i] = { thrown: String(e?.message ?? e) })),
      );
    },
    [key, type, datas],
  );
}
const outcomes = (page, key) => page.evaluate((key) => globalThis.__sent?.[key] ?? [], key);

/**
 * Hold a readwrite transaction on `store` from an extension page until released: the worker's own
 * write to that store queues behind it, so it is provably in the middle of the operation.
 */
function holdStore(page, store) {
  return page.evaluate(
    (store) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('masthead');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          globalThis.__release = false;
          globalThis.__released = new Promise((done) => {
            tx.oncomplete = () => (db.close(), done(true));
            tx.onabort = () => (db.close(), done(false));
          });
          // Keep the transaction alive with a chain of cheap reads until released (a timer
          // between requests would let it auto-commit).
          const chain = () => {
            if (globalThis.__release) return;
            os.count().onsuccess = chain;
          };
          chain();
          resolve(true);
        };
      }),
    store,
  );
}
const releaseStore = (page) =>
  page.evaluate(() => {
    globalThis.__release = true;
    return globalThis.__released;
  });

/** Row count of a store (raw IndexedDB from an extension page). */
const countOf = (page, store) =>
  withTimeout(
    page.evaluate(
      (store) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('masthead');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const c = req.result.transaction(store, 'readonly').objectStore(store).count();
            c.onsuccess = () => (req.result.close(), resolve(c.result));
            c.onerror = () => reject(c.error);
          };
        }),
      store,
    ),
    10_000,
    'IndexedDB count',
  );

/**
 * The reading list in numbers, computed in the page (thousands of rows are not copied out): rows,
 * distinct keys and URLs, and rows per tag.
 */
function savedSummary(page) {
  return withTimeout(
    page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('masthead');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const all = req.result.transaction('saved', 'readonly').objectStore('saved').getAll();
            all.onsuccess = () => {
              req.result.close();
              const rows = all.result;
              const tags = {};
              for (const r of rows) for (const t of r.tags) tags[t] = (tags[t] ?? 0) + 1;
              resolve({
                rows: rows.length,
                keys: new Set(rows.map((r) => r.urlKey)).size,
                urls: new Set(rows.map((r) => r.url)).size,
                tags,
              });
            };
            all.onerror = () => reject(all.error);
          };
        }),
    ),
    60_000,
    'reading-list summary',
  );
}

/** Every key appears once (primary keys are unique by construction; this guards a key change). */
function assertUnique(rows, key, what) {
  const keys = rows.map((r) => r[key]);
  assert.equal(new Set(keys).size, keys.length, `${what}: no duplicate ${key}`);
}

test('saving: a save stopped mid-transaction leaves nothing half-written, and saving again completes', async () => {
  const tabIds = [];
  for (const url of articleUrls) {
    const page = await browser.context.newPage();
    await page.goto(url);
    assert.equal(await waitForStatus(page), 'sent', url);
    const tabId = await tabIdFor(browser.context, browser.extensionId, url);
    await poll(() => sessionReport(ext, tabId), { timeout: 20_000, what: `report for ${url}` });
    tabIds.push(tabId);
  }
  // 1. The first three are saved normally.
  const early = tabIds.slice(0, 3);
  for (const tabId of early) {
    const r = await send(ext, 'savePage', { tabId });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.value.created, true);
  }
  const before = await readAll(ext, 'masthead', 'saved');
  assert.equal(before.length, 3);

  // 2. The rest are saved while `saved` is locked: the popup's Save button for one, messages for
  //    the others. None can finish; the worker is stopped while they wait on IndexedDB.
  const late = tabIds.slice(3);
  const { popup } = await openPopupFor(browser.context, browser.extensionId, articleUrls[3]);
  const status = popup.locator('[data-testid="save-status"]');
  const saveButton = popup.locator('[data-testid="save-button"]');
  await poll(
    async () => (await status.getAttribute('data-saved')) === 'no' && (await saveButton.isEnabled()),
    {
      what: 'save card ready',
    },
  );
  await holdStore(ext, 'saved');
  await saveButton.click();
  await sendLater(
    ext,
    'late',
    'savePage',
    late.slice(1).map((tabId) => ({ tabId })),
  );
  await new Promise((r) => setTimeout(r, 750));
  assert.deepEqual(
    await outcomes(ext, 'late'),
    late.slice(1).map(() => null),
    'the saves are in flight (blocked on the locked table)',
  );
  assert.equal(await popup.locator('[data-testid="save-button"]').isDisabled(), true, 'popup busy');
  await stopWorker();
  assert.equal(await releaseStore(ext), true, 'the holder committed (it wrote nothing)');

  // The callers get an answer (an error), never a hang; the popup says so and can try again.
  const failed = await poll(
    async () => {
      const o = await outcomes(ext, 'late');
      return o.every(Boolean) ? o : null;
    },
    { timeout: 10_000, what: 'answers to the interrupted saves' },
  );
  for (const o of failed)
    assert.ok(o.thrown || o.ok === false, `interrupted save reported: ${JSON.stringify(o)}`);
  const popupError = popup.locator('[data-testid="save-error"]');
  await popupError.waitFor({ timeout: 10_000 });
  // A plain message (lib/platform/messages.ts INTERRUPTED), not the browser's channel error.
  assert.match(await popupError.innerText(), /interrupted before it finished.*try again/);
  assert.equal(await popup.locator('[data-testid="save-button"]').isDisabled(), false, 'popup usable again');

  // Nothing committed was lost; nothing half-written appeared.
  const mid = await readAll(ext, 'masthead', 'saved');
  assert.deepEqual(
    mid.map((r) => r.urlKey).sort(),
    before.map((r) => r.urlKey).sort(),
    'exactly the saves that finished before the stop',
  );
  for (const row of mid)
    assert.deepEqual(
      row,
      before.find((b) => b.urlKey === row.urlKey),
    );

  // 3. Work resumes: the popup's Save (a new worker wakes up), then every tab again.
  await popup.locator('[data-testid="save-button"]').click();
  await poll(async () => (await status.getAttribute('data-saved')) === 'yes', { what: 'popup saved' });
  assert.match(await popup.locator('[data-testid="section-save"]').innerText(), /Saved to your reading list/);
  for (const [i, tabId] of tabIds.entries()) {
    const r = await send(ext, 'savePage', { tabId });
    assert.equal(r.ok, true, JSON.stringify(r));
    // Tabs 0–3 are saved (3 by the popup just now): refreshed, not duplicated. 4–5 lost their
    // interrupted save and are created now.
    assert.equal(r.value.created, i > 3, `tab ${i}: created only if its earlier save was interrupted`);
    if (i < 3) assert.equal(r.value.savedAt, before.find((b) => b.urlKey === r.value.urlKey).savedAt);
  }
  const after = await readAll(ext, 'masthead', 'saved');
  assert.equal(after.length, tabIds.length, 'one row per article');
  assertUnique(after, 'urlKey', 'saved');
  for (const row of after) assert.ok(row.text && row.content && row.title, `complete row ${row.urlKey}`);
  await popup.close();
});

/** A Pocket CSV of `n` distinct articles (`tag` keeps two files' URLs apart). */
function pocketCsv(n, tag) {
  const lines = ['title,url,time_added,tags,status'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `Lifecycle ${tag} story ${i},https://example-news-${i % 50}.org/${tag}/2025/${i}/story,${1_700_000_000 + i},lifecycle|${tag},unread`,
    );
  }
  return Buffer.from(lines.join('\n') + '\n');
}

async function openList() {
  const page = await openExtensionPage(browser.context, browser.extensionId, 'reading-list.html');
  await page.setViewportSize({ width: 1280, height: 800 });
  await poll(async () => (await page.locator('body').getAttribute('data-state')) === 'ready', {
    what: 'reading list ready',
  });
  return page;
}

/** Open the import dialog with a file and wait for the preview; returns its counts line. */
async function previewImport(list, name, buffer) {
  await list.locator('[data-testid="rl-import"]').click();
  await list.locator('[data-testid="rl-import-file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await list.locator('[data-testid="rl-import-confirm"]').waitFor({ timeout: 30_000 });
  return list.locator('[data-testid="rl-import-counts"]').innerText();
}

/** Poll `saved` until it holds more than `base` rows; returns the count seen. */
const firstChunkSeen = (page, base) =>
  poll(
    async () => {
      const n = await countOf(page, 'saved');
      return n > base ? n : null;
    },
    { timeout: 60_000, interval: 5, what: 'the first import chunk in IndexedDB' },
  );

test(`importing ${IMPORT_ROWS} rows: a worker stop mid-import loses and duplicates nothing`, async () => {
  const base = await countOf(ext, 'saved');
  const list = await openList();
  assert.match(
    await previewImport(list, 'pocket-a.csv', pocketCsv(IMPORT_ROWS, 'a')),
    new RegExp(`^${IMPORT_ROWS} to import · 0 duplicate`),
  );
  await list.locator('[data-testid="rl-import-confirm"]').click();
  const seen = await firstChunkSeen(ext, base);
  await stopWorker();
  assert.ok(seen - base < IMPORT_ROWS, `stopped mid-import (${seen - base} of ${IMPORT_ROWS} written)`);
  await list.locator('[data-testid="rl-import-done"]').waitFor({ timeout: 60_000 });
  assert.match(
    await list.locator('[data-testid="rl-import-counts"]').last().innerText(),
    new RegExp(`^${IMPORT_ROWS} to import · 0 duplicate`),
  );
  const sum = await savedSummary(ext);
  assert.equal(sum.rows, base + IMPORT_ROWS, 'every row of the file, once');
  assert.equal(sum.urls, sum.rows, 'no URL twice');
  assert.equal(sum.tags.a, IMPORT_ROWS);
  // The worker comes back for the next event (a save-state query from an extension page).
  const r = await send(ext, 'getSavedState', { url: 'https://example-news-0.org/a/2025/0/story' });
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.value?.title, 'Lifecycle a story 0');
  await list.close();
});

test('importing: the page closed mid-import keeps whole chunks; importing again finishes with "duplicate" for them', async () => {
  const base = await countOf(ext, 'saved');
  const file = pocketCsv(IMPORT_ROWS, 'b');
  let list = await openList();
  assert.match(await previewImport(list, 'pocket-b.csv', file), new RegExp(`^${IMPORT_ROWS} to import`));
  await list.locator('[data-testid="rl-import-confirm"]').click();
  await firstChunkSeen(ext, base);
  await stopWorker();
  await list.close(); // the import's own "process" ends mid-way
  const kept = (await countOf(ext, 'saved')) - base;
  assert.ok(kept > 0 && kept < IMPORT_ROWS, `interrupted mid-import (${kept} of ${IMPORT_ROWS} kept)`);
  assert.equal(kept % CHUNK, 0, `only whole chunks (one transaction each) were committed: ${kept}`);

  list = await openList();
  assert.match(
    await previewImport(list, 'pocket-b.csv', file),
    new RegExp(`^${IMPORT_ROWS - kept} to import · ${kept} duplicate · 0 skipped`),
  );
  await list.locator('[data-testid="rl-import-confirm"]').click();
  await list.locator('[data-testid="rl-import-done"]').waitFor({ timeout: 60_000 });
  assert.match(
    await list.locator('[data-testid="rl-import-counts"]').last().innerText(),
    new RegExp(`^${IMPORT_ROWS - kept} to import · ${kept} duplicate · 0 skipped`),
  );
  const sum = await savedSummary(ext);
  assert.equal(sum.rows, base + IMPORT_ROWS, 'every row of the file, once');
  assert.equal(sum.urls, sum.rows, 'no URL twice');
  assert.equal(sum.tags.b, IMPORT_ROWS);
  await list.close();
});

const feedItems = async (page) =>
  (await readAll(page, 'masthead', 'coverage')).filter((r) => r.origin === 'feed');

test('feed polling: a worker stop while a feed is in flight keeps the stored feeds; the next poll picks it up', async () => {
  const options = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
  await poll(async () => (await options.locator('body').getAttribute('data-state')) === 'ready', {
    what: 'options ready',
  });
  await replaceRows(
    options,
    'masthead',
    'feeds',
    FEEDS.map((f) => ({ ...f, enabled: true, status: { state: 'never', message: 'Not fetched yet.' } })),
  );
  await options.reload();
  await poll(async () => (await options.locator('[data-testid="feed-row"]').count()) === FEEDS.length, {
    what: 'fixture feed rows',
  });
  // Turning feeds on polls at once: the fast feeds are stored, the slow one is held by the server.
  await options.locator('#feeds-enabled').click();
  await poll(() => slowHits > 0, { timeout: 20_000, what: 'the slow feed requested' });
  const fast = await poll(
    async () => {
      const items = await feedItems(options);
      return items.length === 4 ? items : null;
    },
    { timeout: 20_000, what: 'the two fast feeds stored' },
  );
  await stopWorker();
  for (const release of slowResponses.splice(0)) release(); // too late: its worker is gone

  // The options page says the poll did not finish (an answer, not a spinner).
  const message = options.locator('[data-testid="feeds-panel"] .message');
  await poll(async () => /\S/.test(await message.innerText()), { timeout: 10_000, what: 'feedback' });
  assert.match(await message.innerText(), /interrupted before it finished.*try again/);
  assert.equal(await options.locator('#feeds-enabled').isDisabled(), false, 'the switch is usable again');
  const mid = await feedItems(options);
  assert.deepEqual(
    mid.map((r) => r.urlKey).sort(),
    fast.map((r) => r.urlKey).sort(),
    'the stored feeds are kept, nothing from the interrupted one',
  );
  assert.ok(!mid.some((r) => r.feedId === SLOW_FEED));
  // The setting and the hourly alarm survive the stop (they live in the browser, not the worker).
  const alarm = await options.evaluate(() => chrome.alarms.get('masthead-feeds'));
  assert.ok(alarm, 'the feeds alarm is still scheduled');
  assert.equal(await options.locator('#feeds-enabled').isChecked(), true);

  // The next poll picks the interrupted feed up. The hourly alarm is brought forward (same name,
  // same period) while the worker is stopped: the alarm wakes a fresh worker, whose listener —
  // registered synchronously at start (R2) — runs the poll. Nothing is stored twice.
  const hitsBefore = slowHits;
  const releaser = setInterval(() => slowResponses.splice(0).forEach((release) => release()), 20);
  try {
    assert.equal(await workerTarget(), null, 'no worker runs before the alarm');
    await options.evaluate(() =>
      chrome.alarms.create('masthead-feeds', { when: Date.now() + 1_000, periodInMinutes: 60 }),
    );
    await poll(
      async () => {
        const items = await feedItems(options);
        return slowHits > hitsBefore && items.some((r) => r.feedId === SLOW_FEED);
      },
      { timeout: 30_000, what: 'the alarm-woken worker polled the interrupted feed' },
    );
    // And "Fetch now" again: every feed answers, the same rows are refreshed, not added.
    await options.reload();
    await options.locator('[data-testid="feeds-poll"]').click();
    await poll(
      async () => /Fetched 3 feeds: \d+ items stored, 0 with problems/.test(await message.innerText()),
      { timeout: 20_000, what: 'Fetch now finished' },
    );
  } finally {
    clearInterval(releaser);
  }
  const items = await feedItems(options);
  assertUnique(items, 'urlKey', 'coverage');
  for (const f of FEEDS)
    assert.equal(items.filter((r) => r.feedId === f.id).length, 2, `${f.id}: its two items, once each`);
  const statuses = await options.locator('[data-testid="feed-status"]').allInnerTexts();
  for (const s of statuses) assert.match(s, /^OK: 2 items read/);
  await options.close();
});

test('no errors from Masthead: the interruptions were handled, not thrown', () => {
  assert.deepEqual(errors.ours, []);
});
