// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findSourcesCited } from '../../../lib/people/sources-cited';

describe('findSourcesCited', () => {
  it.each([
    ['Japan’s Kyodo news agency quoted the premier as saying', 'Kyodo News', 'quoted'],
    ['Leaders met in Tokyo. (Photo by AFP)', 'AFP', 'photo'],
    ['the minister told Reuters on Monday', 'Reuters', 'told'],
    ['according to the Associated Press, the talks failed', 'Associated Press', 'according-to'],
    ['Xinhua reported that the bridge had opened', 'Xinhua', 'reported'],
    ['TEHRAN (Reuters) - Iran said on Monday', 'Reuters', 'reported'],
    ['the semi-official Mehr news agency reported', 'Mehr', 'reported'],
    ['Turkey’s Anadolu Agency said the army had moved', 'Anadolu Agency', 'reported'],
  ])('%s → %s (%s)', (text, name, kind) => {
    const [s] = findSourcesCited(text);
    expect([s?.name, s?.kind]).toEqual([name, kind]);
    expect(s && text.slice(s.start, s.end).length).toBeGreaterThan(0);
  });

  it('ignores outlets that are only mentioned', () => {
    expect(
      findSourcesCited("Press TV's website can also be accessed at presstv.ir. Press TV News Roku"),
    ).toEqual([]);
  });
});
