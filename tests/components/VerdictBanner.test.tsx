import { afterEach, describe, expect, it } from 'vitest';
import { VerdictBanner } from '@/components/VerdictBanner';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('VerdictBanner', () => {
  it('says "News article" for articles', () => {
    const root = mount(<VerdictBanner verdict={{ isArticle: true, explanation: 'Looks like news.' }} />);
    expect(byTestId(root, 'verdict')?.textContent).toBe('News article');
  });

  it('gives the explanation for non-articles', () => {
    const root = mount(
      <VerdictBanner
        verdict={{ isArticle: false, reason: 'login-page', explanation: 'This looks like a sign-in page.' }}
      />,
    );
    expect(byTestId(root, 'verdict')?.textContent).toBe('Not an article: This looks like a sign-in page.');
  });

  it('can tag the bare reason for tests', () => {
    const root = mount(
      <VerdictBanner
        verdict={{ isArticle: false, reason: 'video-page', explanation: 'This is a video page.' }}
        reasonTestId="not-analysed-reason"
      />,
    );
    expect(byTestId(root, 'not-analysed-reason')?.textContent).toBe('This is a video page.');
  });

  it('never shows an empty reason', () => {
    const root = mount(<VerdictBanner verdict={{ isArticle: false, explanation: ' ' }} />);
    expect(byTestId(root, 'verdict')?.textContent).toBe(
      'Not an article: This page does not look like a news article.',
    );
  });
});
