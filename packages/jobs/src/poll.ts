// One request, and what it means for the wait. Only ONTAP's answer decides: a 404 is the
// end (the job is gone), any other 4xx a request that will never succeed, while network
// errors, 5xx and 429 may heal and are retried within the wait's budget.
import { isOntapError } from "@ontap-rest/errors";

export type Outcome =
  | { kind: "ok"; data: unknown }
  | { kind: "retry"; error: unknown; retryAfterMs?: number }
  | { kind: "gone"; error: unknown }
  | { kind: "fatal"; error: unknown };

type Send = () => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export async function classify(send: Send, now: number, signal?: AbortSignal): Promise<Outcome> {
  let result: Awaited<ReturnType<Send>>;
  try {
    result = await send();
  } catch (error) {
    // Our own abort ends the wait at once, with the caller's reason.
    signal?.throwIfAborted();
    // A client with `throwOnError` throws the error it would otherwise return.
    if (isOntapError(error)) return byStatus(error.status, error, undefined, now);
    // OntapNetworkError, OntapTimeoutError, a non-JSON 2xx body: no usable answer.
    return { kind: "retry", error };
  }
  if (result.response.ok && result.error === undefined) return { kind: "ok", data: result.data };
  return byStatus(result.response.status, result.error, result.response.headers, now);
}

function byStatus(
  status: number,
  error: unknown,
  headers: Headers | undefined,
  now: number,
): Outcome {
  if (status === 404) return { kind: "gone", error };
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(headers?.get("retry-after") ?? null, now);
    return { kind: "retry", error, retryAfterMs };
  }
  return { kind: "fatal", error };
}

/**
 * `Retry-After` in ms: delay-seconds or an HTTP date. The client has the same reader; it is
 * repeated here so the poller needs none of the client's runtime (only its shape).
 */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const date = /^\s*\d+\s*$/.test(value) ? now + Number(value) * 1000 : Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
