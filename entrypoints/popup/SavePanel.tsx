import { useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SaveSection } from '@/components/SaveSection';
import { sendMessage } from '@/lib/platform/messages';
import { createSaveState } from './save-state';
import type { Send } from './state';

export const READING_LIST_PATH = '/reading-list.html';

function openReadingList() {
  void browser.tabs.create({ url: browser.runtime.getURL(READING_LIST_PATH as '/popup.html') });
}

/** The Save card wired to the background for the popup's tab. */
export function SavePanel({ tabId, url, send = sendMessage }: { tabId: number; url: string; send?: Send }) {
  const state = useMemo(() => createSaveState(tabId, url, send), [tabId, url, send]);
  useEffect(() => {
    void state.load();
  }, [state]);
  return (
    <SaveSection
      status={state.status.value}
      saved={state.saved.value}
      message={state.message.value}
      error={state.error.value}
      onSave={() => void state.save()}
      onEdit={(e) => void state.edit(e)}
      onRemove={() => void state.remove()}
      listHref={READING_LIST_PATH}
      onOpenList={openReadingList}
    />
  );
}
