// submitAndWait: let ONTAP do the waiting. With `return_timeout`, ONTAP holds the answer to
// a POST, PATCH or DELETE until its job ends (up to 120 s): a job shorter than that costs one
// request and is known the moment it ends. Only an answer that is still a 202 is polled.
import type { WaitOptions } from "./advance.js";
import { DEFAULTS } from "./defaults.js";
import type { OntapJob } from "./job.js";
import type { JobsClient } from "./jobs-client.js";
import { waitForJob } from "./wait-for-job.js";

export interface SubmitOptions extends WaitOptions {
  /** Seconds ONTAP waits before answering 202 (0 to 120). Default `DEFAULTS.returnTimeoutS` (120). */
  returnTimeoutS?: number;
}

export interface SubmitResult {
  /** The HTTP status of the mutating request's answer (200, 201, 202, 204). */
  status: number;
  /** Its body. */
  data: unknown;
  /** The finished job, when the answer was a 202 that had to be polled. */
  job?: OntapJob;
}

type Init = {
  params?: { query?: Record<string, unknown>; [key: string]: unknown };
  [key: string]: unknown;
};

/**
 * Sends `method path` with `return_timeout`, then follows the job if ONTAP answered 202.
 * A non-2xx answer throws its OntapApiError (a failed job within `return_timeout` comes back
 * as one); the request itself is never sent twice. `maxWaitMs` counts from the 202.
 */
export async function submitAndWait(
  client: JobsClient,
  method: "POST" | "PATCH" | "DELETE" | "post" | "patch" | "delete",
  path: string,
  init: Init = {},
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const returnTimeout = options.returnTimeoutS ?? DEFAULTS.returnTimeoutS;
  if (!(Number.isInteger(returnTimeout) && returnTimeout >= 0 && returnTimeout <= 120)) {
    throw new RangeError("submitAndWait: returnTimeoutS is 0 to 120");
  }
  const query = { ...init.params?.query, return_timeout: returnTimeout };
  const result = await client.request(method.toLowerCase(), path, {
    ...init,
    params: { ...init.params, query },
    signal: options.signal ?? init.signal,
  });
  if (result.error !== undefined || !result.response.ok) throw result.error;
  const status = result.response.status;
  if (status !== 202) return { status, data: result.data };
  // The job is polled in the SVM the request ran in (the client's, or the request's own).
  const job = await waitForJob(client, result.data as { job?: { uuid?: string } }, {
    svm: init.svm as WaitOptions["svm"],
    ...options,
  });
  return { status, data: result.data, job };
}
