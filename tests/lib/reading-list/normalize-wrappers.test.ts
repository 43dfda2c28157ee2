import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '@/lib/url/normalize';

const KEY = 'presstv.ir/Detail/2017/02/03/509465/Japan-US-Abe-Mattis-Trump';
const URL_ = `https://www.${KEY}`;

describe('normalizeUrl: the same article behind wrappers keys alike', () => {
  it.each([
    ['plain', URL_],
    ['http, trailing slash, tracking', `http://${KEY}/?utm_source=tw&fbclid=1#comments`],
    ['Wayback copy', `https://web.archive.org/web/20170204000000/${URL_}`],
    ['archive.today with the URL', `https://archive.ph/newest/${URL_}`],
    ['AMP cache', `https://www-presstv-ir.cdn.ampproject.org/c/s/www.${KEY}`],
    ['Google AMP viewer', `https://www.google.com/amp/s/www.${KEY}`],
    ['redirect shim', `https://l.facebook.com/l.php?u=${encodeURIComponent(URL_)}`],
    ['/amp path', `${URL_}/amp`],
    ['amp. host', `https://amp.${KEY}`],
    ['?amp=1', `${URL_}?amp=1`],
    ['outputType=amp', `${URL_}?outputType=amp`],
  ])('%s', (_name, url) => {
    expect(normalizeUrl(url)).toBe(KEY);
  });

  it('keeps what is not an AMP marker', () => {
    expect(normalizeUrl('https://amp.dev/documentation')).toBe('amp.dev/documentation');
    expect(normalizeUrl('https://example.com/news/amplifier')).toBe('example.com/news/amplifier');
    expect(normalizeUrl('https://example.com/a?outputType=print')).toBe('example.com/a?outputType=print');
    expect(normalizeUrl('https://example.com/story.amp.html')).toBe('example.com/story.html');
    expect(normalizeUrl('https://archive.ph/AbCd1')).toBe('archive.ph/AbCd1');
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
  });
});
