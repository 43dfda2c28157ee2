import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeopleSection } from '@/components/PeopleSection';
import { groupSources } from '@/components/SourcesCitedLine';
import type { PersonReport, SourceCitedReport } from '@/lib/types';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

function person(name: string, over: Partial<PersonReport> = {}): PersonReport {
  return {
    name,
    mentions: [{ start: 0, end: name.length, text: name, kind: 'full' }],
    quotes: [],
    prominence: { mentions: 1, inTitle: false, inLead: true, score: 3 },
    ...over,
  };
}

const mattis = person('James Mattis', {
  roleInText: 'US Defense Secretary',
  roleAtDate: {
    qid: 'Q267902',
    label: 'US Secretary of Defense',
    since: '2017-01-20',
    until: '2018-12-31',
    source: 'https://www.wikidata.org/wiki/Q267902',
    asOf: '2022-08-03',
  },
  prominence: { mentions: 10, inTitle: false, inLead: true, score: 16 },
  quotes: [
    { text: 'We stand firmly', start: 10, end: 25, cue: 'said' },
    { text: 'Article Five applies', start: 40, end: 60, cue: 'told' },
  ],
});

const sources: SourceCitedReport[] = [
  { name: 'AFP', kind: 'photo', start: 239, end: 242, evidence: '(Photo by AFP)', count: 2 },
  {
    name: 'Kyodo News',
    kind: 'quoted',
    start: 648,
    end: 653,
    evidence: 'Kyodo',
    count: 1,
    outletQid: 'Q779730',
  },
];

describe('PeopleSection', () => {
  it('says so when the article names nobody, and still shows the sources line', () => {
    const root = mount(<PeopleSection />);
    const section = byTestId(root, 'section-people')!;
    expect(section.textContent).toContain('Masthead found no people named in this article.');
    expect(section.querySelectorAll('[data-testid="person"]')).toHaveLength(0);
    expect(byTestId(root, 'sources-cited')?.textContent).toBe('Sources cited: none named');
  });

  it('lists people in the given order with roles, role at date with its source, mentions and quotes', () => {
    const root = mount(
      <PeopleSection people={[mattis, person('Fumio Kishida')]} sourcesCited={sources} onFind={() => {}} />,
    );
    const items = root.querySelectorAll('[data-testid="person"]');
    expect([...items].map((li) => byTestId(li, 'person-name')?.textContent)).toEqual([
      'James Mattis',
      'Fumio Kishida',
    ]);
    const first = items[0]!;
    expect(byTestId(first, 'person-role')?.textContent).toBe('In this article: US Defense Secretary');
    expect(byTestId(first, 'person-role-at-date')?.textContent).toContain(
      'US Secretary of Defense, since 20 Jan 2017',
    );
    expect(byTestId(first, 'person-role-at-date')?.textContent).not.toContain('2018');
    const link = first.querySelector('a.person__source') as HTMLAnchorElement;
    expect(link.href).toBe('https://www.wikidata.org/wiki/Q267902');
    expect(link.rel).toBe('noopener noreferrer');
    expect(byTestId(first, 'person-mentions')?.textContent).toBe('10 mentions');
    const quotes = byTestId(first, 'person-quotes') as HTMLDetailsElement;
    expect(quotes.tagName).toBe('DETAILS');
    expect(quotes.open).toBe(false);
    expect(quotes.querySelector('summary')?.textContent).toBe('2 quotes');
    expect([...quotes.querySelectorAll('[data-testid="person-quote"]')].map((q) => q.textContent)).toEqual([
      '“We stand firmly”',
      '“Article Five applies”',
    ]);
    expect(byTestId(items[1]!, 'person-quotes-none')?.textContent).toBe('Not quoted');
    expect(byTestId(items[1]!, 'person-mentions')?.textContent).toBe('1 mention');
    expect(byTestId(root, 'sources-cited')?.textContent).toBe(
      'Sources cited: Kyodo News — quoted; AFP — photos',
    );
  });

  it('"Find on page" asks for the person by name; a notice is announced politely', () => {
    const onFind = vi.fn();
    const root = mount(<PeopleSection people={[mattis]} onFind={onFind} findNotice="Not on the page." />);
    const button = byTestId(root, 'person-find') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Find James Mattis on the page');
    button.click();
    expect(onFind).toHaveBeenCalledWith('James Mattis');
    expect(byTestId(root, 'people-find-notice')?.getAttribute('role')).toBe('status');
  });

  it('never links a source that is not http(s)', () => {
    const bad = person('X Y', { roleAtDate: { ...mattis.roleAtDate!, source: 'javascript:alert(1)' } });
    const root = mount(<PeopleSection people={[bad]} />);
    expect(root.querySelector('a')).toBeNull();
    expect(byTestId(root, 'person-find')).toBeNull();
  });
});

describe('groupSources', () => {
  it('merges kinds per name and puts photo-only credits last', () => {
    expect(
      groupSources([
        ...sources,
        { name: 'AFP', kind: 'quoted', start: 900, end: 903, evidence: '', count: 1 },
        { name: 'Reuters', kind: 'told', start: 700, end: 707, evidence: '', count: 1 },
      ]),
    ).toEqual([
      { name: 'AFP', kinds: ['photos', 'quoted'] },
      { name: 'Kyodo News', kinds: ['quoted'] },
      { name: 'Reuters', kinds: ['told'] },
    ]);
  });
});
