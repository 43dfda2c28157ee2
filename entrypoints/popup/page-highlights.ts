import { signal } from '@preact/signals';
import { sendToTab } from '@/lib/platform/messages';
import type { PageHighlight } from '@/lib/protocol';

const UNREACHABLE = 'Masthead could not reach the page. Reload it and try again.';

/**
 * The popup's "Your highlights" list for its tab: asked of the page's content script, which knows
 * where each highlight is anchored now (orphans included). Show, note edits and deletion go to the
 * content script too, which passes them to the background as its own tab's and repaints.
 */
export function createPageHighlightsState(tabId: number, sendTab: typeof sendToTab = sendToTab) {
  const list = signal<PageHighlight[] | null>(null);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);

  async function load(): Promise<void> {
    const reply = await sendTab(tabId, 'pageHighlights', {});
    if (reply.ok) {
      list.value = reply.value;
      error.value = null;
    } else {
      // No content script (a page analysed on demand before highlights loaded): nothing to list.
      list.value = [];
    }
  }

  async function show(id: string): Promise<void> {
    notice.value = null;
    const reply = await sendTab(tabId, 'showHighlight', { id });
    if (!reply.ok) notice.value = UNREACHABLE;
    else if (!reply.value.found) notice.value = 'That highlight is not on the page right now.';
  }

  async function edit(id: string, change: { note?: string; remove?: boolean }): Promise<boolean> {
    notice.value = null;
    const reply = await sendTab(tabId, 'editPageHighlight', { id, ...change });
    if (!reply.ok) {
      error.value = reply.error || UNREACHABLE;
      return false;
    }
    list.value = reply.value;
    error.value = null;
    return true;
  }

  return { list, error, notice, load, show, edit };
}

export type PageHighlightsState = ReturnType<typeof createPageHighlightsState>;
