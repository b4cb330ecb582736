export type { WaitOptions } from "./advance.js";
export type { BackoffOptions } from "./backoff.js";
export { systemClock, type Clock } from "./clock.js";
export { DEFAULTS } from "./defaults.js";
export {
  OntapJobFailedError,
  OntapJobMalformedError,
  OntapJobNotFoundError,
  OntapJobPausedError,
  OntapJobTimeoutError,
} from "./errors.js";
export type { JobError, JobState, OntapJob } from "./job.js";
export { jobUuid, type JobRef } from "./job-ref.js";
export {
  createJobWatcher,
  type JobWatcher,
  type WatcherOptions,
  type WatchOptions,
} from "./job-watcher.js";
export type { JobsClient } from "./jobs-client.js";
export { submitAndWait, type SubmitOptions, type SubmitResult } from "./submit-and-wait.js";
export { resumeWait, waitForJob } from "./wait-for-job.js";
export type { WaitState } from "./wait-state.js";
