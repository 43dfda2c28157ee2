import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '@/lib/related/dates';
import { decodeFeedBytes, prologEncoding, contentTypeCharset } from '@/lib/related/decode';
import { htmlToText } from '@/lib/related/html-text';

describe('parseFeedDate', () => {
  it.each([
    ['Fri, 03 Feb 2017 11:40:00 +0900', '2017-02-03T02:40:00.000Z'],
    ['Fri, 3 Feb 2017 08:13:00 GMT', '2017-02-03T08:13:00.000Z'],
    ['Fri, 03 Feb 2017 08:13:00 EST', '2017-02-03T13:13:00.000Z'],
    ['03 Feb 17 08:13 Z', '2017-02-03T08:13:00.000Z'],
    ['Friday, 03-Feb-2017 08:13:00 PDT', '2017-02-03T15:13:00.000Z'],
    ['3 February 2017', '2017-02-03T00:00:00.000Z'],
    ['2017-02-03T14:20:00+09:00', '2017-02-03T05:20:00.000Z'],
    ['2017-02-03T14:20:00.123Z', '2017-02-03T14:20:00.000Z'],
    ['2017-02-03 14:20', '2017-02-03T14:20:00.000Z'],
    ['2017-02-03', '2017-02-03T00:00:00.000Z'],
    ['20170203T054500Z', '2017-02-03T05:45:00.000Z'],
    ['Fri, 03 Foo 2017 10:00:00 GMT', ''],
    ['2017-13-03', ''],
    ['1066-10-14', ''],
    ['yesterday', ''],
    ['', ''],
  ])('%s → %s', (raw, iso) => expect(parseFeedDate(raw)).toBe(iso));
});

describe('decodeFeedBytes', () => {
  const enc = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
  it('reads the prolog and the Content-Type charset', () => {
    expect(prologEncoding(enc('<?xml version="1.0" encoding="Shift_JIS"?><rss/>'))).toBe('shift_jis');
    expect(prologEncoding(enc('<rss/>'))).toBeNull();
    expect(contentTypeCharset('text/xml; charset="windows-1251"')).toBe('windows-1251');
    expect(contentTypeCharset(undefined)).toBeNull();
  });

  it('decodes legacy encodings through TextDecoder', () => {
    const cyr = new Uint8Array([
      ...enc('<?xml version="1.0" encoding="windows-1251"?><t>'),
      0xcf,
      0xf0,
      0xe8,
      ...enc('</t>'),
    ]);
    expect(decodeFeedBytes(cyr).text).toContain('<t>При</t>');
  });

  it('treats a UTF-16 declaration without UTF-16 bytes as a mistake', () => {
    const r = decodeFeedBytes(enc('<?xml version="1.0" encoding="UTF-16"?><rss/>'));
    expect(r.encoding).toBe('utf-8');
    expect(r.errors).toEqual(['Declared utf-16 but the bytes are not UTF-16; read as UTF-8.']);
  });
});

describe('htmlToText', () => {
  it('strips tags, drops scripts and styles, decodes a fixed entity table only', () => {
    expect(
      htmlToText(
        '<p>A&nbsp;&amp;&nbsp;B</p><script>x()</script><style>p{}</style><p>C &hellip; &custom;</p>',
      ),
    ).toBe('A & B C … &custom;');
    expect(htmlToText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
    expect(htmlToText('<img src=x onerror=alert(1)>caption')).toBe('caption');
  });
});
