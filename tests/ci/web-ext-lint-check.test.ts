// @vitest-environment node
// The web-ext lint judge (.ci/web-ext-lint-check.mjs, S7/S15) must fail on Masthead's own warnings
// and errors and excuse only the pinned library internals: positive and negative controls on
// synthetic lint reports against a synthetic build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CHECK = path.resolve(__dirname, '../../.ci/web-ext-lint-check.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'lint-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-line "bundle" and the column (1-based) of `needle` in it. */
function bundle(name: string, code: string, needle: string) {
  writeFileSync(path.join(dir, name), code);
  return { file: name, line: 1, column: code.indexOf(needle) + 1 };
}

function judge(report: object) {
  const json = path.join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(json, JSON.stringify(report));
  return spawnSync(process.execPath, [CHECK, json, dir], { encoding: 'utf8' });
}

const summary = (errors: number, warnings: number) => ({ errors, warnings, notices: 0 });
const unsafe = (at: { file: string; line: number; column: number }) => ({
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  ...at,
});

describe('.ci/web-ext-lint-check.mjs', () => {
  it('passes a clean report', () => {
    expect(judge({ summary: summary(0, 0), errors: [], warnings: [] }).status).toBe(0);
  });

  it('fails on any error', () => {
    const r = judge({
      summary: summary(1, 0),
      errors: [{ code: 'ADDON_ID_REQUIRED', message: 'id required', file: 'manifest.json' }],
      warnings: [],
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ERROR ADDON_ID_REQUIRED/);
  });

  it('fails on an innerHTML warning in our own code, even inside a chunk shared with Preact', () => {
    const code = 'function x(){/* dangerouslySetInnerHTML */}function render(el,t){el.innerHTML=t.text;}';
    const r = judge({
      summary: summary(0, 1),
      errors: [],
      warnings: [unsafe(bundle('own.js', code, 'el.innerHTML'))],
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/WARNING UNSAFE_VAR_ASSIGNMENT .*el\.innerHTML=t\.text.* own\.js/);
  });

  it("excuses Preact's own dangerouslySetInnerHTML sink, pinned to its code", () => {
    const code = 'var a="dangerouslySetInnerHTML";function d(e,n){e.innerHTML=n.__html}';
    const r = judge({
      summary: summary(0, 1),
      errors: [],
      warnings: [unsafe(bundle('preact.js', code, 'e.innerHTML'))],
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/allowlisted UNSAFE_VAR_ASSIGNMENT preact\.js/);
  });

  it('fails on any other warning code', () => {
    const r = judge({
      summary: summary(0, 1),
      errors: [],
      warnings: [{ code: 'MISSING_DATA_COLLECTION_PERMISSIONS', message: 'm', file: 'manifest.json' }],
    });
    expect(r.status).toBe(1);
  });
});
