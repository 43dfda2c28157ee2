import { describe, expect, it } from 'vitest';
import outletsJson from '@/lib/outlets/data/outlets.json';
import rspJson from '@/lib/outlets/data/rsp.json';
import {
  compactOutletsFile,
  DOMAIN_ROLES,
  expandOutletsFile,
  factsOf,
  LOCAL_ID_RE,
  MEDIA,
  outletId,
  OWNER_RELATIONS,
  REVIEW_STATES,
  reviewOf,
  RSP_STATUSES,
  SOURCE_BASES,
  STATE_RELATIONS,
  type OutletsFile,
  type StoredOutletsFile,
  type RspFile,
  type Source,
  type Sourced,
} from '@/lib/outlets/types';
import { PLATFORM_DOMAINS } from '@/lib/outlets/lookup';

const stored = outletsJson as unknown as StoredOutletsFile;
const file: OutletsFile = expandOutletsFile(stored);
const rsp = rspJson as unknown as RspFile;
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const RATER_TEXT = /mediabiasfactcheck|newsguard|allsides|adfontes/i;
/**
 * The only dates anything was retrieved: the corpus snapshots (their SOURCE.txt files). Nothing has
 * been fetched yet; when `npm run data:outlets --write` runs, fetched sources carry their own day.
 */
const SNAPSHOTS = new Set(['2024-04', '2021-03-17', '2026-08-13']);
/** The days the editor-curated records were written (scripts/data-outlets-curated.ts EDIT_DAYS). */
const CITED = new Set(['2026-11-25', '2026-11-26']);

/** Provenance rules: corpus/fetched ⇒ `retrieved`, no `cited`; editor-recall ⇒ `cited`, no `retrieved`. */
function checkSources(where: string, sources: Source[]): string[] {
  const errs: string[] = [];
  if (!Array.isArray(sources) || sources.length === 0) errs.push(`${where}: no sources`);
  for (const s of sources ?? []) {
    if (!s.title) errs.push(`${where}: source without title`);
    if (!/^https:\/\/\S+$/.test(s.url)) errs.push(`${where}: bad source url ${s.url}`);
    if (RATER_TEXT.test(s.url)) errs.push(`${where}: rater used as a source`);
    if (!(SOURCE_BASES as readonly string[]).includes(s.basis)) errs.push(`${where}: bad basis ${s.basis}`);
    const keys = Object.keys(s).sort().join(',');
    if (s.basis === 'editor-recall') {
      if (!ISO.test(s.cited ?? '')) errs.push(`${where}: editor-recall source without cited date`);
      if ('retrieved' in s) errs.push(`${where}: editor-recall source claims a retrieval (${s.url})`);
      if (!CITED.has(s.cited ?? ''))
        errs.push(`${where}: cited ${s.cited}, records were written on ${[...CITED].join(' or ')}`);
    } else {
      if (!ISO.test(s.retrieved ?? '')) errs.push(`${where}: ${s.basis} source without retrieved date`);
      if ('cited' in s) errs.push(`${where}: ${s.basis} source with a cited date`);
      if (s.basis === 'corpus' && !SNAPSHOTS.has(s.retrieved))
        errs.push(`${where}: corpus source dated ${s.retrieved}, not a snapshot date`);
      if (s.basis === 'fetched' && s.retrieved < '2026-11-26')
        errs.push(`${where}: fetched ${s.retrieved}, before any fetch could have happened`);
    }
    if (!/^basis,(cited,)?(licence,)?(retrieved,)?title,url$/.test(keys))
      errs.push(`${where}: unexpected source fields ${keys}`);
  }
  return errs;
}
/** asOf / unverified follow from the sources: unverified ⇔ any editor-recall; asOf = its date. */
function checkProvenance(
  where: string,
  f: { sources: Source[]; asOf: string; unverified?: boolean } | undefined,
): string[] {
  if (!f) return [];
  const errs = checkSources(where, f.sources);
  if (!ISO.test(f.asOf)) errs.push(`${where}: bad asOf ${f.asOf}`);
  const recalled = f.sources.filter((s) => s.basis === 'editor-recall');
  const read = f.sources.filter((s) => s.basis !== 'editor-recall');
  if (recalled.length) {
    if (f.unverified !== true) errs.push(`${where}: editor-recall fact not marked unverified`);
    if (!recalled.some((s) => s.cited === f.asOf))
      errs.push(`${where}: asOf ${f.asOf} is not its cited date`);
  } else {
    if ('unverified' in f) errs.push(`${where}: unverified set on a fact read from sources`);
    const newest = read
      .map((s) => s.retrieved!)
      .sort()
      .at(-1);
    if (f.asOf !== newest) errs.push(`${where}: asOf ${f.asOf} is not its newest retrieved date ${newest}`);
  }
  return errs;
}
function checkSourced(where: string, f: Sourced<unknown> | undefined): string[] {
  return checkProvenance(where, f);
}

describe('outlets.json', () => {
  const outlets = file.outlets;

  it('stores each source once, and every stored id resolves (so every fact has real sources)', () => {
    const ids = new Set(Object.keys(stored.sourceTable));
    const used = new Set<string>();
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object')
        for (const [k, v] of Object.entries(n)) {
          if (k === 'sources') {
            expect(Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')).toBe(true);
            for (const x of v as string[]) used.add(x);
          } else walk(v);
        }
    };
    walk(stored.outlets);
    expect([...used].filter((x) => !ids.has(x))).toEqual([]);
    expect([...ids].filter((x) => !used.has(x))).toEqual([]);
    for (const [id, s] of Object.entries(stored.sourceTable)) expect(checkSources(id, [s])).toEqual([]);
  });

  it('round-trips through the stored form', () => {
    expect(expandOutletsFile(compactOutletsFile(file))).toEqual(file);
  });

  it('has the breadth the issue asks for', () => {
    expect(outlets.length).toBeGreaterThanOrEqual(500);
    expect(new Set(outlets.map((o) => o.country.value.name)).size).toBeGreaterThanOrEqual(60);
    expect(file.licence).toBe('CC0-1.0');
  });

  it('validates every record: QIDs, enums, every fact sourced and dated', () => {
    const errs: string[] = [];
    const ids = new Set<string>();
    for (const o of outlets) {
      const w = `${outletId(o)} ${o.name}`;
      if (o.qid === null) {
        // No corpus gave the QID: a stable local key, and an identity that admits it is recall.
        if (!LOCAL_ID_RE.test(o.localId ?? '')) errs.push(`${w}: qid null without a valid localId`);
        if (o.sources.some((s) => s.basis !== 'editor-recall'))
          errs.push(`${w}: local identity claims a read`);
        if (o.sources.some((s) => /wikidata\.org/.test(s.url)))
          errs.push(`${w}: cites a Wikidata item it lacks`);
      } else {
        if (!/^Q[1-9]\d*$/.test(o.qid)) errs.push(`${w}: bad QID`);
        if ('localId' in o) errs.push(`${w}: localId beside a QID`);
      }
      if (ids.has(outletId(o))) errs.push(`${w}: duplicate id`);
      ids.add(outletId(o));
      if (!o.name.trim()) errs.push(`${w}: empty name`);
      if (!(REVIEW_STATES as readonly string[]).includes(o.review)) errs.push(`${w}: bad review`);
      if (o.review !== reviewOf(o)) errs.push(`${w}: review ${o.review}, its sources say ${reviewOf(o)}`);
      const newest = factsOf(o)
        .map(([, f]) => f.asOf)
        .sort()
        .at(-1);
      if (o.asOf !== newest) errs.push(`${w}: record asOf ${o.asOf}, newest fact ${newest}`);
      if (!['full', 'core'].includes(o.completeness)) errs.push(`${w}: bad completeness`);
      errs.push(...checkSources(`${w} identity`, o.sources));
      if (!ISO.test(o.asOf)) errs.push(`${w}: bad asOf`);
      if (o.domains.length === 0) errs.push(`${w}: no domains`);
      for (const d of o.domains) {
        if (!HOST.test(d.host)) errs.push(`${w}: bad host ${d.host}`);
        if (d.host.startsWith('www.')) errs.push(`${w}: host keeps www. ${d.host}`);
        if (!(DOMAIN_ROLES as readonly string[]).includes(d.role)) errs.push(`${w}: bad role ${d.role}`);
        if (d.role === 'path-scoped' && !d.path?.startsWith('/')) errs.push(`${w}: path-scoped without path`);
        if (d.from && !ISO.test(d.from)) errs.push(`${w}: bad from`);
        if (d.until && !ISO.test(d.until)) errs.push(`${w}: bad until`);
        errs.push(...checkProvenance(`${w} ${d.host}`, d));
        if (PLATFORM_DOMAINS.has(d.host) && !d.path) errs.push(`${w}: claims platform ${d.host}`);
      }
      errs.push(...checkSourced(`${w} country`, o.country));
      if (o.country.value.qid && !/^Q\d+$/.test(o.country.value.qid)) errs.push(`${w}: bad country QID`);
      errs.push(...checkSourced(`${w} medium`, o.medium));
      for (const m of o.medium.value)
        if (!(MEDIA as readonly string[]).includes(m)) errs.push(`${w}: bad medium ${m}`);
      if (o.medium.value.includes('unknown') && o.medium.value.length > 1)
        errs.push(`${w}: unknown mixed with media`);
      errs.push(...checkSourced(`${w} languages`, o.languages));
      errs.push(...checkSourced(`${w} founded`, o.founded));
      if (o.founded && !ISO.test(o.founded.value)) errs.push(`${w}: bad founded`);
      for (const l of o.ownerChain) {
        errs.push(...checkSourced(`${w} owner`, l));
        if (!(OWNER_RELATIONS as readonly string[]).includes(l.value.relation))
          errs.push(`${w}: bad owner relation`);
      }
      if (o.state) {
        errs.push(...checkSourced(`${w} state`, o.state));
        if (!(STATE_RELATIONS as readonly string[]).includes(o.state.value.relation))
          errs.push(`${w}: bad relation`);
        if (!o.state.value.evidence.trim()) errs.push(`${w}: state without evidence`);
      }
      if (o.completeness === 'full') {
        if (o.review === 'corpus-join') errs.push(`${w}: full record claims to come from the corpora only`);
        if (!o.state) errs.push(`${w}: full record without state relation`);
        if (!o.wikipedia) errs.push(`${w}: full record without wikipedia title`);
        if (o.history.length === 0) errs.push(`${w}: full record without history`);
      }
      let prev = '';
      for (const h of o.history) {
        errs.push(...checkSourced(`${w} history`, h));
        if (!ISO.test(h.value.date)) errs.push(`${w}: bad history date`);
        if (h.value.date < prev) errs.push(`${w}: history not oldest-first`);
        prev = h.value.date;
      }
      for (const r of o.raterLinks) if (!/^https:\/\//.test(r.url)) errs.push(`${w}: bad rater link`);
    }
    expect(errs).toEqual([]);
  });

  it('never lets two outlets claim the same host (and path)', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const o of outlets)
      for (const d of o.domains) {
        const key = `${d.host}${d.path ?? ''}`;
        const prev = seen.get(key);
        if (prev && prev !== outletId(o)) dupes.push(`${key}: ${prev} ${outletId(o)}`);
        seen.set(key, outletId(o));
      }
    expect(dupes).toEqual([]);
  });

  it('stores no rater ratings or text (links only)', () => {
    const text = JSON.stringify(outlets.map(({ raterLinks: _r, ...rest }) => rest));
    expect(text).not.toMatch(/mediabiasfactcheck|newsguard/i);
  });

  it('labels every fact honestly: what was read vs what the editor recalled', () => {
    const count = (xs: string[]) =>
      Object.fromEntries([...new Set(xs)].map((x) => [x, xs.filter((y) => y === x).length]));
    const review = count(outlets.map((o) => o.review));
    // No record has been checked against a fetched response yet.
    expect(review.verified ?? 0).toBe(0);
    expect(review['corpus-join']).toBeGreaterThan(100);
    expect(review['editor-curated']).toBeGreaterThan(400);
    const bases = new Set(
      outlets.flatMap((o) => factsOf(o).flatMap(([, f]) => f.sources.map((s) => s.basis))),
    );
    expect(bases).not.toContain('fetched');
    // Curated facts beyond the corpora (founding, owners, state, history, languages) are all recall.
    for (const o of outlets.filter((r) => r.completeness === 'full')) {
      for (const f of [o.founded, o.state, o.languages, ...o.ownerChain, ...o.history])
        if (f) expect(f.unverified, `${o.name}`).toBe(true);
      // The country is read from the corpus, except where no corpus has the outlet at all.
      expect(o.country.unverified, `${o.name} country`).toBe(o.qid === null ? true : undefined);
      expect(o.country.value.qid, `${o.name} country QID is not in any corpus`).toBeUndefined();
    }
  });

  it('keeps Press TV as DATA.md §5 says', () => {
    const p = outlets.find((o) => o.qid === 'Q912429')!;
    expect(p.state?.value.relation).toBe('state-controlled');
    expect(p.founded?.value).toBe('2007-07-08');
    expect(p.domains.map((d) => [d.host, d.role, d.until])).toEqual([
      ['presstv.ir', 'primary', undefined],
      ['presstv.com', 'former', '2021-06-22'],
      ['presstv.co.uk', 'mirror', undefined],
      ['presstv.tv', 'mirror', undefined],
      ['french.presstv.com', 'language-edition', undefined],
    ]);
    expect(p.history.map((h) => h.value.date)).toEqual(['2007-07-08', '2012-01-20', '2021-06-22']);
    expect(p.ownerChain.map((l) => [l.value.name, l.value.relation])).toEqual([
      ['Islamic Republic of Iran Broadcasting', 'owned-by'],
      ['Supreme Leader of Iran', 'head-appointed-by'],
    ]);
    // The four hosts the corpora list are read; the French edition and every role are recall.
    const ir = p.domains.find((d) => d.host === 'presstv.ir')!;
    expect(ir.sources.map((s) => s.basis)).toEqual(['corpus']);
    expect(ir.asOf).toBe('2026-08-13');
    expect(p.domains.find((d) => d.host === 'french.presstv.com')!.unverified).toBe(true);
    expect(p.founded?.unverified).toBe(true);
    expect(p.review).toBe('editor-curated');
  });

  it('has at least 150 full records, and every state-controlled international broadcaster is one', () => {
    const full = outlets.filter((o) => o.completeness === 'full');
    expect(full.length).toBeGreaterThanOrEqual(150);
    const byQid = new Map(outlets.map((o) => [outletId(o), o]));
    const check = (list: Record<string, string>, allowed: readonly string[]) =>
      Object.entries(list)
        .map(([qid, name]) => {
          const o = byQid.get(qid);
          if (!o) return `${name} ${qid}: missing`;
          if (o.completeness !== 'full') return `${name} ${qid}: not a full record`;
          const rel = o.state?.value.relation ?? 'none';
          return allowed.includes(rel) ? null : `${name} ${qid}: ${rel}`;
        })
        .filter((x) => x !== null);
    // The state (or ruling party) appoints or directs editorial leadership.
    const stateControlled: Record<string, string> = {
      Q22868: 'RT',
      Q18572033: 'Sputnik',
      Q16740826: 'Ruptly',
      Q4378607: 'CGTN',
      Q207936: 'CCTV',
      Q204839: 'Xinhua',
      Q223799: 'TASS',
      Q821172: 'RIA Novosti',
      Q912429: 'Press TV',
      Q32026: 'Al-Alam',
      Q649695: 'IRNA',
      Q17070845: 'Tasnim',
      Q1397143: 'Fars',
      Q6063045: 'TRT World',
      Q477436: 'Anadolu Agency',
      Q310659: 'teleSUR',
      Q310172: 'Al Arabiya',
      Q330067: 'Channel One Russia',
      Q1571990: 'TRT Arabi',
      // QID in no corpus: keyed by local id until npm run data:outlets resolves it.
      'local:hispantv': 'HispanTV',
      'local:china-radio-international': 'China Radio International',
      'local:kcna': 'KCNA',
      'local:prensa-latina': 'Prensa Latina',
      'local:vietnam-news-agency': 'Vietnam News Agency',
      'local:aps-algeria': 'Algérie Presse Service',
      'local:wam': 'Emirates News Agency',
    };
    expect(check(stateControlled, ['state-controlled'])).toEqual([]);
    // Party organs are labelled as such, not as state media.
    expect(
      check({ Q54340: "People's Daily", Q970443: 'Global Times', 'local:rodong-sinmun': 'Rodong Sinmun' }, [
        'party-owned',
      ]),
    ).toEqual([]);
    // Publicly funded international services: funding is not control.
    const publicInternational: Record<string, string> = {
      Q228389: 'Voice of America',
      Q485500: 'RFE/RL',
      Q40322: 'Radio Free Asia',
      Q287331: 'Alhurra',
      Q55663942: 'Current Time',
      Q153770: 'Deutsche Welle',
      Q166180: 'France 24',
      Q2138163: 'TV5Monde',
      Q1191688: 'NHK World-Japan',
      Q167618: 'Arirang TV',
      Q15401647: 'KBS World',
      Q973341: 'BBC Arabic',
      Q13477: 'Al Jazeera',
      Q187409: 'Belsat TV',
      Q781365: 'ABC (Australia)',
      'local:bbc-world-service': 'BBC World Service',
      'local:rfi': 'Radio France Internationale',
      'local:cbc-radio-canada': 'CBC/Radio-Canada',
      'local:rnz': 'RNZ',
    };
    expect(check(publicInternational, ['state-funded', 'public-service-independent'])).toEqual([]);
    // Ownership by a state holding without a recorded editorial chain stays 'unknown', with evidence.
    expect(check({ Q40238: 'CNA (Singapore)' }, ['unknown'])).toEqual([]);
  });

  it('records control vs funding for the public broadcasters', () => {
    const rel = (q: string) => outlets.find((o) => o.qid === q)?.state?.value.relation;
    expect(rel('Q1160945')).toBe('public-service-independent'); // BBC News
    expect(rel('Q212128')).toBe('public-service-independent'); // NHK
    expect(rel('Q22868')).toBe('state-controlled'); // RT
    expect(rel('Q204839')).toBe('state-controlled'); // Xinhua
    expect(rel('Q228389')).toBe('state-funded'); // VOA
    expect(rel('Q485500')).toBe('state-funded'); // RFE/RL
  });
});

describe('rsp.json', () => {
  it('is a separate CC BY-SA file with attribution, dated statuses and known QIDs', () => {
    expect(rsp.licence).toMatch(/^CC BY-SA/);
    expect(rsp.attribution).toMatch(/Perennial sources/);
    const qids = new Set(file.outlets.map(outletId));
    const errs: string[] = [];
    for (const e of rsp.entries) {
      if (!qids.has(e.qid)) errs.push(`${e.qid}: not an outlet`);
      if (!ISO.test(e.asOf)) errs.push(`${e.qid}: bad asOf`);
      if (e.status.length === 0) errs.push(`${e.qid}: no status`);
      for (const s of e.status)
        if (!(RSP_STATUSES as readonly string[]).includes(s)) errs.push(`${e.qid}: ${s}`);
      errs.push(...checkSources(`${e.qid} rsp`, e.sources));
    }
    expect(errs).toEqual([]);
  });

  it('has Press TV as generally unreliable in 2021 and deprecated now', () => {
    const p = rsp.entries.filter((e) => e.qid === 'Q912429').map((e) => [e.asOf, e.status]);
    expect(p).toEqual([
      ['2021-03-17', ['generally-unreliable']],
      ['2026-08-13', ['deprecated']],
    ]);
  });
});
