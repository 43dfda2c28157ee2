import { signal } from '@preact/signals';
import type { MessageData, MessageReply, MessageType } from '@/lib/protocol';

/** sendMessage's shape; tests pass a fake. */
export type Send = <K extends MessageType>(type: K, data: MessageData<K>) => Promise<MessageReply<K>>;

/** The optional host permission behind "Run automatically on all sites". */
export const ALL_SITES = { origins: ['*://*/*'] };

type Origins = typeof ALL_SITES;

/** What the options page needs from the browser; main.tsx passes the real APIs, tests pass fakes. */
export interface OptionsDeps {
  permissions: {
    contains(p: Origins): Promise<boolean>;
    request(p: Origins): Promise<boolean>;
    remove(p: Origins): Promise<boolean>;
  };
  send: Send;
  /** The stored `historyPaused` setting. */
  historyPaused: { getValue(): Promise<boolean>; setValue(value: boolean): Promise<void> };
}

/** A short line under a setting after a change. */
export interface Feedback {
  tone: 'ok' | 'error';
  text: string;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Options page state: the two switches, their in-flight flags and feedback lines. */
export function createOptionsState(deps: OptionsDeps) {
  /** null until read. */
  const allSites = signal<boolean | null>(null);
  const allSitesBusy = signal(false);
  const allSitesFeedback = signal<Feedback | null>(null);
  const historyPaused = signal<boolean | null>(null);
  const historyBusy = signal(false);
  const historyFeedback = signal<Feedback | null>(null);

  async function refreshAllSites() {
    try {
      allSites.value = await deps.permissions.contains(ALL_SITES);
    } catch (e) {
      allSites.value = false;
      allSitesFeedback.value = { tone: 'error', text: `Couldn't read the permission: ${errorText(e)}` };
    }
  }

  async function init() {
    await Promise.all([
      refreshAllSites(),
      deps.historyPaused.getValue().then(
        (v) => (historyPaused.value = v),
        (e: unknown) => {
          historyPaused.value = false;
          historyFeedback.value = { tone: 'error', text: `Couldn't read the setting: ${errorText(e)}` };
        },
      ),
    ]);
  }

  /**
   * Must be called straight from the click/change handler: `permissions.request` only works inside
   * a user gesture, so it is the first thing this does, before any `await`.
   */
  async function setAllSites(enabled: boolean) {
    let pending: Promise<boolean>;
    try {
      pending = enabled ? deps.permissions.request(ALL_SITES) : deps.permissions.remove(ALL_SITES);
    } catch (e) {
      pending = Promise.reject(e);
    }
    allSitesBusy.value = true;
    allSitesFeedback.value = null;
    try {
      const changed = await pending;
      if (enabled && !changed) {
        allSitesFeedback.value = {
          tone: 'error',
          text: 'Permission was not granted. Masthead still runs on known news sites and when you click its button.',
        };
        return;
      }
      const res = await deps.send('setAllSites', { enabled });
      if (!res.ok) {
        allSitesFeedback.value = { tone: 'error', text: res.error };
        return;
      }
      allSitesFeedback.value = {
        tone: 'ok',
        text: res.value.enabled
          ? 'Masthead now runs automatically on every site.'
          : 'Masthead now runs automatically only on known news sites.',
      };
    } catch (e) {
      allSitesFeedback.value = { tone: 'error', text: errorText(e) };
    } finally {
      // The browser's permission is the truth; show it whatever happened above.
      await refreshAllSites();
      allSitesBusy.value = false;
    }
  }

  async function setHistoryPaused(paused: boolean) {
    historyBusy.value = true;
    historyFeedback.value = null;
    try {
      await deps.historyPaused.setValue(paused);
      historyPaused.value = paused;
      historyFeedback.value = {
        tone: 'ok',
        text: paused ? 'History is paused.' : 'History is on.',
      };
    } catch (e) {
      historyFeedback.value = { tone: 'error', text: `Couldn't save the setting: ${errorText(e)}` };
    } finally {
      historyBusy.value = false;
    }
  }

  return {
    allSites,
    allSitesBusy,
    allSitesFeedback,
    historyPaused,
    historyBusy,
    historyFeedback,
    init,
    refreshAllSites,
    setAllSites,
    setHistoryPaused,
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
