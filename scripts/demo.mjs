#!/usr/bin/env node
// The demo (README's first command is `bash scripts/start.sh`, which builds and then runs this):
// serves the bundled seed article locally as www.presstv.ir, launches Debian Chromium with
// Masthead loaded, opens the article and the popup.
//  - $DISPLAY set: headed; keeps running until Ctrl-C.
//  - otherwise: headless; writes docs/screenshots/{seed-page,popup-light,popup-dark}.png and
//    prints the page report.
//
// Why the e2e build (.output-e2e/chrome-mv3) and not the release build: the demo has to know
// when Masthead has finished with the page, and only the e2e build exposes that
// (`data-masthead-status` on <html>); it also carries the test-only host permission for
// 127.0.0.1. The popup is opened as a tab with `?tabId=` because a toolbar popup cannot be
// opened or screenshotted headless. The extension you install is the release build in
// .output/chrome-mv3 (load unpacked) — same code minus those test hooks.
// Env: MASTHEAD_HEADLESS=1 forces headless even with $DISPLAY; CHROMIUM_PATH; MASTHEAD_SHARED.
import path from 'node:path';
import {
  repoRoot,
  e2eExtDir,
  releaseChromeDir,
  releaseFirefoxDir,
  launchWithExtension,
  startServer,
  seedRoutes,
  SEED_URL,
  waitForStatus,
  sessionReport,
  openPopupFor,
  poll,
  screenshot,
  requireBuild,
} from '../tests/e2e/harness.mjs';

const headed = Boolean(process.env.DISPLAY) && process.env.MASTHEAD_HEADLESS !== '1';
const rel = (p) => path.relative(repoRoot, p) || '.';

function summarise(report) {
  const a = report.article;
  const lines = [
    `verdict:      ${report.verdict.isArticle ? 'news article' : `not an article (${report.verdict.reason})`} — ${report.verdict.explanation}`,
  ];
  if (a) {
    lines.push(
      `headline:     ${a.title}`,
      `site:         ${a.siteName ?? '—'}`,
      `published:    ${a.publishedTime ?? '—'}`,
      `authors:      ${a.authors?.length ? a.authors.join(', ') : '— (none named on the page)'}`,
      `section:      ${a.section ?? '—'}`,
      `length:       ${a.wordCount} words, ${a.readingMinutes} min read${a.lang ? `, ${a.lang}` : ''}`,
    );
  }
  lines.push(
    `url:          ${report.url}`,
    `stored key:   ${report.urlKey}`,
    `outlet:       ${report.outlet === null ? "(not in Masthead's data)" : `${report.outlet.name} (${report.outlet.id}), ${report.outlet.country.value} — ${report.outlet.control.value.label}`}`,
    `people:       ${report.people.length ? report.people.length : '(people: later feature)'}`,
  );
  return lines.join('\n');
}

async function main() {
  requireBuild(e2eExtDir, 'bash scripts/start.sh (or WXT_E2E=1 npx wxt build)');
  const server = await startServer(seedRoutes()); // throws a clear error if ../shared/seed is missing
  console.log(`demo: serving the seed article at ${SEED_URL} (local server 127.0.0.1:${server.port})`);
  const browser = await launchWithExtension({
    hostMap: { 'www.presstv.ir': server.port },
    headless: !headed,
    isolate: !headed, // headed: load .output-e2e directly, like a developer would
  });
  const { context, extensionId } = browser;
  let closing = false;
  const shutdown = async (code = 0) => {
    if (closing) return;
    closing = true;
    await browser.close();
    await server.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(SEED_URL);
    const status = await waitForStatus(page, { timeout: 20_000 });
    console.log(`demo: Masthead's in-page pass: ${status}`);

    const { popup, tabId, state } = await openPopupFor(context, extensionId, SEED_URL, {
      viewport: { width: 400, height: 600 }, // Chrome's popup maximum height is 600 px
    });
    const report = await poll(() => sessionReport(popup, tabId), { timeout: 10_000, what: 'page report' });
    console.log(`demo: popup state: ${state}\n\n${summarise(report)}\n`);

    if (!headed) {
      await page.bringToFront();
      const shots = [];
      shots.push(...(await screenshot(page, 'seed-page', { docs: true })));
      await popup.emulateMedia({ colorScheme: 'light' });
      shots.push(...(await screenshot(popup, 'popup-light', { docs: true })));
      await popup.emulateMedia({ colorScheme: 'dark' });
      shots.push(...(await screenshot(popup, 'popup-dark', { docs: true })));
      console.log('demo: screenshots:');
      for (const s of shots.filter((x) => x.includes(`${path.sep}docs${path.sep}`)))
        console.log(`  ${rel(s)}`);
    }

    console.log(
      `\nThe extension, ready to "Load unpacked" in chrome://extensions: ${rel(releaseChromeDir)}` +
        `\nFirefox build (about:debugging → Load Temporary Add-on → manifest.json): ${rel(releaseFirefoxDir)}`,
    );
    if (headed) {
      console.log('\ndemo: Chromium is open with Masthead loaded (article tab + popup tab). Ctrl-C to quit.');
      await new Promise(() => {}); // until SIGINT
    }
    await shutdown(0);
  } catch (e) {
    console.error(`demo failed: ${e.message}`);
    await shutdown(1);
  }
}

main().catch((e) => {
  console.error(`demo failed: ${e.message}`);
  process.exit(1);
});
