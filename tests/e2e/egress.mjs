// Egress recorder for e2e tests (SECURITY-RELIABILITY.md P3, T7): every network request made while
// the extension runs, attributed to who made it. Reusable by later features:
//
//   const rec = await recordEgress(browser);          // right after launchWithExtension()
//   … turn feature X on, exercise it …
//   assert.deepEqual(extensionEgressViolations(rec, { allowedHosts: ['en.wikipedia.org'] }), []);
//
// How each source is caught (each proved by a positive control in tests/e2e/privacy.test.mjs):
// - service worker: Playwright's context 'request' event (Playwright auto-attaches to workers
//   paused at start and enables Network before they run, so even a first-tick fetch is seen);
// - web pages and extension pages (popup/options as tabs): one CDP session per page with
//   `Network.enable`; `initiator.stack` tells a content script's request (a frame in
//   chrome-extension://<id>/…) from the page's own;
// - offscreen document and any other extension target Playwright does not attach to
//   (`background_page`, `other`): CDP target discovery + a non-flat `Target.attachToTarget` from a
//   controller page, with `Network.enable` sent through `Target.sendMessageToTarget`.
// Known limit: a non-page extension target is attached a few milliseconds after it is created; a
// request in that window would be missed (the offscreen document fetches nothing on load).
/** @typedef {'worker'|'extension-page'|'extension-target'|'content-script'|'page'} Source */
/**
 * @typedef {object} EgressRecord
 * @property {string} url
 * @property {string} host     `host` of the URL ('' for data:, blob:, chrome-extension: …)
 * @property {Source} source   who made it
 * @property {string} target   URL of the page / worker / document that made it
 */

/**
 * The egress allowlist (SECURITY-RELIABILITY.md P3): for each online feature, the only hosts it may
 * contact when the reader turns it on. A feature adds its entry here and a test in
 * tests/e2e/egress-on.test.mjs: "with <feature> on, requests go only to FEATURE_HOSTS.<feature>".
 * tests/security/static-gates.test.ts checks that PRIVACY.md names every host listed here.
 * Each online feature (all off by default) and the only hosts it may contact.
 * @type {Readonly<Record<string, readonly string[]>>}
 */
export const FEATURE_HOSTS = Object.freeze({
  // Also the person cards' Wikipedia summaries (same switch): www.wikidata.org for the sitelink.
  outletLookup: Object.freeze(['query.wikidata.org', 'www.wikidata.org', 'en.wikipedia.org']),
  // The default feed list (lib/feeds/defaults.ts; tests/lib/feeds/defaults.test.ts keeps them equal).
  // Feeds the reader adds go to the hosts they typed, after the browser's own permission prompt.
  feeds: Object.freeze([
    'en.yna.co.kr',
    'feeds.feedburner.com',
    'feeds.washingtonpost.com',
    'english.kyodonews.net',
    'feeds.bbci.co.uk',
    'rss.dw.com',
    'rss.nytimes.com',
    'tass.com',
    'www.aa.com.tr',
    'www.abc.net.au',
    'www.aljazeera.com',
    'www.ansa.it',
    'www.cgtn.com',
    'www.france24.com',
    'www.japantimes.co.jp',
    'www.presstv.ir',
    'www.rt.com',
    'www.theguardian.com',
    'www.xinhuanet.com',
    'www3.nhk.or.jp',
  ]),
  // "Find more coverage" in the popup, only on click.
  coverageSearch: Object.freeze(['news.google.com', 'api.gdeltproject.org']),
});

/** URL schemes that never leave the browser. */
const LOCAL_SCHEMES = /^(chrome-extension|moz-extension|data|blob|about|chrome|devtools):/;

const hostOf = (url) => {
  try {
    return LOCAL_SCHEMES.test(url) ? '' : new URL(url).host;
  } catch {
    return '';
  }
};

/** True when a CDP initiator stack (with its async parents) runs code from the extension. */
function stackFromExtension(initiator, origin) {
  for (let s = initiator?.stack; s; s = s.parent) {
    if ((s.callFrames ?? []).some((f) => typeof f.url === 'string' && f.url.startsWith(origin))) return true;
  }
  return typeof initiator?.url === 'string' && initiator.url.startsWith(origin);
}

/**
 * Start recording. Call right after launch, before opening pages.
 * @param {{ context: import('playwright-core').BrowserContext, extensionId: string }} browser
 */
export async function recordEgress({ context, extensionId }) {
  const origin = `chrome-extension://${extensionId}/`;
  /** @type {EgressRecord[]} */
  const records = [];
  const add = (url, source, target) => records.push({ url, host: hostOf(url), source, target });
  const sessions = [];

  // 1. Service workers (ours and, in principle, any page's).
  const onRequest = (request) => {
    const sw = request.serviceWorker();
    if (!sw) return; // pages are recorded below, with their initiators
    add(request.url(), sw.url().startsWith(origin) ? 'worker' : 'page', sw.url());
  };
  context.on('request', onRequest);

  // 2. Pages (web and extension): CDP per page, for the initiator.
  const watchPage = async (page) => {
    let cdp;
    try {
      cdp = await context.newCDPSession(page);
    } catch {
      return; // closed before we got to it
    }
    sessions.push(cdp);
    cdp.on('Network.requestWillBeSent', (e) => {
      const pageUrl = e.documentURL && e.type === 'Document' ? e.documentURL : page.url();
      const extPage = pageUrl.startsWith(origin) || (page.url().startsWith(origin) && e.type !== 'Document');
      const source = extPage
        ? 'extension-page'
        : stackFromExtension(e.initiator, origin)
          ? 'content-script'
          : 'page';
      add(e.request.url, source, pageUrl);
    });
    await cdp.send('Network.enable').catch(() => {});
  };
  const watching = new Map(); // page → promise of its CDP session being ready
  const onPage = (page) => {
    if (!watching.has(page)) watching.set(page, watchPage(page));
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);

  // 3. Other extension targets (offscreen document): discovery + non-flat attach.
  const controllerPage = await context.newPage();
  const controller = await context.newCDPSession(controllerPage);
  const attached = new Map(); // targetId → sessionId
  const targetUrl = new Map(); // sessionId → URL
  let nextId = 1;
  const sendTo = (sessionId, method, params = {}) =>
    controller
      .send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: nextId++, method, params }),
      })
      .catch(() => {});
  const maybeAttach = async (info) => {
    if (!info.url.startsWith(origin) || attached.has(info.targetId)) return;
    if (info.type === 'page' || info.type === 'service_worker') return; // covered by 1 and 2
    attached.set(info.targetId, '');
    try {
      const { sessionId } = await controller.send('Target.attachToTarget', {
        targetId: info.targetId,
        flatten: false,
      });
      attached.set(info.targetId, sessionId);
      targetUrl.set(sessionId, info.url);
      await sendTo(sessionId, 'Network.enable');
    } catch {
      attached.delete(info.targetId);
    }
  };
  controller.on('Target.receivedMessageFromTarget', (e) => {
    let msg;
    try {
      msg = JSON.parse(e.message);
    } catch {
      return;
    }
    if (msg.method === 'Network.requestWillBeSent') {
      add(msg.params.request.url, 'extension-target', targetUrl.get(e.sessionId) ?? '?');
    }
  });
  controller.on('Target.targetCreated', (e) => void maybeAttach(e.targetInfo));
  controller.on('Target.targetInfoChanged', (e) => void maybeAttach(e.targetInfo));
  await controller.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await controller.send('Target.getTargets');
  await Promise.all(targetInfos.map(maybeAttach));
  await Promise.all(watching.values());

  return {
    records,
    origin,
    controller,
    /** Session id of an attached non-page extension target whose URL contains `part` (for controls). */
    attachedSession: (part) => [...targetUrl].find(([, url]) => url.includes(part))?.[0],
    /** Evaluate an expression in an attached non-page extension target (positive controls). */
    evaluateIn: (sessionId, expression) =>
      sendTo(sessionId, 'Runtime.evaluate', { expression, awaitPromise: true }),
    /** Open a page whose every request (its navigation included) is recorded. */
    async newPage() {
      const page = await context.newPage();
      onPage(page);
      await watching.get(page);
      return page;
    },
    /** Requests made by Masthead itself (worker, extension pages/targets, content script) to the network. */
    fromExtension: () => records.filter((r) => r.source !== 'page' && r.host !== ''),
    /** Requests made by web pages themselves. */
    fromPages: () => records.filter((r) => r.source === 'page'),
    async stop() {
      context.off('request', onRequest);
      context.off('page', onPage);
      for (const s of [...sessions, controller]) await s.detach().catch(() => {});
      await controllerPage.close().catch(() => {});
    },
  };
}

/**
 * Masthead's requests to hosts outside `allowedHosts` (exact `host`, port included when not the
 * default). With the default `[]`, every network request Masthead made is a violation.
 * @param {Awaited<ReturnType<typeof recordEgress>>} rec
 * @param {{ allowedHosts?: string[], what?: string }} [opts]
 */
export function extensionEgressViolations(rec, { allowedHosts = [] } = {}) {
  const allowed = new Set(allowedHosts);
  return rec.fromExtension().filter((r) => !allowed.has(r.host));
}

/** Poll until `pred(records)` holds (positive controls: the recorder is asynchronous). */
export async function waitForRecord(rec, pred, timeout = 5_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const hit = rec.records.find(pred);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/**
 * Serve remote hosts from fixtures (SECURITY-RELIABILITY.md T7, finding 11): `context.route` also
 * intercepts the service worker's fetch(), and works for HSTS-preloaded hosts (en.wikipedia.org)
 * that --host-resolver-rules cannot stand in for. Extension URLs, 127.0.0.1 and `passHosts` (the
 * test's page hosts mapped with --host-resolver-rules) pass; any other host without a fixture is
 * aborted (and still recorded by recordEgress).
 * @param {import('playwright-core').BrowserContext} context
 * @param {(url: URL) => ({ status?: number, contentType?: string, body: string } | null)} lookup
 * @param {{ passHosts?: string[] }} [opts]
 */
export async function routeFixtures(context, lookup, { passHosts = [] } = {}) {
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (LOCAL_SCHEMES.test(u.href) || u.hostname === '127.0.0.1' || passHosts.includes(u.hostname)) {
      return route.continue();
    }
    const fixture = lookup(u);
    return fixture ? route.fulfill(fixture) : route.abort();
  });
}
