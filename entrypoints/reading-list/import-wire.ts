/**
 * How a parsed import travels from the import worker to the page without one long task on the
 * page's main thread: the items go in slices (each message is deserialised in its own short task),
 * then the per-row report as typed arrays (transferred, not copied) plus the few rows that carry
 * text (skipped rows, warnings). The page rebuilds the exact ImportResult: every imported row
 * points at the same item object as `items` does.
 */
import type { ImportedItem, ImportResult, RowOutcome } from '@/lib/reading-list/io';

/** Items per message (a 1,000-item slice deserialises in a few ms). */
export const ITEMS_PER_MESSAGE = 1000;

export interface ItemsMessage {
  type: 'items';
  items: ImportedItem[];
  /** normalizeUrl() of each item's URL (null when it has none). */
  keys: (string | null)[];
}

export interface DoneMessage {
  type: 'done';
  format: ImportResult['format'];
  errors: string[];
  /** Per report row, in file order: the index of its item in `items`, or -1 for a skipped row. */
  itemOf: Int32Array;
  /** Per report row: its row number in the file. */
  rowNo: Int32Array;
  /** The skipped rows, in order. */
  skipped: { reason: string; url?: string }[];
  /** Warnings of imported rows, by report row index. */
  warnings: Record<number, string>;
}

/** The worker's messages for a result: item slices, then the report. */
export function toWire(result: ImportResult, keys: (string | null)[]): [ItemsMessage[], DoneMessage] {
  const slices: ItemsMessage[] = [];
  for (let i = 0; i < result.items.length; i += ITEMS_PER_MESSAGE) {
    slices.push({
      type: 'items',
      items: result.items.slice(i, i + ITEMS_PER_MESSAGE),
      keys: keys.slice(i, i + ITEMS_PER_MESSAGE),
    });
  }
  const index = new Map<ImportedItem, number>();
  result.items.forEach((item, i) => index.set(item, i));
  const n = result.rows.length;
  const done: DoneMessage = {
    type: 'done',
    format: result.format,
    errors: result.errors,
    itemOf: new Int32Array(n),
    rowNo: new Int32Array(n),
    skipped: [],
    warnings: {},
  };
  result.rows.forEach((r, i) => {
    done.rowNo[i] = r.row;
    if (r.status === 'skipped') {
      done.itemOf[i] = -1;
      done.skipped.push(r.url === undefined ? { reason: r.reason } : { reason: r.reason, url: r.url });
      return;
    }
    const at = index.get(r.item);
    if (at === undefined) throw new Error('an imported row without its item');
    done.itemOf[i] = at;
    if (r.warning !== undefined) done.warnings[i] = r.warning;
  });
  return [slices, done];
}

/** The page side: collects item slices, then rebuilds the result from the report. */
export class WireReader {
  readonly items: ImportedItem[] = [];
  readonly keys: (string | null)[] = [];

  addItems(m: ItemsMessage): void {
    for (const item of m.items) this.items.push(item);
    for (const key of m.keys) this.keys.push(key);
  }

  finish(m: DoneMessage): ImportResult {
    const rows: RowOutcome[] = new Array(m.itemOf.length);
    let s = 0;
    for (let i = 0; i < m.itemOf.length; i++) {
      const at = m.itemOf[i]!;
      const row = m.rowNo[i]!;
      if (at < 0) {
        const sk = m.skipped[s++];
        if (!sk) throw new Error('the import report is incomplete');
        rows[i] =
          sk.url === undefined
            ? { row, status: 'skipped', reason: sk.reason }
            : { row, status: 'skipped', ...sk };
        continue;
      }
      const item = this.items[at];
      if (!item) throw new Error('the import report names a missing item');
      const warning = m.warnings[i];
      rows[i] =
        warning === undefined
          ? { row, status: 'imported', item }
          : { row, status: 'imported', item, warning };
    }
    return { format: m.format, items: this.items, rows, errors: m.errors };
  }
}
