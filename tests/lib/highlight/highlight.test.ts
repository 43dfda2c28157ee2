import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '@/lib/highlight/match';
import { highlightPeople, roleLine, validateHighlightPeople } from '@/lib/highlight/people';
import { highlightsOn, readOffSites, siteKey, withSite } from '@/lib/highlight/settings';
import { HIGHLIGHT_LIMITS, type HighlightPerson } from '@/lib/highlight/types';
import type { PersonReport } from '@/lib/types';

const hp = (name: string, forms: string[]): HighlightPerson => ({
  name,
  roles: [],
  forms,
  quotes: [],
  mentions: 1,
});

describe('createMatcher', () => {
  const m = createMatcher([
    hp('Shinzo Abe', ['Shinzo Abe', 'Abe', 'the premier']),
    hp('James Mattis', ['James Mattis', 'Mattis']),
  ]);
  const spans = (t: string) => m.find(t).map((x) => [t.slice(x.start, x.end), x.person]);

  it('finds full names before surnames, possessives and descriptive forms, on word boundaries', () => {
    expect(spans("Shinzo Abe's call; Mattis' trip; Abel and Abe told the premier.")).toEqual([
      ['Shinzo Abe', 0],
      ['Mattis', 1],
      ['Abe', 0],
      ['the premier', 0],
    ]);
  });

  it('matches across line breaks and no-break spaces, case-sensitively', () => {
    expect(spans('James\nMattis and Shinzo\u00a0Abe, not ABE or mattis')).toEqual([
      ['James\nMattis', 1],
      ['Shinzo\u00a0Abe', 0],
    ]);
  });

  it('escapes regex characters in forms and gives a shared form to the more prominent person', () => {
    const x = createMatcher([hp('A', ['Dr. (X)']), hp('B', ['Dr. (X)', 'Y+'])]);
    expect(x.find('see Dr. (X) and Y+ here').map((f) => f.person)).toEqual([0, 1]);
    expect(createMatcher([]).empty).toBe(true);
    expect(createMatcher([hp('Q', ['a'])]).find('a a a')).toEqual([]);
  });

  it('never throws and returns ordered, in-bounds, non-overlapping spans on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (t) => {
        const found = m.find(`${t} Mattis ${t}`);
        let last = 0;
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeLessThanOrEqual(t.length * 2 + 8);
          last = f.end;
        }
        expect(found.length).toBeGreaterThan(0);
      }),
    );
  });
});

const report = (over: Partial<PersonReport> = {}): PersonReport => ({
  name: 'James Mattis',
  roleInText: 'US Defense Secretary',
  roleAtDate: {
    qid: 'Q1',
    label: 'US Secretary of Defense',
    since: '2017-01-20',
    until: '2018-12-31',
    source: 'https://www.wikidata.org/wiki/Q1',
    asOf: '2022-08-03',
  },
  mentions: [
    { start: 0, end: 12, text: 'James Mattis', kind: 'full' },
    { start: 20, end: 26, text: 'Mattis', kind: 'surname' },
    { start: 30, end: 32, text: 'he', kind: 'pronoun' },
    { start: 40, end: 67, text: 'the US secretary of defense', kind: 'descriptive' },
  ],
  quotes: [{ text: 'We stand firmly', start: 1, end: 2, cue: 'said' }],
  prominence: { mentions: 4, inTitle: false, inLead: true, score: 9 },
  ...over,
});

describe('highlightPeople / validateHighlightPeople', () => {
  it('keeps forms (never pronouns), roles and quotes', () => {
    expect(highlightPeople([report()])).toEqual([
      {
        name: 'James Mattis',
        roles: ['US Defense Secretary', 'US Secretary of Defense, since 20 Jan 2017'],
        forms: ['the US secretary of defense', 'James Mattis', 'Mattis'],
        quotes: ['We stand firmly'],
        mentions: 4,
      },
    ]);
    expect(roleLine({ qid: 'Q', label: 'Chancellor', source: '', asOf: '' })).toBe('Chancellor');
    expect(roleLine({ qid: 'Q', label: 'Chancellor', since: '2005', source: '', asOf: '' })).toBe(
      'Chancellor, since 2005',
    );
  });

  it('round-trips through the validator and drops anything malformed', () => {
    const list = highlightPeople([report(), report({ name: 'Shinzo Abe', mentions: [] })]);
    expect(validateHighlightPeople(JSON.parse(JSON.stringify(list)))).toEqual(list);
    expect(validateHighlightPeople(null)).toEqual([]);
    expect(validateHighlightPeople([{ name: 'X', forms: [] }, { name: 3, forms: ['ab'] }, 'x'])).toEqual([]);
    const big = validateHighlightPeople(
      Array.from({ length: 100 }, () => ({
        name: 'N'.repeat(1000),
        forms: Array(100).fill('x'.repeat(500)),
        mentions: 1e12,
      })),
    );
    expect(big).toHaveLength(HIGHLIGHT_LIMITS.people);
    expect(big[0]!.forms[0]!.length).toBe(HIGHLIGHT_LIMITS.formLength);
    expect(big[0]!.mentions).toBe(1e6);
  });

  it('carries a well-formed Wikidata QID (for the Wikipedia summary) and drops any other', () => {
    const [withQid] = highlightPeople([report({ qid: 'Q267902' })]);
    expect(withQid!.qid).toBe('Q267902');
    expect(highlightPeople([report({ qid: 'javascript:1' })])[0]).not.toHaveProperty('qid');
    const back = validateHighlightPeople([{ ...withQid, qid: 'Q0' }, withQid]);
    expect(back.map((p) => p.qid)).toEqual([undefined, 'Q267902']);
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.anything(), (raw) => Array.isArray(validateHighlightPeople(raw))));
  });
});

describe('highlight settings', () => {
  it('is on by default, off globally or per site (www. ignored)', () => {
    expect(highlightsOn(undefined, undefined, 'www.presstv.ir')).toBe(true);
    expect(highlightsOn(false, [], 'presstv.ir')).toBe(false);
    expect(highlightsOn(true, ['presstv.ir'], 'www.presstv.ir')).toBe(false);
    expect(highlightsOn('garbage', { x: 1 }, 'a.example')).toBe(true);
  });

  it('adds and removes sites without duplicates', () => {
    const once = withSite([], 'www.BBC.co.uk', true);
    expect(once).toEqual(['bbc.co.uk']);
    expect(withSite(once, 'bbc.co.uk', true)).toEqual(['bbc.co.uk']);
    expect(withSite(once, 'www.bbc.co.uk', false)).toEqual([]);
    expect(readOffSites(['a.com', 3, '', 'A.com'])).toEqual(['a.com']);
    expect(siteKey('WWW.X.ORG')).toBe('x.org');
  });
});
