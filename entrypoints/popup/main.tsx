import '@/assets/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { createLookupState } from './lookup';
import { createPageHighlightsState } from './page-highlights';
import { createRelatedState } from './related';
import { createPopupState } from './state';
import { sendMessage } from '@/lib/platform/messages';

/**
 * The tab to describe: `?tabId=` when present (the e2e tests open the popup as a normal tab,
 * where the "active tab" would be the popup itself), else the active tab of this window.
 */
async function resolveTabId(): Promise<number> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? -1;
}

async function main() {
  document.body.dataset.state = 'loading';
  const root = document.getElementById('app');
  if (!root) return;
  const tabId = await resolveTabId();
  const state = createPopupState(tabId);
  render(
    <App
      state={state}
      lookup={createLookupState(tabId, sendMessage)}
      related={createRelatedState(tabId, sendMessage)}
      highlights={createPageHighlightsState(tabId)}
    />,
    root,
  );
  addEventListener('pagehide', () => state.dispose());
  await state.load();
}

void main();
