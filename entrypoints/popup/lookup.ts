import { signal } from '@preact/signals';
import type { LookupView } from '@/lib/outlets/enrich';
import type { Send } from './state';

/**
 * The popup's online outlet lookup for its tab: one `lookupOutlet` message (the background answers
 * "disabled" without any network use when the reader has not turned the lookup on).
 */
export function createLookupState(tabId: number, send: Send) {
  const view = signal<LookupView>({ status: 'idle' });
  let started = false;
  async function start(): Promise<void> {
    if (started) return;
    started = true;
    view.value = { status: 'loading' };
    try {
      const res = await send('lookupOutlet', { tabId });
      view.value = res.ok ? res.value : { status: 'error', message: res.error };
    } catch (e) {
      view.value = { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  }
  return { view, start };
}

export type LookupState = ReturnType<typeof createLookupState>;
