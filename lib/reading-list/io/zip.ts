/**
 * Bounded unzip for import archives (fflate streaming API). Defeats zip bombs: the number of
 * entries, each entry's uncompressed size and the total uncompressed size are capped, counted on
 * the bytes actually inflated (headers can lie), with input pushed in small chunks so no single
 * step can inflate more than ~1,000× its chunk.
 */
import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export interface UnzipResult {
  entries: ZipEntry[];
  errors: string[];
}

const CHUNK = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

/** Entry names from the central directory, without inflating anything; null when unreadable. */
export function listZipNames(bytes: Uint8Array, maxEntries = DEFAULT_ZIP_LIMITS.maxEntries): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (names.length < maxEntries) names.push(file.name);
        return false;
      },
    });
    return names;
  } catch {
    return names.length > 0 ? names : null;
  }
}

/** Inflate the entries whose name `want` accepts, within `limits`. Never throws on content. */
export function unzipBounded(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): UnzipResult {
  const entries: ZipEntry[] = [];
  const errors: string[] = [];
  let seen = 0;
  let total = 0;
  let stop: string | undefined;
  const pending = new Set<string>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    if (stop) return;
    seen++;
    if (seen > limits.maxEntries) {
      stop = `the archive has more than ${limits.maxEntries} entries; refused`;
      return;
    }
    if (!want(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) {
      errors.push(`${file.name}: unsupported compression method ${file.compression}; skipped`);
      return;
    }
    if ((file.originalSize ?? 0) > limits.maxEntryBytes) {
      errors.push(
        `${file.name}: ${mb(file.originalSize ?? 0)} uncompressed exceeds the ${mb(limits.maxEntryBytes)} per-file limit; skipped`,
      );
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    let dropped = false;
    pending.add(file.name);
    file.ondata = (err, chunk, final) => {
      if (dropped || stop) return;
      if (final) pending.delete(file.name);
      if (err) {
        dropped = true;
        pending.delete(file.name);
        errors.push(`${file.name}: damaged entry (${err.message}); skipped`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) {
        dropped = true;
        pending.delete(file.name);
        errors.push(
          `${file.name}: inflates beyond the ${mb(limits.maxEntryBytes)} per-file limit (zip bomb?); skipped`,
        );
        file.terminate();
        return;
      }
      if (total > limits.maxTotalBytes) {
        stop = `the archive inflates beyond ${mb(limits.maxTotalBytes)} in total (zip bomb?); import stopped`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.push({ name: file.name, data: concat(chunks, size) });
    };
    try {
      file.start();
    } catch (e) {
      errors.push(`${file.name}: ${(e as Error).message}; skipped`);
    }
  };
  try {
    for (let at = 0; at < bytes.length && !stop; at += CHUNK) {
      const end = Math.min(bytes.length, at + CHUNK);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (e) {
    errors.push(`the archive is damaged or truncated (${(e as Error).message})`);
  }
  if (stop) errors.push(stop);
  else for (const name of pending) errors.push(`${name}: incomplete (archive truncated?); skipped`);
  return { entries, errors };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
