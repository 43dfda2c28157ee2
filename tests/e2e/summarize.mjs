// Prints `total: N passed, M failed` from test-results/vitest.json and test-results/e2e.tap.
// A missing or unreadable report counts as one failure (the suite crashed before reporting).
// Usage: node tests/e2e/summarize.mjs [buildExitCode]
import { readFileSync, existsSync } from 'node:fs';

let pass = 0;
let fail = 0;
const notes = [];

if (Number(process.argv[2] ?? 0) !== 0) {
  fail += 1;
  notes.push('build failed');
}

try {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  pass += v.numPassedTests;
  fail += v.numFailedTests;
  // A file that fails to load (syntax/import error) has no tests but is a failure.
  const brokenFiles = (v.testResults ?? []).filter(
    (r) => r.status === 'failed' && r.assertionResults?.length === 0,
  );
  fail += brokenFiles.length;
  if (brokenFiles.length) notes.push(`${brokenFiles.length} unit file(s) failed to load`);
} catch {
  fail += 1;
  notes.push('no vitest report');
}

const tap = existsSync('test-results/e2e.tap') ? readFileSync('test-results/e2e.tap', 'utf8') : '';
const count = (k) => Number((tap.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [0, 0])[1]);
if (!/^# tests \d+/m.test(tap)) {
  fail += 1;
  notes.push('no e2e TAP summary');
} else {
  pass += count('pass');
  fail += count('fail') + count('cancelled');
}

if (notes.length) console.log(`(${notes.join('; ')})`);
console.log(`total: ${pass} passed, ${fail} failed`);
