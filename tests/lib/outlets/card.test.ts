import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOutletReport, isAfter, isoDay, reportWrongFactUrl, selfDisclosureOf } from '@/lib/outlets/card';
import { outletData } from '@/lib/outlets/dataset';
import { outletReportForPage } from '@/lib/outlets/page';
import { buildOutletIndex, resolveOutlet } from '@/lib/outlets/lookup';
import { TABLE } from './fixtures';

const ARTICLE = '2017-02-03T11:13:00+03:30';
const PUBLISHER = { name: 'Press TV', url: 'https://www.presstv.ir' };

describe('isoDay / isAfter', () => {
  it('reads the date part of ISO strings, partial dates as written', () => {
    expect(isoDay(ARTICLE)).toBe('2017-02-03');
    expect(isoDay('2007')).toBe('2007');
    expect(isoDay('2021-03')).toBe('2021-03');
    expect(isoDay('yesterday')).toBeUndefined();
    expect(isoDay(undefined)).toBeUndefined();
  });
  it('compares on the shared precision; the same year is undecidable', () => {
    expect(isAfter('2021-06-22', '2017-02-03')).toBe(true);
    expect(isAfter('2012-01-20', '2017-02-03')).toBe(false);
    expect(isAfter('2017-02-03', '2017-02-03')).toBe(false);
    expect(isAfter('2017', '2017-02-03')).toBeNull();
    expect(isAfter('2018', '2017-02-03')).toBe(true);
    expect(isAfter('2021-06-22', undefined)).toBeNull();
  });
});

describe('outlet report from the shipped data (Press TV)', () => {
  const data = outletData();
  const report = (url: string) =>
    outletReportForPage({ url, publishedTime: ARTICLE, publisher: PUBLISHER, siteName: 'PressTV' }, data);

  it('the same card for presstv.ir, .com, .co.uk and a Wayback copy', () => {
    const urls = [
      'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump',
      'http://www.presstv.com/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump',
      'http://www.presstv.co.uk/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump',
      'http://web.archive.org/web/20170203120000/https://www.presstv.ir/Detail/2017/02/03/509465/x',
    ];
    const cards = urls.map(report);
    for (const c of cards) {
      expect(c?.id).toBe('Q912429');
      expect(c?.name).toBe('Press TV');
      expect(c?.country.value).toBe('Iran');
      expect(c?.control.value.relation).toBe('state-controlled');
      expect(c?.control.value.label).toBe('State-controlled');
    }
    const strip = ({ match: _m, ...rest }: NonNullable<(typeof cards)[0]>) => rest;
    for (const c of cards.slice(1)) expect(strip(c!)).toEqual(strip(cards[0]!));
    expect(cards[1]?.match.entry).toMatchObject({ host: 'presstv.com', role: 'former', until: '2021-06-22' });
    expect(cards[3]?.match.wrapper).toBe('wayback');
  });

  it('history is dated and flagged against the article date; RSP listings newest first', () => {
    const c = report('https://www.presstv.ir/Detail/x')!;
    expect(c.articleDate).toBe('2017-02-03');
    const ev = (d: string) => c.history.find((h) => h.value.date === d)?.value;
    expect(ev('2012-01-20')?.event).toMatch(/Ofcom/);
    expect(ev('2012-01-20')?.afterArticle).toBe(false);
    expect(ev('2021-06-22')?.event).toMatch(/seized/);
    expect(ev('2021-06-22')?.afterArticle).toBe(true);
    expect(c.founded?.value.slice(0, 4)).toBe('2007');
    expect(c.medium.value).toContain('tv');
    expect(c.owners[0]?.value.name).toMatch(/Islamic Republic of Iran Broadcasting/);
    expect(c.reliability.map((r) => [r.label, r.current])).toEqual([
      ['Deprecated', true],
      ['Generally unreliable', false],
    ]);
    expect(c.reliability[1]?.asOf).toBe('2021-03-17');
    for (const r of c.reliability) expect(r.url).toMatch(/^https:\/\/en\.wikipedia\.org\//);
    expect(c.reliabilityAttribution?.licence).toMatch(/CC BY-SA/);
    expect(c.wikipedia).toEqual({ title: 'Press TV', url: 'https://en.wikipedia.org/wiki/Press_TV' });
  });

  it('editor-recall facts are flagged unverified; corpus facts are not', () => {
    const c = report('https://www.presstv.ir/')!;
    expect(c.country.unverified).toBe(false);
    expect(c.country.sources.every((s) => s.basis === 'corpus')).toBe(true);
    expect(c.control.unverified).toBe(true);
    expect(c.unverifiedFacts).toBeGreaterThan(0);
    for (const f of [c.country, c.medium, c.control, ...c.history]) {
      expect(f.sources.length).toBeGreaterThan(0);
      for (const s of f.sources) expect(s.date).toMatch(/^\d{4}/);
    }
  });

  it('self-disclosure: the outlet naming itself is not an ownership disclosure', () => {
    expect(report('https://www.presstv.ir/')!.selfDisclosure).toMatchObject({
      ownershipDisclosed: false,
      publisherName: 'Press TV',
    });
    expect(selfDisclosureOf({ name: 'Guardian Media Group' }, ['The Guardian']).ownershipDisclosed).toBe(
      true,
    );
    expect(
      selfDisclosureOf({ name: 'X', ownershipFundingInfo: 'https://x.example/about' }, ['X']),
    ).toMatchObject({ ownershipDisclosed: true, ownershipFundingInfo: 'https://x.example/about' });
    expect(selfDisclosureOf(undefined, [])).toEqual({ ownershipDisclosed: false });
  });

  it('non-articles (no date) leave afterArticle unknown; the report is JSON-serialisable', () => {
    const c = outletReportForPage({ url: 'https://www.presstv.ir/' }, data)!;
    expect(c.articleDate).toBeUndefined();
    expect(c.history.every((h) => h.value.afterArticle === null)).toBe(true);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('unknown outlets and bad input → null, never a throw', () => {
    for (const url of [
      'https://example.org/news/1',
      'https://notpresstv.ir/',
      'javascript:alert(1)',
      'data:text/html,<p>x',
      'not a url',
      '',
      'https://' + 'a'.repeat(10_000_000),
      'https://xn--80ak6aa92e.com/',
      'https://пример.рф/',
    ]) {
      expect(outletReportForPage({ url }, data)).toBeNull();
    }
    expect(outletReportForPage({ url: 1 as unknown as string }, data)).toBeNull();
  });
});

describe('fixture table', () => {
  const index = buildOutletIndex(TABLE);
  it('an outlet with no state fact gets control "unknown" with no sources', () => {
    const m = resolveOutlet('https://presstv.ir/', index)!;
    const c = buildOutletReport({ match: m });
    expect(c.control.value.relation).toBe('unknown');
    expect(c.control.sources).toEqual([]);
    expect(c.reliability).toEqual([]);
    expect(c.reliabilityAttribution).toBeUndefined();
  });
  it('"Report a wrong fact" is a prefilled GitHub new-issue URL carrying no article URL', () => {
    const m = resolveOutlet('https://presstv.ir/Detail/secret-path', index)!;
    const url = new URL(reportWrongFactUrl(buildOutletReport({ match: m })));
    expect(url.origin + url.pathname).toBe('https://github.com/masthead-news/masthead/issues/new');
    expect(url.searchParams.get('title')).toMatch(/Press TV \(Q912429\)/);
    expect(url.searchParams.get('body')).toMatch(/Matched domain: presstv\.ir/);
    expect(url.toString()).not.toMatch(/secret-path/);
  });
});

describe('bad input through the whole page → card path (shipped data)', () => {
  const data = outletData();
  const huge = 'https://www.presstv.ir/' + 'a'.repeat(10 * 1024 * 1024);

  it.each([
    ['10 MB URL', { url: huge }],
    ['10 MB canonical', { url: 'https://unknown.example/', canonicalUrl: huge }],
    [
      'javascript: canonical',
      { url: 'https://unknown.example/', canonicalUrl: 'javascript:alert("https://presstv.ir")' },
    ],
    ['data: URL', { url: 'data:text/html,<a href=https://www.presstv.ir>x</a>' }],
    ['IDN unknown host', { url: 'https://новости.example.рф/' }],
    ['punycode lookalike', { url: 'https://xn--presstv-9ya.ir/' }],
    ['malformed', { url: 'https://exa mple.com/' }],
    ['huge publisher name', { url: 'https://unknown.example/', publisherName: 'Press TV'.repeat(100_000) }],
  ])('%s → null outlet, no throw', (_l, page) => {
    expect(outletReportForPage(page, data)).toBeNull();
  });

  it('arbitrary page facts never throw and give null or a serialisable card (property)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc.string({ unit: 'binary' }),
      fc.constant('https://www.presstv.ir/x'),
    );
    fc.assert(
      fc.property(
        text,
        fc.option(text),
        fc.option(text),
        fc.option(text),
        (url, canonicalUrl, publisherName, publishedTime) => {
          const r = outletReportForPage(
            {
              url,
              canonicalUrl: canonicalUrl ?? undefined,
              publisherName: publisherName ?? undefined,
              publishedTime: publishedTime ?? undefined,
              publisher: publisherName ? { name: publisherName } : undefined,
            },
            data,
          );
          return r === null || JSON.stringify(JSON.parse(JSON.stringify(r))) === JSON.stringify(r);
        },
      ),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
