// waitForJob and resumeWait: one job, polled alone (`GET /cluster/jobs/{uuid}`).
import {
  advance,
  newState,
  resolve,
  snapshot,
  type Resolved,
  type WaitOptions,
} from "./advance.js";
import type { OntapJob } from "./job.js";
import type { JobRef } from "./job-ref.js";
import type { JobsClient } from "./jobs-client.js";
import { classify } from "./poll.js";
import type { WaitState } from "./wait-state.js";

/**
 * Follows a job to its end: the job on `success`; OntapJobFailedError on `failure`,
 * OntapJobNotFoundError on a 404, OntapJobTimeoutError after `maxWaitMs`, OntapJobPausedError
 * (with `onPaused: "fail"`), the OntapApiError of any other 4xx, the signal's reason on abort.
 */
export async function waitForJob(
  client: JobsClient,
  job: JobRef,
  options: WaitOptions = {},
): Promise<OntapJob> {
  const r = resolve(options);
  return run(client, newState(job, r, options.maxWaitMs), r);
}

/**
 * Continues a wait from a state `onState` (or an error's `state`) gave, in this process or
 * another. The budget still counts from the first wait's start, unless `maxWaitMs` is given.
 */
export async function resumeWait(
  client: JobsClient,
  state: WaitState,
  options: WaitOptions = {},
): Promise<OntapJob> {
  if (state?.v !== 1) throw new TypeError("resumeWait: not a wait state");
  const copy = snapshot(state);
  if (options.maxWaitMs !== undefined) copy.deadline = copy.startedAt + options.maxWaitMs;
  return run(client, copy, resolve(options));
}

async function run(client: JobsClient, state: WaitState, r: Resolved): Promise<OntapJob> {
  const { clock, fields } = r;
  const signal = r.options.signal;
  for (;;) {
    signal?.throwIfAborted();
    const send = () =>
      client.request("get", "/cluster/jobs/{uuid}", {
        params: { path: { uuid: state.uuid }, query: { fields: [...fields] } },
        signal,
        svm: r.options.svm,
      });
    // The signal goes with the request: the client rejects with its reason the moment it aborts.
    const outcome = await classify(send, clock.now(), signal);
    const step = advance(state, outcome, r);
    if ("job" in step) return step.job;
    await clock.sleep(step.delay, signal);
  }
}
