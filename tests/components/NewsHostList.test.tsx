import { afterEach, describe, expect, it } from 'vitest';
import { NewsHostList } from '@/components/NewsHostList';
import { mount, unmountAll } from './render';

afterEach(unmountAll);

describe('NewsHostList', () => {
  it('lists the hosts, sorted, in a closed details element', () => {
    const root = mount(<NewsHostList hosts={['reuters.com', 'apnews.com', 'presstv.ir']} />);
    const details = root.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Known news sites (3)');
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'apnews.com',
      'presstv.ir',
      'reuters.com',
    ]);
  });
});
