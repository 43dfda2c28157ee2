import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelatedSection } from '@/components/RelatedSection';
import type { RelatedView } from '@/lib/coverage/types';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

const PLAN = {
  service: 'google-news' as const,
  host: 'news.google.com',
  query: '"James Mattis" Tokyo',
  description:
    'Sends the search “"James Mattis" Tokyo” limited to stories from 2 Feb 2017 to 6 Feb 2017 to Google News (news.google.com).',
};

function view(over: Partial<RelatedView> = {}): RelatedView {
  return {
    groups: [],
    breakdown: { byCountry: [], byControl: [] },
    cited: [],
    stored: 12,
    feedsOn: false,
    searchOn: true,
    search: [PLAN],
    searchNotes: ['GDELT only covers about the last 90 days; this article is from 3 Feb 2017.'],
    ...over,
  };
}

const KYODO = {
  outletId: 'Q1',
  name: 'Kyodo News',
  chip: { country: 'Japan', control: 'Non-profit', controlLong: 'Non-profit', relation: 'non-profit' },
  items: [
    {
      url: 'https://english.kyodonews.net/a',
      title: 'Mattis, Abe agree',
      publishedAt: '2017-02-03T09:30:00Z',
      origin: 'feed' as const,
      score: 0.6,
      copies: 2,
    },
  ],
};

describe('RelatedSection', () => {
  it('empty state: says nothing is stored yet, offers feeds and the search with what it sends', () => {
    const onOpen = vi.fn();
    const onSearch = vi.fn();
    const root = mount(
      <RelatedSection status="ready" view={view()} onOpenOptions={onOpen} onSearch={onSearch} />,
    );
    const section = byTestId(root, 'section-related')!;
    expect(section.querySelector('h2')?.textContent).toBe('Related coverage');
    expect(byTestId(root, 'related-empty')?.textContent).toContain('12 items checked');
    expect(byTestId(root, 'related-search-plan')?.textContent).toContain('news.google.com');
    expect(section.textContent).toContain('GDELT only covers');
    (byTestId(root, 'related-feeds') as HTMLButtonElement).click();
    expect(onOpen).toHaveBeenCalledOnce();
    const button = [...section.querySelectorAll('button')].find(
      (b) => b.textContent === 'Find more coverage',
    )!;
    expect(button.getAttribute('aria-describedby')).toBe('related-search-what');
    button.click();
    expect(onSearch).toHaveBeenCalledOnce();
    expect(section.querySelector('a')).toBeNull();
  });

  it('lists groups with chips, the breakdown and cited sources linked to their coverage', () => {
    const v = view({
      feedsOn: true,
      groups: [KYODO],
      breakdown: {
        byCountry: [{ label: 'Japan', outlets: 1 }],
        byControl: [{ label: 'Non-profit', outlets: 1 }],
      },
      cited: [{ name: 'Kyodo', group: 0 }, { name: 'Reuters' }],
    });
    const root = mount(<RelatedSection status="ready" view={v} onOpenOptions={() => undefined} />);
    expect(byTestId(root, 'related-outlet')?.textContent).toBe('Kyodo News');
    expect(byTestId(root, 'related-chip')?.textContent).toContain('Japan');
    expect(byTestId(root, 'related-chip')?.getAttribute('title')).toBe('Non-profit');
    const link = byTestId(root, 'related-item')!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://english.kyodonews.net/a');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(byTestId(root, 'related-item')?.textContent).toContain('2 more copies');
    expect(byTestId(root, 'related-by-country')?.textContent).toContain('Japan');
    const cited = byTestId(root, 'related-cited')!;
    expect(cited.querySelector('a')?.getAttribute('href')).toBe('#related-group-0');
    expect(cited.textContent).toContain('Reuters: its own coverage is not in your store');
    expect(byTestId(root, 'related-feeds')).toBeNull();
  });

  it('search off: the button says so, is disabled and offers the options', () => {
    const onSearch = vi.fn();
    const onOpenOptions = vi.fn();
    const root = mount(
      <RelatedSection
        status="ready"
        view={view({ searchOn: false })}
        onSearch={onSearch}
        onOpenOptions={onOpenOptions}
      />,
    );
    const button = byTestId(root, 'related-search-button') as HTMLButtonElement;
    expect(button.textContent).toBe('Find more coverage (off)');
    expect(button.disabled).toBe(true);
    button.click();
    expect(onSearch).not.toHaveBeenCalled();
    expect(byTestId(root, 'related-search-off')?.textContent).toMatch(/off/);
    (byTestId(root, 'related-search-options') as HTMLButtonElement).click();
    expect(onOpenOptions).toHaveBeenCalled();
  });

  it('loading and error states', () => {
    const onRetry = vi.fn();
    const root = mount(
      <RelatedSection status="error" view={null} error="Database closed" onRetry={onRetry} />,
    );
    expect(byTestId(root, 'related-error')?.textContent).toContain('Database closed');
    byTestId(root, 'related-error')!.querySelector('button')!.click();
    expect(onRetry).toHaveBeenCalledOnce();
    const loading = mount(<RelatedSection status="loading" view={null} />);
    expect(byTestId(loading, 'section-related')?.textContent).toContain('Looking for other coverage');
  });
});
