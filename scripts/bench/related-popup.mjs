// Bench section "relatedPopup" (issue 5): the popup's `getRelated` round trip in Chromium — the
// real built extension (e2e build), the seed article open in a tab, N synthetic coverage items in
// the real `masthead` IndexedDB (Zipf-distributed terms, plus 8 planted same-story items), timed
// from an extension page with the same message the popup sends. Run alone:
//   WXT_E2E=1 npx wxt build && node scripts/bench/related-popup.mjs [N]
/* global chrome, indexedDB */
import {
  e2eExtDir,
  launchWithExtension,
  openExtensionPage,
  requireBuild,
  seedRoutes,
  SEED_URL,
  startServer,
  waitForStatus,
} from '../../tests/e2e/harness.mjs';

const STORY_TERMS = [
  'mattis',
  'abe',
  'tokyo',
  'japan',
  'allianc',
  'defens',
  'secretary',
  'senkaku',
  'jame',
  'shinzo',
];
const STORY_PEOPLE = ['james mattis', 'shinzo abe'];

/** Synthetic rows built inside the page (no big payload over CDP). */
function fillStore([n, storyTerms, storyPeople]) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('masthead');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('coverage', 'readwrite');
      const store = tx.objectStore('coverage');
      let seed = 42;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const vocab = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
      const zipf = () =>
        vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rnd() * Math.log(vocab.length))) - 1)];
      const day = Date.parse('2017-01-01T00:00:00Z');
      for (let i = 0; i < n; i++) {
        const terms = [...new Set(Array.from({ length: 24 }, zipf))];
        const people = rnd() < 0.3 ? [`person ${Math.floor(rnd() * 2000)}`] : [];
        const url = `https://bench${i % 50}.example/story/${i}`;
        store.put({
          urlKey: url,
          url,
          title: `Synthetic story ${i}`,
          origin: 'feed',
          feedId: 'bench',
          publishedAt: new Date(day + rnd() * 90 * 86_400_000).toISOString(),
          seenAt: new Date().toISOString(),
          terms,
          people,
        });
      }
      for (let i = 0; i < 8; i++) {
        const url = `https://planted${i}.example/mattis-abe`;
        store.put({
          urlKey: url,
          url,
          title: `Planted ${i}: Mattis meets Abe in Tokyo`,
          origin: 'feed',
          feedId: 'bench',
          publishedAt: '2017-02-03T12:00:00.000Z',
          seenAt: new Date().toISOString(),
          terms: [...storyTerms].sort(() => rnd() - 0.5),
          people: storyPeople,
        });
      }
      tx.oncomplete = () => (db.close(), resolve(n + 8));
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function timeGetRelated([tabId, runs]) {
  const send = () => chrome.runtime.sendMessage({ masthead: 1, type: 'getRelated', data: { tabId } });
  const first = await send();
  const times = [];
  let last = first;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await send();
    times.push(performance.now() - t0);
  }
  // Baseline: the popup's cheapest round trip (report from storage.session, tabs.get).
  const base = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await chrome.runtime.sendMessage({ masthead: 1, type: 'getPageReport', data: { tabId } });
    base.push(performance.now() - t0);
  }
  const planted = last?.ok ? last.value.groups.filter((g) => /planted/.test(g.name)).length : -1;
  return {
    times,
    base,
    ok: last?.ok === true,
    error: last?.ok ? undefined : last?.error,
    planted,
    groups: last?.value?.groups?.length ?? 0,
  };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10;
};

export async function benchRelatedPopup({ n = 10_000, runs = 15 } = {}) {
  requireBuild(e2eExtDir, 'WXT_E2E=1 npx wxt build');
  const server = await startServer(seedRoutes());
  const browser = await launchWithExtension({ hostMap: { 'www.presstv.ir': server.port } });
  try {
    const page = await browser.context.newPage();
    await page.goto(SEED_URL);
    await waitForStatus(page);
    const ext = await openExtensionPage(browser.context, browser.extensionId, 'options.html');
    const stored = await ext.evaluate(fillStore, [n, STORY_TERMS, STORY_PEOPLE]);
    const tabId = await ext.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? -1,
      SEED_URL,
    );
    const res = await ext.evaluate(timeGetRelated, [tabId, runs]);
    return {
      stored,
      runs,
      medianMs: pct(res.times, 50),
      p95Ms: pct(res.times, 95),
      baselineGetPageReportMedianMs: pct(res.base, 50),
      ok: res.ok,
      ...(res.error ? { error: res.error } : {}),
      plantedOutletsListed: res.planted,
      groups: res.groups,
      note: 'round trip popup → background (findRelatedInStore + grouping + search plan) in Chromium, e2e build',
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function relatedPopupSummary(s) {
  return s.error
    ? `related popup: ${s.error}`
    : `related popup getRelated @${s.stored} items: median ${s.medianMs} ms, p95 ${s.p95Ms} ms (getPageReport baseline ${s.baselineGetPageReportMedianMs} ms; planted outlets listed ${s.plantedOutletsListed}/8)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 10_000);
  const s = await benchRelatedPopup({ n });
  console.log(JSON.stringify(s, null, 2));
  console.log(relatedPopupSummary(s));
}
