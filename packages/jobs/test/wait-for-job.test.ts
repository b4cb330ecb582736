// The fault matrix: waitForJob against a real node:http server on 127.0.0.1, on virtual time.
import { createOntapClient, OntapApiError } from "@ontap-rest/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  OntapJobFailedError,
  OntapJobMalformedError,
  OntapJobNotFoundError,
  OntapJobPausedError,
  OntapJobTimeoutError,
  waitForJob,
  type OntapJob,
  type WaitOptions,
} from "../src/index.js";
import { startJobServer, type Fault, type JobSpec } from "./helpers/job-server.js";
import { virtualClock, type VirtualClock } from "./helpers/virtual-clock.js";

const PASSWORD = "s3cret-Passw0rd";
let clock: VirtualClock;
let server: Awaited<ReturnType<typeof startJobServer>>;

beforeEach(async () => {
  clock = virtualClock();
  server = await startJobServer(clock);
});
afterEach(() => server.close());

const client = (extra: { timeoutMs?: number; throwOnError?: boolean } = {}) =>
  createOntapClient({
    docset: "latest",
    baseUrl: server.baseUrl,
    auth: { username: "admin", password: PASSWORD },
    timeoutMs: 2000,
    ...extra,
  } as Parameters<typeof createOntapClient>[0]);

type Expect = { ok: true } | { error: new (...args: never[]) => Error; check?: (e: any) => void };

interface Case {
  name: string;
  job: JobSpec;
  faults?: Fault[];
  options?: WaitOptions;
  client?: { timeoutMs?: number; throwOnError?: boolean };
  before?: () => void;
  expect: Expect;
  /** Exact number of requests, when it matters. */
  requests?: number;
  sleeps?: (sleeps: number[]) => void;
}

const cases: Case[] = [
  { name: "a job that succeeds", job: { runMs: 2000 }, expect: { ok: true } },
  {
    name: "a queued job that succeeds",
    job: { queuedMs: 3000, runMs: 2000 },
    expect: { ok: true },
  },
  {
    name: "500, 502, then the job",
    job: { runMs: 2000 },
    faults: [{ status: 500 }, { status: 502 }],
    expect: { ok: true },
  },
  {
    name: "503 with Retry-After: 7 (honoured)",
    job: { runMs: 1000 },
    faults: [{ status: 503, retryAfter: "7" }],
    expect: { ok: true },
    sleeps: (s) => expect(s[0]).toBeGreaterThanOrEqual(7000),
  },
  {
    name: "429, then the job",
    job: { runMs: 1000 },
    faults: [{ status: 429, retryAfter: "1" }],
    expect: { ok: true },
  },
  {
    name: "connection resets",
    job: { runMs: 1000 },
    faults: [{ reset: true }, { reset: true }],
    expect: { ok: true },
  },
  {
    name: "a slow answer past the client's timeout (real time)",
    job: { runMs: 1000 },
    client: { timeoutMs: 100 },
    faults: [{ slowMs: 400 }],
    expect: { ok: true },
  },
  {
    name: "a slow answer (60 virtual s)",
    job: { runMs: 1000 },
    faults: [{ virtualMs: 60_000 }],
    expect: { ok: true },
  },
  {
    name: "a body that is not JSON (retried)",
    job: { runMs: 1000 },
    faults: [{ raw: "<html>busy</html>" }],
    expect: { ok: true },
  },
  {
    name: "a body that is not a job",
    job: { runMs: 1000 },
    faults: [{ raw: '{"state":"exploded"}' }],
    expect: { error: OntapJobMalformedError },
    requests: 1,
  },
  {
    name: "a job that expired (404 after 300 s)",
    job: { runMs: 1000 },
    before: () => clock.advance(301_001),
    expect: { error: OntapJobNotFoundError, check: (e) => expect(e.message).toMatch(/300 s/) },
    requests: 1,
  },
  {
    name: "paused, policy wait",
    job: { runMs: 10_000, pauseAtMs: 1000, pausedMs: 20_000 },
    options: { onPaused: "wait" },
    expect: { ok: true },
  },
  {
    name: "paused, policy fail",
    job: { runMs: 10_000, pauseAtMs: 0, pausedMs: 20_000 },
    options: { onPaused: "fail" },
    expect: {
      error: OntapJobPausedError,
      check: (e) => expect(e.state.lastJob.state).toBe("paused"),
    },
  },
  {
    name: "a job longer than maxWaitMs",
    job: { runMs: 7_200_000 },
    options: { maxWaitMs: 600_000 },
    expect: { error: OntapJobTimeoutError, check: (e) => expect(e.maxWaitMs).toBe(600_000) },
  },
  {
    name: "the default maximum wait (1 h) ends an endless job",
    job: { runMs: 1e12 },
    expect: { error: OntapJobTimeoutError, check: (e) => expect(e.maxWaitMs).toBe(3_600_000) },
  },
  {
    name: "5xx until the budget is spent",
    job: { runMs: 1000 },
    faults: Array.from({ length: 200 }, () => ({ status: 503 })),
    options: { maxWaitMs: 60_000 },
    expect: {
      error: OntapJobTimeoutError,
      check: (e) => expect(e.cause).toBeInstanceOf(OntapApiError),
    },
  },
  {
    name: "a failing job: code, message and catalog entry",
    job: { runMs: 3000, outcome: "failure", code: 65537120, message: "AKV not configured" },
    expect: {
      error: OntapJobFailedError,
      check: (e) => {
        expect(e.code).toBe(65537120);
        expect(e.job.message).toBe("AKV not configured");
        expect(e.message).toContain("AKV not configured");
        expect(e.entry?.code).toBe("65537120");
      },
    },
  },
  {
    name: "a 400 fails at once",
    job: { runMs: 1000 },
    faults: [{ status: 400 }],
    expect: { error: OntapApiError, check: (e) => expect(e.status).toBe(400) },
    requests: 1,
  },
  {
    name: "a 403 fails at once (throwOnError client)",
    job: { runMs: 1000 },
    client: { throwOnError: true },
    faults: [{ status: 403 }],
    expect: { error: OntapApiError },
    requests: 1,
  },
  {
    name: "5xx are retried with a throwOnError client too",
    job: { runMs: 1000 },
    client: { throwOnError: true },
    faults: [{ status: 500 }, { status: 500 }],
    expect: { ok: true },
  },
];

describe("waitForJob: fault matrix", () => {
  it.each(cases)("$name", { timeout: 5000 }, async (c) => {
    const ref = server.job(c.job);
    c.before?.();
    server.faults.push(...(c.faults ?? []));
    const started = performance.now();
    const result = waitForJob(client(c.client), ref, { clock, ...c.options }).then(
      (job) => ({ job }),
      (error: unknown) => ({ error }),
    );
    const outcome: { job?: OntapJob; error?: unknown } = await result;
    if ("ok" in c.expect) {
      expect(outcome.error).toBeUndefined();
      expect(outcome.job?.state).toBe("success");
      // Known no later than a poll interval after its end (and never before it).
      expect(clock.now()).toBeGreaterThanOrEqual(server.endOf(ref.job.uuid));
    } else {
      expect(outcome.error).toBeInstanceOf(c.expect.error);
      c.expect.check?.(outcome.error);
      // No credential in what a caller would log.
      expect(JSON.stringify(outcome.error)).not.toContain(PASSWORD);
    }
    if (c.requests !== undefined) expect(server.log.length).toBe(c.requests);
    c.sleeps?.(clock.sleeps);
    // Virtual time: even hour-long waits take real milliseconds.
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it("asks only for the fields it needs", async () => {
    const ref = server.job({ runMs: 0 });
    await waitForJob(client(), ref.job.uuid, { clock });
    expect(server.log[0]).toBe(
      `GET /api/cluster/jobs/${ref.job.uuid}?fields=uuid,state,message,code,error,start_time,end_time`,
    );
  });

  it("calls onProgress on every change of state or message, once each", async () => {
    const ref = server.job({ queuedMs: 2000, runMs: 30_000 });
    const seen: string[] = [];
    await waitForJob(client(), ref, {
      clock,
      onProgress: (job) => seen.push(`${job.state}:${job.message}`),
    });
    expect(seen[0]).toBe("queued:Queued");
    expect(seen.at(-1)).toBe("success:success");
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(3); // running (n %) messages in between
  });

  it("takes a 202 body, a job link, an href or a uuid", async () => {
    const ref = server.job({ runMs: 0 });
    for (const form of [ref, ref.job, ref.job._links.self.href, ref.job.uuid]) {
      await expect(waitForJob(client(), form, { clock })).resolves.toMatchObject({
        state: "success",
      });
    }
    await expect(waitForJob(client(), { nothing: 1 } as never, { clock })).rejects.toThrow(
      TypeError,
    );
  });

  it(
    "an abort while sleeping stops it at once, with the signal's reason",
    { timeout: 5000 },
    async () => {
      const ref = server.job({ runMs: 600_000 });
      const controller = new AbortController();
      const reason = new Error("stop");
      const wait = waitForJob(client(), ref, {
        clock,
        signal: controller.signal,
        onProgress: () => controller.abort(reason),
      });
      await expect(wait).rejects.toBe(reason);
      expect(server.log.length).toBe(1);
    },
  );

  it("an abort during a slow request stops it at once", { timeout: 5000 }, async () => {
    const ref = server.job({ runMs: 600_000 });
    server.faults.push({ slowMs: 3000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error("user")), 50);
    await expect(
      waitForJob(client({ timeoutMs: 10_000 }), ref, { clock, signal: controller.signal }),
    ).rejects.toThrow("user");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("polls sparsely a job that has run long (start_time), and never longer than maxDelayMs", async () => {
    const ref = server.job({ runMs: 2_000_000 });
    clock.advance(1_000_000);
    await waitForJob(client(), ref, { clock });
    expect(clock.sleeps[0]).toBeGreaterThan(100_000 * 0.15 * 0.79); // age-based, not the minimum
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(60_000);
    expect(server.log.length).toBeLessThan(25);
  });
});
