/// <reference lib="webworker" />
/**
 * Parses an import file off the page's main thread (the list stays responsive on a 10,000-row
 * file), with each item's URL key. Pure work only: the page previews the result and writes to
 * IndexedDB itself. The result goes back in slices (import-wire.ts) so that no single message
 * takes the page's main thread long to deserialise.
 */
import { parseImport, urlKeysOf } from '@/lib/reading-list/io';
import { toWire } from './import-wire';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (e: MessageEvent<{ bytes: Uint8Array; name: string }>) => {
  try {
    const { bytes, name } = e.data;
    const result = await parseImport(bytes, name, {
      // Progress messages leave at once; this thread has no UI to yield to.
      yieldToLoop: false,
      onProgress: (done, total) => self.postMessage({ type: 'progress', done, total }),
    });
    // The URL key of every item (the parser's own, from its duplicate check), sent with the items
    // so the page's main thread never normalises a URL.
    const [slices, done] = toWire(result, urlKeysOf(result.items));
    for (const slice of slices) self.postMessage(slice);
    self.postMessage(done, [done.itemOf.buffer, done.rowNo.buffer]);
  } catch (err) {
    self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
