// Upgrade e2e (SECURITY-RELIABILITY.md T4, R12, finding 2): install the previous release (git
// commit ac18d15, Dexie schema v1), read articles so it stores history rows, then load the current
// build over it with CDP `Extensions.loadUnpacked` from the same path (same extension id; the
// browser's real update path, not a relaunch) → every row is kept, the database is at the new
// version with the new tables, storage.local survives, and the new code keeps recording.
// The egress recorder runs from before the first install: neither install nor update sends anything.
// Skips (with the reason) only when git history is unavailable, e.g. in a shallow clone.
/* global chrome, indexedDB, history */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  BASE_ARGS,
  chromiumPath,
  e2eExtDir,
  releaseChromeDir,
  repoRoot,
  fixtureRoutes,
  poll,
  readAll,
  requireBuild,
  resolverRules,
  seedRoutes,
  SEED_HOST,
  SEED_URL,
  startServer,
  waitForStatus,
  withTimeout,
} from './harness.mjs';
import { extensionEgressViolations, recordEgress } from './egress.mjs';
import { PREVIOUS_RELEASE, previousReleaseBuild, unavailableReason } from './previous-release.mjs';

const skip = unavailableReason() ?? false;
/** Permissions (and host permissions) the current build adds over the previous release, reviewed. */
/**
 * API permissions added since the previous release, each reviewed: neither shows an install
 * warning, so Chrome does not disable the extension on update. New host permissions must be in the
 * reviewed release snapshot (tests/fixtures/permissions.snapshot.json, pinned by manifest.test.mjs):
 * 0.2.0 widens automatic detection from the starter list to the outlet data's hosts, which Chrome
 * words as before ("Read and change your data on a number of websites").
 */
const REVIEWED_NEW_PERMISSIONS = ['alarms', 'contextMenus'];
const REVIEWED_HOSTS = new Set(
  JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'permissions.snapshot.json'), 'utf8'))
    .chrome.host_permissions,
);

let server, proc, cdpBrowser, context, cdp, work, extDir, extensionId, rec, previousDir;
/** A tab left open with the previous release's content script in it (R14). */
let oldTab;
const oldTabErrors = [];
/** Rows of masthead.pages written by the previous release. */
let oldRows = [];
const ARTICLES = () => [SEED_URL, server.url('/pages/article-plain')];

/** Chromium's id for an unpacked extension without a key: SHA-256 of its path, a–p for 0–f. */
function unpackedId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Start Debian Chromium with a DevTools port and connect Playwright to it over CDP. */
async function launchForUpdates(profile, hostPort) {
  proc = spawn(
    chromiumPath(),
    [
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--enable-unsafe-extension-debugging',
      ...BASE_ARGS,
      `--host-resolver-rules=${resolverRules({ [SEED_HOST]: hostPort })}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsUrl = await withTimeout(
    new Promise((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`chromium exited (${code})`)));
      proc.stderr.on('data', (d) => {
        const m = String(d).match(/DevTools listening on (ws:\/\/\S+)/);
        if (m) resolve(m[1]);
      });
    }),
    30_000,
    'chromium start',
  );
  cdpBrowser = await chromium.connectOverCDP(wsUrl);
  context = cdpBrowser.contexts()[0];
  cdp = await cdpBrowser.newBrowserCDPSession();
}

/** Load (install or update) the unpacked extension at extDir; returns its id. */
async function loadUnpacked() {
  const { id } = await withTimeout(
    cdp.send('Extensions.loadUnpacked', { path: extDir }),
    30_000,
    'loadUnpacked',
  );
  return id;
}

/** Open an extension page, run fn in it, close it (old UI code must not outlive an update). */
async function inExtensionPage(fn, arg) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return await withTimeout(page.evaluate(fn, arg), 10_000, 'extension page evaluate');
  } finally {
    await page.close();
  }
}

const dbInfo = () =>
  inExtensionPage(async () => {
    const dbs = await indexedDB.databases();
    return dbs.find((d) => d.name === 'masthead') ?? null;
  });
const pagesRows = async () => {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return await readAll(page, 'masthead', 'pages');
  } finally {
    await page.close();
  }
};

/**
 * Read each article in its own tab until the content script has handed it over. With `keepLast`
 * the last tab stays open (and is returned).
 */
async function readArticles(urls, { keepLast = false } = {}) {
  let page;
  for (const [i, url] of urls.entries()) {
    page = await rec.newPage();
    if (keepLast && i === urls.length - 1) watchOldTab(page);
    await page.goto(url);
    assert.equal(await waitForStatus(page, { timeout: 20_000 }), 'sent', url);
    if (!(keepLast && i === urls.length - 1)) await page.close();
  }
  return page;
}

/** Collect the errors of a tab whose content script is the previous release's (R14). */
function watchOldTab(page) {
  page.on('pageerror', (e) => oldTabErrors.push(`pageerror: ${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && (m.location()?.url ?? '').startsWith('chrome-extension://')) {
      oldTabErrors.push(`console.error: ${m.text()}`);
    }
  });
}

before(async () => {
  if (skip) return;
  const previous = (previousDir = previousReleaseBuild());
  requireBuild(e2eExtDir, 'WXT_E2E=1 npx wxt build');
  server = await startServer({ ...seedRoutes(), ...fixtureRoutes() });
  work = await mkdtemp(path.join(tmpdir(), 'masthead-upgrade-'));
  extDir = path.join(work, 'masthead'); // one stable path = one extension id for both builds
  await cp(previous, extDir, { recursive: true });
  await launchForUpdates(path.join(work, 'profile'), server.port);
  extensionId = unpackedId(extDir);
  rec = await recordEgress({ context, extensionId }); // before the install: catches install-time requests
});

after(async () => {
  await rec?.stop();
  await cdpBrowser?.close().catch(() => {});
  proc?.kill();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 5 });
});

test(
  `previous release ${PREVIOUS_RELEASE.version} (${PREVIOUS_RELEASE.commit}) installs and stores history`,
  { skip },
  async () => {
    assert.equal(await loadUnpacked(), extensionId, 'the id Chromium derives from the path');
    // The last article stays open: its content script is the previous release's when the update lands.
    oldTab = await readArticles(ARTICLES(), { keepLast: true });
    oldRows = await poll(
      async () => {
        const rows = await pagesRows();
        return rows.length === ARTICLES().length ? rows : null;
      },
      { timeout: 20_000, what: 'one history row per article (previous release)' },
    );
    const info = await dbInfo();
    assert.equal(info.version, PREVIOUS_RELEASE.schema * 10, 'Dexie v1 = IndexedDB version 10');
    await inExtensionPage(() => chrome.storage.local.set({ historyPaused: false, upgradeMarker: 'kept' }));
  },
);

test('the current build loads over it: same id, new code running', { skip }, async () => {
  await rm(extDir, { recursive: true, force: true });
  await cp(e2eExtDir, extDir, { recursive: true });
  assert.equal(await loadUnpacked(), extensionId, 'same extension id after the update');
  // deleteAllData exists only in the new protocol: the new worker validates it (and refuses the
  // missing confirmation) instead of answering "unknown type".
  const reply = await poll(
    () =>
      inExtensionPage(() =>
        chrome.runtime
          .sendMessage({ masthead: 1, type: 'deleteAllData', data: {} })
          .catch((e) => ({ error: String(e) })),
      ),
    { timeout: 15_000, what: 'an answer from the new worker' },
  );
  assert.deepEqual(reply, { ok: false, error: 'data.confirm: missing confirmation' });
});

test(
  'every row kept; the DB is upgraded when the new code first writes; storage.local kept',
  { skip },
  async () => {
    // A new visit makes the new worker open the database (Dexie upgrade v1 → latest).
    const extra = server.url('/news/2024/05/06/ferry-night-crossings-restored');
    await readArticles([extra]);
    const rows = await poll(
      async () => {
        const all = await pagesRows();
        return all.length > oldRows.length ? all : null;
      },
      { timeout: 20_000, what: 'the new build recording a row' },
    );
    for (const old of oldRows) {
      const now = rows.find((r) => r.urlKey === old.urlKey);
      assert.deepEqual(now, old, `row ${old.urlKey} unchanged`);
    }
    const info = await dbInfo();
    assert.ok(info.version >= 20, `IndexedDB version ${info.version} (Dexie v2+)`);
    const stores = await inExtensionPage(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('masthead');
          req.onsuccess = () => {
            resolve([...req.result.objectStoreNames].sort());
            req.result.close();
          };
          req.onerror = () => reject(req.error);
        }),
    );
    for (const t of ['pages', 'saved', 'highlights', 'feeds', 'coverage', 'cache']) {
      assert.ok(stores.includes(t), `table ${t} exists after the upgrade (${stores})`);
    }
    const local = await inExtensionPage(() => chrome.storage.local.get(null));
    assert.equal(local.upgradeMarker, 'kept');
  },
);

test(
  'a tab still running the old content script degrades quietly after the update (R14)',
  { skip },
  async () => {
    // An SPA navigation and a DOM change make the orphaned content script try to run again; its
    // extension context is gone, so it must stop without errors.
    await oldTab.evaluate(() => {
      history.pushState({}, '', `${location.pathname}?after-update=1`);
      const p = document.createElement('p');
      p.textContent = 'More text.';
      (document.querySelector('article') ?? document.body).append(p);
    });
    await new Promise((r) => setTimeout(r, 2_000));
    const status = await oldTab.locator('html').getAttribute('data-masthead-status');
    assert.doesNotMatch(status ?? '', /^error:/, `status after the update: ${status}`);
    assert.deepEqual(
      oldTabErrors.filter((e) => e.includes('chrome-extension://') || e.startsWith('console.error')),
      [],
    );
  },
);

test('the update adds no permission beyond the reviewed list (S18)', { skip }, () => {
  const read = (dir) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const old = read(previousDir);
  const now = read(e2eExtDir);
  const added = (key) => (now[key] ?? []).filter((p) => !(old[key] ?? []).includes(p)).sort();
  // A new required permission with an install warning disables the extension in Chrome until the
  // reader re-approves it: list each one here only after deciding it is worth that.
  assert.deepEqual(added('permissions'), REVIEWED_NEW_PERMISSIONS);
  // e2e-only hosts (127.0.0.1, fixture feed hosts, the search hosts the e2e build grants up front)
  // are not shipped: only hosts of the release build count.
  const shipped = new Set(read(releaseChromeDir).host_permissions ?? []);
  const unreviewed = added('host_permissions').filter((h) => shipped.has(h) && !REVIEWED_HOSTS.has(h));
  assert.deepEqual(unreviewed, []);
});

test('neither the install nor the update sent anything over the network', { skip }, () => {
  assert.deepEqual(extensionEgressViolations(rec), []);
  assert.ok(
    rec.fromPages().some((r) => r.url === SEED_URL),
    'the recorder saw the page loads',
  );
});
