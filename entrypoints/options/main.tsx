import '@/assets/options.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/platform/messages';
import { App } from './App';
import { historyPausedSetting } from '@/lib/platform/settings';
import { createOptionsState } from './state';
import { createDeleteAllState } from './delete-all';

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
  // The wipe resets settings to their defaults: read them again afterwards.
  const deleteAll = createDeleteAllState(sendMessage, () => state.init());
  render(<App state={state} deleteAll={deleteAll} />, root);
  // The grant can also change from the browser's own extension settings: follow it.
  browser.permissions.onAdded.addListener(() => void state.refreshAllSites());
  browser.permissions.onRemoved.addListener(() => void state.refreshAllSites());
  void state.init().then(() => {
    document.body.dataset.state = 'ready';
  });
}

main();
