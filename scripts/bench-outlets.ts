/**
 * npm run -s bench:outlets — resolver throughput on 100k URLs (table hosts, random unknown hosts,
 * subdomains, and wrapped copies: wayback, AMP cache, Google redirect, Facebook l.php), index
 * build time, and the shipped JSON size (raw + gzip). Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildOutletIndex, resolveOutlet } from '../lib/outlets/lookup';
import { expandOutletsFile, type StoredOutletsFile } from '../lib/outlets/types';

const N = Number(process.env.BENCH_OUTLETS_N ?? 0) || 100_000;
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)]!;

const outletsRaw = readFileSync('lib/outlets/data/outlets.json');
const rspRaw = readFileSync('lib/outlets/data/rsp.json');
const file = expandOutletsFile(JSON.parse(outletsRaw.toString('utf8')) as StoredOutletsFile);

let t = performance.now();
const index = buildOutletIndex(file.outlets);
const buildMs = performance.now() - t;

const hosts = file.outlets.flatMap((o) => o.domains.map((d) => d.host + (d.path ?? '')));
const word = () => Math.random().toString(36).slice(2, 8);
function article(): string {
  const r = rand();
  if (r < 0.5) return `https://www.${pick(hosts)}/news/2020/01/${word()}-${word()}.html`;
  if (r < 0.65) return `https://${word()}.${pick(hosts)}/story/${word()}`;
  return `https://${word()}${word()}.${pick(['com', 'co.uk', 'de', 'com.br', 'org', 'xn--p1ai'])}/a/${word()}`;
}
function wrapped(u: string): string {
  const r = rand();
  if (r < 0.55) return u;
  if (r < 0.75)
    return `https://web.archive.org/web/2019${String(Math.floor(rand() * 1e10)).padStart(10, '0')}/${u}`;
  if (r < 0.85) return `https://x.cdn.ampproject.org/c/s/${u.replace(/^https:\/\//, '')}`;
  if (r < 0.93) return `https://www.google.com/url?q=${encodeURIComponent(u)}&sa=D`;
  return `https://l.facebook.com/l.php?u=${encodeURIComponent(u)}`;
}
const urls = Array.from({ length: N }, () => wrapped(article()));

for (let i = 0; i < 5000; i++) resolveOutlet(urls[i]!, index); // warm-up
t = performance.now();
let hits = 0;
for (const u of urls) if (resolveOutlet(u, index)) hits++;
const ms = performance.now() - t;

console.log(
  JSON.stringify({
    bench: 'outlets',
    urls: N,
    resolved: hits,
    totalMs: Math.round(ms),
    urlsPerSec: Math.round((N / ms) * 1000),
    meanUs: Math.round((ms / N) * 1000 * 100) / 100,
    indexBuildMs: Math.round(buildMs * 10) / 10,
    outlets: file.outlets.length,
    indexedHosts: index.byHost.size,
    outletsJsonBytes: outletsRaw.length,
    outletsJsonGzipBytes: gzipSync(outletsRaw).length,
    rspJsonBytes: rspRaw.length,
    rspJsonGzipBytes: gzipSync(rspRaw).length,
  }),
);
