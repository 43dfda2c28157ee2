/**
 * Re-analysis for single-page sites: debounced after each URL change, capped per time window
 * (deferred rather than dropped, so the last navigation is always analysed), plus one follow-up
 * run a few seconds later for sites that swap the text in after the URL.
 */

export interface RerunOptions {
  debounceMs: number;
  /** Most runs in any `windowMs`. */
  maxRuns: number;
  windowMs: number;
  /** Delay of the single follow-up after a navigation run (0 = none). */
  followUpMs: number;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  run: (reason: 'navigation' | 'follow-up') => void;
}

export interface RerunScheduler {
  /** A navigation happened. */
  trigger(): void;
  /** Cancel pending timers. */
  cancel(): void;
}

export const RERUN_DEFAULTS = {
  debounceMs: 500,
  maxRuns: 10,
  windowMs: 60_000,
  followUpMs: 3_000,
} as const;

export function createRerunScheduler(opts: RerunOptions): RerunScheduler {
  const started: number[] = [];
  let timer: number | undefined;

  const clear = () => {
    if (timer !== undefined) opts.clearTimer(timer);
    timer = undefined;
  };
  const schedule = (ms: number, reason: 'navigation' | 'follow-up') => {
    clear();
    timer = opts.setTimer(() => {
      timer = undefined;
      fire(reason);
    }, ms);
  };

  function fire(reason: 'navigation' | 'follow-up') {
    const t = opts.now();
    while (started.length && (started[0] as number) <= t - opts.windowMs) started.shift();
    if (started.length >= opts.maxRuns) {
      // Over the cap: try again when the oldest run leaves the window.
      schedule((started[0] as number) + opts.windowMs - t, reason);
      return;
    }
    started.push(t);
    opts.run(reason);
    if (reason === 'navigation' && opts.followUpMs > 0) schedule(opts.followUpMs, 'follow-up');
  }

  return {
    trigger: () => schedule(opts.debounceMs, 'navigation'),
    cancel: clear,
  };
}
