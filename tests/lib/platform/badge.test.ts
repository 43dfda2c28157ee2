import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor, badgeStateForReport, createSetBadge, OUTLET_BADGES } from '@/lib/platform/badge';
import { STATE_RELATIONS } from '@/lib/outlets/types';
import type { PageReport } from '@/lib/types';

describe('badge', () => {
  it('article: ✓ on green with the site name in the title', async () => {
    const setBadge = createSetBadge(fakeBrowser.action as never);
    await setBadge(4, { kind: 'article', siteName: 'PressTV' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('✓');
    expect(await fakeBrowser.action.getTitle({ tabId: 4 })).toBe(
      "Masthead: article — PressTV; outlet not in Masthead's data",
    );
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
    expect(badgeFor({ kind: 'article' }).title).toMatch(/^Masthead: article — unknown site/);
  });

  it('known outlet: control class as text AND colour AND tooltip, for articles and other pages', async () => {
    const setBadge = createSetBadge(fakeBrowser.action as never);
    const outlet = { name: 'Press TV', relation: 'state-controlled' as const };
    await setBadge(5, { kind: 'article', siteName: 'PressTV', outlet });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('GOV');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 5 })).toEqual([179, 38, 30, 255]);
    expect(await fakeBrowser.action.getTitle({ tabId: 5 })).toMatch(
      /Press TV — state-controlled \(article\)/,
    );
    await setBadge(5, { kind: 'not-article', reason: 'home-page', outlet });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('GOV');
    expect(await fakeBrowser.action.getTitle({ tabId: 5 })).toMatch(/not an article/);
  });

  it('every relation has distinct short text and a colour; the report maps to the state', () => {
    const texts = STATE_RELATIONS.map((r) => OUTLET_BADGES[r].text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(4);
    for (const r of STATE_RELATIONS) expect(OUTLET_BADGES[r].color).toMatch(/^#[0-9a-f]{6}$/);
    const report = {
      verdict: { isArticle: false, reason: 'home-page', explanation: '' },
      outlet: { name: 'BBC', control: { value: { relation: 'public-service-independent' } } },
    } as unknown as PageReport;
    expect(badgeStateForReport(report)).toEqual({
      kind: 'not-article',
      reason: 'home-page',
      outlet: { name: 'BBC', relation: 'public-service-independent' },
    });
    expect(badgeFor(badgeStateForReport(report)).text).toBe('PUB');
  });
});
