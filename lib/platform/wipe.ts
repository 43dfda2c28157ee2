/**
 * "Delete all Masthead data" (SECURITY-RELIABILITY.md P6). Empties every table of the extension's
 * IndexedDB (whatever tables the current schema has, so tables added later are covered without
 * editing this file), then `storage.local`, `storage.session` and `storage.sync`, then alarms.
 * Reached only through the `deleteAllData` message, which is accepted from extension pages only
 * (lib/platform/messages.ts). Tables are cleared, not the database deleted: deleting would block
 * on every open connection (popup, options) and the next open would have to rebuild the schema.
 */
import type { WipeSummary } from '../protocol';
import { DERIVED_TABLES, type MastheadDb } from './db';

/** The part of a `storage.StorageArea` a wipe needs. */
export interface ClearableArea {
  clear(): Promise<void>;
}

export interface WipeDeps {
  db: () => Promise<MastheadDb>;
  /** Areas the browser has; a missing one is skipped. */
  storage: { local?: ClearableArea; session?: ClearableArea; sync?: ClearableArea };
  /** `browser.alarms` when the extension has the permission. */
  alarms?: { clearAll(): Promise<unknown> };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));

/**
 * Delete everything. The database goes first, in one transaction (all tables or none); if it
 * cannot be opened or cleared, nothing else is touched and the error is thrown. Storage areas are
 * then all attempted; any that failed are named in the thrown error.
 */
export async function wipeAllData(deps: WipeDeps): Promise<WipeSummary> {
  const db = await deps.db();
  const tables = db.tables;
  let rows = 0;
  await db.transaction('rw', tables, async () => {
    // The count the reader is told is of their stored items, not of derived index rows.
    for (const t of tables) if (!DERIVED_TABLES.has(t.name)) rows += await t.count();
    await Promise.all(tables.map((t) => t.clear()));
  });

  const storageAreas: string[] = [];
  const failures: string[] = [];
  for (const name of ['local', 'session', 'sync'] as const) {
    const area = deps.storage[name];
    if (!area) continue;
    try {
      await area.clear();
      storageAreas.push(name);
    } catch (e) {
      failures.push(`storage.${name}: ${messageOf(e)}`);
    }
  }
  try {
    await deps.alarms?.clearAll();
  } catch (e) {
    failures.push(`alarms: ${messageOf(e)}`);
  }
  if (failures.length) throw new Error(`Some data could not be deleted (${failures.join('; ')})`);
  return { tables: tables.map((t) => t.name).sort(), rows, storageAreas };
}
