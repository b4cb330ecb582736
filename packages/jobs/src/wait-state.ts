// The state of a wait, as plain JSON: enough to resume it in another process, and nothing
// secret (no client, URL, header or credential: the resuming process brings its own client).
import type { OntapJob } from "./job.js";

export interface WaitState {
  /** Format version, for readers of stored states. */
  v: 1;
  uuid: string;
  /** When the wait began (clock ms): its budget counts from here across resumes. */
  startedAt: number;
  /** The wait gives up at this time (clock ms). */
  deadline: number;
  polls: number;
  /** Consecutive failed polls (network, 5xx, 429): the error backoff continues from it. */
  errors: number;
  lastJob?: OntapJob;
}
