/**
 * A small RFC 4180 CSV reader and writer. The reader streams records out of a string (a generator),
 * accepts CRLF, LF and lone CR line ends, quoted fields with doubled quotes and raw newlines, and is
 * bounded: long fields are cut, wide records are cut, an unterminated quote (a truncated file) is
 * reported on the record. It never throws on content.
 */

export interface CsvRecord {
  fields: string[];
  /** 0-based index of the record among the records yielded (blank lines are not records). */
  index: number;
  /** Set when the record was cut or the file ended inside a quoted field. */
  error?: string;
}

export interface CsvReadOptions {
  /** Fields kept per record (default 1,000). */
  maxFields?: number;
  /** Characters kept per field (default 5,000,000). */
  maxFieldLength?: number;
}

const DEFAULT_MAX_FIELDS = 1_000;
const DEFAULT_MAX_FIELD_LENGTH = 5_000_000;

/** Yield the records of `text` (no BOM handling here: see decode.ts). */
export function* readCsv(text: string, opts: CsvReadOptions = {}): Generator<CsvRecord> {
  const maxFields = opts.maxFields ?? DEFAULT_MAX_FIELDS;
  const maxLen = opts.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
  const len = text.length;
  const special = /[,\r\n]/g;
  let pos = 0;
  let index = 0;
  while (pos < len) {
    const fields: string[] = [];
    let error: string | undefined;
    let quotedAny = false;
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (text.charCodeAt(pos) === 34 /* " */) {
        quotedAny = true;
        const parts: string[] = [];
        let from = pos + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            parts.push(text.slice(from));
            error = 'the file ends inside a quoted field (truncated?)';
            pos = len;
            break;
          }
          parts.push(text.slice(from, q));
          if (text.charCodeAt(q + 1) === 34) {
            parts.push('"');
            from = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        value = parts.join('');
        // Lenient: characters between the closing quote and the delimiter are kept.
        special.lastIndex = pos;
        const m = special.exec(text);
        const stop = m ? m.index : len;
        if (stop > pos) value += text.slice(pos, stop);
        pos = stop;
      } else {
        special.lastIndex = pos;
        const m = special.exec(text);
        const stop = m ? m.index : len;
        value = text.slice(pos, stop);
        pos = stop;
      }
      if (value.length > maxLen) {
        value = value.slice(0, maxLen);
        error ??= `a field is longer than ${maxLen} characters and was cut`;
      }
      if (fields.length < maxFields) fields.push(value);
      else error ??= `more than ${maxFields} fields; the rest were dropped`;
      // Now at a delimiter, a line end or the end of the text.
      const c = text.charCodeAt(pos);
      if (c === 44 /* , */) {
        pos++;
        if (pos >= len) {
          if (fields.length < maxFields) fields.push('');
          endOfRecord = true;
        }
      } else {
        if (c === 13 /* \r */) pos += text.charCodeAt(pos + 1) === 10 ? 2 : 1;
        else if (c === 10) pos++;
        endOfRecord = true;
      }
    }
    if (fields.length === 1 && fields[0] === '' && !quotedAny && !error) continue; // blank line
    yield error ? { fields, index: index++, error } : { fields, index: index++ };
  }
}

/** Convenience: all records' fields. */
export function parseCsv(text: string, opts?: CsvReadOptions): string[][] {
  return Array.from(readCsv(text, opts), (r) => r.fields);
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP ASVS 5.0 1.2.10). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/** Prefix a cell that a spreadsheet would run as a formula with a `'`. */
export function neutraliseCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value.charAt(0)) ? "'" + value : value;
}

export function isFormulaTrigger(char: string): boolean {
  return FORMULA_TRIGGERS.has(char);
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

/** RFC 4180 text with CRLF line ends; cells are formula-neutralised unless `neutralise` is false. */
export function toCsv(rows: readonly (readonly string[])[], neutralise = true): string {
  return rows
    .map((row) =>
      // A lone empty cell is written as "" so the row does not read back as a blank line.
      row.length === 1 && row[0] === ''
        ? '""'
        : row.map((cell) => quoteCell(neutralise ? neutraliseCell(cell) : cell)).join(','),
    )
    .join('\r\n')
    .concat(rows.length > 0 ? '\r\n' : '');
}
