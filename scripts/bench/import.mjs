// Bench section "import": parse a generated 10,000-row Pocket CSV (every quirk: quoted commas and
// newlines, pipe tags, both states) with the extension's own parser (lib/reading-list/io), plus a
// 1,000-item Masthead JSON round trip. Node, no browser: the parser is pure and runs the same in
// the service worker. Target: ≤ 3,000 ms for 10,000 rows.
// Run alone: node scripts/bench/import.mjs [rows]
import os from 'node:os';
import { TextEncoder } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const TARGET_MS = 3000;

export function pocketCsv(rows) {
  const lines = ['title,url,time_added,tags,status'];
  for (let i = 0; i < rows; i++) {
    const title =
      i % 7 === 0
        ? `"Title ${i}, with a comma and a\nnewline"`
        : i % 11 === 0
          ? `"He said ""${i}"""`
          : `Title number ${i}`;
    const tags = i % 3 === 0 ? 'news|politics|with space' : i % 3 === 1 ? 'tech' : '';
    lines.push(
      `${title},https://www.example${i % 50}.com/article/${i}?utm_source=x,${1_600_000_000 + i},${tags},${i % 4 === 0 ? 'archive' : 'unread'}`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function exportItems(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    items.push({
      urlKey: `example.com/a/${i}`,
      url: `https://example.com/a/${i}`,
      title: `Item ${i}`,
      savedAt: at,
      updatedAt: at,
      state: i % 2 ? 'archived' : 'unread',
      favourite: i % 5 === 0 ? 1 : 0,
      tags: ['a', `t${i % 10}`],
      note: i % 3 ? '' : `note ${i}`,
      text: 'Lorem ipsum dolor sit amet. '.repeat(40),
      highlights:
        i % 4 ? [] : [{ id: `h${i}`, urlKey: `example.com/a/${i}`, createdAt: at, quote: 'Lorem ipsum' }],
    });
  }
  return items;
}

export async function benchImport({ rows = 10_000 } = {}) {
  const io = await tsImport('../../lib/reading-list/io/index.ts', import.meta.url);
  const bytes = new TextEncoder().encode(pocketCsv(rows));
  // One warm-up run on a small file so the JIT state is comparable between runs.
  await io.parseImport(new TextEncoder().encode(pocketCsv(200)), 'warm.csv');
  let progressCalls = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await io.parseImport(bytes, 'pocket.csv', { onProgress: () => progressCalls++ });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const items = exportItems(1000);
  const t1 = performance.now();
  const json = io.exportMastheadJson(items);
  const back = await io.parseImport(new TextEncoder().encode(json), 'masthead.json');
  const roundTripMs = performance.now() - t1;
  return {
    rows,
    bytes: bytes.length,
    ms: Math.round(ms * 10) / 10,
    // CPU time of this process (user + system): robust when the machine is shared and loaded.
    cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    imported: result.items.length,
    skipped: result.rows.length - result.items.length,
    progressCalls,
    targetMs: TARGET_MS,
    pass: ms <= TARGET_MS && result.items.length === rows,
    jsonRoundTrip: {
      items: items.length,
      bytes: json.length,
      ms: Math.round(roundTripMs * 10) / 10,
      imported: back.items.length,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 10_000);
  console.log(JSON.stringify(await benchImport({ rows }), null, 2));
}
