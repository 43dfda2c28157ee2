// @vitest-environment node
import { describe, expect, it } from 'vitest';
import data from '../../../lib/people/data/officeholders.json';
import { validateOfficeholders, type OfficeholdersFile } from '../../../lib/people/officeholders-format';

const file = data as unknown as OfficeholdersFile;
const people = Object.entries(file.people);

describe('lib/people/data/officeholders.json', () => {
  it('validates record by record', () => {
    expect(validateOfficeholders(file)).toEqual([]);
  });

  it('holds at least 3,000 people, keyed by QID', () => {
    expect(people.length).toBeGreaterThanOrEqual(3000);
    for (const [qid] of people) expect(qid).toMatch(/^Q[1-9]\d*$/);
  });

  it('gives every fact a Wikidata source and a snapshot as-of date', () => {
    expect(file.itemUrl).toBe('https://www.wikidata.org/wiki/');
    for (const [repo, asOf] of file.snapshots) {
      expect(repo).toMatch(/^every-politician-scrapers\//);
      expect(asOf >= '2022-01-01' && asOf <= file.built).toBe(true);
    }
  });

  it('keeps terms whose end is not before their start, in offices with a label', () => {
    for (const [, [, terms]] of people)
      for (const [o, start, end] of terms) {
        expect(end === '' || end.slice(0, start.length) >= start.slice(0, end.length)).toBe(true);
        expect(file.offices[o]![1].length).toBeGreaterThan(3);
      }
  });

  it('has only terms in office in or after 2000, and a rank 1-2 office per person', () => {
    for (const [qid, [, terms]] of people) {
      expect(
        terms.some(([, , end]) => end === '' || end >= '2000'),
        qid,
      ).toBe(true);
      expect(
        terms.some(([o]) => file.offices[o]![3] <= 2),
        qid,
      ).toBe(true);
    }
  });

  it('finds every person by their folded name, and every name key names known people', () => {
    const keys = Object.entries(file.names);
    expect(keys.length).toBeGreaterThanOrEqual(people.length);
    const mattis = file.names['james mattis'];
    expect(mattis).toEqual(['Q267902']);
    expect(file.names['shinzo abe']).toContain('Q132345');
    expect(keys.every(([, qids]) => qids.every((q) => q in file.people))).toBe(true);
  });

  it('rejects malformed records with a reason', () => {
    const bad = {
      ...file,
      people: {
        Q1: ['', []],
        X2: ['A B', [[0, '2001', '', 0]]],
        Q3: ['C D', [[0, 'soon', '', 99999]]],
      },
      names: { 'a b': ['X2'], 'c d': ['Q3'] },
    };
    const errors = validateOfficeholders(bad);
    expect(errors).toHaveLength(4);
    expect(errors.join('\n')).toMatch(
      /Q1: empty name[\s\S]*bad QID X2[\s\S]*Q3: term snapshot index[\s\S]*Q1: not found by its name/,
    );
    expect(validateOfficeholders(null)).toEqual(['not an object']);
    expect(validateOfficeholders({ format: 'x' })).toContain('missing tables');
  });
});
