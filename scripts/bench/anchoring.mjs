#!/usr/bin/env node
// Anchoring bench (issue 7): time to anchor 100 highlights on the longest readability corpus page
// (largest expected.html), on the unchanged text and on a mutated copy (a paragraph inserted at the
// top so every position is stale, whitespace changed, a word edited inside every 5th quote, and
// every 10th quoted passage deleted). Runs in Node on happy-dom: the TypeScript core is loaded
// with tsx's tsImport, so `node scripts/bench.mjs` needs no extra flags.
// Standalone: `node scripts/bench/anchoring.mjs` prints the JSON section. Env: BENCH_ANCHOR_RUNS.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { Window } from 'happy-dom';
import { corporaDir } from '../../tests/e2e/harness.mjs';

const here = import.meta.url;
const HIGHLIGHTS = 100;

const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const quantile = (v, q) => {
  const s = [...v].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
};

function longestPage() {
  const dir = path.join(corporaDir(), 'readability-test-pages');
  let best = null;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name, 'expected.html');
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (!best || size > best.size) best = { name, file, size };
  }
  if (!best) throw new Error(`no expected.html under ${dir}`);
  return best;
}

/** Anchor every highlight against `text` once; per-call times and the status histogram. */
function anchorAll(anchor, prepareText, highlights, text, useHash) {
  const t0 = performance.now();
  const prepared = prepareText(text);
  const prepareMs = performance.now() - t0;
  const times = [];
  const statuses = {};
  for (const h of highlights) {
    const c0 = performance.now();
    const r = anchor(h.selectors, prepared, useHash ? { textHash: h.textHash } : {});
    times.push(performance.now() - c0);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  const anchorMs = times.reduce((a, b) => a + b, 0);
  return { prepareMs, anchorMs, totalMs: prepareMs + anchorMs, times, statuses };
}

function summarise(runs) {
  const totals = runs.map((r) => r.totalMs);
  const per = runs.flatMap((r) => r.times);
  return {
    medianTotalMs: round(quantile(totals, 0.5), 2),
    maxTotalMs: round(Math.max(...totals), 2),
    medianPrepareMs: round(
      quantile(
        runs.map((r) => r.prepareMs),
        0.5,
      ),
      2,
    ),
    perHighlightMs: {
      median: round(quantile(per, 0.5)),
      p95: round(quantile(per, 0.95)),
      max: round(Math.max(...per)),
    },
    statuses: runs[runs.length - 1].statuses,
  };
}

export async function benchAnchoring({ runs = Number(process.env.BENCH_ANCHOR_RUNS ?? 7) } = {}) {
  const { anchor } = await tsImport('../../lib/annotations/anchor.ts', here);
  const { prepareText } = await tsImport('../../lib/annotations/normalize.ts', here);
  const { describe } = await tsImport('../../lib/annotations/selectors.ts', here);
  const { buildTextMap } = await tsImport('../../lib/annotations/dom-text.ts', here);
  const m = await tsImport('../../tests/lib/annotations/mutate.ts', here);

  const page = longestPage();
  const win = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  win.document.write(readFileSync(page.file, 'utf8'));
  const m0 = performance.now();
  const map = buildTextMap(win.document.body);
  const textMapMs = performance.now() - m0;
  const text = map.text;
  await win.happyDOM.close();

  // 100 highlights of varied length (a word … a long passage), seeded.
  const r = m.rng(2017);
  const words = m.wordSpans(text);
  const highlights = [];
  const sizes = [1, 2, 5, 12, 30, 80];
  const d0 = performance.now();
  const prepared = prepareText(text);
  for (let i = 0; highlights.length < HIGHLIGHTS; i++) {
    const n = sizes[i % sizes.length];
    const a = m.randInt(r, 0, words.length - n);
    const d = describe(prepared, words[a].start, words[a + n - 1].end);
    if (d) highlights.push({ ...d, start: words[a].start, end: words[a + n - 1].end });
  }
  const describeMs = performance.now() - d0;

  // Mutated copy: all edits in original coordinates, applied once.
  const edits = [];
  const taken = (at, len) =>
    edits.some((e) => at < e.at + Math.max(1, e.del) && e.at < at + Math.max(1, len));
  highlights.forEach((h, i) => {
    if (i % 10 === 9) {
      for (const e of m.deletePassage(text, h.start, h.end)) if (!taken(e.at, e.del)) edits.push(e);
    } else if (i % 5 === 0) {
      for (const e of m.editIn(r, text, h.start, h.end, 'edited')) if (!taken(e.at, e.del)) edits.push(e);
    }
  });
  for (const e of m.changeWhitespace(r, text, 0.02)) if (!taken(e.at, e.del)) edits.push(e);
  edits.push({
    at: 0,
    del: 0,
    ins: 'An editor’s note inserted at the top of the article shifts every position.\n\n',
  });
  const mutated = m.applyEdits(text, 0, 0, edits).text;

  const unchanged = [];
  const unchangedNoHash = [];
  const changed = [];
  for (let i = 0; i < runs; i++) {
    unchanged.push(anchorAll(anchor, prepareText, highlights, text, true));
    unchangedNoHash.push(anchorAll(anchor, prepareText, highlights, text, false));
    changed.push(anchorAll(anchor, prepareText, highlights, mutated, true));
  }
  return {
    page: page.name,
    expectedHtmlBytes: page.size,
    textChars: text.length,
    mutatedChars: mutated.length,
    highlights: highlights.length,
    runs,
    textMapMs: round(textMapMs, 2),
    describe100Ms: round(describeMs, 2),
    unchanged: summarise(unchanged),
    unchangedWithoutHash: summarise(unchangedNoHash),
    mutated: summarise(changed),
    loadAverage: os.loadavg().map((x) => round(x, 2)),
    cpus: os.cpus().length,
    note: 'Node + happy-dom; totals include prepareText (one normalisation pass per text). textMapMs is happy-dom, an upper bound for a browser DOM.',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchAnchoring()
    .then((section) => console.log(JSON.stringify(section, null, 2)))
    .catch((e) => {
      console.error(`anchoring bench failed: ${e.stack ?? e}`);
      process.exit(1);
    });
}
