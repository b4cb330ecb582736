import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../src/defaults.js";
import { backoff, isRetryableStatus, parseRetryAfter, retryPolicy } from "../src/retry.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ["0", 0],
    ["7", 7000],
    [" 12 ", 12_000],
    ["Sun, 01 Jun 2025 12:00:30 GMT", 30_000],
    ["Sun, 01 Jun 2025 11:59:00 GMT", 0], // in the past: now
    ["-5", undefined],
    ["soon", undefined],
  ])("%j → %s ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("isRetryableStatus", () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [504, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [200, false],
  ])("%i → %s", (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe("retryPolicy and backoff", () => {
  it("is off unless asked for", () => {
    expect(retryPolicy(undefined)).toBeUndefined();
    expect(retryPolicy(false)).toBeUndefined();
  });

  it("`true` is the defaults, methods upper-cased", () => {
    const policy = retryPolicy({ methods: ["get", "post"] })!;
    expect(policy.retries).toBe(DEFAULTS.retry.retries);
    expect([...policy.methods]).toEqual(["GET", "POST"]);
    expect([...retryPolicy(true)!.methods]).toEqual(DEFAULTS.retry.methods);
  });

  it.each([
    [0, 0, 250],
    [0, 0.999, 499.75],
    [1, 0, 500],
    [3, 0.5, 3000],
    [10, 1, 10_000], // capped at maxDelayMs
  ])("retry %i with random %f waits %f ms", (retry, random, expected) => {
    const policy = retryPolicy({ random: () => random })!;
    expect(backoff(policy, retry)).toBeCloseTo(expected, 5);
  });
});
