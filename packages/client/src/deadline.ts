// The browser entry's timeout: a deadline per attempt, through a signal (a browser's fetch
// has no other way to give up). Node's entry needs none of this: its undici Agent enforces
// the timeout itself. `AbortSignal.any` and `AbortSignal.timeout` cost more per call than the
// rest of the client together (bench:client); here every attempt gets one AbortController,
// and one shared timer, set for the earliest deadline, aborts the attempts that are overdue.
import { deadlines, type FetchLike } from "./transport.js";

// Each attempt's controller → its deadline (ms since the epoch).
const attempts = new Map<AbortController, number>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

function schedule(): void {
  let earliest = Infinity;
  for (const deadline of attempts.values()) if (deadline < earliest) earliest = deadline;
  if (earliest === timerAt) return;
  clearTimeout(timer);
  timer = undefined;
  timerAt = earliest;
  if (earliest === Infinity) return;
  timer = setTimeout(expire, Math.max(0, earliest - Date.now()));
  // A pending deadline must not keep the process alive on its own.
  timer.unref?.();
}

function expire(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = Date.now();
  for (const [controller, deadline] of attempts) {
    if (deadline > now) continue;
    attempts.delete(controller);
    // The same error `AbortSignal.timeout` gives, so callers tell a timeout from an abort.
    controller.abort(new DOMException("The operation timed out.", "TimeoutError"));
  }
  schedule();
}

/**
 * A signal that aborts when `caller` does or after `timeoutMs`; call `done()` when the attempt
 * has its answer.
 */
function deadlineSignal(
  caller: AbortSignal,
  timeoutMs: number,
): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  if (caller.aborted) {
    controller.abort(caller.reason);
    return { signal: controller.signal, done() {} };
  }
  const deadline = Date.now() + timeoutMs;
  const onAbort = (): void => controller.abort(caller.reason);
  caller.addEventListener("abort", onAbort, { once: true });
  attempts.set(controller, deadline);
  if (deadline < timerAt) schedule();
  return {
    signal: controller.signal,
    done() {
      caller.removeEventListener("abort", onAbort);
      attempts.delete(controller);
      // The timer stays set for a deadline that may be gone; `expire` then finds nothing due
      // and moves it on. Rescheduling here would cost a timer per request.
    },
  };
}

/**
 * `fetchImpl` with a deadline of `timeoutMs` per call, which also covers reading the body
 * (openapi-fetch does that next): the client settles it once the result is parsed
 * (`settleDeadline`). `init.signal` is the caller's.
 */
export function withDeadline(fetchImpl: FetchLike, timeoutMs: number): FetchLike {
  return async (url, init) => {
    const deadline = deadlineSignal(init.signal!, timeoutMs);
    try {
      const response = await fetchImpl(url, { ...init, signal: deadline.signal });
      deadlines.set(response, deadline.done);
      return response;
    } catch (error) {
      deadline.done();
      throw error;
    }
  };
}
