// @vitest-environment node
/** Small pure rules: bylines, titles, page kinds, article text. */
import { describe, expect, it } from 'vitest';
import { articleText } from '../../../lib/article/article-text';
import { cleanByline, joinAuthors } from '../../../lib/article/byline';
import { parseJsonLdText } from '../../../lib/article/jsonld';
import { pageKindOf, type PageFacts } from '../../../lib/article/page-kind';
import { stripSiteName, stripTitleAffixes } from '../../../lib/article/title';
import { page } from './helpers';

describe('cleanByline', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by Lucas Nolan22 Dec 2016651', 'Lucas Nolan'],
    ['By GILLIAN MOHNEY\n   March 11, 2015 3:46 PM', 'GILLIAN MOHNEY'],
    ['Written by Rob Ewaschuk', 'Rob Ewaschuk'],
    ['Jane Doe | Updated 2024-05-01', 'Jane Doe'],
    ['Follow Author', undefined],
    ['Last Updated: January 7, 2025', undefined],
    ['https://www.facebook.com/someone', undefined],
    ['J J', undefined],
    ['', undefined],
  ])('%j → %j', (raw, clean) => {
    expect(cleanByline(raw)).toBe(clean);
  });

  it('joins authors for display', () => {
    expect(joinAuthors(['A'])).toBe('A');
    expect(joinAuthors(['A', 'B'])).toBe('A and B');
    expect(joinAuthors(['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinAuthors([])).toBeUndefined();
  });
});

describe('titles', () => {
  it.each([
    [
      "PressTV-Japan hopes for 'unwavering alliance' with US under Trump",
      ['Press TV', 'PressTV'],
      "Japan hopes for 'unwavering alliance' with US under Trump",
    ],
    ['Council votes on budget | Example News', ['Example News'], 'Council votes on budget'],
    ['Example News: Council votes on budget', ['Example News'], 'Council votes on budget'],
    ['Example News', ['Example News'], 'Example News'],
  ])('stripSiteName(%j)', (title, names, expected) => {
    expect(stripSiteName(title, names)).toBe(expected);
  });

  it.each([
    ['How to Build a Terrarium | eHow', 'How to Build a Terrarium'],
    [
      'Evolve: Shared Mutable History — evolve extension for Mercurial',
      'Evolve: Shared Mutable History — evolve extension for Mercurial',
    ],
    ['No separators here at all', 'No separators here at all'],
  ])('stripTitleAffixes(%j)', (title, expected) => {
    expect(stripTitleAffixes(title)).toBe(expected);
  });
});

describe('parseJsonLdText', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['<!--{"a":1}-->', { a: 1 }],
    ['//<![CDATA[\n{"a":1}\n//]]>', { a: 1 }],
    ['{"a":[1,2,],}', { a: [1, 2] }],
    ['{"a":"line\nbreak"}', { a: 'line break' }],
    ['not json', undefined],
    ['', undefined],
  ])('%j', (raw, value) => {
    expect(parseJsonLdText(raw)).toEqual(value);
  });

  it('skips blocks over 1 MB', () => {
    expect(parseJsonLdText(`{"a":"${'x'.repeat(1_000_001)}"}`)).toBeUndefined();
  });
});

describe('pageKindOf', () => {
  const base: PageFacts = {
    url: 'https://x.test/2024/01/01/story',
    paragraphTextLength: 3000,
    teaserLinks: 5,
    linkDensity: 0.1,
    hasPassword: false,
    hasLoginForm: false,
    hasSearchUi: false,
    hasVideo: false,
    articleEvidence: false,
  };
  it.each([
    ['an article', {}, 'other'],
    ['a sign-in form', { url: 'https://x.test/login', hasPassword: true, paragraphTextLength: 100 }, 'login'],
    ['a password box on a long page', { hasPassword: true }, 'other'],
    [
      'search results',
      { url: 'https://x.test/search?q=budget', teaserLinks: 20, paragraphTextLength: 0 },
      'search',
    ],
    [
      'a front page',
      { url: 'https://x.test/', teaserLinks: 30, paragraphTextLength: 200, linkDensity: 0.8 },
      'home',
    ],
    [
      'a front page with article markup',
      {
        url: 'https://x.test/',
        teaserLinks: 30,
        paragraphTextLength: 200,
        linkDensity: 0.8,
        articleEvidence: true,
      },
      'other',
    ],
    [
      'a tag page',
      { url: 'https://x.test/tag/budget', teaserLinks: 25, paragraphTextLength: 300 },
      'section',
    ],
    ['a video page', { ogType: 'video.other', paragraphTextLength: 100 }, 'video'],
    ['an article with an embedded video', { hasVideo: true }, 'other'],
  ] as const)('%s → %s', (_name, facts, kind) => {
    expect(pageKindOf({ ...base, ...facts })).toBe(kind);
  });
});

describe('articleText', () => {
  it('separates blocks with blank lines and skips captions and stamps', () => {
    const doc = page(
      '<div id="c"><p>Fri Feb 3, 2017 11:13AM</p><figure><img src="a.jpg"><figcaption>Caption</figcaption></figure><p>First  <b>bold</b>\n para.</p><ul><li>One</li><li>Two</li></ul><p>Last<br>line</p></div>',
    );
    expect(articleText(doc.getElementById('c')!)).toBe('First bold para.\n\nOne\n\nTwo\n\nLast\n\nline');
  });
});
