import { afterEach, describe, expect, it } from 'vitest';
import { Skeleton } from '@/components/Skeleton';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('Skeleton', () => {
  it('is hidden from assistive technology and has no text', () => {
    const root = mount(<Skeleton />);
    const skeleton = byTestId(root, 'skeleton');
    expect(skeleton?.getAttribute('aria-hidden')).toBe('true');
    expect(skeleton?.textContent).toBe('');
  });
});
