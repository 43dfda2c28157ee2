import { afterEach, describe, expect, it } from 'vitest';
import { ReservedSection } from '@/components/ReservedSection';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('ReservedSection', () => {
  it('is a section landmark labelled by its heading', () => {
    const root = mount(
      <ReservedSection id="people" title="People" testId="section-people">
        <p>Body</p>
      </ReservedSection>,
    );
    const section = byTestId(root, 'section-people');
    expect(section?.tagName).toBe('SECTION');
    const labelId = section?.getAttribute('aria-labelledby');
    expect(labelId).toBe('people-title');
    const heading = root.querySelector(`#${labelId}`);
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('People');
    expect(section?.textContent).toContain('Body');
  });
});
