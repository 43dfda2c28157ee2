import { afterEach, describe, expect, it } from 'vitest';
import { SaveSection } from '@/components/SaveSection';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('SaveSection', () => {
  it('shows a disabled save button that explains why', () => {
    const root = mount(<SaveSection />);
    const section = byTestId(root, 'section-save');
    const button = section?.querySelector('button');
    expect(button?.textContent).toBe('Save to reading list');
    expect(button?.disabled).toBe(true);
    const note = root.querySelector(`#${button?.getAttribute('aria-describedby')}`);
    expect(note?.textContent).toBe('Saving arrives with the reading list.');
  });
});
