// How long to wait before the next poll.
import type { OntapJob } from "./job.js";

export interface BackoffOptions {
  minDelayMs?: number;
  maxDelayMs?: number;
  /** The delay as a share of the job's age. */
  ageFactor?: number;
  /** ± this share of each delay, at random. */
  jitter?: number;
  /** A number in [0, 1). */
  random?: () => number;
}

export type Backoff = Required<BackoffOptions>;

/**
 * How long the job has run: from its `start_time` when the cluster says (a job picked up
 * long after it began is polled sparsely from the first poll), and at least as long as this
 * wait has lasted (a queued job has no start time; a skewed cluster clock can say "future").
 */
export function jobAge(job: OntapJob | undefined, now: number, waitedMs: number): number {
  // No start time: Date.parse("") is NaN.
  const start = Date.parse(job?.start_time ?? "");
  // ONTAP's times are whole seconds: the job may have started up to 1 s after `start_time`,
  // and taking the younger end keeps the polls of a short job dense.
  return Number.isNaN(start) ? waitedMs : Math.max(waitedMs, now - start - 1000);
}

const clamp = (b: Backoff, ms: number) => Math.min(b.maxDelayMs, Math.max(b.minDelayMs, ms));
const jittered = (b: Backoff, ms: number) => ms * (1 + b.jitter * (2 * b.random() - 1));

/** The delay after a poll that saw the job running (or queued, or paused). */
export function pollDelay(b: Backoff, ageMs: number): number {
  return clamp(b, jittered(b, clamp(b, b.ageFactor * ageMs)));
}

/**
 * The delay after a failed poll: exponential from the minimum ("equal jitter", as the
 * client's retries), and never less than the server's `Retry-After`.
 */
export function errorDelay(b: Backoff, errors: number, retryAfterMs?: number): number {
  const step = Math.min(b.maxDelayMs, (b.minDelayMs || 1) * 2 ** errors);
  const delay = step / 2 + (b.random() * step) / 2;
  return Math.max(delay, retryAfterMs ?? 0);
}
