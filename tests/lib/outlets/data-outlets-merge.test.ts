import { describe, expect, it } from 'vitest';
import { reviewOf, type OutletRecord, type OutletsFile, type Source } from '@/lib/outlets/types';
import {
  buildQuery,
  buildWebsiteQuery,
  collectCore,
  lookupHosts,
  mergeWikidata,
  resolveLocalIds,
  type SparqlResponse,
} from '@/scripts/data-outlets-merge';
import { RECALLED_WEBSITE_NOTE } from '@/scripts/data-outlets-curated';
import { TABLE } from './fixtures';

import fixture from '../../fixtures/wikidata/outlets-sparql.json';

const resp = fixture as unknown as SparqlResponse;
const corpusSrc: Source[] = [
  { title: 'corpus', url: 'https://example.org/corpus', basis: 'corpus', retrieved: '2024-04' },
];
const recall = (url: string): Source => ({
  title: 'recalled',
  url,
  basis: 'editor-recall',
  cited: '2026-01-01',
});

const generated = (qid: string): OutletRecord => ({
  ...structuredClone(TABLE.find((r) => r.qid === 'Q9684')!),
  qid,
  name: `Generated ${qid}`,
  review: 'corpus-join',
  sources: corpusSrc,
  asOf: '2024-04',
  domains: [],
  country: { value: { name: 'France' }, sources: corpusSrc, asOf: '2024-04' },
  medium: { value: ['unknown'], sources: corpusSrc, asOf: '2024-04' },
  founded: undefined,
});

function table(): OutletsFile {
  const press = structuredClone(TABLE.find((r) => r.qid === 'Q912429')!);
  press.country = { value: { name: 'Iran' }, sources: corpusSrc, asOf: '2024-04' };
  press.founded = {
    value: '2007-07-08',
    sources: [recall('https://en.wikipedia.org/wiki/Press_TV')],
    asOf: '2026-01-01',
    unverified: true,
  };
  press.domains[0] = {
    ...press.domains[0]!,
    note: RECALLED_WEBSITE_NOTE,
    sources: [recall('https://www.wikidata.org/wiki/Q912429')],
  };
  return {
    licence: 'CC0-1.0',
    generatedBy: 'test',
    generated: '2026-01-01',
    notes: [],
    outlets: [press, generated('Q90010'), generated('Q90011')],
  };
}

describe('data:outlets merge (recorded SPARQL response)', () => {
  it('builds a VALUES query over the QIDs', () => {
    const q = buildQuery(['Q1', 'Q2']);
    expect(q).toContain('VALUES ?item { wd:Q1 wd:Q2 }');
    expect(q).toMatch(/P856[\s\S]*P17[\s\S]*P571[\s\S]*P127/);
  });

  it('collects hosts (no www, no platforms), country, inception year, owners', () => {
    const c = collectCore(resp).get('Q90010')!;
    expect([...c.hosts]).toEqual(['gen-outlet.example']);
    expect(c.country).toEqual({ qid: 'Q142', name: 'France' });
    expect(c.inception).toBe('1998');
    expect([...c.owners]).toEqual([['Q90099', 'Gen Media Group']]);
  });

  it('fills corpus-join records with fetched, dated Wikidata facts', () => {
    const { file, report } = mergeWikidata(table(), resp, '2026-12-01');
    const g = file.outlets.find((o) => o.qid === 'Q90010')!;
    expect(g.domains.map((d) => d.host)).toEqual(['gen-outlet.example']);
    expect(g.domains[0]!.sources).toEqual([
      expect.objectContaining({
        url: 'https://www.wikidata.org/wiki/Q90010',
        basis: 'fetched',
        retrieved: '2026-12-01',
      }),
    ]);
    expect(g.domains[0]!.asOf).toBe('2026-12-01');
    expect(g.country.value).toEqual({ qid: 'Q142', name: 'France' });
    expect(g.country.sources.map((s) => s.basis)).toEqual(['corpus', 'fetched']);
    expect(g.founded).toMatchObject({ value: '1998', asOf: '2026-12-01' });
    expect(g.founded?.unverified).toBeUndefined();
    expect(g.ownerChain[0]?.value).toEqual({ qid: 'Q90099', name: 'Gen Media Group', relation: 'owned-by' });
    expect(g.review).toBe('corpus-join'); // medium and identity are still corpus-only
    expect(report.updated.some((u) => u.startsWith('Q90010'))).toBe(true);
  });

  it('turns editor-recall facts that Wikidata fully confirms into fetched ones', () => {
    const { file, report } = mergeWikidata(table(), resp, '2026-12-01');
    const p = file.outlets.find((o) => o.qid === 'Q912429')!;
    const ir = p.domains.find((d) => d.host === 'presstv.ir')!;
    expect(ir.sources.map((s) => s.basis)).toEqual(['fetched']);
    expect(ir.unverified).toBeUndefined();
    expect(ir.asOf).toBe('2026-12-01');
    expect(ir.note).toBe('official website: Wikidata P856');
    // A country name read from the corpus gets its QID when Wikidata's label agrees.
    expect(p.country.value).toEqual({ qid: 'Q794', name: 'Iran' });
    expect(report.confirmed).toContainEqual(expect.stringMatching(/Q912429.*domain presstv\.ir/));
    expect(report.updated).toContainEqual(expect.stringMatching(/Q912429.*country Q794/));
  });

  it('never overwrites editor-curated facts that disagree: it reports conflicts instead', () => {
    const before = table();
    const { file, report } = mergeWikidata(before, resp, '2026-12-01');
    const p = file.outlets.find((o) => o.qid === 'Q912429')!;
    const b = before.outlets[0]!;
    expect(p.founded).toEqual(b.founded); // 2007-07-08 kept, still unverified
    expect(p.domains.map((d) => [d.host, d.role, d.until])).toEqual(
      b.domains.map((d) => [d.host, d.role, d.until]),
    );
    expect(p.domains.slice(1)).toEqual(b.domains.slice(1));
    expect(p.review).toBe('editor-curated');
    expect(reviewOf(p)).toBe('editor-curated');
    expect(report.conflicts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Q912429.*presstv\.example.*not in the editor-curated domains/),
        expect.stringMatching(/Q912429.*founded 2007-07-08 here, 2006 on Wikidata/),
      ]),
    );
  });

  it('reports a country that disagrees instead of filling its QID', () => {
    const t = table();
    t.outlets[0]!.country = { value: { name: 'Testland' }, sources: corpusSrc, asOf: '2024-04' };
    const { file, report } = mergeWikidata(t, resp, '2026-12-01');
    expect(file.outlets[0]!.country.value).toEqual({ name: 'Testland' });
    expect(report.conflicts).toContainEqual(expect.stringMatching(/Q912429.*country "Testland" here, Q794/));
  });

  it('confirms only the year of a recalled full founding date', () => {
    const t = table();
    t.outlets[0]!.founded!.value = '2006-03-01';
    const { file } = mergeWikidata(t, resp, '2026-12-01');
    const f = file.outlets[0]!.founded!;
    expect(f.value).toBe('2006-03-01');
    expect(f.sources.map((s) => s.basis)).toEqual(['editor-recall', 'fetched']);
    expect(f.unverified).toBe(true);
    expect(f.note).toMatch(/year 2006 only/);
  });

  it('does not give a host already claimed by another outlet', () => {
    const { file, report } = mergeWikidata(table(), resp, '2026-12-01');
    expect(file.outlets.find((o) => o.qid === 'Q90011')!.domains).toEqual([]);
    expect(report.conflicts).toContainEqual(
      expect.stringMatching(/Q90011.*presstv\.co\.uk is claimed by Q912429/),
    );
  });
});

describe('records without a QID (qid null): resolved by their P856 official website', () => {
  const local = (localId: string, hosts: string[]): OutletRecord => ({
    ...generated('Q1'),
    qid: null,
    localId,
    name: `Local ${localId}`,
    review: 'editor-curated',
    sources: [recall('https://en.wikipedia.org/wiki/X')],
    domains: hosts.map((host) => ({
      host,
      role: 'primary' as const,
      sources: [recall('https://en.wikipedia.org/wiki/X')],
      asOf: '2026-01-01',
      unverified: true as const,
    })),
  });
  const site = (qid: string, url: string) => ({
    item: { type: 'uri', value: `http://www.wikidata.org/entity/${qid}` },
    website: { type: 'uri', value: url },
  });
  const file = (): OutletsFile => ({
    ...table(),
    outlets: [
      ...table().outlets,
      local('one', ['one.example']),
      local('two', ['two.example']),
      local('taken', ['taken.example']),
      local('none', ['none.example']),
    ],
  });

  it('asks for the usual URL forms of each host', () => {
    const q = buildWebsiteQuery(['one.example']);
    for (const u of ['http://one.example', 'https://www.one.example/', 'https://one.example/'])
      expect(q).toContain(`<${u}>`);
    expect(lookupHosts(local('x', ['a.example']))).toEqual(['a.example']);
  });

  it('gives a QID only for exactly one item not already in the table', () => {
    const res: SparqlResponse = {
      head: { vars: ['item', 'website'] },
      results: {
        bindings: [
          site('Q111', 'https://www.one.example/'),
          site('Q221', 'https://two.example'),
          site('Q222', 'http://two.example/'),
          site('Q912429', 'https://taken.example/'),
        ],
      },
    };
    const { file: out, resolved, unresolved } = resolveLocalIds(file(), res, '2026-12-01');
    const one = out.outlets.find((o) => o.name === 'Local one')!;
    expect(one.qid).toBe('Q111');
    expect('localId' in one).toBe(false);
    expect(one.sources.at(-1)).toMatchObject({ basis: 'fetched', url: 'https://www.wikidata.org/wiki/Q111' });
    expect(resolved).toEqual(['local:one Local one → Q111']);
    expect(unresolved.map((u) => u.split(':')[1])).toEqual([
      'two Local two',
      'taken Local taken',
      'none Local none',
    ]);
    // The other records are untouched, and mergeWikidata leaves records without a QID alone.
    expect(out.outlets.filter((o) => o.qid === null).map((o) => o.localId)).toEqual(['two', 'taken', 'none']);
    const merged = mergeWikidata(out, resp, '2026-12-01');
    expect(merged.file.outlets.filter((o) => o.qid === null)).toEqual(
      out.outlets.filter((o) => o.qid === null),
    );
  });
});
