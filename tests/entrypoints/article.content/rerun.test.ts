import { describe, expect, it } from 'vitest';
import { createRerunScheduler, type RerunOptions } from '@/entrypoints/article.content/rerun';

/** A hand-driven clock: timers fire only when `advance` passes them. */
function clock() {
  let t = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      timers.set(next, { at: t + ms, fn });
      return next++;
    },
    clearTimer: (id: number) => void timers.delete(id),
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        t = due[1].at;
        due[1].fn();
      }
      t = end;
    },
  };
}

function setup(over: Partial<RerunOptions> = {}) {
  const c = clock();
  const runs: { at: number; reason: string }[] = [];
  const s = createRerunScheduler({
    debounceMs: 500,
    maxRuns: 3,
    windowMs: 60_000,
    followUpMs: 3_000,
    now: c.now,
    setTimer: c.setTimer,
    clearTimer: c.clearTimer,
    run: (reason) => runs.push({ at: c.now(), reason }),
    ...over,
  });
  return { c, runs, s };
}

describe('createRerunScheduler', () => {
  it('debounces bursts of URL changes into one run, then one follow-up', () => {
    const { c, runs, s } = setup();
    s.trigger();
    c.advance(200);
    s.trigger();
    c.advance(200);
    s.trigger();
    c.advance(10_000);
    expect(runs).toEqual([
      { at: 900, reason: 'navigation' },
      { at: 3_900, reason: 'follow-up' },
    ]);
  });

  it('caps runs per window and defers (not drops) the last navigation', () => {
    const { c, runs, s } = setup({ followUpMs: 0 });
    for (let i = 0; i < 5; i++) {
      s.trigger();
      c.advance(1_000);
    }
    expect(runs.map((r) => r.at)).toEqual([500, 1_500, 2_500]);
    c.advance(60_000);
    expect(runs).toHaveLength(4); // the latest navigation ran once a slot freed
    expect(runs[3]?.at).toBe(60_500);
  });

  it('cancel stops pending runs', () => {
    const { c, runs, s } = setup();
    s.trigger();
    s.cancel();
    c.advance(10_000);
    expect(runs).toEqual([]);
  });
});
