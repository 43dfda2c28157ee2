/**
 * `npm run -s analyze -- --import FILE` (or `node --import tsx scripts/analyze-import.ts FILE`):
 * run the extension's import parser (lib/reading-list/io) on one file and print the detected format
 * and the per-row report as JSON. Duplicates against a reading list are not checked here (there is
 * no database); duplicates within the file are.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseImport, DEFAULT_MAX_BYTES } from '../lib/reading-list/io/index';
import type { ImportedItem, RowOutcome } from '../lib/reading-list/io/types';

/** A row of the printed report: the item without its (possibly large) content and text. */
function summarise(row: RowOutcome): Record<string, unknown> {
  if (row.status === 'skipped') return { ...row };
  const { content, text, raw, ...rest } = row.item as ImportedItem;
  const item: Record<string, unknown> = rest;
  const out: Record<string, unknown> = { row: row.row, status: row.status, item };
  if (content) item.content = `[${content.length} characters of HTML]`;
  if (text) item.text = `[${text.length} characters of text]`;
  if (raw) out.rawFields = Object.keys(raw).length;
  if (row.warning) out.warning = row.warning;
  return out;
}

export async function runImport(file: string): Promise<object> {
  const size = statSync(file).size;
  if (size > DEFAULT_MAX_BYTES * 4) {
    // Do not even read absurdly large files into memory; parseImport would refuse them anyway.
    return {
      file: basename(file),
      format: 'unknown',
      counts: { imported: 0, skipped: 0 },
      errors: [`The file is ${size} bytes; refused.`],
      rows: [],
    };
  }
  const bytes = new Uint8Array(readFileSync(file));
  const result = await parseImport(bytes, basename(file));
  const imported = result.rows.filter((r) => r.status === 'imported').length;
  return {
    file: basename(file),
    format: result.format,
    counts: { imported, skipped: result.rows.length - imported, items: result.items.length },
    errors: result.errors,
    rows: result.rows.map(summarise),
  };
}

async function main(argv: string[]): Promise<number> {
  const file = argv.filter((a) => a !== '--import')[0];
  if (!file || argv.includes('--help')) {
    process.stderr.write('Usage: npm run -s analyze -- --import FILE\n');
    return 2;
  }
  try {
    process.stdout.write(JSON.stringify(await runImport(file), null, 2) + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(`analyze --import: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}

export { main as importMain };
