// Failures that are not an HTTP answer: the request never got one. fetch's own errors are
// not passed on as they are: their causes can hold a runtime's view of the request, and a
// log of them would show it. These keep what helps (which operation, the system error
// code, the socket-level reason) and nothing else.
import { redact } from "./redact.js";

/** Method and path template (`/cluster/jobs/{uuid}`): never values, never a query. */
export interface Operation {
  method: string;
  path: string;
}

/** No HTTP answer: connection refused or reset, DNS, TLS (an untrusted certificate), … */
export class OntapNetworkError extends Error {
  override readonly name = "OntapNetworkError";
  /** The system, TLS or undici code, e.g. `ECONNREFUSED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`. */
  // `declare`: assigned in the constructor, so no field initialiser is emitted (bundle bytes).
  declare readonly code: string | undefined;
  declare readonly operation: Operation;

  constructor(operation: Operation, reason: string, code?: string) {
    super(`${operation.method} ${operation.path} failed: ${reason}`);
    this.code = code;
    this.operation = operation;
  }

  // The own fields and the message; the stack and a `cause` are not enumerable.
  toJSON() {
    return { ...this, message: this.message };
  }
}

/** No answer within `timeoutMs` (per attempt), or an answer that stopped for that long. */
export class OntapTimeoutError extends Error {
  override readonly name = "OntapTimeoutError";
  declare readonly timeoutMs: number;
  declare readonly operation: Operation;

  constructor(operation: Operation, timeoutMs: number) {
    super(`${operation.method} ${operation.path} timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
    this.operation = operation;
  }

  toJSON() {
    return { ...this, message: this.message };
  }
}

/** What the client throws for an error fetch (or openapi-fetch) threw. */
export function toClientError(
  error: unknown,
  operation: Operation,
  timeoutMs: number,
  secrets: readonly string[],
  callerSignal?: AbortSignal | null,
): unknown {
  // The caller's own abort stays the caller's own reason.
  if (callerSignal?.aborted) return callerSignal.reason;
  if (error instanceof Error && error.name === "TimeoutError") {
    return new OntapTimeoutError(operation, timeoutMs);
  }
  if (error instanceof OntapNetworkError || error instanceof OntapTimeoutError) return error;
  // A 2xx whose body is not JSON; the parser's message quotes the body.
  if (error instanceof SyntaxError) {
    return new OntapNetworkError(operation, "the response body is not valid JSON");
  }
  // fetch rejects with a TypeError whose cause (sometimes nested) carries the code. Only a
  // coded cause is described: it is about the socket, not the request; other errors (a
  // header value refused, say) would quote what they refused, so only their kind is given.
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    const code = (cause as { code?: unknown }).code;
    // The Node entry's Agent: no answer (headers), or an answer that stopped (body), within
    // `timeoutMs`. A connection that could not be made stays a network error.
    if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
      return new OntapTimeoutError(operation, timeoutMs);
    }
    if (typeof code === "string") {
      return new OntapNetworkError(operation, redact(cause.message || code, secrets), code);
    }
    cause = cause.cause;
  }
  const kind = error instanceof Error ? error.name : typeof error;
  return new OntapNetworkError(operation, `the request could not be sent (${kind})`);
}
