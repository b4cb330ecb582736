// The waits a caller's signal cuts short (the version read, a retry's backoff): the outcome,
// and no listener left on the signal afterwards, whichever way the wait ended.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { abortable } from "../src/abortable.js";

const later = <T>(
  settle: (resolve: (value: T) => void, reject: (error: unknown) => void) => void,
) => new Promise<T>((resolve, reject) => setTimeout(() => settle(resolve, reject), 5));

describe("abortable", () => {
  it.each<
    [
      string,
      {
        start: () => Promise<string>;
        abort?: "before" | "during";
        want: { value: string } | { error: string };
      },
    ]
  >([
    [
      "the work succeeds",
      { start: () => later((resolve) => resolve("done")), want: { value: "done" } },
    ],
    [
      "the work fails",
      { start: () => later((_, reject) => reject(new Error("failed"))), want: { error: "failed" } },
    ],
    [
      "the signal aborts during the wait",
      { start: () => new Promise(() => undefined), abort: "during", want: { error: "stop" } },
    ],
    [
      "the signal has aborted before",
      { start: () => Promise.resolve("started"), abort: "before", want: { error: "stop" } },
    ],
  ])("%s", async (_, { start, abort, want }) => {
    const controller = new AbortController();
    let started = false;
    if (abort === "before") controller.abort(new Error("stop"));
    const waiting = abortable(() => {
      started = true;
      return start();
    }, controller.signal);
    if (abort === "during") setTimeout(() => controller.abort(new Error("stop")), 5);
    const outcome = await waiting.then(
      (value) => ({ value }),
      (error: Error) => ({ error: error.message }),
    );
    expect(outcome).toEqual(want);
    // Nothing is started for a signal that has aborted already.
    expect(started).toBe(abort !== "before");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("without a signal, is the work's outcome", async () => {
    await expect(abortable(() => Promise.resolve(1))).resolves.toBe(1);
    await expect(abortable(() => Promise.reject(new Error("no")), null)).rejects.toThrow("no");
  });
});
