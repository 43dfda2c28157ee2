import { useEffect, useRef, useState } from 'preact/hooks';
import { formatName, type ImportResult } from '@/lib/reading-list/io';
import { applyImport, previewImport, type ImportSummary } from '@/lib/reading-list/store-import';
import type { SavedDb } from '@/lib/reading-list/store';
import type { SavedArticle } from '@/lib/store-types';
import { parseInWorker, releaseImportWorker, warmImportWorker } from './parse';

/** Rows of the per-row report shown at once (the counts cover all of them). */
const SHOWN_ROWS = 200;

/** Fewest milliseconds between two progress re-renders (the first and the last always render). */
const PROGRESS_EVERY_MS = 100;

/** `report` rate-limited to one call per PROGRESS_EVERY_MS, except the start and the end. */
function throttledProgress(report: (done: number, total: number) => void) {
  let last = -Infinity;
  return (done: number, total: number) => {
    const now = performance.now();
    if (done > 0 && done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    report(done, total);
  };
}

type Phase =
  | { kind: 'pick' }
  | { kind: 'reading'; done: number; total: number; name: string }
  | { kind: 'preview'; name: string; result: ImportResult; summary: ImportSummary }
  | { kind: 'writing'; done: number; total: number }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'error'; message: string };

export interface ImportDialogProps {
  db: SavedDb;
  sanitize: (html: string) => string;
  onClose: () => void;
  /** Rows that were added (to merge into the list). */
  onImported: (rows: SavedArticle[]) => void | Promise<void>;
  /** Told when reading/writing starts and stops (the page pauses background work meanwhile). */
  onBusy?: (busy: boolean) => void;
}

function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div class="rl-progress">
      <label for="rl-import-progress">{label}</label>
      <progress
        id="rl-import-progress"
        data-testid="rl-import-progress"
        max={Math.max(total, 1)}
        value={done}
      />
      <span class="muted" aria-live="polite" data-testid="rl-import-progress-text">
        {done.toLocaleString()} / {total.toLocaleString()}
      </span>
    </div>
  );
}

function Report({ summary }: { summary: ImportSummary }) {
  const shown = summary.rows.slice(0, SHOWN_ROWS);
  return (
    <>
      <p data-testid="rl-import-counts">
        <strong>{summary.imported}</strong> to import · <strong>{summary.duplicates}</strong> duplicate ·{' '}
        <strong>{summary.skipped}</strong> skipped
      </p>
      {summary.errors.map((e) => (
        <p class="rl-error" role="alert" key={e}>
          {e}
        </p>
      ))}
      {shown.length > 0 && (
        <div class="rl-report">
          <table data-testid="rl-import-report">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Result</th>
                <th scope="col">Item</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.row} class={`rl-report__${r.status}`}>
                  <td>{r.row}</td>
                  <td>{r.status}</td>
                  <td class="rl-report__item">{r.title || r.url || ''}</td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.rows.length > SHOWN_ROWS && (
            <p class="muted">…and {summary.rows.length - SHOWN_ROWS} more rows.</p>
          )}
        </div>
      )}
    </>
  );
}

/** Import: pick a file → preview with a per-row report → confirm → progress → summary. */
export function ImportDialog({ db, sanitize, onClose, onImported, onBusy }: ImportDialogProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'pick' });
  const busy = phase.kind === 'reading' || phase.kind === 'writing';
  const input = useRef<HTMLInputElement>(null);
  // From reading the file to the end of the writes (preview included: the dialog is modal, so the
  // list cannot be searched meanwhile) the page's background indexing waits.
  const working = busy || phase.kind === 'preview';
  // The parser's worker loads while the reader picks a file.
  useEffect(() => {
    warmImportWorker();
    return releaseImportWorker;
  }, []);
  useEffect(() => {
    onBusy?.(working);
    return () => onBusy?.(false);
  }, [working, onBusy]);

  async function pick(file: File | undefined) {
    if (!file) return;
    setPhase({ kind: 'reading', done: 0, total: 0, name: file.name });
    try {
      performance.mark('masthead:import-start');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await parseInWorker(
        bytes,
        file.name,
        throttledProgress((done, total) => setPhase({ kind: 'reading', done, total, name: file.name })),
      );
      performance.mark('masthead:import-parsed');
      const summary = await previewImport(db, result, new Date());
      performance.mark('masthead:import-previewed');
      setPhase({ kind: 'preview', name: file.name, result, summary });
    } catch (e) {
      setPhase({
        kind: 'error',
        message: `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  async function confirmImport(result: ImportResult) {
    setPhase({ kind: 'writing', done: 0, total: result.items.length });
    try {
      const summary = await applyImport(db, result, {
        now: new Date(),
        sanitize,
        chunkSize: 500,
        onProgress: throttledProgress((done, total) => setPhase({ kind: 'writing', done, total })),
      });
      performance.mark('masthead:import-written');
      await onImported(summary.added ?? []);
      performance.mark('masthead:import-merged');
      // The list renders its new rows in this task, the report in the next: two short tasks.
      await new Promise((resolve) => setTimeout(resolve, 0));
      setPhase({ kind: 'done', summary });
    } catch (e) {
      setPhase({
        kind: 'error',
        message: `The import stopped: ${e instanceof Error ? e.message : String(e)}. Items written before the error were kept; nothing already saved was changed.`,
      });
    }
  }

  return (
    <div class="rl-dialog-backdrop">
      <div
        class="rl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rl-import-title"
        data-testid="rl-import-dialog"
      >
        <h2 id="rl-import-title">Import</h2>
        <p class="muted">
          Pocket (CSV, export zip or HTML), Instapaper CSV, Omnivore export zip, browser bookmarks (HTML),
          Readwise CSV or a Masthead JSON export. The file is read here, in your browser; nothing is uploaded.
          Items keep their dates, tags and read state; already-saved articles are left as they are.
        </p>
        {(phase.kind === 'pick' || phase.kind === 'error' || phase.kind === 'done') && (
          <p>
            <label for="rl-import-file">File to import</label>{' '}
            <input
              id="rl-import-file"
              ref={input}
              type="file"
              data-testid="rl-import-file"
              accept=".csv,.html,.htm,.zip,.json,text/csv,text/html,application/zip,application/json"
              onChange={(e) => void pick(e.currentTarget.files?.[0])}
            />
          </p>
        )}
        {phase.kind === 'reading' && (
          <Progress label={`Reading ${phase.name}…`} done={phase.done} total={phase.total} />
        )}
        {phase.kind === 'preview' && (
          <>
            <p>
              <strong>{phase.name}</strong>: {formatName(phase.result.format)}.
            </p>
            <Report summary={phase.summary} />
          </>
        )}
        {phase.kind === 'writing' && <Progress label="Importing…" done={phase.done} total={phase.total} />}
        {phase.kind === 'done' && (
          <>
            <p role="status" data-testid="rl-import-done">
              Import finished.
            </p>
            <Report summary={phase.summary} />
          </>
        )}
        {phase.kind === 'error' && (
          <p class="rl-error" role="alert">
            {phase.message}
          </p>
        )}
        <p class="rl-dialog__buttons">
          {phase.kind === 'preview' && (
            <button
              type="button"
              class="button button--primary"
              data-testid="rl-import-confirm"
              disabled={phase.summary.imported === 0}
              onClick={() => void confirmImport(phase.result)}
            >
              Import {phase.summary.imported} item{phase.summary.imported === 1 ? '' : 's'}
            </button>
          )}
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={onClose}
            data-testid="rl-import-close"
          >
            {phase.kind === 'done' ? 'Close' : 'Cancel'}
          </button>
        </p>
      </div>
    </div>
  );
}
