import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@/lib/related/feed-parser';

const FIX = path.resolve(__dirname, '../../fixtures/feeds');
const bytes = (f: string) => new Uint8Array(readFileSync(path.join(FIX, f)));
const parse = (f: string) => parseFeed(bytes(f), { feedUrl: `https://feeds.example/${f}` });

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with namespaces, relative links, zones and HTML descriptions', () => {
    const r = parse('kyodo-rss2.xml');
    expect(r.format).toBe('rss2');
    expect(r.feed).toEqual({
      title: 'Kyodo News+ – Latest',
      link: 'https://english.kyodonews.net/',
      description: 'Latest news from Japan & Asia',
      language: 'en',
      updatedAt: '2017-02-03T03:30:00.000Z',
    });
    expect(r.items.map((i) => i.url)).toEqual([
      'https://english.kyodonews.net/news/2017/02/abe-mattis-alliance.html',
      'https://english.kyodonews.net/news/2017/02/mattis-inada.html',
      'https://english.kyodonews.net/news/2017/02/toyota-forecast.html',
      'https://english.kyodonews.net/news/2017/02/sapporo-snow.html',
    ]);
    const first = r.items[0]!;
    expect(first.publishedAt).toBe('2017-02-03T02:40:00.000Z'); // 11:40 +0900
    expect(first.summary).toMatch(
      /^Prime Minister Shinzo Abe and U\.S\. Defense Secretary James Mattis confirmed/,
    );
    expect(first.summary).not.toMatch(/[<>]|&lt;/);
    expect(first.authors).toEqual(['Kyodo']);
    expect(first.guid).toBe('kyodo-2017-02-03-001');
    expect(r.errors).toEqual([
      'Item "Script link that must be dropped" dropped: link is not http(s) (javascript:).',
    ]);
  });

  it('reads Atom: html and xhtml text constructs in order, xml:base, alternate links, feed authors', () => {
    const r = parse('japantimes-atom.xml');
    expect(r.format).toBe('atom');
    expect(r.feed.title).toBe('The Japan Times: National');
    expect(r.feed.description).toBe('News from Japan');
    expect(r.feed.language).toBe('en');
    const [a, b] = r.items;
    expect(a).toMatchObject({
      url: 'https://www.japantimes.co.jp/news/2017/02/03/national/politics-diplomacy/mattis-abe-meeting/',
      title: 'Mattis reassures Abe: 100 percent with Japan',
      publishedAt: '2017-02-03T05:20:00.000Z',
      summary:
        'U.S. Defense Secretary James Mattis told Prime Minister Shinzo Abe that Washington stands shoulder to shoulder with Tokyo.',
      authors: ['Reiji Yoshida'],
    });
    expect(b!.authors).toEqual(['The Japan Times']); // inherited from the feed
    expect(b!.publishedAt).toBe('2017-02-03T08:00:00.000Z'); // updated when no published
    expect(r.items).toHaveLength(2);
    expect(r.errors).toEqual(['Item "Entry without a link" dropped: no link.']);
  });

  it('reads RSS 1.0 (RDF) with Dublin Core', () => {
    const r = parse('reuters-rss1.rdf');
    expect(r.format).toBe('rss1');
    expect(r.feed.updatedAt).toBe('2017-02-03T06:00:00.000Z');
    expect(r.items).toHaveLength(2);
    expect(r.items[0]).toMatchObject({
      url: 'https://www.reuters.com/article/us-japan-usa-mattis-idUSKBN15I05S',
      publishedAt: '2017-02-03T05:12:00.000Z',
      authors: ['Kiyoshi Takenaka'],
      guid: 'https://www.reuters.com/article/us-japan-usa-mattis-idUSKBN15I05S',
    });
  });

  it('reads JSON Feed 1.1 (content_html, external_url, authors) and drops data: links', () => {
    const r = parse('nhk-jsonfeed.json');
    expect(r.format).toBe('json');
    expect(r.feed.link).toBe('https://www3.nhk.or.jp/nhkworld/en/news/');
    expect(r.items.map((i) => [i.url, i.authors])).toEqual([
      ['https://www3.nhk.or.jp/nhkworld/en/news/20170203_10/', ['NHK']],
      ['https://www3.nhk.or.jp/nhkworld/en/news/20170203_22/', ['NHK World']],
    ]);
    expect(r.items[0]!.summary).toBe(
      'Prime Minister Shinzo Abe met U.S. Defense Secretary James Mattis in Tokyo & the two confirmed the importance of the alliance.',
    );
    expect(r.errors).toEqual(['Item "Data URL item" dropped: link is not http(s) (data:).']);
  });

  it('keeps Google News <source url> (the publisher without resolving the link)', () => {
    const r = parse('google-news.xml');
    expect(r.items[0]!.source).toEqual({
      name: 'The Washington Post',
      url: 'https://www.washingtonpost.com/',
    });
  });
});

describe('parseFeed: encodings', () => {
  it('decodes a declared ISO-8859-1 feed', () => {
    const r = parse('latin1-rss.xml');
    expect(r.encoding).toBe('windows-1252'); // WHATWG: the iso-8859-1 label is windows-1252
    expect(r.items[0]!.title).toBe("Japon : Mattis réaffirme l'alliance avec Abe");
    expect(r.items[0]!.summary).toContain('5 £, Müller');
    expect(r.errors).toEqual([]);
  });

  it('falls back to windows-1252 when a feed claims UTF-8 but is not, and says so', () => {
    const r = parse('mislabelled-utf8.xml');
    expect(r.feed.title).toBe('Le Monde – Asie'); // 0x96 is an en dash in windows-1252
    expect(r.items[0]!.summary).toContain('5 £ — Müller');
    expect(r.errors).toEqual(['Declared UTF-8 but the bytes are not UTF-8; read as windows-1252.']);
  });

  it('keeps UTF-8 when only a few bytes are invalid, and reports them', () => {
    const good = readFileSync(path.join(FIX, 'kyodo-rss2.xml'), 'utf8').replace(
      'Latest news',
      'Latest ñews — ünd\u00e9',
    );
    const raw = new TextEncoder().encode(good);
    const at = good.indexOf('<item>'); // a stray byte between two items
    const cut = new TextEncoder().encode(good.slice(0, at)).length;
    const broken = new Uint8Array([...raw.slice(0, cut), 0xff, ...raw.slice(cut)]);
    const r = parseFeed(broken);
    expect(r.encoding).toBe('utf-8');
    expect(r.feed.description).toContain('ñews — ünd');
    expect(r.errors[0]).toBe('1 invalid UTF-8 byte sequence(s) replaced.');
  });

  it('detects UTF-16 by its BOM', () => {
    const r = parse('utf16-bom.xml');
    expect(r.encoding).toBe('utf-16le');
    expect(r.items[0]!.title).toBe('東京で日米防衛相会談');
  });

  it('prefers the HTTP charset over the prolog, and survives unknown labels', () => {
    const xml =
      '<?xml version="1.0" encoding="x-made-up"?><rss><channel><item><title>caf\u00e9</title><link>https://a.example/1</link></item></channel></rss>';
    const latin = new Uint8Array([...xml].map((c) => c.charCodeAt(0)));
    expect(parseFeed(latin, { contentType: 'application/rss+xml; charset=ISO-8859-1' }).items[0]!.title).toBe(
      'café',
    );
    const r = parseFeed(new TextEncoder().encode(xml));
    expect(r.errors[0]).toBe('Unknown encoding "x-made-up"; read as UTF-8.');
    expect(r.items[0]!.title).toBe('café');
  });
});

describe('parseFeed: hostile and broken input', () => {
  it('does not expand entities declared in a DTD (billion laughs, external entities)', () => {
    const r = parse('billion-laughs.xml');
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.title).toBe('Laughs &lol9; &xxe;');
    expect(r.items[0]!.summary).toBe('&lol9;');
    expect(r.errors).toContain('DOCTYPE ignored (entities declared in it are not expanded).');
  });

  it('recovers items from malformed XML and lists what was repaired', () => {
    const r = parse('malformed.xml');
    expect(r.feed.title).toBe('Broken & Co News');
    expect(r.items.map((i) => [i.title, i.url])).toEqual([
      [
        'Unclosed title about Abe and Mattis',
        'https://www.presstv.ir/Detail/2017/02/03/509458/Japan-US-alliance',
      ],
      ['Second item', 'https://www.presstv.ir/Detail/2017/02/03/2'],
    ]);
    expect(r.items[0]!.publishedAt).toBe('2017-02-03T08:13:00.000Z');
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'Unclosed <title> closed.',
        'Stray end tag </span> ignored.',
        'Unterminated CDATA section.',
      ]),
    );
  });

  it('says clearly when the document is not a feed', () => {
    expect(parse('not-a-feed.html').errors).toEqual(['Not a feed: the document is an HTML page.']);
    expect(parseFeed('').errors).toEqual(['The feed is empty.']);
    expect(parseFeed('just some text').errors).toEqual(['No XML element found: not a feed.']);
    expect(parseFeed('{"a":1}').errors).toEqual([
      'JSON but not a JSON Feed (no "version" from jsonfeed.org and no "items").',
    ]);
    expect(parseFeed('{"items": [').errors[0]).toMatch(/^Not valid JSON: /);
    expect(parseFeed('<svg><g/></svg>').errors).toEqual(['Not a feed: the document is <svg>.']);
  });

  it('refuses input over the byte limit before reading it (50 MB)', () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    const r = parseFeed(big);
    expect(r.items).toEqual([]);
    expect(r.errors).toEqual(['Feed is 50.0 MB; the limit is 10.0 MB. Nothing was read.']);
  });

  it('bounds items and field lengths', () => {
    const items = Array.from(
      { length: 30 },
      (_, i) =>
        `<item><title>${'T'.repeat(2000)}</title><link>https://a.example/${i}</link><description>${'word '.repeat(3000)}</description></item>`,
    ).join('');
    const r = parseFeed(`<rss><channel>${items}</channel></rss>`, { limits: { maxItems: 10 } });
    expect(r.items).toHaveLength(10);
    expect(r.items[0]!.title.length).toBeLessThanOrEqual(500);
    expect(r.items[0]!.summary.length).toBeLessThanOrEqual(2000);
    expect(r.errors).toContain('Only the first 10 items were read (20 more ignored).');
  });

  it('reads a large real-shaped feed (5,000 items, ~4 MB) whole', () => {
    const items = Array.from(
      { length: 5000 },
      (_, i) =>
        `<item><title>Story ${i} &amp; more</title><link>https://big.example/${i}</link><pubDate>Fri, 03 Feb 2017 10:00:00 GMT</pubDate><description><![CDATA[<p>${'news '.repeat(120)}</p>]]></description></item>`,
    ).join('\n');
    const r = parseFeed(
      new TextEncoder().encode(`<rss><channel><title>Big</title>${items}</channel></rss>`),
      {
        limits: { maxItems: 10_000 },
      },
    );
    expect(r.items).toHaveLength(5000);
    expect(r.items[4999]!.url).toBe('https://big.example/4999');
    expect(r.errors).toEqual([]);
  });

  it('does not list the same URL twice and drops links longer than the limit', () => {
    const item = (u: string) => `<item><title>x</title><link>${u}</link></item>`;
    const r = parseFeed(
      `<rss><channel>${item('https://a.example/1')}${item('https://a.example/1')}${item('https://a.example/' + 'x'.repeat(3000))}</channel></rss>`,
    );
    expect(r.items.map((i) => i.url)).toEqual(['https://a.example/1']);
    expect(r.errors).toEqual(['Item "x" dropped: link longer than 2048 characters.']);
  });
});
