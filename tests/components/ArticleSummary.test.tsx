import { afterEach, describe, expect, it } from 'vitest';
import { ArticleSummary } from '@/components/ArticleSummary';
import { makeArticle } from './fixtures';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('ArticleSummary', () => {
  it('shows the headline, outlet, date, reading time and language from the report', () => {
    const root = mount(<ArticleSummary article={makeArticle()} />);
    const h1 = root.querySelector('h1');
    expect(h1?.textContent).toBe("Japan hopes for 'unwavering alliance' with US under Trump");
    expect(byTestId(root, 'headline')).toBe(h1);
    expect(h1?.getAttribute('lang')).toBe('en');
    expect(byTestId(root, 'site-name')?.textContent).toBe('Press TV');
    expect(byTestId(root, 'published')?.textContent).toBe('3 Feb 2017');
    expect(byTestId(root, 'published')?.getAttribute('datetime')).toBe('2017-02-03T11:13:00+03:30');
    expect(byTestId(root, 'reading-time')?.textContent).toBe('3 min read');
    expect(byTestId(root, 'language')?.textContent).toBe('English');
  });

  it('says plainly when the page names no author', () => {
    const root = mount(<ArticleSummary article={makeArticle({ authors: [] })} />);
    expect(byTestId(root, 'authors')?.textContent).toBe('No author named on the page');
  });

  it('joins the authors the page names', () => {
    const root = mount(<ArticleSummary article={makeArticle({ authors: ['Jane Doe', 'John Roe'] })} />);
    expect(byTestId(root, 'authors')?.textContent).toBe('Jane Doe and John Roe');
  });

  it('shows a modified date only when it is a different day', () => {
    const same = mount(
      <ArticleSummary article={makeArticle({ modifiedTime: '2017-02-03T20:00:00+03:30' })} />,
    );
    expect(same.textContent).not.toContain('Updated');
    unmountAll();
    const later = mount(
      <ArticleSummary article={makeArticle({ modifiedTime: '2017-02-05T08:00:00+03:30' })} />,
    );
    expect(later.textContent).toContain('Updated 5 Feb 2017');
  });

  it('invents nothing when the report lacks fields', () => {
    const root = mount(
      <ArticleSummary article={{ title: 'Bare page', authors: [], wordCount: 0, readingMinutes: 0 }} />,
    );
    expect(byTestId(root, 'headline')?.textContent).toBe('Bare page');
    expect(byTestId(root, 'site-name')?.textContent).toBe('The page does not name its outlet');
    expect(byTestId(root, 'authors')?.textContent).toBe('No author named on the page');
    expect(byTestId(root, 'published')?.textContent).toBe('No date on the page');
    expect(byTestId(root, 'reading-time')).toBeNull();
    expect(byTestId(root, 'language')).toBeNull();
    expect(root.querySelector('h1')?.hasAttribute('lang')).toBe(false);
  });

  it('falls back to the publisher name the page gives', () => {
    const root = mount(
      <ArticleSummary article={makeArticle({ siteName: undefined, publisher: { name: 'Example Daily' } })} />,
    );
    expect(byTestId(root, 'site-name')?.textContent).toBe('Example Daily');
  });

  it('renders page text as text, not markup', () => {
    const root = mount(<ArticleSummary article={makeArticle({ title: '<img src=x onerror=alert(1)>' })} />);
    expect(root.querySelector('img')).toBeNull();
    expect(byTestId(root, 'headline')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
