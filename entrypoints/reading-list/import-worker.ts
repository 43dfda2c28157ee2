/// <reference lib="webworker" />
/**
 * Parses an import file off the page's main thread (the list stays responsive on a 10,000-row
 * file), with each item's URL key. Pure work only: the page previews the result and writes to
 * IndexedDB itself.
 */
import { parseImport } from '@/lib/reading-list/io';
import { normalizeUrl } from '@/lib/url/normalize';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (e: MessageEvent<{ bytes: Uint8Array; name: string }>) => {
  try {
    const { bytes, name } = e.data;
    const result = await parseImport(bytes, name, {
      onProgress: (done, total) => self.postMessage({ type: 'progress', done, total }),
    });
    // The URL key of every item, computed here rather than on the page's main thread.
    const keys = result.items.map((item) => normalizeUrl(item.url));
    self.postMessage({ type: 'done', result, keys });
  } catch (err) {
    self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
