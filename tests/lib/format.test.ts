import { describe, expect, it } from 'vitest';
import {
  displayUrl,
  formatAuthors,
  formatDate,
  formatLanguage,
  formatModifiedDate,
  formatReadingTime,
  safeHttpUrl,
} from '@/lib/format';

describe('formatDate', () => {
  it.each([
    ['2017-02-03T11:13:00+03:30', '3 Feb 2017'],
    ['2017-02-03', '3 Feb 2017'],
    // The calendar day as the outlet wrote it, even where UTC is already the next day.
    ['2017-02-03T23:30:00-05:00', '3 Feb 2017'],
    ['2017-02-03T00:10:00+14:00', '3 Feb 2017'],
    ['2017-02-03T11:13:00Z', '3 Feb 2017'],
    ['2017-02-03T11:13', '3 Feb 2017'],
    ['2017-02-03 11:13:00', '3 Feb 2017'],
    ['  2024-09-30T08:00:00.000+01:00 ', '30 Sep 2024'],
    ['2024-02-29', '29 Feb 2024'],
    ['2021-12-01', '1 Dec 2021'],
    // Non-ISO strings Date can parse: their UTC day.
    ['Fri, 03 Feb 2017 11:13:00 GMT', '3 Feb 2017'],
  ])('formats %j as %j', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it.each([
    'not a date',
    '',
    '   ',
    '2017-13-01',
    '2017-02-30',
    '2023-02-29',
    '2017-00-10',
    '2017-02-00',
    '2017-02-03garbage',
  ])('returns null for invalid %j', (input) => {
    expect(formatDate(input)).toBeNull();
  });

  it('returns null for missing values', () => {
    expect(formatDate(undefined)).toBeNull();
    expect(formatDate(null)).toBeNull();
  });
});

describe('formatModifiedDate', () => {
  it('shows a modification on a different day', () => {
    expect(formatModifiedDate('2017-02-04T09:00:00+03:30', '2017-02-03T11:13:00+03:30')).toBe('4 Feb 2017');
  });
  it('hides a modification on the same day', () => {
    expect(formatModifiedDate('2017-02-03T18:00:00+03:30', '2017-02-03T11:13:00+03:30')).toBeNull();
  });
  it('shows it when there is no published date', () => {
    expect(formatModifiedDate('2017-02-04', undefined)).toBe('4 Feb 2017');
  });
  it('returns null when absent or invalid', () => {
    expect(formatModifiedDate(undefined, '2017-02-03')).toBeNull();
    expect(formatModifiedDate('nope', '2017-02-03')).toBeNull();
  });
});

describe('formatReadingTime', () => {
  it.each([
    [3, '3 min read'],
    [2.6, '3 min read'],
    [0.2, '1 min read'],
    [1, '1 min read'],
    [42, '42 min read'],
  ])('formats %d minutes as %j', (minutes, expected) => {
    expect(formatReadingTime(minutes)).toBe(expected);
  });
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, undefined, null])('returns null for %j', (m) => {
    expect(formatReadingTime(m)).toBeNull();
  });
});

describe('formatAuthors', () => {
  it.each([
    [['Jane Doe'], 'Jane Doe'],
    [['Jane Doe', 'John Roe'], 'Jane Doe and John Roe'],
    [['A', 'B', 'C'], 'A, B and C'],
    [[' A ', '', 'A', 'B'], 'A and B'],
  ])('joins %j as %j', (authors, expected) => {
    expect(formatAuthors(authors)).toBe(expected);
  });
  it('falls back to the byline when the list is empty', () => {
    expect(formatAuthors([], 'By the Press TV newsroom')).toBe('By the Press TV newsroom');
  });
  it('returns null when the page names nobody', () => {
    expect(formatAuthors([], '  ')).toBeNull();
    expect(formatAuthors(undefined)).toBeNull();
  });
});

describe('formatLanguage', () => {
  it.each([
    ['en', 'English'],
    ['fa', 'Persian'],
    ['en-GB', 'British English'],
  ])('names %j as %j', (tag, expected) => {
    expect(formatLanguage(tag)).toBe(expected);
  });
  it('keeps unknown or malformed tags as written', () => {
    expect(formatLanguage('xx')).toBe('xx');
    expect(formatLanguage('not a tag!')).toBe('not a tag!');
  });
  it('returns null when absent', () => {
    expect(formatLanguage(undefined)).toBeNull();
    expect(formatLanguage('')).toBeNull();
  });
});

describe('safeHttpUrl / displayUrl', () => {
  it.each([
    ['https://www.presstv.ir', 'https://www.presstv.ir/'],
    ['http://example.com/about?x=1', 'http://example.com/about?x=1'],
  ])('keeps http(s) URL %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    '/relative/path',
    'file:///etc/passwd',
    '',
    undefined,
  ])('rejects %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
  });
  it.each([
    ['https://www.presstv.ir', 'www.presstv.ir'],
    ['https://www.presstv.ir/', 'www.presstv.ir'],
    ['https://example.org/about/ethics/?ref=footer#top', 'example.org/about/ethics'],
    ['http://127.0.0.1:8080/x', '127.0.0.1:8080/x'],
  ])('shows %j as %j', (input, expected) => {
    expect(displayUrl(input)).toBe(expected);
  });
  it('shows nothing for non-http(s) URLs', () => {
    expect(displayUrl('javascript:alert(1)')).toBeNull();
    expect(displayUrl(undefined)).toBeNull();
  });
});
