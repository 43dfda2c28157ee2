// Static checks on the RELEASE builds (no browser): SECURITY-RELIABILITY.md S1, S2, S3, S4, S5,
// S11, S13, S14, P2, P4. The e2e build (.output-e2e) is never checked here: it adds http://127.0.0.1/*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, releaseChromeDir, releaseFirefoxDir } from './harness.mjs';

const SNAPSHOT = path.join(repoRoot, 'tests', 'fixtures', 'permissions.snapshot.json');
const BUILDS = { chrome: releaseChromeDir, firefox: releaseFirefoxDir };
const BROAD = /<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\//;

/**
 * `eval(` / `new Function(` occurrences that are allowed, each pinned to a file pattern and the exact
 * surrounding code. Keep this list empty unless a vendored library really ships such a token in
 * code we cannot remove; write down why next to each entry.
 * @type {{ file: RegExp, context: RegExp, why: string }[]}
 */
const EVAL_ALLOWLIST = [];

/**
 * `http://` strings allowed in the release builds (S3): identifiers, never fetched. Anything else —
 * an http endpoint — fails the test.
 * @type {{ url: RegExp, context?: RegExp, why: string }[]}
 */
const HTTP_ALLOWLIST = [
  {
    url: /^http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML|XML\/1998\/namespace|1999\/xlink|2000\/xmlns\/?)$/,
    why: 'XML namespace URIs (DOMPurify, Preact, Readability)',
  },
  {
    url: /^http:\/\/$/,
    why: 'a bare scheme prefix (URL checks such as startsWith("http://")): no host, nothing to fetch',
  },
  {
    url: /^http:\/\/(www\.w3\.org\/2005\/Atom|purl\.org\/atom\/ns#|purl\.org\/dc\/elements\/1\.1\/|purl\.org\/dc\/terms\/|purl\.org\/rss\/1\.0\/modules\/content\/)$/,
    why: 'feed XML namespace URIs (lib/related feed parser): identifiers, never fetched',
  },
  {
    url: /^http:\/\/bit\.ly\/2kdckMn$/,
    context: /Transaction committed too early/,
    why: "Dexie's PrematureCommit error message links its docs; text only",
  },
];

function manifest(browser) {
  const file = path.join(BUILDS[browser], 'manifest.json');
  assert.ok(
    existsSync(file),
    `${file} missing — build the release extensions first: npx wxt build && npx wxt build -b firefox --mv3`,
  );
  return JSON.parse(readFileSync(file, 'utf8'));
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const permissionView = (m) => ({
  host_permissions: m.host_permissions ?? null,
  optional_host_permissions: m.optional_host_permissions ?? null,
  optional_permissions: m.optional_permissions ?? null,
  permissions: m.permissions ?? null,
});

for (const browser of ['chrome', 'firefox']) {
  test(`${browser}: no broad host access at install (S2)`, () => {
    const m = manifest(browser);
    const patterns = [
      ...(m.host_permissions ?? []),
      ...(m.content_scripts ?? []).flatMap((c) => c.matches ?? []),
    ];
    assert.ok(patterns.length > 0, 'some host patterns exist (starter news hosts)');
    assert.deepEqual(
      patterns.filter((p) => BROAD.test(p)),
      [],
      'no <all_urls>, *://*/*, http(s)://*/* in host_permissions or content_scripts.matches',
    );
    assert.ok((m.optional_host_permissions ?? []).includes('*://*/*'), 'all-sites access is optional');
    assert.ok(!(m.permissions ?? []).includes('<all_urls>'));
  });

  test(`${browser}: no CSP override, externally_connectable or web_accessible_resources (S5, S13, S14)`, () => {
    const m = manifest(browser);
    assert.equal(m.content_security_policy, undefined);
    assert.equal(m.externally_connectable, undefined);
    assert.equal(m.web_accessible_resources, undefined);
    assert.notEqual(m.incognito, 'split', 'split incognito is unsupported in Firefox (P5)');
  });

  test(`${browser}: release build contains no test-only hosts (127.0.0.1)`, () => {
    manifest(browser);
    const offenders = walk(BUILDS[browser]).filter(
      (f) => /\.(js|json|html|css)$/.test(f) && readFileSync(f, 'utf8').includes('127.0.0.1'),
    );
    assert.deepEqual(offenders, []);
  });

  test(`${browser}: content script bundle never touches IndexedDB/Dexie (S11)`, () => {
    const m = manifest(browser);
    const files = (m.content_scripts ?? []).flatMap((c) => c.js ?? []);
    const dir = path.join(BUILDS[browser], 'content-scripts');
    const all = [
      ...new Set([...files, ...(existsSync(dir) ? readdirSync(dir).map((f) => `content-scripts/${f}`) : [])]),
    ];
    assert.ok(
      all.some((f) => f.endsWith('content-scripts/article.js')),
      `content-scripts/article.js is built (found: ${all.join(', ') || 'none'})`,
    );
    for (const f of all.filter((x) => x.endsWith('.js'))) {
      const src = readFileSync(path.join(BUILDS[browser], f), 'utf8');
      assert.doesNotMatch(src, /indexedDB/i, `${f} mentions indexedDB`);
      assert.doesNotMatch(src, /Dexie/, `${f} mentions Dexie`);
    }
  });

  test(`${browser}: the outlet dataset is a packaged file, in no script bundle`, () => {
    const dir = BUILDS[browser];
    const data = JSON.parse(readFileSync(path.join(dir, 'data', 'outlets.json'), 'utf8'));
    assert.ok(data.outlets.length >= 500 && data.sourceTable, 'data/outlets.json is packaged');
    assert.ok(JSON.parse(readFileSync(path.join(dir, 'data', 'rsp.json'), 'utf8')).entries.length > 0);
    // Strings only the data carries (fact text), never code.
    const markers = ['Ofcom revoked', 'There is consensus that Press TV', 'recall:wp:Press_TV'];
    for (const f of walk(dir).filter((x) => x.endsWith('.js'))) {
      const src = readFileSync(f, 'utf8');
      for (const m of markers)
        assert.ok(!src.includes(m), `${path.relative(dir, f)} carries the dataset (${m})`);
    }
  });

  test(`${browser}: no eval( / new Function( in shipped JavaScript (S4)`, () => {
    manifest(browser);
    const found = [];
    for (const f of walk(BUILDS[browser]).filter((x) => x.endsWith('.js'))) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(/g)) {
        const context = src.slice(Math.max(0, m.index - 80), m.index + 80);
        const rel = path.relative(BUILDS[browser], f);
        if (!EVAL_ALLOWLIST.some((a) => a.file.test(rel) && a.context.test(context))) {
          found.push(`${rel}@${m.index}: …${context}…`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  test(`${browser}: no plain-http URLs except XML namespaces and pinned library strings (S3)`, () => {
    manifest(browser);
    const found = [];
    for (const f of walk(BUILDS[browser]).filter((x) => /\.(js|html|json)$/.test(x))) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/http:\/\/[^\s'"`)<>]*/g)) {
        const context = src.slice(Math.max(0, m.index - 80), m.index + m[0].length);
        if (!HTTP_ALLOWLIST.some((a) => a.url.test(m[0]) && (!a.context || a.context.test(context)))) {
          found.push(`${path.relative(BUILDS[browser], f)}: ${m[0]}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  test(`${browser}: no analytics / telemetry endpoints in the build (P4)`, () => {
    manifest(browser);
    const telemetry =
      /google-analytics\.com|googletagmanager|sentry\.io|sentry-cdn|posthog|mixpanel|api\.amplitude|amplitude\.com/i;
    const offenders = walk(BUILDS[browser]).filter(
      (f) => /\.(js|html|json)$/.test(f) && telemetry.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  test(`${browser}: no external message listeners (S13)`, () => {
    manifest(browser);
    const offenders = walk(BUILDS[browser]).filter(
      // webextension-polyfill wraps runtime.onMessageExternal (`onMessageExternal:wrap(…)`); only an
      // actual listener registration counts.
      (f) =>
        f.endsWith('.js') && /on(Message|Connect)External\s*\.\s*addListener/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
}

test('firefox: gecko id, strict_min_version ≥ 142 and data_collection_permissions (P2, S15)', () => {
  const g = manifest('firefox').browser_specific_settings?.gecko;
  assert.ok(g?.id, 'gecko id');
  assert.ok(Number.parseFloat(g.strict_min_version) >= 142, `strict_min_version ${g.strict_min_version}`);
  assert.ok(Array.isArray(g.data_collection_permissions?.required), 'data_collection_permissions.required');
  assert.equal(
    manifest('firefox').background?.service_worker,
    undefined,
    'Firefox MV3 uses background.scripts',
  );
});

test('host permissions are exactly the generated news-host list (lib/article/outlet-hosts.ts)', () => {
  // The list is the starter hosts plus the outlet data's domains (npm run data:outlet-hosts); the
  // snapshot below pins the result, so a data change that widens access shows up in review.
  const src = readFileSync(path.join(repoRoot, 'lib', 'article', 'outlet-hosts.ts'), 'utf8');
  const hosts = [...src.matchAll(/^ {2}'([a-z0-9.-]+)',$/gm)].map((m) => m[1]);
  assert.ok(hosts.length > 500, `${hosts.length} generated hosts`);
  const expected = hosts.flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]);
  for (const browser of ['chrome', 'firefox']) {
    const m = manifest(browser);
    assert.deepEqual(m.host_permissions, expected, `${browser} host_permissions`);
    const matches = (m.content_scripts ?? []).flatMap((c) => c.matches ?? []);
    // WXT sorts content-script matches: compare as sets.
    assert.deepEqual([...matches].sort(), [...expected].sort(), `${browser} content_scripts.matches`);
  }
});

test('permissions match the pinned snapshot (S1, S18): any change must be deliberate', () => {
  const actual = { chrome: permissionView(manifest('chrome')), firefox: permissionView(manifest('firefox')) };
  if (process.env.UPDATE_PERMISSIONS_SNAPSHOT === '1') {
    writeFileSync(SNAPSHOT, JSON.stringify(actual, null, 2) + '\n');
    console.log(`# wrote ${SNAPSHOT}`);
  }
  assert.ok(existsSync(SNAPSHOT), `${SNAPSHOT} missing (create it with UPDATE_PERMISSIONS_SNAPSHOT=1)`);
  const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
  assert.deepEqual(
    actual,
    expected,
    'permissions changed: review the change, then run UPDATE_PERMISSIONS_SNAPSHOT=1 npm run test:e2e and commit the snapshot',
  );
});
