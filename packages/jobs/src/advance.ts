// The heart of a wait, shared by waitForJob and the watcher: given what one poll answered,
// update the state and say what comes next (the job, a typed error, or a delay).
import { errorDelay, jobAge, pollDelay, type Backoff, type BackoffOptions } from "./backoff.js";
import { systemClock, type Clock } from "./clock.js";
import { DEFAULTS } from "./defaults.js";
import {
  OntapJobFailedError,
  OntapJobMalformedError,
  OntapJobNotFoundError,
  OntapJobPausedError,
  OntapJobTimeoutError,
} from "./errors.js";
import { readJob, type OntapJob } from "./job.js";
import { jobUuid, type JobRef } from "./job-ref.js";
import type { Svm } from "@ontap-rest/client";
import type { Outcome } from "./poll.js";
import type { WaitState } from "./wait-state.js";

export interface WaitOptions extends BackoffOptions {
  /** The whole wait's budget, retries included. Default `DEFAULTS.maxWaitMs` (1 h). */
  maxWaitMs?: number;
  /** `"wait"` (default): a paused job is waited for; `"fail"`: OntapJobPausedError. */
  onPaused?: "wait" | "fail";
  /** Called with the job on every change of its state or message (and on the first answer). */
  onProgress?: (job: OntapJob) => void;
  /** Called with a copy of the wait's state after each poll: store it to resume elsewhere. */
  onState?: (state: WaitState) => void;
  /** Ends the wait at once, rejecting with the signal's reason. */
  signal?: AbortSignal;
  clock?: Clock;
  /** The job fields to ask for. Default `DEFAULTS.fields`. */
  fields?: readonly string[];
  /**
   * Poll in this SVM's context (SVM tunneling), as the client's own `svm` would; `null`: in
   * none. Default: the client's. `submitAndWait` passes on its request's `svm`.
   */
  svm?: Svm | null;
}

/** The options with their defaults, the backoff's included (one object: bundle bytes). */
export interface Resolved extends Backoff {
  clock: Clock;
  onPaused: "wait" | "fail";
  fields: readonly string[];
  options: WaitOptions;
}

export function resolve(options: WaitOptions): Resolved {
  return {
    minDelayMs: options.minDelayMs ?? DEFAULTS.minDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULTS.maxDelayMs,
    ageFactor: options.ageFactor ?? DEFAULTS.ageFactor,
    jitter: options.jitter ?? DEFAULTS.jitter,
    random: options.random ?? Math.random,
    clock: options.clock ?? systemClock,
    onPaused: options.onPaused ?? DEFAULTS.onPaused,
    fields: options.fields ?? DEFAULTS.fields,
    options,
  };
}

/** The state of a new wait for `job`, starting now. */
export function newState(
  job: JobRef,
  r: Resolved,
  maxWaitMs: number = DEFAULTS.maxWaitMs,
): WaitState {
  const uuid = jobUuid(job);
  const now = r.clock.now();
  return { v: 1, uuid, startedAt: now, deadline: now + maxWaitMs, polls: 0, errors: 0 };
}

/** A deep copy: errors and `onState` get a snapshot that later polls do not change. */
export const snapshot = (state: WaitState): WaitState => JSON.parse(JSON.stringify(state));

export type Step = { job: OntapJob } | { delay: number };

/**
 * Applies one poll's outcome to `state`; returns the job or the delay before the next poll,
 * or throws the typed end (OntapJobTimeoutError once the budget is spent).
 */
export function advance(state: WaitState, outcome: Outcome, r: Resolved): Step {
  const now = r.clock.now();
  state.polls++;
  const before = state.lastJob;
  try {
    if (outcome.kind === "retry") {
      // The count before this failure: the first retry waits one step.
      return next(state, r, errorDelay(r, state.errors++, outcome.retryAfterMs), outcome.error);
    }
    if (outcome.kind === "fatal") throw outcome.error;
    if (outcome.kind === "gone") throw new OntapJobNotFoundError(snapshot(state), outcome.error);
    state.errors = 0;
    const job = readJob(outcome.data, state.uuid);
    if (job === undefined) throw new OntapJobMalformedError(snapshot(state));
    state.lastJob = job;
    if (before?.state !== job.state || before?.message !== job.message) r.options.onProgress?.(job);
    if (job.state === "success") return { job };
    if (job.state === "failure") throw new OntapJobFailedError(job, snapshot(state));
    if (job.state === "paused" && r.onPaused === "fail")
      throw new OntapJobPausedError(snapshot(state));
    return next(state, r, pollDelay(r, jobAge(job, now, now - state.startedAt)));
  } finally {
    r.options.onState?.(snapshot(state));
  }
}

/**
 * The delay, cut to what is left of the budget, so the last poll lands on the deadline itself
 * (a job ending just before it is still seen). Past the deadline, the wait ends: the timeout,
 * whose cause is the last poll's error, if it failed.
 */
function next(state: WaitState, r: Resolved, delay: number, error?: unknown): Step {
  const remaining = state.deadline - r.clock.now();
  if (remaining <= 0) {
    throw new OntapJobTimeoutError(snapshot(state), state.deadline - state.startedAt, error);
  }
  return { delay: Math.min(delay, remaining) };
}
