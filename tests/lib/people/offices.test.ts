// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildOfficeIndex, loadOfficeIndex, qidForName, roleAtDate } from '../../../lib/people/offices';
import type { OfficeholdersFile } from '../../../lib/people/officeholders-format';

const index = loadOfficeIndex();
const seedDay = '2017-02-03';

describe('roleAtDate on the real officeholder records (seed article, 3 Feb 2017)', () => {
  it('James Mattis: US Secretary of Defense since 2017-01-20', () => {
    expect(roleAtDate(index, 'James Mattis', seedDay, 'US Defense Secretary')).toEqual({
      qid: 'Q267902',
      label: 'US Secretary of Defense',
      since: '2017-01-20',
      until: '2018-12-31',
      source: 'https://www.wikidata.org/wiki/Q267902',
      asOf: '2022-08-03',
    });
  });

  it('Donald Trump: President of the United States since 2017-01-20', () => {
    const r = roleAtDate(index, 'Donald Trump', seedDay);
    expect(r).toMatchObject({ qid: 'Q22686', label: 'President of the United States', since: '2017-01-20' });
  });

  it('Shinzo Abe (written without the macron): Prime Minister of Japan since 2012-12-26, terms merged', () => {
    const r = roleAtDate(index, 'Shinzo Abe', seedDay, 'Japanese Prime Minister');
    expect(r).toMatchObject({ qid: 'Q132345', label: 'Prime Minister of Japan', since: '2012-12-26' });
    expect(roleAtDate(index, 'Shinzō Abe', seedDay)).toEqual(r);
  });

  it('Fumio Kishida: Minister for Foreign Affairs since 2012-12-26 (not his later offices)', () => {
    const r = roleAtDate(index, 'Fumio Kishida', seedDay, "Japan's foreign minister");
    expect(r).toMatchObject({ qid: 'Q359480', since: '2012-12-26', until: '2017-08-03' });
    expect(r!.label).toMatch(/^Minister for Foreign Affairs\b/);
    expect(roleAtDate(index, 'Fumio Kishida', '2022-01-10')?.label).toBe('Prime Minister of Japan');
  });

  it('accepts a date-time and an alias (the English Wikipedia title)', () => {
    expect(roleAtDate(index, 'Jim Mattis', '2017-02-03T08:00:00Z')?.qid).toBe('Q267902');
  });
});

describe('roleAtDate says unknown rather than guess', () => {
  it('no date, a bad date, an unknown name, a surname alone → null', () => {
    expect(roleAtDate(index, 'James Mattis', undefined)).toBeNull();
    expect(roleAtDate(index, 'James Mattis', '3 Feb 2017')).toBeNull();
    expect(roleAtDate(index, 'Jane Nobody', seedDay)).toBeNull();
    expect(roleAtDate(index, 'Mattis', seedDay)).toBeNull();
  });

  it('out of office on the date → null (Obama in 2018, Mattis before his term)', () => {
    expect(roleAtDate(index, 'Barack Obama', '2018-05-01')).toBeNull();
    expect(roleAtDate(index, 'James Mattis', '2016-12-01')).toBeNull();
  });

  it('an open-ended term after the corpus snapshot → null (the corpus cannot know)', () => {
    expect(roleAtDate(index, 'Joe Biden', '2021-06-01')?.label).toBe('President of the United States');
    expect(roleAtDate(index, 'Joe Biden', '2030-06-01')).toBeNull();
  });

  it('hostile input → null, never a throw', () => {
    const bad = index as never;
    expect(roleAtDate(bad, 42 as never, seedDay)).toBeNull();
    expect(roleAtDate(index, 'James Mattis'.repeat(100_000), seedDay)).toBeNull();
    expect(roleAtDate(index, 'James Mattis', '9999-99-99T')).toBeNull();
    expect(qidForName(index, undefined as never)).toBeNull();
    expect(roleAtDate(index, '  JAMES   mattis ', seedDay)?.qid).toBe('Q267902');
  });

  it('on the handover day the incoming holder has the office', () => {
    expect(roleAtDate(index, 'Donald Trump', '2017-01-20')?.qid).toBe('Q22686');
    expect(roleAtDate(index, 'Barack Obama', '2017-01-20')).toBeNull();
  });
});

describe('people sharing a name (synthetic file)', () => {
  const file: OfficeholdersFile = {
    format: 'masthead-officeholders',
    version: 2,
    built: '2026-11-25',
    licence: 'CC0-1.0',
    attribution: 'test',
    itemUrl: 'https://www.wikidata.org/wiki/',
    snapshots: [['every-politician-scrapers/x', '2022-07-23']],
    offices: [
      ['Q10', 'Minister of Finance of Ruritania', 'RU', 2],
      ['Q11', 'Minister of Defence of Freedonia', 'FR', 2],
    ],
    people: {
      Q1: ['Ana Silva', [[0, '2010-01-01', '2015-01-01', 0]]],
      Q2: ['Ana Silva', [[1, '2012-01-01', '2014-01-01', 0]]],
    },
    names: { 'ana silva': ['Q1', 'Q2'] },
  };
  const ix = buildOfficeIndex(file);

  it('both in office: only the role stated in the text decides', () => {
    expect(roleAtDate(ix, 'Ana Silva', '2013-01-01')).toBeNull();
    expect(qidForName(ix, 'Ana Silva', '2013-01-01')).toBeNull();
    expect(roleAtDate(ix, 'Ana Silva', '2013-01-01', 'defence minister')?.qid).toBe('Q2');
    expect(roleAtDate(ix, 'Ana Silva', '2013-01-01', 'finance minister')?.qid).toBe('Q1');
    expect(roleAtDate(ix, 'Ana Silva', '2013-01-01', 'President')).toBeNull();
  });

  it('one in office on the date: the office held decides', () => {
    expect(roleAtDate(ix, 'Ana Silva', '2014-06-01')?.qid).toBe('Q1');
    expect(qidForName(ix, 'Ana Silva', '2014-06-01')).toBe('Q1');
  });

  it('without a date, qidForName needs a role that fits one of them', () => {
    expect(qidForName(ix, 'ana silva')).toBeNull();
    expect(qidForName(ix, 'Ana Silva', undefined, 'Freedonian defence minister')).toBe('Q2');
  });

  it('rejects an invalid file', () => {
    expect(() => buildOfficeIndex({ ...file, version: 1 })).toThrow(/invalid/);
    expect(() => buildOfficeIndex({ ...file, names: { 'Ana Silva': ['Q1', 'Q2'] } })).toThrow(/not folded/);
    expect(() => buildOfficeIndex({ ...file, names: { 'ana silva': ['Q1', 'Q3'] } })).toThrow(/bad QIDs/);
    expect(() => buildOfficeIndex({ ...file, names: { 'ana silva': ['Q1'] } })).toThrow(/Q2: not found/);
  });

  it('a name that is a property of Object.prototype is nobody', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(qidForName(ix, name, undefined, 'finance minister')).toBeNull();
    expect(qidForName(index, 'constructor')).toBeNull();
  });
});
