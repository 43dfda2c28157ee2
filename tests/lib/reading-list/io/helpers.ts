import { readFileSync } from 'node:fs';
import { parseImport } from '../../../../lib/reading-list/io/index';
import type { ImportResult, ImportedItem, RowOutcome } from '../../../../lib/reading-list/io/types';

export const fixturePath = (name: string) => new URL(`../../../fixtures/import/${name}`, import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

export async function importFixture(name: string): Promise<ImportResult> {
  return parseImport(fixtureBytes(name), name);
}

export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function byUrl(result: ImportResult, url: string): ImportedItem {
  const item = result.items.find((i) => i.url === url);
  if (!item) throw new Error(`no item ${url}; have ${result.items.map((i) => i.url).join(' ')}`);
  return item;
}

export function skipped(result: ImportResult): Extract<RowOutcome, { status: 'skipped' }>[] {
  return result.rows.filter((r): r is Extract<RowOutcome, { status: 'skipped' }> => r.status === 'skipped');
}
