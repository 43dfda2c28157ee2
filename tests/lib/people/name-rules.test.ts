// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractPeople } from '../../../lib/people/extract';
import { isCommonPlural } from '../../../lib/people/plural-heads';
import { hypocoristic } from '../../../lib/people/hypocorisms';

/** The people found, each as "Name[mention, mention]". Examples are invented, not corpus text. */
const people = (text: string) =>
  extractPeople({ text }).people.map((p) => `${p.name}[${p.mentions.map((m) => m.text).join(', ')}]`);
const names = (text: string) => extractPeople({ text }).people.map((p) => p.name);

describe('a capitalised run ending in a plural common noun is a group, not a person', () => {
  it.each([
    'Many voters accuse the country’s political Loyalists, who held power until 2019, of delay.',
    'Rival Marxists, who split in 1990, met again, and the Shiites said little.',
    'She is a reporter for Northwind Tech covering courts. The Eastbay Trust said it would appeal.',
  ])('group words and organisation heads: %s', (text) => expect(names(text)).toEqual([]));

  it.each([
    'In 2010 she joined Northwind Bible Translators, a charity based in Ohio.',
    'The file went between the Treasury and Homeland Security Departments, officials said.',
    'He later worked for Redwood Sports, where he wrote columns.',
  ])('%s', (text) => expect(names(text)).toEqual([]));

  it('keeps people whose surname ends in s (Jones, Adams, Waters, Collins, Williams …)', () => {
    const text =
      'Tom Jones sang. John Adams wrote. Roger Waters played. Sarah Collins said. Mary Williams said. ' +
      'Mark Harris said. Ann Davis said. Kate Roberts said. Rhys Evans said. Joe Matthews said.';
    expect(names(text).sort()).toEqual(
      [
        'Tom Jones',
        'John Adams',
        'Roger Waters',
        'Sarah Collins',
        'Mary Williams',
        'Mark Harris',
        'Ann Davis',
        'Kate Roberts',
        'Rhys Evans',
        'Joe Matthews',
      ].sort(),
    );
  });

  it('tells plurals of common nouns from surnames', () => {
    for (const w of ['translators', 'departments', 'disorders', 'sports', 'communities', 'rocks'])
      expect(isCommonPlural(w), w).toBe(true);
    for (const w of [
      'jones',
      'adams',
      'williams',
      'collins',
      'harris',
      'davis',
      'roberts',
      'evans',
      'matthews',
    ])
      expect(isCommonPlural(w), w).toBe(false);
  });

  it('does not accept a list item made of common words as a person ("People Power")', () => {
    const text = 'The winners were Ann Lee of Labour, Bob Ray of People Power, and Tim Cole of the Greens.';
    expect(names(text).sort()).toEqual(['Ann Lee', 'Bob Ray', 'Tim Cole']);
  });
});

describe('one person under a short and a formal given name, or under the given names alone', () => {
  it('merges a hypocorism with its formal name when the surname is the same', () => {
    expect(people('Lawrence Lessig wrote the book. Then Larry Lessig spoke.')).toEqual([
      'Lawrence Lessig[Lawrence Lessig, Larry Lessig]',
    ]);
    expect(names('We met Robert Palmer. Later, Bob Palmer sang.')).toHaveLength(1);
    expect(hypocoristic('william', 'bill')).toBe(true);
    expect(hypocoristic('elizabeth', 'liz')).toBe(true);
  });

  it('keeps different given names apart (Mary/Robert Smith, Tom/Jim Brown)', () => {
    expect(names('Mary Smith met Robert Smith. Tom Brown and Jim Brown arrived.').sort()).toEqual([
      'Jim Brown',
      'Mary Smith',
      'Robert Smith',
      'Tom Brown',
    ]);
    expect(hypocoristic('tom', 'jim')).toBe(false);
  });

  it('links the given names alone to the person named in full', () => {
    expect(people('Anna Maria Rossi was born in Rome. As a child, Anna Maria loved music.')).toEqual([
      'Anna Maria Rossi[Anna Maria Rossi, Anna Maria]',
    ]);
  });

  it('keeps a generational suffix apart ("Johann Bernoulli II" is not "Johann Bernoulli")', () => {
    expect(names('Johann Bernoulli II met Johann Bernoulli in Basel.')).toHaveLength(2);
  });
});

describe('"X of Y": a given name with its place of origin', () => {
  it('takes "Catherine of Aragon" as one name', () => {
    expect(people('Stories about Catherine of Aragon filled the book.')).toEqual([
      'Catherine of Aragon[Catherine of Aragon]',
    ]);
  });

  it('links the given name alone to her, but not the place', () => {
    expect(
      people('Letters from Catherine of Aragon survive. She loved Aragon, and Catherine wrote often.'),
    ).toEqual(['Catherine of Aragon[Catherine of Aragon, Catherine]']);
  });

  it('leaves a surname before "of" alone ("Senator Kennedy of Massachusetts")', () => {
    expect(names('The vote went to Senator Kennedy of Massachusetts on Friday.')).toEqual(['Kennedy']);
  });
});

describe('places, works and titles that look like names', () => {
  it('never takes an interrogative for a name part ("Doctor Who")', () => {
    expect(names('Fans dressed as characters from Doctor Who and Guess Who.')).toEqual([]);
  });

  it('takes one-word street names for places, and keeps credited people', () => {
    expect(names('The old shop on Bahnhofstrasse. Photo: Kastanienallee. Photo: Jane Roe.')).toEqual([
      'Jane Roe',
    ]);
  });

  it('knows historical regions ("his native Silesia")', () => {
    expect(names('He returned to his native Silesia in 1890, then to Transylvania.')).toEqual([]);
  });

  it('takes a run before "(1965)", even after "!", for a work', () => {
    expect(names('She won an award for Caro Mondo! (1965), a comedy.')).toEqual([]);
    expect(names('She met Caro Mondo, a painter.')).toEqual(['Caro Mondo']);
  });

  it('takes the run right after the kind of a work for its title', () => {
    expect(names('She launched her graphic novel Lucy Marlowe with illustrator Sam Reed.')).toEqual([
      'Sam Reed',
    ]);
  });

  it('reads French and Latin title words as no name', () => {
    expect(names('Ann Lee published Géométrie Analytique and Acta Sinica in 1701.')).toEqual(['Ann Lee']);
  });

  it('takes one word after a place for a thing of that place ("Denver Sun"), not "Paris Hilton"', () => {
    expect(
      names('The quote was printed in the Denver Sun on Monday. Paris Hilton said she liked it.'),
    ).toEqual(['Paris Hilton']);
  });

  it('reads "The X writes" with a capitalised article as a title, but keeps a known surname', () => {
    expect(names('How The Beacon writes a story is simple.')).toEqual([]);
    expect(names('The Obama administration did not comment.')).toEqual(['Obama']);
  });
});
