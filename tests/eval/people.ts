/**
 * People extraction eval on GUM (issue: people named in the article). Run: `npm run -s eval:people`.
 * Reads ../shared/corpora/gum-news-people (override: MASTHEAD_CORPORA=<folder of corpora>)
 * in place and fails loudly when it is missing. Per-document errors go to stderr; the last
 * stdout line is one JSON summary.
 *
 * What counts as gold (decided here, see SOURCE.txt for the fields). Current definition, "v2"
 * (2026-11-25); the summary also reports the old "v1" figures under `v1`:
 * - GUM person mentions with `named: true`, compared on the bare `name` span (titles,
 *   determiners and possessive "'s" are outside it, as in our mention spans).
 *   v2: a leading title left inside a `name` ("US President Barack Obama", "Emeritus Professor
 *   John Burrows", 2 spans) is trimmed, as the rule above already says.
 *   v2: person mentions whose head is a common noun with the name as `flat` dependents
 *   ("author Truman Capote", "Facebook co-founder Mark Zuckerberg", 60 mentions) are named too,
 *   with the PROPN flat/goeswith tokens as the name. SOURCE.txt's `named` (head is PROPN) leaves
 *   them out only because of how UD attaches the name, so v1 counted correct names as errors.
 * - Left out of the main ("names") variant, with counts printed:
 *   groups — the bare name is one token tagged NNPS (plural proper noun) in the CoNLL-U
 *   ("Muslims", "Bernoullis", "Democrats"); role nouns — every word of the bare name is a
 *   title or a common noun for a kind of person ("President", "Fellow", "Critics");
 *   no capital letter at all (IPA transcriptions, "candidates").
 *   The "allNamed" variant keeps every named mention, for comparison.
 * - v2: a name occurrence is one gold span: GUM sometimes puts two mentions on the same
 *   characters (a person and a coordination containing them), which v1 counted twice although
 *   no system can output the span twice (31 duplicates).
 * - Predicted mentions of kind descriptive/pronoun are not names and are not scored.
 * Span scores: exact start/end match, and an overlap variant (1:1, any overlap).
 * Document people: a gold person is an entity with a counted mention, named by its Wikipedia
 * identity or its longest mention name; a prediction matches when its name, normalised
 * (lower case, no diacritics, no punctuation), is one of the entity's names or contains its
 * last word as the last word. 1:1 greedy.
 *   v2: entities with the same identity (or, without one, the same longest name) are one person
 *   (GUM leaves separate chains for one person, e.g. caption and body: "Leung Yiu-chung" twice);
 *   the last word is the last whitespace-separated word, so "Kwok-hung" is one word (v1 split at
 *   the hyphen, so "Leung Kwok-hung" matched any "...-hung"); and exact-name matches are made
 *   before last-word matches, so a loose match cannot take a person another prediction names
 *   exactly (v1 matched in prediction order only).
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

// Title words heading a gold name span in GUM: "US President Barack Obama", "Emeritus Professor John Burrows".
const GOLD_TITLE =
  /^(?:(?:US|U\.S\.|President|Emeritus|Professor|Senator|Governor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)+/;

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const lastWordV1 = (s: string) => norm(s).split(' ').pop() ?? '';

interface ConlluToken {
  sent: number;
  id: number;
  head: number;
  rel: string;
  upos: string;
  xpos: string;
  start: number;
  end: number;
}

/** The document's CoNLL-U tokens, aligned to character offsets in `doc.text`. */
function conlluTokens(doc: Doc): ConlluToken[] {
  const path = resolve(folder, 'conllu', `${doc.doc_id}.conllu`);
  if (!existsSync(path)) throw new Error(`missing ${path}`);
  const out: ConlluToken[] = [];
  let cursor = 0;
  let sent = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# sent_id')) sent++;
    const cols = line.split('\t');
    if (cols.length < 8 || !/^\d+$/.test(cols[0]!)) continue;
    const at = doc.text.indexOf(cols[1]!, cursor);
    if (at === -1 || at - cursor > 300) continue;
    out.push({
      sent,
      id: Number(cols[0]),
      head: Number(cols[6]),
      rel: cols[7]!,
      upos: cols[3]!,
      xpos: cols[4]!,
      start: at,
      end: at + cols[1]!.length,
    });
    cursor = at + cols[1]!.length;
  }
  return out;
}

function nnpsSpans(tokens: ConlluToken[]): Set<string> {
  return new Set(tokens.filter((t) => t.xpos === 'NNPS').map((t) => `${t.start}:${t.end}`));
}

/**
 * The name inside a person mention whose head is a common noun: GUM's UD trees attach the
 * name in "author Truman Capote", "Facebook co-founder Mark Zuckerberg" as `flat` dependents
 * of the role noun, so SOURCE.txt's `named`/`name` (head is PROPN) leave these names out.
 * The name is the PROPN tokens reached from the head by flat/goeswith (with hyphens inside).
 */
function nameUnderNounHead(m: GoldMention, tokens: ConlluToken[], options = { appos: true }): Span | null {
  const inside = tokens.filter((t) => t.start >= m.start && t.end <= m.end);
  if (inside.length === 0) return null;
  const ids = new Set(inside.map((t) => t.id));
  const head = inside.find((t) => !ids.has(t.head) && t.sent === inside[0]!.sent);
  if (!head || head.upos === 'PROPN') return null;
  const reach = (from: ConlluToken) => {
    const reached = new Set<number>([from.id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of inside)
        if (!reached.has(t.id) && reached.has(t.head) && /^(?:flat|goeswith)/.test(t.rel)) {
          reached.add(t.id);
          grew = true;
        }
    }
    return reached;
  };
  const reached = reach(head);
  let name = inside.filter((t) => t.id !== head.id && reached.has(t.id));
  // v3: "television presenter Sally Meen", "veteran politician Raymond Wong": the name is an
  // `appos` PROPN of the role noun (with its flat parts), not a flat dependent.
  const appos = inside.find((t) => t.head === head.id && t.rel === 'appos' && t.upos === 'PROPN');
  if (name.length === 0 && appos && options.appos) {
    const fromAppos = reach(appos);
    name = inside.filter((t) => fromAppos.has(t.id));
    // The name runs unbroken from its first to its last token (no clause in between).
    if (name.some((t, i) => i > 0 && t.start - name[i - 1]!.end > 1)) return null;
  }
  if (name.length === 0 || name[0]!.upos !== 'PROPN') return null;
  const start = name[0]!.start;
  const end = name[name.length - 1]!.end;
  return { start, end, text: '' };
}

/** Leading titles are outside the bare name ("US President Barack Obama" → "Barack Obama"). */
function withoutTitle(docText: string, s: Span): Span {
  const text = docText.slice(s.start, s.end);
  const lead = GOLD_TITLE.exec(text)?.[0].length ?? 0;
  const rest = text.slice(lead);
  return lead > 0 && /^\p{Lu}\S*\s+\p{Lu}/u.test(rest)
    ? { start: s.start + lead, end: s.end, text: rest }
    : { ...s, text };
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

type GoldPerson = { name: string; forms: Set<string> };

/**
 * Distinct gold people: GUM entities, merged when they name the same person — the same
 * Wikipedia identity or, without one, the same longest name (GUM sometimes leaves two chains
 * for one person, e.g. a caption and the body).
 */
function goldPeople(ms: GoldMention[]): GoldPerson[] {
  const byEntity = new Map<string, GoldMention[]>();
  for (const m of ms) byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), m]);
  const byKey = new Map<string, GoldPerson>();
  for (const list of byEntity.values()) {
    const longest = list.map((m) => m.name.text).sort((a, b) => b.length - a.length)[0] ?? '';
    const identity = list[0]!.identity?.replace(/_/g, ' ').replace(/ \(.*\)$/, '');
    const forms = new Set([...list.map((m) => norm(m.name.text)), ...(identity ? [norm(identity)] : [])]);
    const name = identity ?? longest;
    const key = norm(name);
    const seen = byKey.get(key);
    if (seen) for (const f of forms) seen.forms.add(f);
    else byKey.set(key, { name, forms });
  }
  return [...byKey.values()];
}

/** Last whitespace-separated word, normalised; hyphenated parts stay one word ("Kwok-hung"). */
const lastWord = (s: string) => norm(s.trim().split(/\s+/).pop()?.replace(/[-‐]/g, '') ?? '');

/**
 * 1:1 matching of predicted people to gold people: first exact name forms, then (for
 * multi-word predictions) the same last word, so that a loose match never takes the gold
 * person another prediction names exactly.
 */
function scorePeople(pred: string[], gold: GoldPerson[]): Counts & { misses: string[]; extras: string[] } {
  const used = new Set<number>();
  const matched = new Set<number>();
  const passes = [
    (n: string, g: GoldPerson) => g.forms.has(norm(n)),
    (n: string, g: GoldPerson) => /\s/.test(n.trim()) && lastWord(g.name) === lastWord(n),
  ];
  for (const test of passes) {
    pred.forEach((p, j) => {
      if (matched.has(j)) return;
      const i = gold.findIndex((g, k) => !used.has(k) && test(p, g));
      if (i === -1) return;
      used.add(i);
      matched.add(j);
    });
  }
  const extras = pred.filter((_, j) => !matched.has(j));
  const misses = gold.filter((_, k) => !used.has(k)).map((g) => g.name);
  return { tp: used.size, fp: extras.length, fn: misses.length, misses, extras };
}

// v1 (before 2026-11-25), kept to report the old figures.
function goldPeopleV1(ms: GoldMention[]): Array<{ name: string; forms: Set<string> }> {
  const byEntity = new Map<string, GoldMention[]>();
  for (const m of ms) byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), m]);
  return [...byEntity.values()].map((list) => {
    const longest = list.map((m) => m.name.text).sort((a, b) => b.length - a.length)[0] ?? '';
    const identity = list[0]!.identity?.replace(/_/g, ' ').replace(/ \(.*\)$/, '');
    const forms = new Set([...list.map((m) => norm(m.name.text)), ...(identity ? [norm(identity)] : [])]);
    return { name: identity ?? longest, forms };
  });
}

function scorePeopleV1(
  pred: string[],
  gold: Array<{ name: string; forms: Set<string> }>,
): Counts & { misses: string[]; extras: string[] } {
  const used = new Set<number>();
  const extras: string[] = [];
  for (const p of pred) {
    const n = norm(p);
    const i = gold.findIndex(
      (g, k) => !used.has(k) && (g.forms.has(n) || (n.includes(' ') && lastWordV1(g.name) === lastWordV1(n))),
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
  const side = () => ({
    exact: zero(),
    overlap: zero(),
    all: zero(),
    docs: zero(),
    exactV1: zero(),
    docsV1: zero(),
    exactV2: zero(),
    docsV2: zero(),
  });
  const tot = { ours: side(), base: side() };
  // Overfitting guard: documents sorted by id, alternately in half A (even index, used while
  // developing rules) and half B (odd index, held out); both halves are reported.
  docs.sort((a, b) => a.doc_id.localeCompare(b.doc_id));
  const halves = { A: { span: zero(), docs: zero() }, B: { span: zero(), docs: zero() } };
  const excluded: Record<string, number> = {};
  let addedUnderNoun = 0;
  let ms = 0;
  for (const [index, doc] of docs.entries()) {
    const half = halves[index % 2 === 0 ? 'A' : 'B'];
    const tokens = conlluTokens(doc);
    const nnps = nnpsSpans(tokens);
    const keep = (m: GoldMention) => {
      const why = exclusion(m, nnps);
      if (why) excluded[why] = (excluded[why] ?? 0) + 1;
      return !why;
    };
    // v1 (before 2026-11-25): SOURCE.txt's `named` mentions and `name` spans as they are.
    const namedV1 = doc.person_mentions.filter((m) => m.named);
    const countedV1 = namedV1.filter((m) => !exclusion(m, nnps));
    // v2: v1 with leading titles trimmed, plus names under a common-noun head (flat);
    // v3: also names in apposition to that head.
    const namedWith = (appos: boolean) =>
      doc.person_mentions.flatMap((m): GoldMention[] => {
        if (m.named) return [{ ...m, name: withoutTitle(doc.text, m.name) }];
        const under = nameUnderNounHead(m, tokens, { appos });
        if (!under) return [];
        if (appos) addedUnderNoun++;
        return [{ ...m, name: { ...under, text: doc.text.slice(under.start, under.end) } }];
      });
    const named = namedWith(true);
    const countedV2 = namedWith(false).filter((m) => !exclusion(m, nnps));
    const goldV2 = [...new Map(countedV2.map((m) => [`${m.name.start}:${m.name.end}`, m.name])).values()];
    const counted = named.filter(keep);
    // One name occurrence is one gold span, even where GUM nests two mentions on it
    // ("Niklaus" as a person and as part of "Niklaus and Johann II").
    const gold = [...new Map(counted.map((m) => [`${m.name.start}:${m.name.end}`, m.name])).values()];
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
      if (key === 'ours') {
        half.span = add(half.span, exact);
        half.docs = add(half.docs, people);
      }
      tot[key].exactV1 = add(
        tot[key].exactV1,
        scoreSpans(
          run.spans,
          countedV1.map((m) => m.name),
          false,
        ),
      );
      tot[key].docsV1 = add(tot[key].docsV1, scorePeopleV1(run.names, goldPeopleV1(countedV1)));
      tot[key].exactV2 = add(tot[key].exactV2, scoreSpans(run.spans, goldV2, false));
      tot[key].docsV2 = add(tot[key].docsV2, scorePeople(run.names, goldPeople(countedV2)));
      if (key === 'ours' && (exact.fn + exact.fp > 0 || people.fn + people.fp > 0)) {
        console.error(`\n## ${doc.doc_id} (half ${index % 2 === 0 ? 'A' : 'B'})`);
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
    v1: { span: prf(tot[k].exactV1), docPeople: prf(tot[k].docsV1) },
    v2: { span: prf(tot[k].exactV2), docPeople: prf(tot[k].docsV2) },
  });
  const summary = {
    eval: 'people',
    docs: docs.length,
    goldSpans: tot.ours.exact.tp + tot.ours.exact.fn,
    excluded,
    addedUnderNoun,
    ours: report('ours'),
    halves: Object.fromEntries(
      Object.entries(halves).map(([k, h]) => [
        k,
        { span: prf(h.span), docPeople: prf(h.docs), docCounts: h.docs },
      ]),
    ),
    baseline: { name: 'compromise people()', ...report('base') },
    oursMs: Math.round(ms),
  };
  console.log(
    `ours: span F1 ${summary.ours.span.f1}, doc F1 ${summary.ours.docPeople.f1} (v1 gold: ${summary.ours.v1.span.f1}, ${summary.ours.v1.docPeople.f1}); ` +
      `halves A/B: span F1 ${summary.halves.A!.span.f1}/${summary.halves.B!.span.f1}, ` +
      `doc F1 ${summary.halves.A!.docPeople.f1}/${summary.halves.B!.docPeople.f1}; ` +
      `compromise: span F1 ${summary.baseline.span.f1}, doc F1 ${summary.baseline.docPeople.f1} (v1 gold: ${summary.baseline.v1.span.f1}, ${summary.baseline.v1.docPeople.f1})`,
  );
  console.log(JSON.stringify(summary));
}

main();
