import { afterEach, describe, expect, it, vi } from 'vitest';
import summary from '../fixtures/wikipedia/summary-jim-mattis.json';
import { PeopleSection } from '@/components/PeopleSection';
import type { PersonSummaryView } from '@/components/PersonWikipedia';
import { parsePersonSummary } from '@/lib/people/wiki-summary';
import type { PersonReport } from '@/lib/types';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

const tick = () => new Promise((r) => setTimeout(r, 0));
const person = (name: string, qid?: string): PersonReport => ({
  name,
  ...(qid ? { qid } : {}),
  mentions: [{ start: 0, end: name.length, text: name, kind: 'full' }],
  quotes: [],
  prominence: { mentions: 1, inTitle: false, inLead: true, score: 3 },
});
const found: PersonSummaryView = {
  status: 'found',
  cached: false,
  summary: parsePersonSummary(summary, 'Q267902', '2026-11-26T02:00:00.000Z')!,
};

describe('popup: Wikipedia summary of a person', () => {
  it('only for people with a QID, only on request; shows text, the article link, licence and date', async () => {
    const load = vi.fn(async () => found);
    const root = mount(
      <PeopleSection people={[person('James Mattis', 'Q267902'), person('Someone Else')]} onSummary={load} />,
    );
    const buttons = root.querySelectorAll('[data-testid="person-wikipedia-load"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.getAttribute('aria-label')).toBe('Wikipedia summary of James Mattis');
    expect(load).not.toHaveBeenCalled();
    (buttons[0] as HTMLButtonElement).click();
    await tick();
    expect(load).toHaveBeenCalledWith('Q267902');
    const box = byTestId(root, 'person-wikipedia')!;
    expect(box.textContent).toContain(summary.extract);
    expect(box.textContent).toContain('American military officer');
    const links = [...box.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.rel]);
    expect(links).toEqual([
      ['Wikipedia: Jim Mattis', 'https://en.wikipedia.org/wiki/Jim_Mattis', 'noopener noreferrer'],
      ['CC BY-SA 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/', 'noopener noreferrer'],
    ]);
    expect(box.textContent).toMatch(/fetched 26 Nov 2026/);
    expect(box.innerHTML).not.toContain('<img');
  });

  it('says why there is no summary: lookups off, no article, rate limited, errors', async () => {
    const cases: [PersonSummaryView, RegExp][] = [
      [{ status: 'disabled' }, /Online lookups are off/],
      [{ status: 'not-found', cached: true }, /no article for James Mattis/],
      [{ status: 'rate-limited', retryAt: '2026-11-26T03:00:00Z' }, /asked Masthead to wait/],
      [
        { status: 'offline', message: 'Wikipedia could not be reached (offline or blocked).' },
        /could not be reached/,
      ],
      [{ status: 'error', message: 'Masthead could not reach the background.' }, /could not reach/],
    ];
    for (const [view, text] of cases) {
      const root = mount(
        <PeopleSection people={[person('James Mattis', 'Q267902')]} onSummary={async () => view} />,
      );
      byTestId(root, 'person-wikipedia-load')!.click();
      await tick();
      const status = root.querySelector('[role="status"]')!;
      expect(status.textContent).toMatch(text);
      unmountAll();
    }
  });
});
