/**
 * Micro-benchmark of people extraction in Node (issue: people named in the article).
 * Run: `npm run -s bench:people`. Prints one JSON line with chars/s, and the size and load time
 * of the people data (lib/people/data/officeholders.json, background only; known-leaders.json,
 * part of the extraction code).
 * Input: the seed article (../shared/seed, override MASTHEAD_SHARED) repeated, plus synthetic
 * news-like text, so that it runs without the corpora.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractPeople } from '../lib/people/extract';
import { shippedOfficeIndex, roleAtDate } from '../lib/people/offices';
import { validateOfficeholders } from '../lib/people/officeholders-format';

const shared = process.env.MASTHEAD_SHARED ?? resolve(import.meta.dirname, '../../shared');
const seedPath = resolve(shared, 'seed/presstv-japan-us-alliance.txt');
const seed = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : '';
const synthetic = Array.from(
  { length: 40 },
  (_, i) =>
    `Foreign Minister Anna Berg${i} told Reuters on Monday that talks with President Luis Ortega${i} would resume. ` +
    `"We are ready to talk," Berg${i} said, according to the state news agency. Ortega${i}'s office declined to comment.`,
).join('\n\n');
const article = seed || synthetic;

function timeIt(text: string, minMs: number): { runs: number; ms: number } {
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    extractPeople({ text });
    runs++;
  }
  return { runs, ms: performance.now() - t0 };
}

const coldStart = performance.now();
extractPeople({ text: 'Warm-up by Jane Doe.' });
const coldMs = performance.now() - coldStart;

const small = timeIt(article, 2000);
const big = article.repeat(Math.ceil(1_000_000 / article.length)).slice(0, 1_000_000);
const large = timeIt(big, 1);
const synth = timeIt(synthetic, 1000);
const cps = (len: number, r: { runs: number; ms: number }) => Math.round((len * r.runs) / (r.ms / 1000));

/**
 * Size of the people data and what loading it costs in the background: the parse, the index
 * (pre-built by `npm run data:people`: nothing to do at load) and the first lookups (a person's
 * terms are expanded on first use). Full validation runs at build and test time only.
 */
function peopleData(): Record<string, number> {
  const dataDir = resolve(import.meta.dirname, '../lib/people');
  const raw = readFileSync(resolve(dataDir, 'data/officeholders.json'));
  const leaders = readFileSync(resolve(dataDir, 'known-leaders.json'));
  const t0 = performance.now();
  const parsed: unknown = JSON.parse(raw.toString('utf8'));
  const t1 = performance.now();
  const index = shippedOfficeIndex(parsed);
  const t2 = performance.now();
  const names = ['James Mattis', 'Shinzo Abe', 'Donald Trump', 'Fumio Kishida', 'Jane Nobody'];
  for (const name of names) roleAtDate(index, name, '2017-02-03');
  const firstLookupsMs = performance.now() - t2;
  const tv = performance.now();
  const invalid = validateOfficeholders(parsed).length;
  const validateMs = performance.now() - tv;
  let lookups = 0;
  const t2b = performance.now();
  while (performance.now() - t2b < 300) roleAtDate(index, names[lookups++ % names.length]!, '2017-02-03');
  const t3 = performance.now();
  if (invalid) throw new Error('officeholders.json is invalid: run npm run data:people');
  return {
    officeholdersBytes: raw.length,
    officeholdersGzipBytes: gzipSync(raw).length,
    officeholdersPeople: Object.keys((parsed as { people: object }).people).length,
    parseMs: Math.round(t1 - t0),
    buildIndexMs: Math.round((t2 - t1) * 100) / 100,
    seedFirstLookupsMs: Math.round(firstLookupsMs * 100) / 100,
    validateAtBuildMs: Math.round(validateMs),
    roleAtDatePerSec: Math.round(lookups / ((t3 - t2b) / 1000)),
    knownLeadersBytes: leaders.length,
  };
}

console.log(
  JSON.stringify({
    bench: 'people',
    coldStartMs: Math.round(coldMs),
    articleChars: article.length,
    articleCharsPerSec: cps(article.length, small),
    articleMsPerDoc: Math.round((small.ms / small.runs) * 100) / 100,
    syntheticCharsPerSec: cps(synthetic.length, synth),
    oneMegabyteMs: Math.round(large.ms),
    oneMegabyteCharsPerSec: cps(big.length, large),
    data: peopleData(),
  }),
);
