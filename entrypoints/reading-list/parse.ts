import { parseImport, type ImportResult } from '@/lib/reading-list/io';
import { rememberKeys } from '@/lib/reading-list/store-import';
import { WireReader, type DoneMessage, type ItemsMessage } from './import-wire';

type Progress = (done: number, total: number) => void;
type Reply =
  | { type: 'progress'; done: number; total: number }
  | ItemsMessage
  | DoneMessage
  | { type: 'error'; message: string };

const startWorker = () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });

/** A worker started before the file is picked, so its script is loaded and compiled by then. */
let spare: Worker | null = null;

/** Start the import worker ahead of use (the import dialog opened). Idempotent; never throws. */
export function warmImportWorker(): void {
  try {
    spare ??= startWorker();
  } catch {
    spare = null; // parseInWorker will try again, then parse on this thread
  }
}

/** Stop a worker warmed but not used (the dialog closed without a file). */
export function releaseImportWorker(): void {
  spare?.terminate();
  spare = null;
}

/** Parse in a worker; fall back to the page's thread when a worker cannot start. */
export function parseInWorker(bytes: Uint8Array, name: string, onProgress: Progress): Promise<ImportResult> {
  let worker: Worker;
  try {
    worker = spare ?? startWorker();
    spare = null;
  } catch {
    return parseImport(bytes, name, { onProgress });
  }
  return new Promise((resolve, reject) => {
    let started = false;
    const wire = new WireReader();
    worker.onmessage = (e: MessageEvent<Reply>) => {
      started = true;
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.done, m.total);
      if (m.type === 'items') return wire.addItems(m);
      worker.terminate();
      if (m.type === 'error') return reject(new Error(m.message));
      try {
        const result = wire.finish(m);
        rememberKeys(result.items, wire.keys);
        resolve(result);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      e.preventDefault();
      // A worker that never ran (blocked, unsupported): parse here instead.
      if (!started) parseImport(bytes, name, { onProgress }).then(resolve, reject);
      else reject(new Error(e.message || 'the import worker stopped'));
    };
    worker.postMessage({ bytes, name });
  });
}
