// advance: one poll's outcome → the job, the delay before the next poll (capped at the
// deadline), or the typed end, the timeout included; `onState` sees every poll first.
import { describe, expect, it } from "vitest";
import { advance, newState, resolve } from "../src/advance.js";
import { OntapJobTimeoutError } from "../src/errors.js";
import type { WaitState } from "../src/wait-state.js";

const at = (now: number) => ({ now: () => now, sleep: async () => {} });

describe("advance", () => {
  it("caps the delay at what is left of the budget", () => {
    const states: WaitState[] = [];
    const r = resolve({ clock: at(1_000), random: () => 0.5, onState: (s) => states.push(s) });
    const state = newState("j1", r, 500);
    state.startedAt = 0;
    state.deadline = 1_100;
    const step = advance(state, { kind: "ok", data: { state: "running" } }, r);
    expect(step).toEqual({ delay: 100 });
    expect(states).toHaveLength(1);
  });

  it("past the deadline, a failed poll ends in a timeout whose cause is its error", () => {
    const states: WaitState[] = [];
    const r = resolve({ clock: at(5_000), onState: (s) => states.push(s) });
    const state = newState("j2", r, 0);
    const error = new Error("503");
    let thrown: unknown;
    try {
      advance(state, { kind: "retry", error }, r);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OntapJobTimeoutError);
    expect((thrown as OntapJobTimeoutError).cause).toBe(error);
    expect((thrown as OntapJobTimeoutError).state).toMatchObject({ polls: 1, errors: 1 });
    // The state was reported before the wait ended.
    expect(states).toEqual([(thrown as OntapJobTimeoutError).state]);
  });

  it("a job that has ended is returned even past the deadline", () => {
    const r = resolve({ clock: at(5_000) });
    const state = newState("j3", r, 0);
    const step = advance(state, { kind: "ok", data: { state: "success" } }, r);
    expect(step).toEqual({ job: { uuid: "j3", state: "success" } });
  });
});
