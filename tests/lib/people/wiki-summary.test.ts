import { describe, expect, it } from 'vitest';
import sitelink from '../../fixtures/wikidata/wbgetentities-sitelink-q267902.json';
import summary from '../../fixtures/wikipedia/summary-jim-mattis.json';
import { API_USER_AGENT } from '@/lib/outlets/enrich';
import {
  parsePersonSummary,
  parseSitelink,
  personCacheKey,
  personQid,
  personSummaryRequest,
  sitelinkRequest,
  validatePersonSummary,
  WIKIPEDIA_LICENCE,
} from '@/lib/people/wiki-summary';

const AT = '2026-11-26T02:00:00.000Z';

describe('person Wikipedia summary: requests', () => {
  it('asks Wikidata for the enwiki sitelink of a validated QID only, with Api-User-Agent and origin=*', () => {
    const req = sitelinkRequest('Q267902');
    const u = new URL(req.url);
    expect(u.origin).toBe('https://www.wikidata.org');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      action: 'wbgetentities',
      ids: 'Q267902',
      props: 'sitelinks',
      sitefilter: 'enwiki',
      format: 'json',
      origin: '*',
    });
    expect(req.headers['Api-User-Agent']).toBe(API_USER_AGENT);
    for (const bad of ['Q0', 'q5', 'Q5|Q6', 'P31', '', 'Q1234567890123']) {
      expect(() => sitelinkRequest(bad)).toThrow();
      expect(personQid(bad)).toBeNull();
    }
    expect(personCacheKey('Q267902')).toBe('person-summary:Q267902');
  });

  it('builds the REST summary request for the title (encoded, version-pinned)', () => {
    const req = personSummaryRequest('Jim Mattis')!;
    expect(req.url).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/Jim_Mattis');
    expect(req.headers.Accept).toContain('Specs/Summary/1.2.0');
    expect(personSummaryRequest('a|b')).toBeNull();
  });
});

describe('person Wikipedia summary: answers', () => {
  it('reads the enwiki title; null without an English article; throws on a malformed answer', () => {
    expect(parseSitelink(sitelink, 'Q267902')).toBe('Jim Mattis');
    expect(parseSitelink({ entities: { Q267902: { id: 'Q267902', sitelinks: {} } } }, 'Q267902')).toBeNull();
    expect(parseSitelink({ entities: { Q1: { id: 'Q1', missing: '' } } }, 'Q1')).toBeNull();
    expect(() => parseSitelink({ error: { code: 'no-such-entity' } }, 'Q1')).toThrow();
  });

  it('keeps text only (never extract_html), the article link and the CC BY-SA licence', () => {
    const s = parsePersonSummary(summary, 'Q267902', AT)!;
    expect(s).toEqual({
      qid: 'Q267902',
      title: 'Jim Mattis',
      description: 'American military officer (born 1950)',
      extract: summary.extract,
      url: 'https://en.wikipedia.org/wiki/Jim_Mattis',
      fetchedAt: AT,
      licence: WIKIPEDIA_LICENCE,
    });
    expect(JSON.stringify(s)).not.toMatch(/<|onerror/);
  });

  it('rejects another item, disambiguation pages, no extract; bounds long text; odd links fall back', () => {
    expect(parsePersonSummary(summary, 'Q1', AT)).toBeUndefined();
    expect(parsePersonSummary({ ...summary, type: 'disambiguation' }, 'Q267902', AT)).toBeUndefined();
    expect(parsePersonSummary({ ...summary, extract: '' }, 'Q267902', AT)).toBeUndefined();
    const long = parsePersonSummary({ ...summary, extract: 'word '.repeat(500) }, 'Q267902', AT)!;
    expect(long.extract.length).toBeLessThanOrEqual(601);
    expect(long.extract.endsWith('…')).toBe(true);
    const odd = parsePersonSummary(
      { ...summary, content_urls: { desktop: { page: 'javascript:alert(1)' } } },
      'Q267902',
      AT,
    )!;
    expect(odd.url).toBe('https://en.wikipedia.org/wiki/Jim_Mattis');
  });

  it('validatePersonSummary re-checks what crosses a message boundary', () => {
    const s = parsePersonSummary(summary, 'Q267902', AT)!;
    expect(validatePersonSummary(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(validatePersonSummary({ ...s, url: 'https://evil.example/wiki/x' })).toBeNull();
    expect(validatePersonSummary({ ...s, qid: 'Q0' })).toBeNull();
    expect(validatePersonSummary({ ...s, extract: 42 })).toBeNull();
    expect(validatePersonSummary(null)).toBeNull();
    expect(validatePersonSummary({ ...s, licence: { name: 'x', url: 'javascript:1' } })?.licence).toBe(
      WIKIPEDIA_LICENCE,
    );
  });
});
