/**
 * People extraction eval on GUM (issue: people named in the article). Run: `npm run -s eval:people`.
 * Reads ../shared/corpora/gum-news-people (override: MASTHEAD_CORPORA=<folder of corpora>)
 * in place and fails loudly when it is missing. Per-document errors go to stderr; the last
 * stdout line is one JSON summary.
 *
 * What counts as gold (decided here, see SOURCE.txt for the fields):
 * - GUM person mentions with `named: true`, compared on the bare `name` span (titles,
 *   determiners and possessive "'s" are outside it, as in our mention spans).
 * - Left out of the main ("names") variant, with counts printed:
 *   groups — the bare name is one token tagged NNPS (plural proper noun) in the CoNLL-U
 *   ("Muslims", "Bernoullis", "Democrats"); role nouns — every word of the bare name is a
 *   title or a common noun for a kind of person ("President", "Fellow", "Critics");
 *   no capital letter at all (IPA transcriptions, "candidates").
 *   The "allNamed" variant keeps every named mention, for comparison.
 * - Predicted mentions of kind descriptive/pronoun are not names and are not scored.
 * Span scores: exact start/end match, and an overlap variant (1:1, any overlap).
 * Document people: a gold person is an entity with a counted mention, named by its Wikipedia
 * identity or its longest mention name; a prediction matches when its name, normalised
 * (lower case, no diacritics, no punctuation), is one of the entity's names or contains its
 * last word as the last word. 1:1 greedy.
 * Baseline: compromise 14 `nlp(text).people()` with offsets; trailing punctuation, "'s" and
 * leading titles (an eval-local list) trimmed so that it is scored on the same bare spans.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nlp from 'compromise';
import { extractPeople } from '../../lib/people/extract';

interface Span {
  start: number;
  end: number;
  text: string;
}
interface GoldMention extends Span {
  entity: string;
  identity: string | null;
  named: boolean;
  name: Span;
}
interface Doc {
  doc_id: string;
  title: string;
  text: string;
  person_mentions: GoldMention[];
}
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const root = resolve(import.meta.dirname, '../..');
const corpora = process.env.MASTHEAD_CORPORA ?? resolve(root, '../shared/corpora');
const folder = resolve(corpora, 'gum-news-people');
if (!existsSync(resolve(folder, 'people.jsonl'))) {
  console.error(`eval:people: corpus not found at ${folder} (set MASTHEAD_CORPORA)`);
  process.exit(2);
}

const ROLE_NOUNS = new Set(
  (
    'president governor emperor professor secretary minister senator director sheriff mp tsar tsars queen king ' +
    'dame count earl fellow protector regent major general chairman commissioner undersecretary captain doctor ' +
    'rector administrator spokesperson manager team state department nasa la lady mother widow pilot student ' +
    'newcomer stepsister critic critics people mankind individual star man poet scholars linguists architects ' +
    'sinners refugee refugees immigrants candidates chambermaid psalmist yankee youtuber command libertarian ' +
    'libertarians republican catholic christian anonymous'
  ).split(' '),
);
const LEADING_TITLE =
  /^(?:(?:mr|mrs|ms|dr|prof|sen|gen|rep|gov|president|prime minister|minister|senator|governor|secretary|professor|king|queen|emperor|pope|sir|dame|lord|lady|us|u\.s\.|former)\.?\s+)+/i;

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const lastWord = (s: string) => norm(s).split(' ').pop() ?? '';

function nnpsSpans(doc: Doc): Set<string> {
  const path = resolve(folder, 'conllu', `${doc.doc_id}.conllu`);
  const out = new Set<string>();
  if (!existsSync(path)) throw new Error(`missing ${path}`);
  let cursor = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 5 || !/^\d+$/.test(cols[0]!)) continue;
    const at = doc.text.indexOf(cols[1]!, cursor);
    if (at === -1 || at - cursor > 300) continue;
    if (cols[4]! === 'NNPS') out.add(`${at}:${at + cols[1]!.length}`);
    cursor = at + cols[1]!.length;
  }
  return out;
}

type Exclusion = 'group' | 'role-noun' | 'no-capital' | null;
function exclusion(m: GoldMention, nnps: Set<string>): Exclusion {
  const words = m.name.text.split(/\s+/);
  if (!/\p{Lu}/u.test(m.name.text)) return 'no-capital';
  if (words.length === 1 && nnps.has(`${m.name.start}:${m.name.end}`)) return 'group';
  if (words.every((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')))) return 'role-noun';
  return null;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  let s = text.slice(start, end);
  const lead = LEADING_TITLE.exec(s)?.[0].length ?? 0;
  start += lead;
  s = s.slice(lead);
  const core = s.replace(/(?:['’]s?)?[\s.,;:!?"'’”)]*$/u, '');
  if (!core.trim()) return null;
  const pad = core.length - core.trimStart().length;
  return { start: start + pad, end: start + core.length, text: core.trim() };
}

function baseline(text: string): { spans: Span[]; names: string[] } {
  const found = nlp(text).people().json({ offset: true }) as Array<{
    offset: { start: number; length: number };
  }>;
  const spans = found
    .map((f) => trimSpan(text, f.offset.start, f.offset.start + f.offset.length))
    .filter((s): s is Span => s !== null);
  return { spans, names: [...new Set(spans.map((s) => s.text))] };
}

function ours(text: string): { spans: Span[]; names: string[] } {
  const { people } = extractPeople({ text });
  const spans = people.flatMap((p) =>
    p.mentions.filter((m) => m.kind !== 'descriptive' && m.kind !== 'pronoun'),
  );
  return { spans, names: people.map((p) => p.name) };
}

function scoreSpans(
  pred: Span[],
  gold: Span[],
  overlap: boolean,
): Counts & { misses: Span[]; extras: Span[] } {
  const used = new Set<number>();
  const extras: Span[] = [];
  for (const p of pred) {
    const i = gold.findIndex(
      (g, k) =>
        !used.has(k) &&
        (overlap ? g.start < p.end && p.start < g.end : g.start === p.start && g.end === p.end),
    );
    if (i === -1) extras.push(p);
    else used.add(i);
  }
  const misses = gold.filter((_, k) => !used.has(k));
  return { tp: used.size, fp: extras.length, fn: misses.length, misses, extras };
}

function goldPeople(ms: GoldMention[]): Array<{ name: string; forms: Set<string> }> {
  const byEntity = new Map<string, GoldMention[]>();
  for (const m of ms) byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), m]);
  return [...byEntity.values()].map((list) => {
    const longest = list.map((m) => m.name.text).sort((a, b) => b.length - a.length)[0] ?? '';
    const identity = list[0]!.identity?.replace(/_/g, ' ').replace(/ \(.*\)$/, '');
    const forms = new Set([...list.map((m) => norm(m.name.text)), ...(identity ? [norm(identity)] : [])]);
    return { name: identity ?? longest, forms };
  });
}

function scorePeople(
  pred: string[],
  gold: Array<{ name: string; forms: Set<string> }>,
): Counts & { misses: string[]; extras: string[] } {
  const used = new Set<number>();
  const extras: string[] = [];
  for (const p of pred) {
    const n = norm(p);
    const i = gold.findIndex(
      (g, k) => !used.has(k) && (g.forms.has(n) || (n.includes(' ') && lastWord(g.name) === lastWord(n))),
    );
    if (i === -1) extras.push(p);
    else used.add(i);
  }
  const misses = gold.filter((_, k) => !used.has(k)).map((g) => g.name);
  return { tp: used.size, fp: extras.length, fn: misses.length, misses, extras };
}

const add = (a: Counts, b: Counts) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const prf = (c: Counts) => {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  const f = (2 * p * r) / (p + r || 1);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { p: r3(p), r: r3(r), f1: r3(f) };
};

function main(): void {
  const docs = readFileSync(resolve(folder, 'people.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Doc);
  const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const tot = {
    ours: { exact: zero(), overlap: zero(), all: zero(), docs: zero() },
    base: { exact: zero(), overlap: zero(), all: zero(), docs: zero() },
  };
  const excluded: Record<string, number> = {};
  let ms = 0;
  for (const doc of docs) {
    const nnps = nnpsSpans(doc);
    const named = doc.person_mentions.filter((m) => m.named);
    const counted = named.filter((m) => {
      const why = exclusion(m, nnps);
      if (why) excluded[why] = (excluded[why] ?? 0) + 1;
      return !why;
    });
    const gold = counted.map((m) => m.name);
    const t0 = performance.now();
    const o = ours(doc.text);
    ms += performance.now() - t0;
    const b = baseline(doc.text);
    for (const [key, run] of [
      ['ours', o],
      ['base', b],
    ] as const) {
      const exact = scoreSpans(run.spans, gold, false);
      tot[key].exact = add(tot[key].exact, exact);
      tot[key].overlap = add(tot[key].overlap, scoreSpans(run.spans, gold, true));
      tot[key].all = add(
        tot[key].all,
        scoreSpans(
          run.spans,
          named.map((m) => m.name),
          false,
        ),
      );
      const people = scorePeople(run.names, goldPeople(counted));
      tot[key].docs = add(tot[key].docs, people);
      if (key === 'ours' && (exact.fn + exact.fp > 0 || people.fn + people.fp > 0)) {
        console.error(`\n## ${doc.doc_id}`);
        if (people.misses.length) console.error(`  people missed: ${people.misses.join(' | ')}`);
        if (people.extras.length) console.error(`  people extra:  ${people.extras.join(' | ')}`);
        if (exact.misses.length)
          console.error(`  spans missed:  ${exact.misses.map((s) => `${s.text}@${s.start}`).join(' | ')}`);
        if (exact.extras.length)
          console.error(`  spans extra:   ${exact.extras.map((s) => `${s.text}@${s.start}`).join(' | ')}`);
      }
    }
  }
  const report = (k: 'ours' | 'base') => ({
    span: prf(tot[k].exact),
    spanOverlap: prf(tot[k].overlap),
    spanAllNamed: prf(tot[k].all),
    docPeople: prf(tot[k].docs),
  });
  const summary = {
    eval: 'people',
    docs: docs.length,
    goldSpans: tot.ours.exact.tp + tot.ours.exact.fn,
    excluded,
    ours: report('ours'),
    baseline: { name: 'compromise people()', ...report('base') },
    oursMs: Math.round(ms),
  };
  console.log(
    `ours: span F1 ${summary.ours.span.f1}, doc F1 ${summary.ours.docPeople.f1}; compromise: span F1 ${summary.baseline.span.f1}, doc F1 ${summary.baseline.docPeople.f1}`,
  );
  console.log(JSON.stringify(summary));
}

main();
