// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractPeople } from '../../../lib/people/extract';

describe('roleInText', () => {
  it.each([
    ['Japanese Prime Minister Shinzo Abe visited Paris.', 'Shinzo Abe', 'Japanese Prime Minister'],
    [
      "The talks were led by Fumio Kishida, Japan's foreign minister, on Friday.",
      'Fumio Kishida',
      "Japan's foreign minister",
    ],
    [
      'Maria Lopez, who is the head of the central bank, spoke first.',
      'Maria Lopez',
      'the head of the central bank',
    ],
    ['U.S. Senator John Cornyn praised the plan.', 'John Cornyn', 'U.S. Senator'],
    [
      'Talks with former Pennsylvania Senator Rick Santorum ended.',
      'Rick Santorum',
      'former Pennsylvania Senator',
    ],
  ])('%s → %s is "%s"', (text, name, role) => {
    const p = extractPeople({ text }).people.find((x) => x.name === name);
    expect(p?.roleInText).toBe(role);
  });

  it('resolves a description only when one person holds the role', () => {
    const one = extractPeople({
      text: 'US Defense Secretary James Mattis arrived. The US secretary of defense said little.',
    });
    expect(one.people[0]?.mentions.some((m) => m.kind === 'descriptive')).toBe(true);
    const two = extractPeople({
      text: 'Foreign Minister Anna Berg met Foreign Minister Luis Ortega. The foreign minister said little.',
    });
    expect(two.people.flatMap((p) => p.mentions).some((m) => m.kind === 'descriptive')).toBe(false);
  });

  it('does not give a Taiwanese description to a US president', () => {
    const r = extractPeople({
      text: 'President Donald Trump called. He spoke with the Taiwanese president.',
    });
    expect(r.people[0]?.mentions.some((m) => m.kind === 'descriptive')).toBe(false);
  });
});
