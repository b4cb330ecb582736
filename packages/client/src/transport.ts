// The fetch openapi-fetch calls: one attempt per try, each with its own timeout, and opt-in
// retries. openapi-fetch builds the Request (URL, query, headers, body); this only sends it.
import { deadlineSignal } from "./deadline.js";
import { backoff, isRetryableStatus, parseRetryAfter, type RetryPolicy } from "./retry.js";

const deadlines = new WeakMap<Response, () => void>();

/**
 * Ends the timeout of the attempt that gave `response`, once its body is read. A response a
 * middleware replaced is not found: its attempt then ends at its deadline, aborting nothing.
 */
export function settleDeadline(response: Response | undefined): void {
  if (!response) return;
  deadlines.get(response)?.();
  deadlines.delete(response);
}

/** A fetch as the client calls it: a URL and an init, like `globalThis.fetch`. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export function createTransport(
  fetchImpl: FetchLike,
  timeoutMs: number,
  policy: RetryPolicy | undefined,
): (request: Request) => Promise<Response> {
  return async (request) => {
    // Read once: a body stream can be sent only once, and a retry sends it again. ONTAP
    // bodies are small JSON documents.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const { method, headers, redirect, credentials, mode, cache, integrity, keepalive } = request;
    const retries = policy?.methods.has(method) ? policy.retries : 0;
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      let failure: unknown;
      // request.signal is the caller's `signal` (openapi-fetch puts it on the Request).
      const deadline = deadlineSignal(request.signal, timeoutMs);
      try {
        response = await fetchImpl(request.url, {
          ...{ method, headers, redirect, credentials, mode, cache, integrity, keepalive, body },
          signal: deadline.signal,
        });
        if (!isRetryableStatus(response.status)) {
          // The deadline also covers reading the body, which openapi-fetch does next: the
          // client settles it once the result is parsed (`settleDeadline`).
          deadlines.set(response, deadline.done);
          return response;
        }
        deadline.done();
      } catch (error) {
        deadline.done();
        if (request.signal.aborted) throw error;
        failure = error;
      }
      // retries > 0 only with a policy. Infinity: no retry left.
      const delay =
        attempt < retries
          ? ((response && parseRetryAfter(response.headers.get("retry-after"))) ??
            backoff(policy!, attempt))
          : Infinity;
      if (!policy || waited + delay > policy.budgetMs) {
        if (response) return response;
        throw failure;
      }
      waited += delay;
      // Free the connection of the answer we drop.
      await response?.body?.cancel().catch(() => undefined);
      await policy.sleep(delay, request.signal);
    }
  };
}
