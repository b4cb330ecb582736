// Virtual time for tests and the benchmark: `sleep` moves the clock and returns (after a
// macrotask, so real sockets keep flowing), and the job server reads the same clock.
import type { Clock } from "../../src/index.js";

export interface VirtualClock extends Clock {
  advance(ms: number): void;
  /** Every sleep asked for, in ms. */
  readonly sleeps: number[];
}

export function virtualClock(start = Date.UTC(2026, 0, 1)): VirtualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    sleep(ms, signal) {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.reject(signal.reason);
      now += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
