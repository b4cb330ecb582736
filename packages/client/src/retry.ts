// When to try again, and how long to wait first. Opt-in, like Octokit's retry plugin: a
// retry is a second request, and only the caller knows whether that is welcome.
import { abortable } from "./abortable.js";
import { DEFAULTS } from "./defaults.js";

const MAX_RETRIES = 10;

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries?: number;
  /** Methods to retry (upper case). Default: the idempotent ones; add POST at your own risk. */
  methods?: readonly string[];
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The total time to spend waiting between attempts of one request. */
  budgetMs?: number;
  /** Waits `ms`, or rejects when `signal` aborts. Injectable so tests need not wait. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A number in [0, 1), for the jitter. */
  random?: () => number;
}

export type RetryPolicy = Required<Omit<RetryOptions, "methods">> & { methods: Set<string> };

/** `true` means the defaults; nothing or `false` means no retries. */
export function retryPolicy(options: RetryOptions | boolean | undefined): RetryPolicy | undefined {
  if (!options) return undefined;
  const { methods, ...rest } = {
    ...DEFAULTS.retry,
    sleep,
    random: Math.random,
    ...(options === true ? {} : options),
  };
  // The loop must end even with zero delays.
  if (!Number.isInteger(rest.retries) || rest.retries < 0 || rest.retries > MAX_RETRIES) {
    throw new TypeError(
      `createOntapClient: \`retry.retries\` is an integer from 0 to ${MAX_RETRIES}`,
    );
  }
  return { ...rest, methods: new Set(methods.map((method) => method.toUpperCase())) };
}

/**
 * 5xx and 429 only. Any other 4xx says the request itself is wrong (or not allowed, or the
 * record absent): sending it again cannot help.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Exponential backoff with "equal jitter": at least half of each step, so waits grow, and
 * a random other half, so many clients that failed together do not come back together.
 */
export function backoff(policy: RetryPolicy, retry: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return step / 2 + (policy.random() * step) / 2;
}

/** `Retry-After` in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its month; Date.parse alone would take "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return abortable(
    () => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
    signal,
  ).finally(() => clearTimeout(timer));
}
