/**
 * News outlets that WP:RSP rates but whose QID no corpus gives (scripts/data-outlets-rsp-news.ts):
 * their RSP hosts resolve to a `local:` record, the RSP listing joins with its snapshot date, and
 * nothing is claimed about owner or control (unknown, not guessed).
 */
import { describe, expect, it } from 'vitest';
import { outletData } from '@/lib/outlets/dataset';
import { outletReportForPage } from '@/lib/outlets/page';
import { resolveOutlet } from '@/lib/outlets/lookup';
import { outletId } from '@/lib/outlets/types';
import { RSP_NEWS } from '../../../scripts/data-outlets-rsp-news';

const data = outletData();
const idOf = (url: string) => {
  const m = resolveOutlet(url, data.index);
  return m ? outletId(m.outlet) : null;
};

describe('RSP-rated news outlets without a QID', () => {
  it.each([
    ['https://www.breitbart.com/politics/2017/02/03/x/', 'local:breitbart-news'],
    ['https://www.npr.org/2017/02/03/513000000/x', 'local:npr'],
    ['https://www.theatlantic.com/international/archive/2017/02/x/515000/', 'local:the-atlantic'],
    ['https://www.economist.com/asia/2017/02/04/x', 'local:the-economist'],
    ['https://timesofindia.indiatimes.com/world/us/x/articleshow/1.cms', 'local:the-times-of-india'],
    ['http://web.archive.org/web/20170203000000/http://www.thehill.com/policy/x', 'local:the-hill'],
    ['https://notbreitbart.com/x', null],
    ['https://breitbart.com.example.net/x', null],
  ])('%s → %s', (url, id) => expect(idOf(url)).toBe(id));

  it('every record resolves from each of its hosts, with its RSP listing and no guessed control', () => {
    expect(RSP_NEWS.length).toBeGreaterThan(80);
    for (const spec of RSP_NEWS) {
      const host = spec.domains[0]![0];
      const r = outletReportForPage({ url: `https://${host}/2020/01/01/x` }, data);
      expect(r?.id, host).toBe(`local:${spec.localId}`);
      expect(r?.control.value.relation, host).toBe('unknown');
      expect(r?.owners, host).toEqual([]);
    }
  });

  it('Breitbart News: deprecated and blacklisted in the 2021 snapshot, dated; country and medium marked unchecked', () => {
    const r = outletReportForPage({ url: 'https://www.breitbart.com/politics/2017/02/03/x/' }, data)!;
    expect(r.name).toBe('Breitbart News');
    const listing = r.reliability.find((x) => x.asOf === '2021-03-17');
    expect(listing?.statuses).toEqual(expect.arrayContaining(['deprecated', 'blacklisted']));
    expect(r.country.value).toBe('United States of America');
    expect(r.country.unverified).toBe(true);
    expect(r.medium.unverified).toBe(true);
  });
});
