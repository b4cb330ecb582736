// Waits that a caller's signal cuts short: a retry's backoff, and the wait for the version
// read. The listener goes once the wait is over, whichever way it ends: a program often gives
// every request one signal (its shutdown signal), and listeners left on it pile up.

/**
 * What `start()` gives, or the signal's reason as soon as it aborts. A signal that has already
 * aborted rejects at once, and `start` is not called. `start` returns a promise, never throws.
 */
export function abortable<T>(start: () => Promise<T>, signal?: AbortSignal | null): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal?.throwIfAborted();
    const stop = () => reject(signal!.reason);
    signal?.addEventListener("abort", stop, { once: true });
    start()
      .then(resolve, reject)
      .finally(() => signal?.removeEventListener("abort", stop));
  });
}
