/**
 * npm run -s eval:outlets — URL → outlet coverage over the real URL lists in the corpora
 * (used in place, never copied): SemEval-2022 Task 8 pair files (article URLs and their
 * web.archive.org copies) and readability-test-pages/index.json. Reports coverage, coverage by
 * wrapper kind, wayback ↔ original agreement and the top unresolved hosts. The LAST stdout line is
 * a JSON summary. Fails loudly when a corpus folder is missing (override: MASTHEAD_CORPORA).
 */
import { existsSync, readFileSync } from 'node:fs';
import { getDomain } from 'tldts';
import { buildOutletIndex, resolveOutlet } from '../../lib/outlets/lookup';
import { unwrapUrl } from '../../lib/outlets/unwrap';
import { expandOutletsFile, outletId, type StoredOutletsFile } from '../../lib/outlets/types';
import { corporaDir, parseCsv } from '../../scripts/data-outlets-csv';

const dir = corporaDir();
const need = ['semeval2022-task8-pairs', 'readability-test-pages'];
for (const f of need) {
  if (!existsSync(`${dir}/${f}`)) {
    console.error(`eval:outlets: corpus folder missing: ${dir}/${f} (set MASTHEAD_CORPORA)`);
    process.exit(1);
  }
}

const file = expandOutletsFile(
  JSON.parse(readFileSync('lib/outlets/data/outlets.json', 'utf8')) as StoredOutletsFile,
);
const t0 = performance.now();
const index = buildOutletIndex(file.outlets);
const buildMs = performance.now() - t0;

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);
const unresolved = new Map<string, number>();
const byWrapper = new Map<string, { urls: number; resolved: number }>();
let resolveMs = 0;
let calls = 0;

function resolve(url: string, page?: { siteName?: string }) {
  const t = performance.now();
  const m = resolveOutlet(url, index, page);
  resolveMs += performance.now() - t;
  calls++;
  return m;
}

let unwrappedToOriginal = 0;
function sameUrl(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b.trim());
    return x.hostname === y.hostname && x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '');
  } catch {
    return false;
  }
}

function tally(url: string, m: ReturnType<typeof resolveOutlet>) {
  const kind = m?.wrapper ?? 'none';
  const w = byWrapper.get(kind) ?? { urls: 0, resolved: 0 };
  w.urls++;
  if (m) w.resolved++;
  byWrapper.set(kind, w);
  if (!m) {
    let host = '(unparsable)';
    try {
      host = getDomain(new URL(url).hostname) ?? new URL(url).hostname;
    } catch {
      /* keep */
    }
    unresolved.set(host, (unresolved.get(host) ?? 0) + 1);
  }
}

// SemEval pairs: every article URL once, with its Internet Archive copy.
const pairs = new Map<string, { ia: string; lang: string }>();
for (const f of ['final_evaluation_data.csv', 'semeval-2022_task8_train-data_batch_2.csv']) {
  const p = `${dir}/semeval2022-task8-pairs/${f}`;
  if (!existsSync(p)) {
    console.error(`eval:outlets: missing ${p}`);
    process.exit(1);
  }
  for (const r of parseCsv(readFileSync(p, 'utf8'))) {
    for (const [l, ia, lang] of [
      [r.link1, r.ia_link1, r.url1_lang],
      [r.link2, r.ia_link2, r.url2_lang],
    ] as const) {
      if (l && !pairs.has(l)) pairs.set(l, { ia: ia ?? '', lang: lang ?? '' });
    }
  }
}
let origResolved = 0;
let iaTotal = 0;
let iaResolved = 0;
let agree = 0;
let agreeResolved = 0;
let origResolvedWithIa = 0;
const byLang = new Map<string, { urls: number; resolved: number }>();
const outletsSeen = new Set<string>();
for (const [url, { ia, lang }] of pairs) {
  const m = resolve(url);
  tally(url, m);
  if (m) {
    origResolved++;
    outletsSeen.add(outletId(m.outlet));
  }
  const L = byLang.get(lang) ?? { urls: 0, resolved: 0 };
  L.urls++;
  if (m) L.resolved++;
  byLang.set(lang, L);
  if (!ia) continue;
  iaTotal++;
  const mi = resolve(ia);
  const un = unwrapUrl(ia);
  const kind = un?.wrapper ?? 'none';
  const w = byWrapper.get(kind) ?? { urls: 0, resolved: 0 };
  w.urls++;
  if (mi) w.resolved++;
  byWrapper.set(kind, w);
  if (un && !un.unresolved && sameUrl(un.url, url)) unwrappedToOriginal++;
  if (mi) iaResolved++;
  if ((m?.outlet.qid ?? null) === (mi?.outlet.qid ?? null)) agree++;
  if (m) {
    origResolvedWithIa++;
    if (mi?.outlet.qid === m.outlet.qid) agreeResolved++;
  }
}

// Readability test pages: URLs where the page had one; siteName as the publisher fallback.
const idx = JSON.parse(readFileSync(`${dir}/readability-test-pages/index.json`, 'utf8')) as Array<{
  case: string;
  url: string | null;
  siteName: string | null;
}>;
let rUrls = 0;
let rResolved = 0;
let rResolvedWithSite = 0;
for (const c of idx) {
  if (!c.url) continue;
  rUrls++;
  const m = resolve(c.url);
  tally(c.url, m);
  if (m) rResolved++;
  const ms = resolve(c.url, c.siteName ? { siteName: c.siteName } : undefined);
  if (ms) rResolvedWithSite++;
}

const topUnresolved = [...unresolved].sort((a, b) => b[1] - a[1]).slice(0, 25);
const langs = [...byLang].sort((a, b) => b[1].urls - a[1].urls).slice(0, 10);

console.log(`outlets table: ${file.outlets.length} outlets, index built in ${buildMs.toFixed(1)} ms`);
console.log(
  `SemEval: ${pairs.size} distinct article URLs, ${origResolved} resolved (${pct(origResolved, pairs.size)}%), ${outletsSeen.size} distinct outlets`,
);
console.log(`  web.archive.org copies: ${iaTotal}, resolved ${iaResolved} (${pct(iaResolved, iaTotal)}%)`);
console.log(
  `  unwrapped back to their original URL (host + path): ${unwrappedToOriginal}/${iaTotal} (${pct(unwrappedToOriginal, iaTotal)}%)`,
);
console.log(
  `  wayback ↔ original agreement: ${agree}/${iaTotal} (${pct(agree, iaTotal)}%); among resolved originals ${agreeResolved}/${origResolvedWithIa} (${pct(agreeResolved, origResolvedWithIa)}%)`,
);
console.log(
  '  coverage by language: ' +
    langs.map(([l, v]) => `${l} ${pct(v.resolved, v.urls)}% of ${v.urls}`).join(', '),
);
console.log(
  `Readability index: ${rUrls} URLs, ${rResolved} resolved (${pct(rResolved, rUrls)}%), with siteName fallback ${rResolvedWithSite}`,
);
console.log('by wrapper: ' + [...byWrapper].map(([k, v]) => `${k} ${v.resolved}/${v.urls}`).join(', '));
console.log('top unresolved hosts: ' + topUnresolved.map(([h, n]) => `${h} ${n}`).join(', '));

const summary = {
  eval: 'outlets',
  outlets: file.outlets.length,
  semevalUrls: pairs.size,
  semevalResolved: origResolved,
  semevalCoveragePct: pct(origResolved, pairs.size),
  distinctOutletsMatched: outletsSeen.size,
  waybackUrls: iaTotal,
  waybackResolved: iaResolved,
  waybackUnwrappedToOriginalPct: pct(unwrappedToOriginal, iaTotal),
  waybackAgreementPct: pct(agree, iaTotal),
  waybackAgreementOnResolvedPct: pct(agreeResolved, origResolvedWithIa),
  readabilityUrls: rUrls,
  readabilityResolved: rResolved,
  readabilityResolvedWithSiteName: rResolvedWithSite,
  byWrapper: Object.fromEntries([...byWrapper].map(([k, v]) => [k, v])),
  topUnresolved: topUnresolved.slice(0, 10).map(([h, n]) => `${h}:${n}`),
  indexBuildMs: Math.round(buildMs * 10) / 10,
  meanResolveUs: Math.round(((1000 * resolveMs) / Math.max(1, calls)) * 10) / 10,
};
console.log(JSON.stringify(summary));
