// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractPeople } from '../../../lib/people/extract';

describe('quotes attributed to people', () => {
  it.each([
    ['Maria Lopez said: "We will not give up on this."', 'Maria Lopez', 'said'],
    ['"We will not give up on this," Maria Lopez said.', 'Maria Lopez', 'said'],
    ['"We will not give up on this," said Maria Lopez.', 'Maria Lopez', 'said'],
    ['“We stand firmly with you,” Maria Lopez told reporters.', 'Maria Lopez', 'told'],
    [
      'The agency quoted Maria Lopez as saying, "Prices will fall soon."',
      'Maria Lopez',
      'quoted … as saying',
    ],
    ['Maria Lopez arrived late. "We are tired of waiting," she said.', 'Maria Lopez', 'said'],
  ])('%s', (text, name, cue) => {
    const p = extractPeople({ text }).people.find((x) => x.name === name);
    expect(p?.quotes.map((q) => q.cue)).toEqual([cue]);
    const q = p?.quotes[0];
    expect(q && text.slice(q.start, q.end)).toBe(q?.text);
  });

  it('does not attribute scare quotes', () => {
    const r = extractPeople({ text: 'Maria Lopez hopes for an "unwavering alliance" with Spain.' });
    expect(r.people[0]?.quotes).toEqual([]);
  });
});
