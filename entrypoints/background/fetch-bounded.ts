/**
 * One bounded GET for opt-in features (feeds, coverage search): timeout, size cap, no cookies or
 * referrer, content-type check, and 429 Retry-After read. Never throws: problems are plain text.
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface BoundedOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Accepted content types (lower-case substrings); an empty header is accepted. */
  accept: readonly string[];
  now?: () => number;
}

export type BoundedResult =
  | { ok: true; bytes: Uint8Array; contentType: string }
  | { ok: false; message: string; retryAfterMs?: number };

const MB = 1024 * 1024;

/** Retry-After in ms from now: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Math.min(Number(s), 7 * 86_400) * 1000;
  const t = Date.parse(s);
  return Number.isFinite(t) ? Math.max(0, Math.min(t - now, 7 * 86_400_000)) : undefined;
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  const reader = res.body?.getReader();
  if (!reader) {
    const buf = new Uint8Array(await res.arrayBuffer());
    return buf.byteLength > maxBytes ? null : buf;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function fetchBounded(
  fetchFn: FetchLike,
  url: string,
  opts: BoundedOptions,
): Promise<BoundedResult> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 10 * MB;
  const now = opts.now ?? Date.now;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetchFn(url, {
      signal: ctrl.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      cache: 'no-cache',
    });
    if (res.status === 429) {
      const wait = retryAfterMs(res.headers.get('retry-after'), now());
      return {
        ok: false,
        message: 'The server asked Masthead to slow down (429 Too Many Requests).',
        retryAfterMs: wait ?? 3_600_000,
      };
    }
    if (!res.ok)
      return {
        ok: false,
        message: `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`,
      };
    const contentType = (res.headers.get('content-type') ?? '').toLowerCase();
    if (contentType && !opts.accept.some((a) => contentType.includes(a))) {
      return { ok: false, message: `The server sent ${contentType.split(';')[0]}, not a feed.` };
    }
    const declared = Number(res.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > maxBytes) {
      return {
        ok: false,
        message: `The answer is ${(declared / MB).toFixed(1)} MB; the limit is ${(maxBytes / MB).toFixed(1)} MB.`,
      };
    }
    const bytes = await readCapped(res, maxBytes);
    if (!bytes)
      return {
        ok: false,
        message: `The answer is larger than ${(maxBytes / MB).toFixed(1)} MB; nothing was read.`,
      };
    return { ok: true, bytes, contentType };
  } catch (e) {
    if (ctrl.signal.aborted)
      return { ok: false, message: `No answer within ${Math.round(timeoutMs / 1000)} s.` };
    const m = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `Could not reach the server (${m.slice(0, 200)}).` };
  } finally {
    clearTimeout(timer);
  }
}

/** Content types a feed may arrive with (servers label feeds loosely; the parser decides). */
export const FEED_CONTENT_TYPES = [
  'xml',
  'rss',
  'atom',
  'json',
  'text/plain',
  'text/html',
  'octet-stream',
] as const;
