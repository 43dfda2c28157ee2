/**
 * Toolbar badge per tab: `✓` on green with "Masthead: article — <site>" for articles; no text and
 * "Masthead: not an article (<reason>)" otherwise. Never throws (the tab may be gone already).
 */
import { browser } from 'wxt/browser';
import type { PageReport } from '../types';

export type BadgeState =
  { kind: 'article'; siteName?: string } | { kind: 'not-article'; reason?: string } | { kind: 'clear' };

export type SetBadge = (tabId: number, state: BadgeState) => Promise<void>;

export const BADGE_ARTICLE_TEXT = '✓';
export const BADGE_ARTICLE_COLOR = '#1a7f37';
export const DEFAULT_TITLE = 'Masthead';

/** Badge text and title for a state (pure, shared with tests). */
export function badgeFor(state: BadgeState): { text: string; title: string } {
  switch (state.kind) {
    case 'article':
      return {
        text: BADGE_ARTICLE_TEXT,
        title: `Masthead: article — ${state.siteName?.trim() || 'unknown site'}`,
      };
    case 'not-article':
      return { text: '', title: `Masthead: not an article (${state.reason || 'unknown'})` };
    case 'clear':
      return { text: '', title: DEFAULT_TITLE };
  }
}

export function badgeStateForReport(report: PageReport): BadgeState {
  return report.verdict.isArticle
    ? { kind: 'article', siteName: report.article?.siteName ?? report.metadata?.siteName }
    : { kind: 'not-article', reason: report.verdict.reason };
}

type ActionLike = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'> & {
  setBadgeTextColor?: typeof browser.action.setBadgeTextColor;
};

/** `browser.action` (MV3) or `browser.browserAction` (Firefox MV2). */
function defaultAction(): ActionLike | undefined {
  const b = browser as unknown as { action?: ActionLike; browserAction?: ActionLike };
  return b.action ?? b.browserAction;
}

export function createSetBadge(action: ActionLike | undefined = defaultAction()): SetBadge {
  return async (tabId, state) => {
    if (!action) return;
    const { text, title } = badgeFor(state);
    try {
      await action.setBadgeText({ tabId, text });
      await action.setTitle({ tabId, title });
      if (state.kind === 'article') {
        await action.setBadgeBackgroundColor({ tabId, color: BADGE_ARTICLE_COLOR });
        await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
      }
    } catch {
      // "No tab with id": the tab closed while we were working. Nothing to show.
    }
  };
}
