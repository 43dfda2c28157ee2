import { afterEach, describe, expect, it } from 'vitest';
import { Wordmark } from '@/components/Wordmark';
import { mount, unmountAll } from './render';

afterEach(unmountAll);

describe('Wordmark', () => {
  it('names Masthead in text, with a decorative glyph', () => {
    const root = mount(<Wordmark suffix="Options" />);
    expect(root.textContent).toBe('MastheadOptions');
    expect(root.querySelector('img')?.getAttribute('alt')).toBe('');
  });
});
