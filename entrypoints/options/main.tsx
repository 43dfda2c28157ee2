import '@/assets/options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/platform/messages';
import { App } from './App';
import {
  coverageRetentionSetting,
  coverageSearchSetting,
  feedsEnabledSetting,
  feedsSeededSetting,
  historyPausedSetting,
  outletLookupSetting,
  readFlag,
} from '@/lib/platform/settings';
import { openMastheadDb, type MastheadDb } from '@/lib/platform/db';
import { SEARCH_ORIGINS } from '@/lib/related/search-url';
import { createFeedsState } from './feeds';
import { createFlagState } from './flag';
import { createOptionsState } from './state';
import { createDeleteAllState } from './delete-all';
import { createHighlightSettings } from './highlights-state';

function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const state = createOptionsState({
    permissions: browser.permissions,
    send: sendMessage,
    historyPaused: {
      // Anything but `true` (missing, corrupt) reads as "not paused", as the background reads it.
      getValue: async () => (await historyPausedSetting.getValue()) === true,
      setValue: (paused) => historyPausedSetting.setValue(paused),
    },
  });
  const outletLookup = createFlagState(
    { getValue: () => readFlag(outletLookupSetting), setValue: (on) => outletLookupSetting.setValue(on) },
    {
      on: "Online lookup is on: unknown outlets' domain names are sent to Wikidata and Wikipedia.",
      off: 'Online lookup is off: nothing is sent.',
    },
  );
  const coverageSearch = createFlagState(
    {
      getValue: () => readFlag(coverageSearchSetting),
      setValue: async (on) => {
        // The services answer without CORS headers: the worker needs their hosts (a user gesture).
        if (on && !(await browser.permissions.request({ origins: SEARCH_ORIGINS }))) {
          throw new Error(
            'the browser did not allow Masthead to reach news.google.com and api.gdeltproject.org',
          );
        }
        await coverageSearchSetting.setValue(on);
      },
    },
    {
      on: 'Online search is on: "Find more coverage" in the popup asks Google News and GDELT, only when you click it.',
      off: 'Online search is off: "Find more coverage" sends nothing.',
    },
  );
  const highlights = createHighlightSettings(browser.storage.local);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local') void highlights.load();
  });
  let dbHandle: Promise<MastheadDb> | null = null;
  const feeds = createFeedsState({
    db: () => (dbHandle ??= openMastheadDb().catch((e: unknown) => ((dbHandle = null), Promise.reject(e)))),
    permissions: browser.permissions,
    send: sendMessage,
    enabled: { getValue: () => readFlag(feedsEnabledSetting) },
    retention: {
      getValue: () => coverageRetentionSetting.getValue(),
      setValue: (v) => coverageRetentionSetting.setValue(v),
    },
    seeded: { get: () => readFlag(feedsSeededSetting), set: () => feedsSeededSetting.setValue(true) },
  });
  // The wipe resets settings to their defaults: read them again afterwards.
  const deleteAll = createDeleteAllState(sendMessage, async () => {
    await Promise.all([
      state.init(),
      outletLookup.init(),
      coverageSearch.init(),
      highlights.load(),
      feeds.init({ seed: false }),
    ]);
  });
  render(
    <App
      state={state}
      outletLookup={outletLookup}
      coverageSearch={coverageSearch}
      deleteAll={deleteAll}
      highlights={highlights}
      feeds={feeds}
    />,
    root,
  );
  // The grant can also change from the browser's own extension settings: follow it.
  browser.permissions.onAdded.addListener(() => void state.refreshAllSites());
  browser.permissions.onRemoved.addListener(() => void state.refreshAllSites());
  void Promise.all([
    state.init(),
    outletLookup.init(),
    coverageSearch.init(),
    highlights.load(),
    feeds.init(),
  ]).then(() => {
    document.body.dataset.state = 'ready';
  });
}

main();
