import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeParsedUrl, normalizeUrl } from '../../../lib/url/normalize';

describe('normalizeUrl', () => {
  it.each([
    [
      'https://www.presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump',
      'presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump',
    ],
    ['http://WWW.Example.COM/News/Story/', 'example.com/News/Story'],
    ['https://example.com/a?utm_source=x&utm_medium=y&b=2&a=1#frag', 'example.com/a?a=1&b=2'],
    ['https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&cmpid=7', 'example.com/a'],
    ['https://example.com/?q=1', 'example.com?q=1'],
    ['https://example.com', 'example.com'],
    ['https://example.com:8080/x/', 'example.com:8080/x'],
    ['https://example.com:443/x', 'example.com/x'],
    ['https://sub.www.example.com/x', 'sub.www.example.com/x'],
    ['https://example.com/a?b=2&a=3&a=1', 'example.com/a?a=3&a=1&b=2'],
    ['  https://example.com/a  ', 'example.com/a'],
    ['https://example.com/caf%C3%A9', 'example.com/caf%C3%A9'],
  ])('%s → %s', (input, key) => {
    expect(normalizeUrl(input)).toBe(key);
  });

  it.each([
    ['ftp://example.com/file'],
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['chrome-extension://abc/popup.html'],
    ['not a url'],
    [''],
    ['https://'],
  ])('returns null for %s', (input) => {
    expect(normalizeUrl(input)).toBeNull();
  });

  it('never throws on hostile input', () => {
    expect(normalizeUrl('https://example.com/' + 'a'.repeat(10_000_000))).toBeNull();
    expect(normalizeUrl(undefined as unknown as string)).toBeNull();
    expect(normalizeUrl(42 as unknown as string)).toBeNull();
    expect(normalizeUrl('https://[::1')).toBeNull();
  });

  it('gives tracking variants of one article the same key', () => {
    const a = normalizeUrl('https://www.example.com/story/?utm_campaign=rss');
    const b = normalizeUrl('http://example.com/story#comments');
    expect(a).toBe(b);
  });
});

describe('normalizeParsedUrl (callers that parsed the URL already)', () => {
  const parts = {
    scheme: fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'javascript:'),
    host: fc.constantFrom(
      'www.example.com',
      'Example.COM.',
      'web.archive.org/web/20170203000000/https://www.presstv.ir',
      'www-presstv-ir.cdn.ampproject.org/c/s/www.presstv.ir',
      'archive.ph/2021.01.01-000000/https://example.com',
      'www.google.com/url?q=https://example.com/x&sa=D',
      'amp.example.com',
      'xn--bcher-kva.example',
      'example.com:8080',
    ),
    path: fc.array(fc.constantFrom('news', 'Amp', 'amp', '2017', 'a%20b', 'ü', ''), { maxLength: 4 }),
    query: fc.array(fc.constantFrom('utm_source=x', 'a=1', 'b=2', 'amp=1', 'outputType=amp', 'q=%3F'), {
      maxLength: 3,
    }),
    hash: fc.constantFrom('', '#top'),
  };
  it('gives what normalizeUrl gives for the same string', () => {
    fc.assert(
      fc.property(fc.record(parts), ({ scheme, host, path, query, hash }) => {
        const s = `${scheme}${host}/${path.join('/')}${query.length ? '?' + query.join('&') : ''}${hash}`;
        let parsed: URL;
        try {
          parsed = new URL(s);
        } catch {
          return;
        }
        const href = parsed.href;
        expect(normalizeParsedUrl(parsed)).toBe(normalizeUrl(s));
        expect(parsed.href).toBe(href); // not modified
      }),
      { numRuns: 400 },
    );
  });
});
