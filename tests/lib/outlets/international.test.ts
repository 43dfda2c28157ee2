/**
 * The state-controlled / state-funded international broadcasters and agencies of the third batch
 * (scripts/data-outlets-full-international.ts), resolved through the shipped data: every domain,
 * language edition and path scope maps to its record; lookalikes do not. Records whose QID no
 * corpus gives are keyed `local:<id>` everywhere a QID would be.
 */
import { describe, expect, it } from 'vitest';
import { buildOutletReport, reportWrongFactUrl } from '@/lib/outlets/card';
import { outletData } from '@/lib/outlets/dataset';
import { resolveOutlet } from '@/lib/outlets/lookup';
import { groupMatches } from '@/lib/coverage/group';
import { isWikidataId, outletId } from '@/lib/outlets/types';

const data = outletData();
const idOf = (url: string) => {
  const m = resolveOutlet(url, data.index);
  return m ? outletId(m.outlet) : null;
};

describe('international broadcasters and agencies in the shipped data', () => {
  it.each([
    ['https://www.hispantv.com/noticias/iran/123/x', 'local:hispantv'],
    ['https://www.hispantv.ir/noticias/iran/123/x', 'local:hispantv'],
    ['https://web.archive.org/web/2019id_/https://www.hispantv.com/noticias/x', 'local:hispantv'],
    ['http://www.cri.cn/20200101/x.html', 'local:china-radio-international'],
    ['https://english.cri.cn/news/x', 'local:china-radio-international'],
    ['http://vok.rep.kp/index.php/home/main/en', 'local:voice-of-korea'],
    ['http://kcna.kp/en/article/q/x.kcmsf', 'local:kcna'],
    ['http://www.rodong.rep.kp/en/index.php?MTVAMjAyMC0wMS0wMS1OMDAx', 'local:rodong-sinmun'],
    ['https://www.bbc.co.uk/worldservice/x', 'local:bbc-world-service'],
    ['http://www.bbc.com/zhongwen/simp/world-51234567', 'local:bbc-world-service'],
    ['https://www.bbc.com/persian/iran-51234567', 'local:bbc-world-service'],
    ['https://www.bbc.com/mundo/noticias-51234567', 'local:bbc-world-service'],
    ['http://www.rfi.fr/en/asia-pacific/20200101-x', 'local:rfi'],
    ['https://www.rfi.fr/fr/afrique/20200101-x', 'local:rfi'],
    ['https://www.cbc.ca/news/canada/x-1.5400000', 'local:cbc-radio-canada'],
    ['http://ici.radio-canada.ca/nouvelle/1234567/x', 'local:cbc-radio-canada'],
    ['https://www.sabcnews.com/sabcnews/x/', 'local:sabc'],
    ['https://www.rnz.co.nz/news/world/406000/x', 'local:rnz'],
    ['https://www.prasarbharati.gov.in/x', 'local:prasar-bharati'],
    ['https://www.plenglish.com/index.php?o=rn&id=50477', 'local:prensa-latina'],
    ['https://www.prensa-latina.cu/x', 'local:prensa-latina'],
    ['http://www.cubadebate.cu/noticias/2020/01/01/x/', 'local:cubadebate'],
    ['https://en.vietnamplus.vn/lao-pm-to-visit-vietnam-soon/123.vnp', 'local:vietnam-news-agency'],
    ['https://vnanet.vn/en/x', 'local:vietnam-news-agency'],
    ['http://www.aps.dz/ar/monde/x', 'local:aps-algeria'],
    ['https://www.mena.org.eg/x', 'local:mena'],
    ['http://wam.ae/ar/details/1395302800000', 'local:wam'],
    ['https://www.qna.org.qa/en/News-Area/x', 'local:qna'],
    ['http://newsonair.com/Main-News-Details.aspx?id=376961', 'Q1321122'],
    ['http://newsonair.nic.in/Main-News-Details.aspx?id=376940', 'Q1321122'],
    ['https://newsonair.gov.in/x', 'Q1321122'],
    ['https://www.trtarabi.com/news/x', 'Q1571990'],
    ['https://www.ajplus.net/x', 'Q13477'],
  ])('%s → %s', (url, id) => {
    expect(idOf(url)).toBe(id);
  });

  it('path scopes override their parent and stop at a path boundary', () => {
    expect(resolveOutlet('https://www.bbc.com/persian/x', data.index)?.matchedBy).toBe('path');
    expect(idOf('https://www.bbc.com/arabic/x')).toBe('Q973341'); // BBC Arabic keeps its own record
    expect(idOf('https://www.bbc.com/news/world-1')).toBe('Q1160945');
    expect(idOf('https://www.bbc.com/persiana/x')).toBe('Q1160945');
    expect(idOf('https://www.bbc.co.uk/worldservicex')).toBe('Q1160945');
    const fr = resolveOutlet('https://ici.radio-canada.ca/x', data.index);
    expect(fr?.matchedBy).toBe('subdomain');
    expect(resolveOutlet('https://radio-canada.ca/x', data.index)?.matchedBy).toBe('language-edition');
  });

  it('never matches lookalikes', () => {
    for (const u of [
      'https://www.kcnawatch.org/newstream/x',
      'https://nothispantv.com/x',
      'https://hispantv.com.evil.net/x',
      'https://mycbc.ca/x',
      'https://rfi.fr.example.org/x',
      'https://cri.cn.example.com/x',
      'https://wam.ae.example.com/x',
      'https://vok.rep.kp.example.com/x',
      'https://plenglish.co/x',
    ])
      expect(idOf(u), u).toBeNull();
  });

  it('keys records without a QID by a local id that is never a Wikidata QID', () => {
    const o = data.index.byQid.get('local:hispantv')!;
    expect(o.qid).toBeNull();
    expect(o.localId).toBe('hispantv');
    expect(isWikidataId(outletId(o))).toBe(false);
    expect(o.state?.value.relation).toBe('state-controlled');
    expect(o.state?.unverified).toBe(true);
    // Both hosts are read from the WP:RSP 2021 row: not recall.
    expect(o.domains.map((d) => [d.host, d.sources.every((s) => s.basis === 'corpus')])).toEqual([
      ['hispantv.com', true],
      ['hispantv.ir', true],
    ]);
    expect(o.country.unverified).toBe(true);
  });

  it('gives the card, the RSP listing and "Report a wrong fact" the local id', () => {
    const match = resolveOutlet('https://www.hispantv.com/noticias/x', data.index)!;
    const card = buildOutletReport({ match, rsp: data.rsp });
    expect(card.id).toBe('local:hispantv');
    expect(card.control.value.relation).toBe('state-controlled');
    expect(card.reliability.map((r) => r.statuses)).toContainEqual(['deprecated']);
    const url = new URL(reportWrongFactUrl(card));
    expect(url.searchParams.get('body')).not.toContain('wikidata.org/wiki/local:');
    expect(url.searchParams.get('body')).toContain('local:hispantv');
    const bbc = buildOutletReport({ match: resolveOutlet('https://www.bbc.com/news/x', data.index)! });
    expect(new URL(reportWrongFactUrl(bbc)).searchParams.get('body')).toContain(
      'https://www.wikidata.org/wiki/Q1160945',
    );
  });

  it('groups related coverage by the local id (and finds the record again from a stored id)', () => {
    const outletOf = (url: string, id: string | undefined) =>
      resolveOutlet(url, data.index)?.outlet ?? (id ? (data.index.byQid.get(id) ?? null) : null);
    const item = (url: string, outletQid?: string) => ({
      url,
      title: 't',
      publishedAt: '2020-01-01',
      origin: 'feed' as const,
      ...(outletQid ? { outletQid } : {}),
    });
    const groups = groupMatches(
      [
        { item: item('https://www.hispantv.com/a'), score: 0.9, reasons: [], duplicates: [] },
        { item: item('https://www.hispantv.ir/b'), score: 0.8, reasons: [], duplicates: [] },
        { item: item('https://archive.example/c', 'local:rfi'), score: 0.7, reasons: [], duplicates: [] },
      ] as never,
      outletOf,
      {},
    );
    expect(groups.map((g) => [g.outletId, g.items.length])).toEqual([
      ['local:hispantv', 2],
      ['local:rfi', 1],
    ]);
    const self = groupMatches(
      [{ item: item('https://www.hispantv.com/a'), score: 0.9, reasons: [], duplicates: [] }] as never,
      outletOf,
      { selfQid: 'local:hispantv' },
    );
    expect(self).toEqual([]);
  });
});
