// The fetch openapi-fetch calls: one attempt per try, each with its own timeout, and opt-in
// retries. openapi-fetch builds the Request (URL, query, headers, body); this only sends it.
import { backoff, isRetryableStatus, parseRetryAfter, type RetryPolicy } from "./retry.js";

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
      try {
        response = await fetchImpl(request.url, {
          ...{ method, headers, redirect, credentials, mode, cache, integrity, keepalive, body },
          // request.signal is the caller's `signal` (openapi-fetch puts it on the Request).
          signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
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
      // Free the connection of the answer we drop.
      await response?.body?.cancel().catch(() => undefined);
      await policy.sleep(delay, request.signal);
    }
  };
}
