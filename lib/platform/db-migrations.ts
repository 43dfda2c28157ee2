/**
 * Pure row upgraders for MastheadDb schema versions (ARCHITECTURE.md §6, R5).
 *
 * Pattern for version N+1:
 * 1. Write `upgradePageVNtoVN1(row: PageRowVN): PageRowVN1` here — pure, total (tolerates rows with
 *    missing optional fields and odd types), no network, no `browser.*`.
 * 2. Register it in `PAGE_MIGRATIONS` under the version it upgrades *to*.
 * 3. In db.ts append `this.version(N+1).stores({...}).upgrade((tx) =>
 *    tx.table('pages').toCollection().modify((row, ref) => { ref.value = upgradePageVNtoVN1(row) }))`.
 *    Deduplicate before adding any `&unique` index (a unique index over duplicates aborts).
 * 4. Add `tests/fixtures/db/v<N+1>.json`; db.test.ts replays every fixture through these functions
 *    to know what each row must look like after the upgrade.
 *
 * v1 is the first released schema, so there is nothing to upgrade yet.
 */

/** A stored row as any released version may have written it. */
export type AnyRow = Record<string, unknown>;

/** Target version → upgrader from the previous version, per table. */
export const PAGE_MIGRATIONS: Readonly<Record<number, (row: AnyRow) => AnyRow>> = {};

/** Apply every upgrader after `fromVersion` up to `toVersion` (inclusive) to one `pages` row. */
export function upgradePageRow(row: AnyRow, fromVersion: number, toVersion: number): AnyRow {
  let out = row;
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const up = PAGE_MIGRATIONS[v];
    if (up) out = up(out);
  }
  return out;
}
