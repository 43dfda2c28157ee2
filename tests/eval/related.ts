/**
 * Related-coverage matching eval (issue: related coverage). Run: `npm run -s eval:related`.
 * Reads ../shared/corpora/basil-triplets (override: MASTHEAD_CORPORA=<folder of corpora>) in place;
 * fails loudly when it is missing. Progress and notes go to stderr; the last stdout line is one
 * JSON summary.
 *
 * Task: BASIL has 100 events, each covered by NYT, Fox News and HuffPost (300 articles; the three
 * articles of one `triplet-uuid` are one event). For each article (the query), every other article
 * of the corpus (299) is a candidate.
 * - recall@5: of the 2 other-outlet articles of the same event, the share ranked in the top 5
 *   (averaged over the 300 queries). The target is ≥ 0.90.
 * - precision (at the default same-story threshold, lib/related/match.ts DEFAULT_THRESHOLD):
 *   over all queries, of the (query, candidate) pairs scored at or above the threshold, the share
 *   that are truly the same event. "recall@threshold" is the share of the 600 true pairs that
 *   reach the threshold. A sweep over thresholds is printed too.
 * Conditions (same code as the extension: keyTerms/keyPeople → stored fields → scoreItem):
 * - `full`: query and candidates are full articles (title + body), as in the reader's history.
 * - `feed`: the query is a full article; candidates keep only title + first paragraph, as an RSS
 *   item's title + description would.
 * - `noDate`: `full` without the date window (dates ignored), to show what the window adds.
 * - `store`: `full` through the IndexedDB query path (query.ts: index retrieval + the same scoring)
 *   on the real MastheadDb schema in fake-indexeddb; only matches at or above the threshold come
 *   back, so its recall@5 counts those.
 * Baseline (same run): plain TF-IDF cosine over the full texts — lower-cased word tokens, no
 * stopwords, no stemming, tf × smoothed idf (ln((1+N)/(1+df)) + 1), L2 cosine; no people, no
 * dates. Its precision is reported at the cosine threshold that gives it the same
 * recall@threshold as ours (equal-recall comparison).
 * Parameters are fixed in lib/related (weights, window, term count), not fitted per document;
 * DEFAULT_THRESHOLD was read off this corpus's sweep (reported below, so it can be judged).
 *
 * SemEval-2022 task 8 pairs carry URLs and human ratings only, no article text: text matching is
 * not scored on them; what is scored is same-story detection from URL slugs alone (see
 * semevalSummary).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { storyKeys } from '../../lib/related/terms';
import {
  DEFAULT_THRESHOLD,
  findRelated,
  prepareArticle,
  RelatedIndex,
  scoreItem,
  type MatchItem,
} from '../../lib/related/match';
import { queryCoverage } from '../../lib/platform/coverage-query';
import { MastheadDb } from '../../lib/platform/db';
import type { CoverageItem } from '../../lib/store-types';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { parseCsv } from '../../scripts/data-outlets-csv';

interface Doc {
  id: string;
  event: string;
  source: string;
  title: string;
  date: string;
  text: string;
  lead: string;
}

const corpora = process.env.MASTHEAD_CORPORA ?? resolve(import.meta.dirname, '../../../shared/corpora');
const basilDir = join(corpora, 'basil-triplets', 'articles');
if (!existsSync(basilDir)) {
  console.error(`BASIL corpus not found at ${basilDir} (set MASTHEAD_CORPORA).`);
  process.exit(2);
}

function loadBasil(): Doc[] {
  const docs: Doc[] = [];
  for (const year of readdirSync(basilDir).sort()) {
    for (const f of readdirSync(join(basilDir, year)).sort()) {
      if (!f.endsWith('.json')) continue;
      const j = JSON.parse(readFileSync(join(basilDir, year, f), 'utf8')) as Record<string, unknown>;
      const paras = (j['body-paragraphs'] as unknown[])
        .flat(2)
        .filter((p): p is string => typeof p === 'string');
      docs.push({
        id: `${year}/${f}`,
        event: String(j['triplet-uuid']),
        source: String(j.source).toLowerCase(),
        title: String(j.title ?? ''),
        date: String(j.date ?? ''),
        text: paras.join('\n\n'),
        lead: paras.find((p) => p.trim().length > 0) ?? '',
      });
    }
  }
  return docs;
}

type Ranking = { id: string; score: number }[];

interface Metrics {
  recallAt5: number;
  mrr: number;
  precision: number;
  recallAtThreshold: number;
  aboveThreshold: number;
  threshold: number;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

function evaluate(docs: Doc[], rankings: Map<string, Ranking>, threshold: number): Metrics {
  let recall = 0;
  let rr = 0;
  let above = 0;
  let aboveTrue = 0;
  let truePairs = 0;
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const d of docs) {
    const ranking = rankings.get(d.id)!;
    const truth = new Set(docs.filter((x) => x.event === d.event && x.id !== d.id).map((x) => x.id));
    truePairs += truth.size;
    recall += ranking.slice(0, 5).filter((r) => truth.has(r.id)).length / truth.size;
    const first = ranking.findIndex((r) => truth.has(r.id));
    rr += first < 0 ? 0 : 1 / (first + 1);
    for (const r of ranking) {
      if (r.score < threshold) continue;
      above++;
      if (byId.get(r.id)!.event === d.event) aboveTrue++;
    }
  }
  return {
    recallAt5: r4(recall / docs.length),
    mrr: r4(rr / docs.length),
    precision: r4(above ? aboveTrue / above : 0),
    recallAtThreshold: r4(aboveTrue / truePairs),
    aboveThreshold: above,
    threshold,
  };
}

type Keys = Map<string, { terms: string[]; people: string[] }>;

function candidateItems(docs: Doc[], keys: Keys, dated: boolean): CoverageItem[] {
  return docs.map((d) => ({
    urlKey: d.id,
    url: `https://example.org/${d.id}`,
    title: d.title,
    publishedAt: dated ? d.date : '',
    seenAt: d.date,
    origin: 'feed',
    ...keys.get(d.id)!,
  }));
}

function oursRankings(
  docs: Doc[],
  mode: 'full' | 'feed' | 'noDate',
  fullKeys: Keys,
  leadKeys: Keys,
): Map<string, Ranking> {
  const items: MatchItem[] = candidateItems(docs, mode === 'feed' ? leadKeys : fullKeys, mode !== 'noDate');
  const index = new RelatedIndex(items);
  const out = new Map<string, Ranking>();
  for (const d of docs) {
    const k = fullKeys.get(d.id)!;
    const matches = findRelated(
      { title: d.title, publishedAt: mode === 'noDate' ? '' : d.date, urlKey: d.id, ...k },
      index,
      { threshold: 0, mergeDuplicates: false, limit: docs.length },
    );
    out.set(
      d.id,
      matches.map((m) => ({ id: m.item.urlKey, score: m.score })),
    );
  }
  return out;
}

/**
 * `store`: the worker's IndexedDB path (lib/platform/coverage-query.ts → lib/related/query.ts) over the real MastheadDb schema in
 * fake-indexeddb, candidates stored with full-text keys; it returns only same-story matches
 * (score ≥ threshold), so recall@5 counts those.
 */
async function storeRankings(docs: Doc[], fullKeys: Keys): Promise<Map<string, Ranking>> {
  const db = new MastheadDb(`eval-related-${Date.now()}`, { indexedDB, IDBKeyRange });
  await db.open();
  await db.coverage.bulkPut(candidateItems(docs, fullKeys, true));
  const out = new Map<string, Ranking>();
  for (const d of docs) {
    const { matches } = await queryCoverage(
      db,
      {
        title: d.title,
        publishedAt: d.date,
        urlKey: d.id,
        ...fullKeys.get(d.id)!,
      },
      { mergeDuplicates: false },
    );
    out.set(
      d.id,
      matches.map((m) => ({ id: m.item.urlKey, score: m.score })),
    );
  }
  db.close();
  await db.delete();
  return out;
}

function baselineRankings(docs: Doc[]): Map<string, Ranking> {
  const vecs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const m of `${d.title}\n${d.text}`.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu))
      tf.set(m[0], (tf.get(m[0]) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const v of vecs) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const weighted = vecs.map((v) => {
    const w = new Map<string, number>();
    let s = 0;
    for (const [t, c] of v) {
      const x = c * (Math.log((1 + n) / (1 + df.get(t)!)) + 1);
      w.set(t, x);
      s += x * x;
    }
    const norm = Math.sqrt(s) || 1;
    for (const [t, x] of w) w.set(t, x / norm);
    return w;
  });
  const out = new Map<string, Ranking>();
  docs.forEach((d, i) => {
    const ranking: Ranking = [];
    docs.forEach((e, j) => {
      if (i === j) return;
      let dot = 0;
      const [a, b] =
        weighted[i]!.size < weighted[j]!.size ? [weighted[i]!, weighted[j]!] : [weighted[j]!, weighted[i]!];
      for (const [t, x] of a) dot += x * (b.get(t) ?? 0);
      ranking.push({ id: e.id, score: dot });
    });
    ranking.sort((x, y) => y.score - x.score);
    out.set(d.id, ranking);
  });
  return out;
}

/** The threshold at which `rankings` reaches (at least) the given recall@threshold. */
function thresholdForRecall(docs: Doc[], rankings: Map<string, Ranking>, recall: number): number {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const trueScores: number[] = [];
  for (const d of docs)
    for (const r of rankings.get(d.id)!) if (byId.get(r.id)!.event === d.event) trueScores.push(r.score);
  trueScores.sort((a, b) => b - a);
  return trueScores[Math.max(0, Math.ceil(recall * trueScores.length) - 1)] ?? 0;
}

/** Headline words and date a URL's path gives away ("/2020/01/01/fire-kills-animals-at-zoo.html"). */
function slugOf(url: string): { title: string; date: string } {
  let path = '';
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return { title: '', date: '' };
  }
  const d = /\/(20\d\d)[/-](\d\d)[/-](\d\d)(?:\/|$)/.exec(path);
  const segments = path.split('/').filter((x) => /[a-z].*-.*[a-z]/i.test(x));
  const longest = segments.sort((a, b) => b.length - a.length)[0] ?? '';
  const title = longest
    .replace(/\.[a-z]+$/i, '')
    .replace(/[-_]+/g, ' ')
    .replace(/\b[0-9a-f]{6,}\b|\b\d+\b/gi, ' ');
  return { title: title.trim(), date: d ? `${d[1]}-${d[2]}-${d[3]}` : '' };
}

function hostOf(u: string): string {
  try {
    return new URL(u).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** An English–English pair whose two articles are on different hosts (other outlets). */
const crossHostEnglish = (r: Record<string, string>): boolean =>
  r.url1_lang === 'en' && r.url2_lang === 'en' && hostOf(r.link1 ?? '') !== hostOf(r.link2 ?? '');

/** Area under the ROC curve (probability a same-story pair outscores a different-story pair). */
function auc(pos: number[], neg: number[]): number {
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return pos.length && neg.length ? wins / (pos.length * neg.length) : NaN;
}

/**
 * SemEval-2022 task 8 carries URLs and ratings, no text. What can be evaluated offline: English
 * pairs on different hosts, scored from their URL slugs only (headline words in the path, and a
 * date when the path has one) — a floor for feed items that carry nothing but a headline.
 * Same story = Overall ≤ 2 (SOURCE.txt). Reported: AUC of our score, and precision/recall at the
 * default threshold, over pairs whose both slugs have ≥ 3 words.
 */
function semevalSummary(): Record<string, unknown> {
  const dir = join(corpora, 'semeval2022-task8-pairs');
  if (!existsSync(dir)) return { available: false };
  const out: Record<string, unknown> = {
    available: true,
    hasText: false,
    note: 'URLs and human ratings only: text matching cannot be scored offline (pages would have to be fetched from web.archive.org). Scored instead: same-story pairs from URL slugs (headline words in the path) only.',
  };
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.csv'))
    .sort()) {
    const rows = parseCsv(readFileSync(join(dir, f), 'utf8'));
    const pairs = rows
      .filter(crossHostEnglish)
      .map((r) => ({ a: slugOf(r.link1!), b: slugOf(r.link2!), same: Number(r.Overall) <= 2 }))
      .filter((p) => p.a.title.split(' ').length >= 3 && p.b.title.split(' ').length >= 3);
    const items = new Map<string, MatchItem>();
    const itemOf = (s: { title: string; date: string }): MatchItem => {
      const key = `${s.date}|${s.title}`;
      if (!items.has(key))
        items.set(key, {
          urlKey: key,
          url: '',
          title: s.title,
          publishedAt: s.date,
          ...storyKeys('', s.title),
        });
      return items.get(key)!;
    };
    for (const p of pairs) {
      itemOf(p.a);
      itemOf(p.b);
    }
    const idf = new RelatedIndex([...items.values()]).idf();
    const scored = pairs.map((p) => {
      const a = itemOf(p.a);
      const q = prepareArticle({
        title: a.title,
        publishedAt: a.publishedAt,
        terms: a.terms,
        people: a.people,
      });
      return { same: p.same, score: scoreItem(q, itemOf(p.b), idf).score };
    });
    const pos = scored.filter((s) => s.same).map((s) => s.score);
    const neg = scored.filter((s) => !s.same).map((s) => s.score);
    const above = scored.filter((s) => s.score >= DEFAULT_THRESHOLD);
    out[f] = {
      enEnCrossHostPairs: rows.filter(crossHostEnglish).length,
      scoredPairs: scored.length,
      sameStory: pos.length,
      slugAuc: r4(auc(pos, neg)),
      precisionAtThreshold: r4(above.length ? above.filter((s) => s.same).length / above.length : 0),
      recallAtThreshold: r4(pos.length ? pos.filter((x) => x >= DEFAULT_THRESHOLD).length / pos.length : 0),
    };
  }
  return out;
}

const t0 = performance.now();
const docs = loadBasil();
const events = new Set(docs.map((d) => d.event));
console.error(`BASIL: ${docs.length} articles, ${events.size} events`);
if (docs.length !== 300 || events.size !== 100) console.error('warning: expected 300 articles / 100 events');

const fullKeys: Keys = new Map(docs.map((d) => [d.id, storyKeys(d.text, d.title)]));
const leadKeys: Keys = new Map(docs.map((d) => [d.id, storyKeys(d.lead, d.title)]));
const conditions = {
  full: oursRankings(docs, 'full', fullKeys, leadKeys),
  feed: oursRankings(docs, 'feed', fullKeys, leadKeys),
  noDate: oursRankings(docs, 'noDate', fullKeys, leadKeys),
  store: await storeRankings(docs, fullKeys),
};
const ours = Object.fromEntries(
  Object.entries(conditions).map(([k, r]) => [k, evaluate(docs, r, DEFAULT_THRESHOLD)]),
) as Record<keyof typeof conditions, Metrics>;
const sweep = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4].map((t) => {
  const m = evaluate(docs, conditions.full, t);
  const f = evaluate(docs, conditions.feed, t);
  return {
    threshold: t,
    full: { precision: m.precision, recall: m.recallAtThreshold },
    feed: { precision: f.precision, recall: f.recallAtThreshold },
  };
});
for (const s of sweep) {
  console.error(
    `threshold ${s.threshold.toFixed(2)}: full P ${s.full.precision.toFixed(3)} R ${s.full.recall.toFixed(3)} | feed P ${s.feed.precision.toFixed(3)} R ${s.feed.recall.toFixed(3)}`,
  );
}
const base = baselineRankings(docs);
const baseT = thresholdForRecall(docs, base, ours.full.recallAtThreshold);
const baseline = evaluate(docs, base, r4(baseT));

const summary = {
  corpus: 'basil-triplets',
  articles: docs.length,
  events: events.size,
  defaultThreshold: DEFAULT_THRESHOLD,
  target: { recallAt5: 0.9 },
  ours,
  baselineTfidf: {
    ...baseline,
    note: 'precision at the cosine threshold giving the same recall@threshold as ours.full',
  },
  sweep,
  semeval: semevalSummary(),
  ms: Math.round(performance.now() - t0),
};
console.error(
  `recall@5: ours full ${ours.full.recallAt5} · feed ${ours.feed.recallAt5} · no date ${ours.noDate.recallAt5} · store ${ours.store.recallAt5} · TF-IDF baseline ${baseline.recallAt5}`,
);
console.error(
  `precision @${DEFAULT_THRESHOLD}: ours full ${ours.full.precision} (recall ${ours.full.recallAtThreshold}) · feed ${ours.feed.precision} (recall ${ours.feed.recallAtThreshold}) · baseline at equal recall ${baseline.precision}`,
);
const sem = summary.semeval as Record<string, Record<string, number>>;
for (const [f, v] of Object.entries(sem)) {
  if (f.endsWith('.csv')) console.error(`SemEval ${f} (URL slugs only): ${JSON.stringify(v)}`);
}
console.log(JSON.stringify(summary));
