// The simulator's time: real for the demo, virtual for tests (they advance it and finish in
// milliseconds). Jobs and `return_timeout` waits read and sleep on it; nothing else does.

export interface SimClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves once `ms` milliseconds have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

export const realClock: SimClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

interface Timer {
  due: number;
  seq: number;
  resolve: () => void;
}

/** Lets pending promise chains (a request handler woken by a timer) run on. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Time that moves only when told to. Sleepers wake in due order as `advance` passes them. */
export class VirtualClock implements SimClock {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];
  #waiters: { count: number; resolve: () => void }[] = [];

  constructor(start = Date.parse("2026-01-01T00:00:00Z")) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#timers.push({ due: this.#now + Math.max(0, ms), seq: this.#seq++, resolve });
      this.#timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
      this.#waiters = this.#waiters.filter((w) => {
        if (this.#timers.length < w.count) return true;
        w.resolve();
        return false;
      });
    });
  }

  /** How many sleepers are waiting. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Resolves once at least `count` sleepers wait (e.g. a request held by `return_timeout`). */
  whenPending(count = 1): Promise<void> {
    if (this.#timers.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  /** Moves time forward by `ms`, waking every sleeper due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + Math.max(0, ms);
    await settle();
    for (;;) {
      const next = this.#timers[0];
      if (next === undefined || next.due > target) break;
      this.#timers.shift();
      this.#now = Math.max(this.#now, next.due);
      next.resolve();
      await settle();
      await settle();
    }
    this.#now = target;
  }
}
