import { performance } from 'node:perf_hooks';

/** A source of milliseconds; injected so tests and deterministic runs do not depend on wall time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => performance.now() };

/**
 * A clock that advances by `stepMs` on every reading, so a time-limited search stops after a fixed
 * number of clock reads and is reproducible to the iteration.
 */
export function createStepClock(stepMs: number): Clock {
  let t = 0;
  return {
    now: () => {
      t += stepMs;
      return t;
    },
  };
}
