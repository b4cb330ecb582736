// The typed ends of a wait that is not a success. Each carries the uuid, the last job seen
// and the wait's state (resumable, credential-free), never a request or a header.
import { lookupError, type ErrorEntry } from "@ontap-rest/errors";
import type { OntapJob } from "./job.js";
import type { WaitState } from "./wait-state.js";

abstract class OntapJobError extends Error {
  // `declare`: the fields are assigned in the constructors, so no field initialisers are
  // emitted (bundle bytes).
  declare readonly uuid: string;
  /** The last job the poller saw, if any. */
  declare readonly job: OntapJob | undefined;
  /** The wait's state when it ended: `resumeWait` takes it (timeout, pause). */
  declare readonly state: WaitState;

  constructor(message: string, state: WaitState, options?: { cause?: unknown }) {
    super(message, options);
    this.uuid = state.uuid;
    this.job = state.lastJob;
    this.state = state;
  }
}

/** The job ended in `failure`; its message is in `message` and `job.message`. */
export class OntapJobFailedError extends OntapJobError {
  override readonly name = "OntapJobFailedError";
  /** ONTAP's `job.code` (an integer). */
  declare readonly code: number | undefined;
  declare readonly error: OntapJob["error"];
  /** What is known about the job's code (or its error's code): `lookupError`'s entry, if any. */
  declare readonly entry: ErrorEntry | undefined;

  constructor(job: OntapJob, state: WaitState) {
    // The catalog's keys are strings; `job.code` is an integer. No code: "", which no entry has.
    const entry = lookupError(String(job.code ?? "")) ?? lookupError(job.error?.code ?? "");
    const text = job.message ?? job.error?.message ?? entry?.description;
    super(`ONTAP job ${job.uuid} failed (code ${job.code ?? job.error?.code}): ${text}`, state);
    this.code = job.code;
    this.error = job.error;
    this.entry = entry;
  }
}

/** No end within `maxWaitMs`; `state` resumes the wait later. */
export class OntapJobTimeoutError extends OntapJobError {
  override readonly name = "OntapJobTimeoutError";
  declare readonly maxWaitMs: number;
  constructor(state: WaitState, maxWaitMs: number, cause?: unknown) {
    super(`ONTAP job ${state.uuid}: no end after ${maxWaitMs} ms`, state, { cause });
    this.maxWaitMs = maxWaitMs;
  }
}

/** 404: no such job, or a finished job ONTAP has deleted (about 300 s after its end). */
export class OntapJobNotFoundError extends OntapJobError {
  override readonly name = "OntapJobNotFoundError";
  constructor(state: WaitState, cause?: unknown) {
    super(
      `ONTAP job ${state.uuid} not found (ONTAP deletes a job about 300 s after its end)`,
      state,
      { cause },
    );
  }
}

/** The job is `paused` and the policy is `onPaused: "fail"`. */
export class OntapJobPausedError extends OntapJobError {
  override readonly name = "OntapJobPausedError";
  constructor(state: WaitState) {
    super(`ONTAP job ${state.uuid} is paused`, state);
  }
}

/** A 2xx answer that is not a job (no or unknown `state`, another uuid): it will not heal. */
export class OntapJobMalformedError extends OntapJobError {
  override readonly name = "OntapJobMalformedError";
  constructor(state: WaitState) {
    super(`ONTAP job ${state.uuid}: not a job`, state);
  }
}
