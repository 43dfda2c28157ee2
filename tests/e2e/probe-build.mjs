// A private copy of the e2e build with extra e2e-only files ("probes") added, for tests that must
// run code AS the extension in a given context — e.g. a file injected with
// scripting.executeScript runs in a tab's content-script world exactly like the real content
// script. Probes never exist in any build; the copy is deleted by cleanup().
import { writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { e2eExtDir, requireBuild } from './harness.mjs';

/**
 * @param {Record<string, string>} files  file name (at the extension root) → source
 * @returns {Promise<{ dir: string, extDir: string, cleanup: () => Promise<void> }>}
 *   `extDir` is the extension to load (`launchWithExtension({ extDir, isolate: false })`); `dir`
 *   is a scratch folder next to it for the test's own files.
 */
export async function buildWithProbes(files) {
  requireBuild(e2eExtDir, 'WXT_E2E=1 npx wxt build');
  const dir = await mkdtemp(path.join(tmpdir(), 'masthead-probe-ext-'));
  const extDir = path.join(dir, 'ext');
  await cp(e2eExtDir, extDir, { recursive: true });
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(extDir, name), source);
  return { dir, extDir, cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 5 }) };
}

/** Run an extension file in a tab's content-script world (from the service worker). */
export function runInContentScriptWorld(swEvalFn, tabId, file) {
  return swEvalFn(
    // eslint-disable-next-line no-undef
    ([id, f]) => chrome.scripting.executeScript({ target: { tabId: id }, files: [f] }).then(() => 'ok'),
    [tabId, file],
  );
}
