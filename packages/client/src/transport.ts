// The fetch openapi-fetch calls: one attempt per try, and opt-in retries. openapi-fetch
// builds the Request (URL, query, headers, body); this only sends it. The timeout is the
// fetch's own: the entries give one that enforces it (Node: an undici Agent; a browser: a
// deadline per attempt).
import { backoff, isRetryableStatus, parseRetryAfter, type RetryPolicy } from "./retry.js";

/** A response → the end of its attempt's deadline, where a deadline was set (a browser). */
export const deadlines = new WeakMap<Response, () => void>();

/**
 * Ends the timeout of the attempt that gave `response`, once its body is read. A response a
 * middleware replaced is not found: its attempt then ends at its deadline, aborting nothing.
 */
export function settleDeadline(response: Response | undefined): void {
  // Not deleted: the entry goes with the response, and a second call is a no-op (`done`).
  if (response) deadlines.get(response)?.();
}

/** A fetch as the client calls it: a URL and an init, like `globalThis.fetch`. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export function createTransport(
  fetchImpl: FetchLike,
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
      try {
        // request.signal is the caller's `signal` (openapi-fetch puts it on the Request).
        // One literal: a spread of another would make two objects per attempt.
        response = await fetchImpl(request.url, {
          method,
          headers,
          redirect,
          credentials,
          mode,
          cache,
          integrity,
          keepalive,
          body,
          signal: request.signal,
        });
        if (!isRetryableStatus(response.status)) return response;
      } catch (error) {
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
      // Free the connection (and the deadline) of the answer we drop.
      settleDeadline(response);
      await response?.body?.cancel().catch(() => undefined);
      await policy.sleep(delay, request.signal);
    }
  };
}
