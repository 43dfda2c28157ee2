/**
 * Online outlet lookup (off by default): Wikidata by the host's official website (P856), then the
 * English Wikipedia summary. At most 2 requests in flight, `Api-User-Agent` on every request,
 * 429 → wait for Retry-After (remembered in the cache table, so a restarted worker still waits),
 * answers cached in IndexedDB (`cache`) for ENRICH_TTL_MS, and a clean "offline" answer when the
 * network fails. Requests are built from a validated host name only (lib/outlets/enrich.ts).
 */
import {
  cacheKey,
  ENRICH_TTL_MS,
  lookupHost,
  MAX_RESPONSE_BYTES,
  parseSummary,
  parseWikidataAnswer,
  retryAfterMs,
  summaryRequest,
  wikidataRequest,
  type LookupResult,
  type OnlineOutlet,
} from '@/lib/outlets/enrich';
import type { CacheRow } from '@/lib/store-types';

export interface LookupDeps {
  fetch: (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;
  /** The Dexie `cache` table (or a fake with the same two calls). */
  cache: () => Promise<{
    get(key: string): Promise<CacheRow | undefined>;
    put(row: CacheRow): Promise<unknown>;
  }>;
  now: () => number;
  /** Per-request timeout. */
  timeoutMs?: number;
}

const RETRY_KEY = 'outlet-lookup:retry-after';
const MAX_IN_FLIGHT = 2;

/** What {@link createOutletLookup}'s `cachedAnswer` returns. */
export type CachedAnswer<T> =
  | { status: 'found'; value: T; cached: boolean }
  | { status: 'not-found'; cached: boolean }
  | { status: 'offline'; message: string }
  | { status: 'rate-limited'; retryAt: string }
  | { status: 'unavailable'; message: string };

export class RateLimited extends Error {
  constructor(readonly waitMs: number) {
    super('rate limited');
  }
}

/** A tiny semaphore: at most `max` tasks run at once, the rest wait in order. */
export function limiter(max: number) {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (running >= max) return;
    const start = queue.shift();
    if (start) {
      running++;
      start();
    }
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              running--;
              next();
            });
        });
        next();
      });
    },
    get inFlight() {
      return running;
    },
  };
}

async function readJson(res: Response): Promise<unknown> {
  const len = Number(res.headers.get('content-length') ?? '0');
  if (len > MAX_RESPONSE_BYTES) throw new Error('answer too large');
  const text = await res.text();
  if (text.length > MAX_RESPONSE_BYTES) throw new Error('answer too large');
  return JSON.parse(text) as unknown;
}

/** The lookup service; one per worker (its only state is the in-flight counter). */
export function createOutletLookup(deps: LookupDeps) {
  const gate = limiter(MAX_IN_FLIGHT);
  const timeoutMs = deps.timeoutMs ?? 10_000;

  async function get(req: { url: string; headers: Record<string, string> }, okStatus404 = false) {
    return gate.run(async () => {
      const ctrl = new AbortController();
      const timer = setTimeout(() => ctrl.abort(), timeoutMs);
      try {
        const res = await deps.fetch(req.url, { headers: req.headers, signal: ctrl.signal });
        if (res.status === 429 || res.status === 503) {
          throw new RateLimited(retryAfterMs(res.headers.get('retry-after'), deps.now()));
        }
        if (okStatus404 && res.status === 404) return null;
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return await readJson(res);
      } finally {
        clearTimeout(timer);
      }
    });
  }

  async function fetchOutlet(host: string): Promise<OnlineOutlet | null> {
    const fetchedAt = new Date(deps.now()).toISOString();
    const found = parseWikidataAnswer(await get(wikidataRequest(host)), fetchedAt);
    if (!found?.wikipedia) return found;
    const req = summaryRequest(found.wikipedia.title);
    if (!req) return found;
    try {
      const extract = parseSummary(await get(req, true));
      if (extract) found.wikipedia = { ...found.wikipedia, extract };
    } catch (e) {
      if (e instanceof RateLimited) throw e;
      // The summary is a nicety: Wikidata's answer stands without it.
    }
    return found;
  }

  /**
   * One cached online answer: the cache first (a cached "nothing found" counts), then a shared
   * Retry-After wait, then `fetcher`. `store: false` (private windows) reads the cache but writes
   * nothing. Never throws. Shared by the outlet lookup and the person summaries.
   */
  async function cachedAnswer<T>(
    key: string,
    fetcher: () => Promise<T | null>,
    { store = true, service = 'Wikidata' } = {},
  ): Promise<CachedAnswer<T>> {
    let cache: Awaited<ReturnType<LookupDeps['cache']>> | null = null;
    try {
      cache = await deps.cache();
      const hit = await cache.get(key);
      if (hit && hit.expiresAt > deps.now()) {
        const v = hit.value as { answer: T | null } | undefined;
        if (v && 'answer' in v) {
          return v.answer !== null
            ? { status: 'found', value: v.answer, cached: true }
            : { status: 'not-found', cached: true };
        }
      }
      const wait = await cache.get(RETRY_KEY);
      if (wait && wait.expiresAt > deps.now()) {
        return { status: 'rate-limited', retryAt: new Date(wait.expiresAt).toISOString() };
      }
    } catch {
      cache = null; // no database: look up without caching
    }
    try {
      const answer = await fetcher();
      if (store && cache) {
        await cache.put({ key, expiresAt: deps.now() + ENRICH_TTL_MS, value: { answer } }).catch(() => {});
      }
      return answer !== null
        ? { status: 'found', value: answer, cached: false }
        : { status: 'not-found', cached: false };
    } catch (e) {
      if (e instanceof RateLimited) {
        const until = deps.now() + e.waitMs;
        await cache?.put({ key: RETRY_KEY, expiresAt: until, value: null }).catch(() => {});
        return { status: 'rate-limited', retryAt: new Date(until).toISOString() };
      }
      if (e instanceof TypeError || (e as Error)?.name === 'AbortError') {
        return { status: 'offline', message: `${service} could not be reached (offline or blocked).` };
      }
      return {
        status: 'unavailable',
        message: `The lookup failed: ${(e as Error)?.message ?? String(e)}`.slice(0, 200),
      };
    }
  }

  /**
   * Looks a host up (cache first). `store: false` (private windows) reads the cache but writes
   * nothing. Never throws.
   */
  async function lookup(rawHost: string, { store = true } = {}): Promise<LookupResult> {
    const host = lookupHost(rawHost);
    if (!host) return { status: 'unavailable', message: 'This address has no host name to look up.' };
    const r = await cachedAnswer(cacheKey(host), () => fetchOutlet(host), { store });
    return r.status === 'found' ? { status: 'found', outlet: r.value, cached: r.cached } : r;
  }

  return {
    lookup,
    cachedAnswer,
    /** GET through the shared gate (2 in flight, timeout, 429/503 → RateLimited); JSON or null on an allowed 404. */
    getJson: get,
    get inFlight() {
      return gate.inFlight;
    },
  };
}
