import { afterEach, describe, expect, it } from 'vitest';
import { OutletSection } from '@/components/OutletSection';
import { byTestId, mount, unmountAll } from './render';

afterEach(unmountAll);

describe('OutletSection', () => {
  it('says outlet background is not available yet, naming the outlet', () => {
    const root = mount(<OutletSection siteName="Press TV" />);
    const section = byTestId(root, 'section-outlet');
    expect(section?.textContent).toContain(
      'Outlet background is not available yet. Masthead will show who owns and controls Press TV once its outlet data ships.',
    );
    expect(section?.querySelector('h2')?.textContent).toBe('Outlet');
  });

  it('shows only what the page says about its publisher, as text without links', () => {
    const root = mount(
      <OutletSection
        siteName="Press TV"
        publisher={{
          name: 'Press TV',
          url: 'https://www.presstv.ir',
          ethicsPolicy: 'https://www.presstv.ir/ethics',
          correctionsPolicy: 'javascript:alert(1)',
        }}
      />,
    );
    const items = [...root.querySelectorAll('li')].map((li) => li.textContent);
    expect(root.textContent).toContain('What the page says about its publisher');
    expect(items).toEqual([
      'Publisher: Press TV',
      'Website: www.presstv.ir',
      'Ethics policy: www.presstv.ir/ethics',
    ]);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).not.toContain('javascript');
  });

  it('adds no publisher block when the page says nothing', () => {
    const root = mount(<OutletSection />);
    expect(root.textContent).toContain('who owns and controls this outlet');
    expect(root.textContent).not.toContain('What the page says');
    expect(root.querySelector('a')).toBeNull();
  });
});
