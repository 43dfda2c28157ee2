import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor, createSetBadge } from '@/lib/platform/badge';

describe('badge', () => {
  it('article: ✓ on green with the site name in the title', async () => {
    const setBadge = createSetBadge(fakeBrowser.action as never);
    await setBadge(4, { kind: 'article', siteName: 'PressTV' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('✓');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toBe('Masthead: article — PressTV');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 4 })).toEqual([26, 127, 55, 255]);
  });

  it('not an article: no text, reason in the title; clear resets', async () => {
    const setBadge = createSetBadge(fakeBrowser.action as never);
    await setBadge(4, { kind: 'article', siteName: 'X' });
    await setBadge(4, { kind: 'not-article', reason: 'login-page' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toBe('Masthead: not an article (login-page)');
    await setBadge(4, { kind: 'clear' });
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toBe('Masthead');
  });

  it('never throws when the tab is gone', async () => {
    const gone = {
      setBadgeText: async () => {
        throw new Error('No tab with id: 9');
      },
    };
    await expect(createSetBadge(gone as never)(9, { kind: 'clear' })).resolves.toBeUndefined();
    expect(badgeFor({ kind: 'article' }).title).toBe('Masthead: article — unknown site');
  });
});
