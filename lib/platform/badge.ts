/**
 * Toolbar badge per tab. A page of a known outlet shows the outlet's control class — text AND
 * colour AND a tooltip naming the outlet and the class, never colour alone:
 * `GOV` state-controlled, `PTY` party-owned, `FUND` state-funded, `PUB` public service,
 * `PRIV` private, `NPO` non-profit, `?` unknown. An article of an outlet not in Masthead's data
 * shows `✓` on green ("article — outlet not in Masthead's data"); any other page no text.
 * Never throws (the tab may be gone already).
 */
import { browser } from 'wxt/browser';
import type { StateRelation } from '../outlets/types';
import type { PageReport } from '../types';

/** The outlet part of a badge: its name and control relation. */
export interface BadgeOutlet {
  name: string;
  relation: StateRelation;
}

export type BadgeState =
  | { kind: 'article'; siteName?: string; outlet?: BadgeOutlet }
  | { kind: 'not-article'; reason?: string; outlet?: BadgeOutlet }
  | { kind: 'clear' };

/** Badge text, colour (white text on it, ≥ 4.5:1) and tooltip words per control relation. */
export const OUTLET_BADGES: Record<StateRelation, { text: string; color: string; words: string }> = {
  'state-controlled': { text: 'GOV', color: '#b3261e', words: 'state-controlled' },
  'party-owned': { text: 'PTY', color: '#8e1f5c', words: 'party-owned' },
  'state-funded': { text: 'FUND', color: '#9a4a00', words: 'state-funded' },
  'public-service-independent': {
    text: 'PUB',
    color: '#1a5fb4',
    words: 'public service (publicly funded, editorially independent)',
  },
  private: { text: 'PRIV', color: '#3d5a45', words: 'privately owned' },
  'non-profit': { text: 'NPO', color: '#00695c', words: 'non-profit' },
  unknown: { text: '?', color: '#5b584f', words: 'ownership and control unknown' },
};

export type SetBadge = (tabId: number, state: BadgeState) => Promise<void>;

export const BADGE_ARTICLE_TEXT = '✓';
export const BADGE_ARTICLE_COLOR = '#1a7f37';
export const DEFAULT_TITLE = 'Masthead';

/** Badge text and title for a state (pure, shared with tests). */
export function badgeFor(state: BadgeState): { text: string; title: string; color?: string } {
  if (state.kind !== 'clear' && state.outlet) {
    const b = OUTLET_BADGES[state.outlet.relation] ?? OUTLET_BADGES.unknown;
    const page = state.kind === 'article' ? 'article' : 'not an article';
    return {
      text: b.text,
      color: b.color,
      title: `Masthead: ${state.outlet.name} — ${b.words} (${page}). Open Masthead for sources.`,
    };
  }
  switch (state.kind) {
    case 'article':
      return {
        text: BADGE_ARTICLE_TEXT,
        color: BADGE_ARTICLE_COLOR,
        title: `Masthead: article — ${state.siteName?.trim() || 'unknown site'}; outlet not in Masthead's data`,
      };
    case 'not-article':
      return { text: '', title: `Masthead: not an article (${state.reason || 'unknown'})` };
    case 'clear':
      return { text: '', title: DEFAULT_TITLE };
  }
}

export function badgeStateForReport(report: PageReport): BadgeState {
  const o = report.outlet;
  const outlet = o ? { outlet: { name: o.name, relation: o.control.value.relation } } : {};
  return report.verdict.isArticle
    ? { kind: 'article', siteName: report.article?.siteName ?? report.metadata?.siteName, ...outlet }
    : { kind: 'not-article', reason: report.verdict.reason, ...outlet };
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
    const { text, title, color } = badgeFor(state);
    try {
      await action.setBadgeText({ tabId, text });
      await action.setTitle({ tabId, title });
      if (color) {
        await action.setBadgeBackgroundColor({ tabId, color });
        await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
      }
    } catch {
      // "No tab with id": the tab closed while we were working. Nothing to show.
    }
  };
}
