import { describe, expect, it, vi } from 'vitest';
import summary from '../../fixtures/wikipedia/summary-jim-mattis.json';
import { createCard } from '@/entrypoints/article.content/card';
import { parsePersonSummary } from '@/lib/people/wiki-summary';
import type { HighlightPerson } from '@/lib/highlight/types';

const mattis: HighlightPerson = {
  name: 'James Mattis',
  roles: ['US Defense Secretary'],
  forms: ['James Mattis', 'Mattis'],
  quotes: [],
  mentions: 3,
  qid: 'Q267902',
};
const s = parsePersonSummary(summary, 'Q267902', '2026-11-26T02:00:00.000Z')!;

function card() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const actions = {
    step: vi.fn(),
    close: vi.fn(),
    hidePage: vi.fn(),
    offSite: vi.fn(),
    offEverywhere: vi.fn(),
  };
  return { root, c: createCard(root, document, actions) };
}

describe('person card: Wikipedia summary', () => {
  it('adds the summary as text with where it came from, above the buttons', () => {
    const { root, c } = card();
    c.show(mattis, { index: 0, total: 1 }, new DOMRect(0, 0, 10, 10), false);
    expect(c.qid).toBe('Q267902');
    c.setSummary(s);
    const box = root.querySelector('[data-testid="masthead-card-wikipedia"]')!;
    expect(box.getAttribute('aria-label')).toBe('From Wikipedia');
    expect(box.textContent).toContain(summary.extract);
    expect(box.textContent).toMatch(
      /From Wikipedia: Jim Mattis · text under CC BY-SA 4\.0 · fetched 26 Nov 2026/,
    );
    const hrefs = [...box.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://en.wikipedia.org/wiki/Jim_Mattis',
      'https://creativecommons.org/licenses/by-sa/4.0/',
    ]);
    expect(box.querySelector('img, script')).toBeNull();
    expect(box.nextElementSibling?.getAttribute('data-role')).toBe('nav');
    c.setSummary(s);
    expect(root.querySelectorAll('.wiki')).toHaveLength(1);
  });

  it('ignores a summary for someone else (the card moved on) and people without a QID', () => {
    const { root, c } = card();
    c.show(
      { ...mattis, qid: undefined, name: 'Fumio Kishida' },
      { index: 1, total: 2 },
      new DOMRect(),
      false,
    );
    c.setSummary(s);
    expect(root.querySelector('.wiki')).toBeNull();
    c.show({ ...mattis, qid: 'Q5' }, { index: 0, total: 2 }, new DOMRect(), false);
    c.setSummary(s);
    expect(root.querySelector('.wiki')).toBeNull();
  });
});
