// What a job is, as the poller reads it. Bodies are read defensively: a proxy's page or a
// wrong shape is reported, never taken for a job.
export type JobState = "queued" | "running" | "paused" | "success" | "failure";

const STATES = new Set<string>(["queued", "running", "paused", "success", "failure"]);

/** The job's `error` (ONTAP's returned error): its code is a string, as in error bodies. */
export interface JobError {
  code?: string;
  message?: string;
}

export interface OntapJob {
  uuid: string;
  state: JobState;
  message?: string;
  /** An integer (ONTAP's `job.code`); the error catalog's keys are its decimal string. */
  code?: number;
  error?: JobError;
  start_time?: string;
  end_time?: string;
}

export const isFinal = (state: JobState) => state === "success" || state === "failure";

/** The job in a body, or `undefined` when the body is not one (no or unknown `state`, …). */
export function readJob(body: unknown, uuid: string): OntapJob | undefined {
  const raw = (body ?? {}) as Record<string, unknown>;
  // The set holds strings only: anything else is not in it.
  if (!STATES.has(raw.state as string)) return undefined;
  // A job with another uuid is not this job's answer.
  if (raw.uuid !== undefined && raw.uuid !== uuid) return undefined;
  const job = { uuid, state: raw.state } as OntapJob & Record<string, unknown>;
  for (const key of ["message", "start_time", "end_time"]) {
    if (typeof raw[key] === "string") job[key] = raw[key];
  }
  if (Number.isInteger(raw.code)) job.code = raw.code as number;
  const error = raw.error as Record<string, unknown> | null | undefined;
  if (typeof error === "object" && error) {
    job.error = { code: error.code?.toString(), message: error.message as string | undefined };
  }
  return job;
}
