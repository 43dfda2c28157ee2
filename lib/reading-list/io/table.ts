/**
 * CSV as a table addressed by header name (never by position): FORMATS.md §1 — columns move
 * between variants of the same export (Pocket's `cursor`, Instapaper's `Timestamp`/`Tags`).
 */
import { readCsv, type CsvRecord } from './csv';

export interface CsvTable {
  /** Header cells, trimmed and lower-cased. */
  header: string[];
  records: CsvRecord[];
}

export function normaliseHeaderCell(cell: string): string {
  return cell.trim().toLowerCase();
}

/** Read a whole CSV text; the first record is the header. */
export function readTable(text: string): CsvTable {
  const all = Array.from(readCsv(text));
  const header = (all[0]?.fields ?? []).map(normaliseHeaderCell);
  return { header, records: all.slice(1) };
}

export class Row {
  constructor(
    private readonly header: string[],
    private readonly record: CsvRecord,
  ) {}

  /** The cell under the first of `names` that the header has ('' when missing or short row). */
  get(...names: string[]): string {
    for (const name of names) {
      const i = this.header.indexOf(name);
      if (i >= 0) return this.record.fields[i] ?? '';
    }
    return '';
  }

  has(name: string): boolean {
    return this.header.includes(name);
  }

  /** True when this record repeats the header (concatenated Pocket parts). */
  isHeader(): boolean {
    const f = this.record.fields;
    return (
      f.length === this.header.length && f.every((cell, i) => normaliseHeaderCell(cell) === this.header[i])
    );
  }

  get error(): string | undefined {
    return this.record.error;
  }
}

/** Join a row's own problem (cut field, truncated file) with a date warning. */
export function joinWarnings(...warnings: (string | undefined)[]): string | undefined {
  const list = warnings.filter((w): w is string => Boolean(w));
  return list.length ? list.join('; ') : undefined;
}
