import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { createBackgroundDeps } from './deps';
import { registerBackground, type ListenerApi } from './listeners';

export default defineBackground(() => {
  // Synchronous from here to the last addListener: no await before any listener (R2).
  registerBackground(browser as unknown as ListenerApi, createBackgroundDeps());
});
