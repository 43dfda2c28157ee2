// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractPeople, MAX_PEOPLE } from '../../../lib/people/extract';
import type { PeopleResult } from '../../../lib/people/types';

const shared = process.env.MASTHEAD_SHARED ?? resolve(import.meta.dirname, '../../../../shared');
const seed = readFileSync(resolve(shared, 'seed/presstv-japan-us-alliance.txt'), 'utf8');
const title = "Japan hopes for 'unwavering alliance' with US under Trump";

function expectOffsetsHold(text: string, r: PeopleResult): void {
  for (const p of r.people) {
    for (const m of p.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const q of p.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  }
  for (const s of r.sourcesCited) expect(s.start).toBeLessThan(s.end);
}

describe('extractPeople on the seed article', () => {
  const r = extractPeople({ text: seed, title });
  const byName = new Map(r.people.map((p) => [p.name, p]));

  it('finds exactly the four people, nothing else', () => {
    expect(r.people.map((p) => p.name).sort()).toEqual([
      'Donald Trump',
      'Fumio Kishida',
      'James Mattis',
      'Shinzo Abe',
    ]);
  });

  it.each([
    ['Shinzo Abe', /Japanese Prime Minister/],
    ['James Mattis', /US Defense Secretary/],
    ['Donald Trump', /President/],
    ['Fumio Kishida', /Japanese Foreign Minister/],
  ])('states the role of %s', (name, role) => {
    expect(byName.get(name)?.roleInText).toMatch(role);
  });

  it('resolves "the US secretary of defense" to Mattis and gives him that quote', () => {
    const mattis = byName.get('James Mattis');
    expect(
      mattis?.mentions.some((m) => m.kind === 'descriptive' && m.text === 'the US secretary of defense'),
    ).toBe(true);
    expect(mattis?.quotes.some((q) => q.text.startsWith('I wanted to make certain'))).toBe(true);
    expect(mattis?.quotes.some((q) => q.text.startsWith('We stand firmly') && q.cue === 'told')).toBe(true);
  });

  it('attributes the Kyodo quote and the "I hope" quote to Abe', () => {
    const abe = byName.get('Shinzo Abe');
    expect(abe?.quotes.map((q) => q.cue)).toEqual(['quoted … as saying', 'said']);
  });

  it('records possessive and surname mentions', () => {
    const kinds = (n: string) => new Set(byName.get(n)?.mentions.map((m) => m.kind));
    expect(kinds('Shinzo Abe')).toEqual(expect.any(Set));
    expect([...kinds('Shinzo Abe')]).toEqual(expect.arrayContaining(['full', 'surname', 'possessive']));
    expect(
      byName.get('James Mattis')?.mentions.some((m) => m.kind === 'possessive' && m.text === 'Mattis'),
    ).toBe(true);
  });

  it('cites Kyodo News (quoted) and AFP (photos) only', () => {
    expect(r.sourcesCited.map((s) => [s.name, s.kind])).toEqual([
      ['AFP', 'photo'],
      ['Kyodo News', 'quoted'],
    ]);
    expect(r.sourcesCited[0]?.count).toBe(2);
  });

  it('ranks by prominence and flags title and lead', () => {
    expect(byName.get('Donald Trump')?.prominence.inTitle).toBe(true);
    expect(byName.get('Shinzo Abe')?.prominence.inLead).toBe(true);
    expect(r.people.at(-1)?.name).toBe('Fumio Kishida');
  });

  it('keeps offsets true to the text', () => expectOffsetsHold(seed, r));
});

describe('extractPeople on names with diacritics and hyphens', () => {
  const text =
    'French Foreign Minister Jean-Yves Le Drian met Turkish President Recep Tayyip Erdoğan in Ankara. ' +
    'Le Drian said, "We talked a lot." Erdoğan\'s aide Nguyễn Văn An and Seán Ó Dálaigh attended.';
  const r = extractPeople({ text });
  it('keeps whole names and links multi-word surnames', () => {
    const names = r.people.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['Jean-Yves Le Drian', 'Recep Tayyip Erdoğan', 'Seán Ó Dálaigh']),
    );
    const drian = r.people.find((p) => p.name === 'Jean-Yves Le Drian');
    expect(drian?.mentions.map((m) => m.text)).toEqual(['Jean-Yves Le Drian', 'Le Drian']);
    expect(drian?.quotes).toHaveLength(1);
  });
});

describe('extractPeople on bad input', () => {
  const fiveMb = (s: string) => s.repeat(Math.ceil(5e6 / s.length)).slice(0, 5e6);
  it.each([
    ['5 MB of news text', fiveMb(seed), 10],
    ['5 MB with no spaces', fiveMb('abcdefGHIJklmn'), 0],
    ['5 MB of all-caps text', fiveMb(seed.toUpperCase()), 0],
    ['5 MB of right-to-left text', fiveMb('قال الرئيس محمود عباس إن "نحن هنا" '), 0],
    ['5 MB of capitalised words', fiveMb('Alpha Beta Gamma Delta Epsilon '), 0],
  ])(
    'completes on %s',
    (_label, text, max) => {
      const r = extractPeople({ text });
      expect(r.people.length).toBeLessThanOrEqual(max);
    },
    60_000,
  );

  it('caps the people returned on text naming a huge number of distinct people', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => `Minister Anna Berg${i} met Luis Ortega${i}.`).join(
      ' ',
    );
    const r = extractPeople({ text: many });
    expect(r.people.length).toBe(MAX_PEOPLE);
    expectOffsetsHold(many, r);
  });

  it('reads no names out of all-caps text (capitals are no evidence there)', () => {
    const r = extractPeople({
      text: 'JAPANESE PRIME MINISTER SHINZO ABE MET JAMES MATTIS IN TOKYO. ABE SAID "YES."',
    });
    expect(r.people).toEqual([]);
  });

  it('finds English names inside right-to-left text with true offsets', () => {
    const text =
      'قال رئيس الوزراء Shinzo Abe إن اليابان ‏ستبقى‏ حليفة. وقال James Mattis "نحن هنا". התראיין Abe שוב.';
    const r = extractPeople({ text });
    expect(r.people.map((p) => p.name).sort()).toEqual(['James Mattis', 'Shinzo Abe']);
    expect(r.people.find((p) => p.name === 'Shinzo Abe')?.mentions).toHaveLength(2);
    expectOffsetsHold(text, r);
  });

  it('links a name written with and without diacritics, hyphens kept inside the name', () => {
    const text =
      'Turkish President Recep Tayyip Erdoğan met Jean-Yves Le Drian. Erdogan said the talks went well, ' +
      "and Le Drian's office agreed. Later Erdoğan left.";
    const r = extractPeople({ text });
    const erdogan = r.people.find((p) => p.name === 'Recep Tayyip Erdoğan');
    expect(erdogan?.mentions.map((m) => m.text)).toEqual(['Recep Tayyip Erdoğan', 'Erdogan', 'Erdoğan']);
    expect(r.people.find((p) => p.name === 'Jean-Yves Le Drian')?.mentions.map((m) => m.kind)).toEqual([
      'full',
      'possessive',
    ]);
    expect(r.people).toHaveLength(2);
  });

  it('survives one 5 MB word, lone surrogates and control characters', () => {
    const text = `${'x'.repeat(5e6)} \uD800 \u0000 Shinzo Abe said. \uDFFF`;
    const r = extractPeople({ text });
    expect(r.people.map((p) => p.name)).toEqual(['Shinzo Abe']);
    expectOffsetsHold(text, r);
  });

  it('returns nothing for an empty string or a non-English language', () => {
    expect(extractPeople({ text: '' })).toEqual({ people: [], sourcesCited: [] });
    expect(extractPeople({ text: seed, lang: 'fr' }).people).toEqual([]);
  });

  it('keeps text.slice(start, end) === text for any input', () => {
    const word = fc.constantFrom(
      'Abe',
      "Abe's",
      'Mattis',
      "Mattis'",
      'Shinzo',
      'said',
      'the',
      'President',
      'Dr.',
      'Jean-Yves',
      'Le',
      'Drian',
      '"',
      '“',
      '”',
      ',',
      '.',
      '\n',
      'ğ',
      '😀',
      'قال',
      'Ó',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.string()), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        expectOffsetsHold(text, extractPeople({ text }));
      }),
      { numRuns: 300 },
    );
  });
});
