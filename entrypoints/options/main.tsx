import '@/assets/options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/platform/messages';
import { App } from './App';
import { historyPausedSetting } from '@/lib/platform/settings';
import { createOptionsState } from './state';
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
  const highlights = createHighlightSettings(browser.storage.local);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local') void highlights.load();
  });
  render(<App state={state} highlights={highlights} />, root);
  // The grant can also change from the browser's own extension settings: follow it.
  browser.permissions.onAdded.addListener(() => void state.refreshAllSites());
  browser.permissions.onRemoved.addListener(() => void state.refreshAllSites());
  void Promise.all([state.init(), highlights.load()]).then(() => {
    document.body.dataset.state = 'ready';
  });
}

main();
