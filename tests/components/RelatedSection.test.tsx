import { afterEach, describe, expect, it } from 'vitest';
import { RelatedSection } from '@/components/RelatedSection';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('RelatedSection', () => {
  it('promises nothing is fetched without permission and lists nothing', () => {
    const root = mount(<RelatedSection />);
    const section = byTestId(root, 'section-related');
    expect(section?.querySelector('h2')?.textContent).toBe('Related coverage');
    expect(section?.textContent).toContain(
      "Other outlets' coverage of this story will appear here. Nothing is fetched without your permission.",
    );
    expect(section?.querySelector('a')).toBeNull();
  });
});
