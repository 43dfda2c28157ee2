import { describe, expect, it } from 'vitest';
import sparql from '../../fixtures/wikidata/enrich-sparql.json';
import summary from '../../fixtures/wikipedia/summary-daily-example.json';
import {
  API_USER_AGENT,
  cacheKey,
  lookupHost,
  parseSummary,
  parseWikidataAnswer,
  retryAfterMs,
  sparqlForHost,
  summaryRequest,
  wikidataRequest,
} from '@/lib/outlets/enrich';

describe('request builders', () => {
  it('accept host names only', () => {
    expect(lookupHost('WWW.DailyExample.org.')).toBe('dailyexample.org');
    expect(lookupHost('xn--80ak6aa92e.com')).toBe('xn--80ak6aa92e.com');
    for (const bad of [
      '',
      'localhost',
      '127.0.0.1',
      'a b.com',
      'x.com/path',
      'x.com> } DELETE',
      'пример.рф',
      5,
      null,
      'a'.repeat(300) + '.com',
    ]) {
      expect(lookupHost(bad)).toBeNull();
    }
    expect(() => sparqlForHost('x.com> } DELETE')).toThrow();
  });

  it('the Wikidata query asks for P856 = every URL variant of the host, and nothing else from the page', () => {
    const q = sparqlForHost('dailyexample.org');
    for (const v of [
      '<https://dailyexample.org/>',
      '<http://www.dailyexample.org>',
      '<https://www.dailyexample.org/>',
    ]) {
      expect(q).toContain(v);
    }
    expect(q).toContain('wdt:P856');
    const req = wikidataRequest('dailyexample.org');
    const u = new URL(req.url);
    expect(u.origin + u.pathname).toBe('https://query.wikidata.org/sparql');
    expect(u.searchParams.get('query')).toBe(q);
    expect(req.headers['Api-User-Agent']).toBe(API_USER_AGENT);
    expect(cacheKey('dailyexample.org')).toBe('outlet-lookup:dailyexample.org');
  });

  it('the summary request is for en.wikipedia.org with the pinned profile', () => {
    const req = summaryRequest('The Daily Example')!;
    expect(req.url).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/The_Daily_Example');
    expect(req.headers.Accept).toMatch(/Summary\/1\.2\.0/);
    expect(req.headers['Api-User-Agent']).toBe(API_USER_AGENT);
    expect(summaryRequest('a|b')).toBeNull();
    expect(summaryRequest('')).toBeNull();
    expect(new URL(summaryRequest('../../w/api.php?x=1')!.url).pathname).toBe(
      '/api/rest_v1/page/summary/..%2F..%2Fw%2Fapi.php%3Fx%3D1',
    );
  });
});

describe('parsers (recorded shapes)', () => {
  it('Wikidata: one outlet per item, owners merged, inception as a date, other items counted', () => {
    const o = parseWikidataAnswer(sparql, '2026-11-25T00:00:00.000Z');
    expect(o).toEqual({
      qid: 'Q90020',
      name: 'The Daily Example',
      description: 'daily newspaper',
      country: 'New Zealand',
      inception: '1921-03-01',
      owners: ['Example Media Group', 'Example Holdings Trust'],
      wikipedia: { title: 'The Daily Example', url: 'https://en.wikipedia.org/wiki/The_Daily_Example' },
      fetchedAt: '2026-11-25T00:00:00.000Z',
      candidates: 2,
    });
    expect(parseWikidataAnswer({ results: { bindings: [] } }, 'x')).toBeNull();
    expect(() => parseWikidataAnswer({ nope: 1 }, 'x')).toThrow();
    expect(
      parseWikidataAnswer({ results: { bindings: [{ item: { value: 'javascript:alert(1)' } }] } }, 'x'),
    ).toBeNull();
  });

  it('Wikipedia: plain-text extract only (never the HTML), disambiguation ignored', () => {
    expect(parseSummary(summary)).toBe(summary.extract);
    expect(parseSummary({ ...summary, type: 'disambiguation' })).toBeUndefined();
    expect(parseSummary({ type: 'standard', extract: 'x '.repeat(1000) })!.length).toBeLessThanOrEqual(601);
    expect(parseSummary(null)).toBeUndefined();
  });

  it('Retry-After: seconds or an HTTP date, bounded', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('99999999', now)).toBe(3_600_000);
    expect(retryAfterMs(null, now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBe(60_000);
  });
});
