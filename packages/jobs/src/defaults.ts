// Every default of the package, in one place (documented in the README).
export const DEFAULTS = {
  /** The first poll waits at least this long after the one before. */
  minDelayMs: 250,
  /**
   * Never longer between polls: ONTAP deletes a finished job about 300 s after it ends, so
   * a poll at least every minute sees the end well before the job can vanish.
   */
  maxDelayMs: 60_000,
  /**
   * The delay between polls as a share of the job's age (now − `start_time`). A job's length
   * is unknown, but one that has run for t is likely to run on for a time of the order of t:
   * polling at 15 % of its age keeps the delay after its end near 7 % of its length, with a
   * number of polls that grows with the logarithm of the length, not linearly.
   */
  ageFactor: 0.15,
  /** ± this share of each delay, at random, so that many waits do not poll in step. */
  jitter: 0.2,
  /** One hour: long jobs exist (SnapMirror, moves), an endless wait never should. */
  maxWaitMs: 3_600_000,
  /** `paused`: keep waiting (within `maxWaitMs`); `"fail"` throws OntapJobPausedError. */
  onPaused: "wait" as "wait" | "fail",
  /** What a poll asks for: nothing more than the outcome needs. */
  fields: [
    "uuid",
    "state",
    "message",
    "code",
    "error",
    "start_time",
    "end_time",
  ] as readonly string[],
  /**
   * submitAndWait's `return_timeout`, in seconds: ONTAP's maximum (120), so that ONTAP itself
   * holds the answer until a job of up to two minutes ends (one request, no delay). The
   * client's own per-request timeout (150 s by default) is above it.
   */
  returnTimeoutS: 120,
  /** Job watcher: the longest collection URL (path and query) it sends. */
  maxUrlLength: 4096,
} as const;
