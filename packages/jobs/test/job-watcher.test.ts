// The watcher: one collection query per tick for many waits, batches bounded by URL length.
import { createOntapClient } from "@ontap-rest/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createJobWatcher,
  OntapJobFailedError,
  OntapJobNotFoundError,
  OntapJobTimeoutError,
} from "../src/index.js";
import { startJobServer } from "./helpers/job-server.js";
import { virtualClock, type VirtualClock } from "./helpers/virtual-clock.js";

let clock: VirtualClock;
let server: Awaited<ReturnType<typeof startJobServer>>;

beforeEach(async () => {
  clock = virtualClock();
  server = await startJobServer(clock);
});
afterEach(() => server.close());

const client = () =>
  createOntapClient({
    docset: "latest",
    baseUrl: server.baseUrl,
    auth: { username: "a", password: "b" },
  });

describe("createJobWatcher", { timeout: 10_000 }, () => {
  it.each([
    { n: 1, maxUrlLength: 4096 },
    { n: 50, maxUrlLength: 4096 },
    { n: 300, maxUrlLength: 4096 },
    { n: 300, maxUrlLength: 1024 },
  ])(
    "$n waits, URLs ≤ $maxUrlLength: ceil(n / batch) requests per tick",
    async ({ n, maxUrlLength }) => {
      const watcher = createJobWatcher(client(), { clock, maxUrlLength });
      const refs = Array.from({ length: n }, (_, i) =>
        server.job({ runMs: 5_000 + (i % 7) * 1000 }),
      );
      const jobs = await Promise.all(refs.map((ref) => watcher.wait(ref)));
      expect(jobs.every((job) => job.state === "success")).toBe(true);
      const urls = server.log.map((line) => line.slice(4));
      const longest = Math.max(
        ...urls.map((url) => `${server.baseUrl.replace(/\/api$/, "")}${url}`.length),
      );
      expect(longest).toBeLessThanOrEqual(maxUrlLength);
      // The first tick covers every wait: uuids per request × requests in it.
      const perRequest = Math.max(...urls.map((url) => decodeURIComponent(url).split("|").length));
      const firstTick = Math.ceil(n / perRequest);
      const uuidsInFirst = urls
        .slice(0, firstTick)
        .map((u) => decodeURIComponent(u).split("|").length);
      expect(uuidsInFirst.reduce((a, b) => a + b, 0)).toBe(n);
      expect(server.log.every((line) => line.startsWith("GET /api/cluster/jobs?uuid="))).toBe(true);
    },
  );

  it("settles each wait as waitForJob would", async () => {
    const watcher = createJobWatcher(client(), { clock });
    const ok = server.job({ runMs: 1000 });
    const failed = server.job({
      runMs: 2000,
      outcome: "failure",
      code: 65537120,
      message: "no AKV",
    });
    const gone = { job: { uuid: "11111111-1111-4111-8111-111111111111" } };
    const long = server.job({ runMs: 9_999_999 });
    const aborted = server.job({ runMs: 9_999_999 });
    const controller = new AbortController();
    const results = await Promise.allSettled([
      watcher.wait(ok),
      watcher.wait(failed),
      watcher.wait(gone),
      watcher.wait(long, { maxWaitMs: 30_000 }),
      watcher.wait(aborted, {
        signal: controller.signal,
        onProgress: () => controller.abort(new Error("x")),
      }),
    ]);
    expect(results[0]).toMatchObject({ status: "fulfilled", value: { state: "success" } });
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(OntapJobFailedError);
    expect((results[1] as PromiseRejectedResult).reason.entry?.code).toBe("65537120");
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(OntapJobNotFoundError);
    expect((results[3] as PromiseRejectedResult).reason).toBeInstanceOf(OntapJobTimeoutError);
    expect((results[4] as PromiseRejectedResult).reason.message).toBe("x");
  });

  it("retries a tick that gets a 5xx or a reset", async () => {
    const watcher = createJobWatcher(client(), { clock });
    server.faults.push({ status: 503 }, { reset: true });
    const refs = [server.job({ runMs: 1000 }), server.job({ runMs: 2000 })];
    await expect(Promise.all(refs.map((ref) => watcher.wait(ref)))).resolves.toHaveLength(2);
  });
});
