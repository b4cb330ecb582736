/**
 * Job polling cost: `pnpm bench:jobs` (tsx bench/jobs.bench.ts). Needs the built packages
 * (`pnpm generate`): it measures `packages/jobs/dist`, what a consumer runs.
 *
 * 1. Per job, on virtual time (no real waiting). A job of length L (0.2 s … 2,000 s, each run
 *    ±10 % at random) is followed by:
 *    (a) a fixed 5 s poll, NetApp's Python client's default (first poll at once);
 *    (b) `waitForJob` from the job's start (the caller got a plain 202 and waits at once);
 *    (b') `waitForJob` on a job picked up mid-run (at a random point of its life, uniform):
 *         the case the job's `start_time` helps with; the fixed poll is shown for it too;
 *    (c) `submitAndWait` (return_timeout 120 s): the job starts with the request.
 *    Each request takes 20 virtual ms (the server reads the job 10 ms after it is sent).
 *    "Delay" is from the job's end to the caller knowing it. Medians over RUNS runs.
 * 2. Fleet: 10,000 concurrent `watcher.wait`s against the simulator (`startSimulator` from
 *    `packages/simulator/dist`, on 127.0.0.1, doc set 9.9.1, spec validation on; its jobs follow
 *    the bench's virtual clock), on virtual time: requests per tick against
 *    ceil(10,000 / batch size), added heap and RSS, and the real time to resolve all waits.
 *    The 10,000 jobs are created in process (`sim.jobs.queue.push` + `sim.jobs.create`, the
 *    simulator's public job store): it has no bulk hook, and 10,000 POSTs would only time HTTP.
 *
 * Targets (measured, never asserted): (c) ≤ 2 requests and ≤ 100 ms delay for jobs < 120 s;
 * (b) median delay < 10 % of L (250 ms for 0.2 s); for L ≥ 200 s, (b) ≤ 1/3 of (a)'s requests.
 * `--part single` or `--part fleet` runs one part; `--runs N` changes RUNS (default 201).
 */
import { availableParallelism, loadavg } from "node:os";
import { createOntapClient } from "../packages/client/dist/index.js";
import {
  createJobWatcher,
  submitAndWait,
  waitForJob,
  type JobsClient,
} from "../packages/jobs/dist/index.js";
import { startSimulator } from "../packages/simulator/dist/index.js";
import { virtualClock, type VirtualClock } from "../packages/jobs/test/helpers/virtual-clock.js";

const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const part = arg("--part") ?? "all";
const RUNS = Number(arg("--runs") ?? 201);
const LENGTHS_S = [0.2, 2, 20, 200, 2000];
const HALF_TRIP = 10; // virtual ms each way
const FIXED_POLL_MS = 5000;

// --- one job, in process ---------------------------------------------------------------

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

/** An in-process ONTAP with one job of `length` ms starting at `start`, on `clock`. */
function fakeCluster(clock: VirtualClock, length: number, startAtRequest: boolean) {
  let start = clock.now();
  let requests = 0;
  const view = () => {
    const now = clock.now();
    if (now < start + length)
      return { uuid: "j", state: "running", message: "", start_time: iso(start) };
    return {
      uuid: "j",
      state: "success",
      message: "done",
      start_time: iso(start),
      end_time: iso(start + length),
    };
  };
  const client: JobsClient = {
    async request(
      method: string,
      _path: string,
      init?: { params?: { query?: Record<string, unknown> } },
    ) {
      requests++;
      clock.advance(HALF_TRIP);
      if (method !== "get") {
        if (startAtRequest) start = clock.now();
        const wait = Number(init?.params?.query?.return_timeout ?? 0) * 1000;
        const left = start + length - clock.now();
        const status = left <= wait ? 201 : 202;
        clock.advance(Math.max(0, Math.min(left, wait)));
        clock.advance(HALF_TRIP);
        return { data: { job: { uuid: "j" } }, response: new Response(null, { status }) };
      }
      const data = view();
      clock.advance(HALF_TRIP);
      return { data, response: new Response(null, { status: 200 }) };
    },
  };
  return { client, end: () => start + length, requests: () => requests };
}

type Result = { requests: number; delay: number };

async function fixedPoll(length: number, offset: number): Promise<Result> {
  const clock = virtualClock();
  const cluster = fakeCluster(clock, length, false);
  clock.advance(offset);
  for (;;) {
    const { data } = await cluster.client.request("get", "/cluster/jobs/{uuid}");
    if ((data as { state: string }).state === "success") break;
    clock.advance(FIXED_POLL_MS);
  }
  return { requests: cluster.requests(), delay: clock.now() - cluster.end() };
}

async function waited(length: number, offset: number): Promise<Result> {
  const clock = virtualClock();
  const cluster = fakeCluster(clock, length, false);
  clock.advance(offset);
  await waitForJob(cluster.client, "j", { clock, maxWaitMs: 10 * 3_600_000 });
  return { requests: cluster.requests(), delay: clock.now() - cluster.end() };
}

async function submitted(length: number): Promise<Result> {
  const clock = virtualClock();
  const cluster = fakeCluster(clock, length, true);
  await submitAndWait(cluster.client, "POST", "/x", {}, { clock, maxWaitMs: 10 * 3_600_000 });
  return { requests: cluster.requests(), delay: clock.now() - cluster.end() };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function single() {
  console.log(`\n## Per job (virtual time, ${RUNS} runs per length, medians)\n`);
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const seconds of LENGTHS_S) {
    const r = {
      fixed: [] as Result[],
      wait: [] as Result[],
      mid: [] as Result[],
      fixedMid: [] as Result[],
      submit: [] as Result[],
    };
    for (let i = 0; i < RUNS; i++) {
      const length = seconds * 1000 * (0.9 + 0.2 * Math.random());
      const pickup = Math.random() * length;
      r.fixed.push(await fixedPoll(length, 0));
      r.wait.push(await waited(length, 0));
      r.mid.push(await waited(length, pickup));
      r.fixedMid.push(await fixedPoll(length, pickup));
      r.submit.push(await submitted(length));
    }
    const m = Object.fromEntries(
      Object.entries(r).map(([key, list]) => [
        key,
        { requests: median(list.map((x) => x.requests)), delay: median(list.map((x) => x.delay)) },
      ]),
    ) as Record<keyof typeof r, Result>;
    const f = (x: Result) => [String(x.requests), `${(x.delay / 1000).toFixed(3)} s`];
    rows.push([
      `${seconds} s`,
      ...f(m.fixed),
      ...f(m.wait),
      ...f(m.fixedMid),
      ...f(m.mid),
      ...f(m.submit),
    ]);
    const L = seconds * 1000;
    const delayOk = m.wait.delay < Math.max(0.1 * L, seconds === 0.2 ? 250 : 0);
    const midOk = m.mid.delay < Math.max(0.1 * L, seconds === 0.2 ? 250 : 0);
    verdicts.push(
      `${seconds} s: submitAndWait ${seconds < 120 ? (m.submit.requests <= 2 && m.submit.delay <= 100 ? "MET" : "MISSED") : "n/a (≥ 120 s)"}` +
        `; waitForJob delay from start ${delayOk ? "MET" : "MISSED"}, mid-run ${midOk ? "MET" : "MISSED"}` +
        (seconds >= 200
          ? `; requests ≤ 1/3 of fixed: from start ${m.wait.requests * 3 <= m.fixed.requests ? "MET" : "MISSED"} (${m.wait.requests} vs ${m.fixed.requests}), mid-run ${m.mid.requests * 3 <= m.fixedMid.requests ? "MET" : "MISSED"} (${m.mid.requests} vs ${m.fixedMid.requests})`
          : ""),
    );
  }
  console.log(
    "| job | fixed 5 s: requests | delay | waitForJob from start: requests | delay | fixed 5 s mid-run: requests | delay | waitForJob mid-run: requests | delay | submitAndWait: requests | delay |",
  );
  console.log("| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log("\nTargets:");
  for (const v of verdicts) console.log(`- ${v}`);
}

// --- the fleet, over HTTP, against the simulator ------------------------------------------

async function fleet() {
  const N = 10_000;
  const maxUrlLength = 4096;
  const docset = "9.9.1";
  const clock = virtualClock();
  // The simulator reads and sleeps on the bench's clock; spec validation is always on.
  const sim = await startSimulator({ docset, clock });
  const client = createOntapClient({
    docset,
    baseUrl: sim.baseUrl,
    auth: { username: "a", password: "b" },
  });
  const ticks = new Map<number, number>();
  let batch = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  let retainedPeak = 0;
  const counting: JobsClient & { baseUrl: string } = {
    baseUrl: client.baseUrl,
    request(method, path, init) {
      const t = clock.now();
      // At the first request of a tick: what the waits keep between ticks (after a gc).
      if (!ticks.has(t) && gc) {
        gc();
        retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed);
      }
      ticks.set(t, (ticks.get(t) ?? 0) + 1);
      batch = Math.max(batch, String(init?.params?.query?.uuid ?? "").split("|").length);
      sim.requests.length = 0; // the simulator's own request log is not the watcher's memory
      return client.request(method, path, init);
    },
  };
  // 10,000 jobs in the simulator, each 50 ms queued then running: 10 to 600 s in all.
  const created = performance.now();
  const uuids = Array.from({ length: N }, (_, i) => {
    sim.jobs.queue.push({ runningMs: 10_000 + ((i * 7919) % 590_000) - 50 });
    return sim.jobs.create("bench: fleet job").uuid;
  });
  const createMs = performance.now() - created;
  gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 5);
  const started = performance.now();
  const watcher = createJobWatcher(counting, { clock, maxUrlLength });
  const results = await Promise.allSettled(uuids.map((uuid) => watcher.wait(uuid)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const mismatches = sim.mismatches.length;
  await sim.close();
  const ok = results.filter((r) => r.status === "fulfilled").length;
  const firstError = results.find((r) => r.status === "rejected");
  const perTick = [...ticks.values()];
  const bound = Math.ceil(N / batch);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  console.log(
    `\n## Fleet: ${N} concurrent waits (jobs of 10–600 s) against the simulator (doc set ${docset}, spec validation on), maxUrlLength ${maxUrlLength}\n`,
  );
  console.log(
    `- ${N} jobs created in the simulator in process in ${createMs.toFixed(0)} ms; spec mismatches ${mismatches}`,
  );
  console.log(
    `- succeeded: ${ok} of ${N}${firstError ? ` (first failure: ${String(firstError.reason)})` : ""}; time to resolve all waits ${seconds.toFixed(1)} s real; ticks ${perTick.length}; requests ${perTick.reduce((a, b) => a + b, 0)}`,
  );
  console.log(
    `- batch size ${batch} uuids; requests per tick max ${Math.max(...perTick)}, first tick ${perTick[0]}; bound ceil(${N}/${batch}) = ${bound}: ${Math.max(...perTick) <= bound ? "MET" : "MISSED"}`,
  );
  console.log(`- waitForJob alone would send ${N} requests per tick`);
  const retained = retainedPeak - before.heapUsed;
  console.log(
    `- added memory, the simulator's 10,000 jobs already counted in "before": retained between ticks (heap after a gc, peak over ticks) ${gc ? `${mb(retained)} MB: ${retained < 100e6 ? "MET" : "MISSED"} (< 100 MB)` : "not measured (run with --expose-gc)"}`,
  );
  console.log(
    `- transient peaks, no gc (response bodies in flight, the simulator's answers, its validation and parsing included, one process): heap +${mb(peakHeap - before.heapUsed)} MB, RSS +${mb(peakRss - before.rss)} MB: ${Math.max(peakHeap - before.heapUsed, peakRss - before.rss) < 100e6 ? "MET" : "MISSED"} (< 100 MB)`,
  );
}

console.log(
  `# bench:jobs  node ${process.version}, ${availableParallelism()} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
if (part === "all" || part === "single") await single();
if (part === "all" || part === "fleet") await fleet();
