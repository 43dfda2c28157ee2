import { afterEach, describe, expect, it } from 'vitest';
import { PeopleSection } from '@/components/PeopleSection';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('PeopleSection', () => {
  it('shows the honest empty state and no names', () => {
    const root = mount(<PeopleSection />);
    const section = byTestId(root, 'section-people');
    expect(section?.textContent).toBe('PeoplePeople named in this article will appear here.');
    expect(section?.querySelectorAll('li')).toHaveLength(0);
  });
});
