/**
 * Accumulates the per-row report of one import: URL checks, duplicates within the file (by
 * normalised URL), size bounds, progress callbacks and a yield to the event loop every 500 rows so
 * a page or service worker stays responsive.
 */
import { normalizeParsedUrl, normalizeUrl } from '../../url/normalize';
import type { ImportedItem, RowOutcome } from './types';
import { boundItem, checkUrl } from './values';

export const PROGRESS_EVERY = 500;

export type ProgressFn = (done: number, total: number) => void;

export function urlKeyOf(url: string): string {
  return normalizeUrl(url) ?? url.trim();
}

/** normalizeUrl() of each accepted item's URL, as computed for the in-file duplicate check. */
const acceptedKeys = new WeakMap<ImportedItem, { url: string; key: string | null }>();

/**
 * The normalised URL of an item (normalizeUrl, null when it has none): the value the parser
 * already computed for its duplicate check when the item's URL is unchanged since, else computed
 * now. Saves an import a second pass over every URL.
 */
export function itemUrlKey(item: ImportedItem): string | null {
  const known = acceptedKeys.get(item);
  return known && known.url === item.url ? known.key : normalizeUrl(item.url);
}

/** itemUrlKey() of each item, in order. */
export function urlKeysOf(items: readonly ImportedItem[]): (string | null)[] {
  return items.map(itemUrlKey);
}

export class Collector {
  readonly rows: RowOutcome[] = [];
  readonly items: ImportedItem[] = [];
  private readonly seen = new Map<string, { row: number; item: ImportedItem }>();
  private done = 0;

  constructor(
    private total: number,
    private readonly onProgress?: ProgressFn,
    private readonly yieldToLoop = true,
  ) {
    this.safeProgress(0);
  }

  /** Raise the expected total (zip parts discovered while reading). */
  addToTotal(n: number): void {
    this.total += n;
  }

  /**
   * Record one row as imported (after URL check, bounds and the in-file duplicate check) or as
   * skipped. Returns the stored item, or undefined when the row was skipped.
   */
  accept(row: number, item: ImportedItem, warning?: string, keepRaw = false): ImportedItem | undefined {
    const check = checkUrl(item.url);
    if (!check.ok) {
      this.skip(row, check.reason, typeof item.url === 'string' ? item.url.slice(0, 300) : undefined);
      return undefined;
    }
    // The URL as checkUrl parsed it, unless normalizeUrl's own trim would parse another string.
    const normalized =
      check.url.trim() === check.url ? normalizeParsedUrl(check.parsed) : normalizeUrl(check.url);
    const key = normalized ?? check.url.trim();
    const earlier = this.seen.get(key);
    if (earlier) {
      this.skip(row, `duplicate within the file (same address as row ${earlier.row})`, check.url);
      return undefined;
    }
    const stored = keepRaw ? { ...item, url: check.url } : boundItem({ ...item, url: check.url });
    this.seen.set(key, { row, item: stored });
    acceptedKeys.set(stored, { url: stored.url, key: normalized });
    this.items.push(stored);
    this.rows.push(
      warning
        ? { row, status: 'imported', item: stored, warning }
        : { row, status: 'imported', item: stored },
    );
    return stored;
  }

  skip(row: number, reason: string, url?: string): void {
    this.rows.push(url ? { row, status: 'skipped', reason, url } : { row, status: 'skipped', reason });
  }

  /** The item already imported for this URL, if any (used to merge highlights into it). */
  find(url: string): ImportedItem | undefined {
    return this.seen.get(urlKeyOf(url))?.item;
  }

  /**
   * Count one processed row; every PROGRESS_EVERY rows report progress and (unless the collector
   * was made not to) yield a macrotask.
   */
  async step(): Promise<void> {
    this.done++;
    if (this.done % PROGRESS_EVERY === 0) {
      this.safeProgress(this.done);
      if (this.yieldToLoop) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }

  finish(): void {
    this.safeProgress(Math.max(this.done, this.total));
  }

  private safeProgress(done: number): void {
    if (!this.onProgress) return;
    try {
      this.onProgress(Math.min(done, Math.max(this.total, done)), Math.max(this.total, done));
    } catch {
      // A failing progress callback must not abort the import.
    }
  }
}
