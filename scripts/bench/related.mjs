// Related-coverage bench (issue: related coverage): same-story query time over the IndexedDB
// `coverage` table at 10k and 100k stored items (Node, fake-indexeddb, the real MastheadDb schema),
// and feed parse throughput. Exports `benchRelated()` (a JSON-serialisable section for
// scripts/bench.mjs); run alone with `node scripts/bench/related.mjs`.
// Env: BENCH_RELATED_SIZES=10000,100000  BENCH_RELATED_QUERIES=30
//
// Stored items are synthetic but shaped like real ones: 24 key terms drawn from a 60,000-word
// vocabulary with Zipf-like frequencies (so common terms have postings in the thousands),
// 0–4 people from a pool of 20,000, dates spread over two years. Each query article is a planted
// story: 8 items share most of its terms and two people within ±2 days.
import { tsImport } from 'tsx/esm/api';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const here = import.meta.url;
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const quantile = (v, q) => {
  const s = [...v].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
};

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = 60_000;
const PEOPLE = 20_000;
const DAY = 86_400_000;
const T0 = Date.parse('2025-01-01T00:00:00Z');

function zipf(r) {
  // Inverse-CDF sample of a Zipf-like distribution over ranks 1..VOCAB (exponent ≈ 1).
  return Math.min(VOCAB - 1, Math.floor(Math.exp(r() * Math.log(VOCAB)) - 1));
}

function syntheticItem(i, r) {
  const terms = new Set();
  while (terms.size < 24) terms.add(`w${zipf(r)}`);
  const people = [];
  const np = Math.floor(r() * 5);
  for (let k = 0; k < np; k++) people.push(`person ${Math.floor(r() * PEOPLE)}`);
  return {
    urlKey: `example${i % 97}.com/story/${i}`,
    url: `https://example${i % 97}.com/story/${i}`,
    title: `Story ${i}`,
    publishedAt: new Date(T0 + Math.floor(r() * 730 * DAY)).toISOString(),
    seenAt: new Date(T0).toISOString(),
    origin: 'feed',
    terms: [...terms],
    people,
  };
}

function plantedStory(q, r, size) {
  const date = T0 + Math.floor(r() * 700 * DAY);
  const terms = [];
  for (let k = 0; k < 24; k++) terms.push(`story${q}t${k}`, `w${zipf(r)}`);
  const storyTerms = [...new Set(terms)].slice(0, 24);
  const people = [`person ${Math.floor(r() * PEOPLE)}`, `person ${Math.floor(r() * PEOPLE)}`];
  const items = [];
  for (let c = 0; c < 8; c++) {
    const keep = storyTerms.filter(() => r() < 0.7);
    items.push({
      urlKey: `outlet${c}.example/q${q}`,
      url: `https://outlet${c}.example/q${q}`,
      title: `Planted story ${q} (${c})`,
      publishedAt: new Date(date + Math.floor((r() - 0.5) * 4 * DAY)).toISOString(),
      seenAt: new Date(T0).toISOString(),
      origin: 'feed',
      terms: [...keep, ...Array.from({ length: 24 - keep.length }, () => `w${zipf(r)}`)].slice(0, 24),
      people,
    });
  }
  const article = {
    title: `Planted ${q}`,
    publishedAt: new Date(date).toISOString(),
    terms: storyTerms,
    people,
    urlKey: `reader/q${q}-${size}`,
  };
  return { article, items };
}

async function benchStore(size, queries, mods) {
  const { MastheadDb } = mods.db;
  const db = new MastheadDb(`bench-related-${size}-${Date.now()}`, { indexedDB, IDBKeyRange });
  await db.open();
  const r = rng(size);
  const stories = Array.from({ length: queries }, (_, q) => plantedStory(q, r, size));
  const t0 = performance.now();
  const batch = [];
  for (let i = 0; i < size - stories.length * 8; i++) {
    batch.push(syntheticItem(i, r));
    if (batch.length === 5000) await db.coverage.bulkPut(batch.splice(0));
  }
  for (const s of stories) batch.push(...s.items);
  await db.coverage.bulkPut(batch.splice(0));
  const loadMs = performance.now() - t0;

  const times = [];
  const cpu = [];
  let found = 0;
  let fetched = 0;
  let dropped = 0;
  // The worker's path (lib/platform/coverage-query.ts): one read transaction, the kept row count
  // and common index keys (lib/platform/coverage-stats.ts). The bulk load above went around the
  // helpers, so the warm-up query (JIT, fake-indexeddb caches; not counted) counts the rows once.
  await mods.coverageQuery.queryCoverage(db, stories[0].article);
  for (const s of stories) {
    const t = performance.now();
    const c = process.cpuUsage();
    const { matches, stats } = await mods.coverageQuery.queryCoverage(db, s.article);
    times.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
    const keys = new Set(matches.flatMap((m) => [m.item.urlKey, ...m.duplicates.map((d) => d.item.urlKey)]));
    found += s.items.filter((it) => keys.has(it.urlKey)).length / s.items.length;
    fetched += stats.fetched;
    dropped += stats.termsDropped.length;
  }
  db.close();
  await db.delete();
  return {
    items: size,
    queries,
    loadMs: Math.round(loadMs),
    medianMs: round(quantile(times, 0.5)),
    p95Ms: round(quantile(times, 0.95)),
    maxMs: round(Math.max(...times)),
    // CPU time of this process per query: less sensitive than wall time to other load on the machine.
    medianCpuMs: round(quantile(cpu, 0.5)),
    plantedRecall: round(found / stories.length, 3),
    meanFetched: round(fetched / stories.length, 1),
    meanTermsDropped: round(dropped / stories.length, 1),
  };
}

function syntheticFeed(items, r) {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench &amp; Co</title><link>https://bench.example/</link>',
  ];
  for (let i = 0; i < items; i++) {
    const words = Array.from({ length: 120 }, () => `w${zipf(r)}`).join(' ');
    parts.push(
      `<item><title>Headline ${i} about w${zipf(r)} &amp; w${zipf(r)}</title><link>https://bench.example/${i}</link>` +
        `<guid isPermaLink="false">id-${i}</guid><pubDate>Fri, 03 Feb 2017 10:${String(i % 60).padStart(2, '0')}:00 +0900</pubDate>` +
        `<dc:creator>Reporter ${i % 13}</dc:creator><description><![CDATA[<p>${words}</p><p><a href="https://x.example">more</a></p>]]></description></item>`,
    );
  }
  parts.push('</channel></rss>');
  return new Uint8Array(Buffer.from(parts.join('\n'), 'utf8'));
}

async function benchFeedParse(mods) {
  const r = rng(7);
  const bytes = syntheticFeed(1000, r);
  mods.feed.parseFeed(bytes); // warm-up
  const runs = [];
  const cpu = [];
  let items = 0;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    items = mods.feed.parseFeed(bytes).items.length;
    runs.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const ms = quantile(runs, 0.5);
  const cpuMs = quantile(cpu, 0.5);
  const mb = bytes.byteLength / 1048576;
  return {
    bytes: bytes.byteLength,
    items,
    medianMs: round(ms),
    mbPerSec: round(mb / (ms / 1000)),
    medianCpuMs: round(cpuMs),
    mbPerCpuSec: round(mb / (cpuMs / 1000)),
  };
}

export async function benchRelated(opts = {}) {
  const sizes =
    opts.sizes ??
    (process.env.BENCH_RELATED_SIZES ?? '10000,100000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
  const queries = opts.queries ?? (Number(process.env.BENCH_RELATED_QUERIES) || 30);
  const mods = {
    db: await tsImport('../../lib/platform/db.ts', here),
    coverageQuery: await tsImport('../../lib/platform/coverage-query.ts', here),
    feed: await tsImport('../../lib/related/feed-parser.ts', here),
  };
  const targets = { 10000: 10, 100000: 50 };
  const query = [];
  for (const size of sizes) {
    const res = await benchStore(size, queries, mods);
    query.push({
      ...res,
      targetMs: targets[size] ?? null,
      ok: targets[size] ? res.medianMs <= targets[size] : null,
    });
  }
  // Wall times on a shared machine move with its load; CPU times of this process move less.
  return {
    env: 'node + fake-indexeddb',
    cpus: os.cpus().length,
    loadAverage1m: round(os.loadavg()[0], 1),
    query,
    feedParse: await benchFeedParse(mods),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const res = await benchRelated();
  console.log(JSON.stringify(res, null, 2));
  process.exit(0);
}
