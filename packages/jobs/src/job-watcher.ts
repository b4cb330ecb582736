// Fleet automation: many concurrent waits on one cluster, merged into one collection query
// per tick (`GET /cluster/jobs?uuid=<a>|<b>|…`) instead of one request per job per tick.
// Each wait keeps its own budget, policy, progress and state; the tick comes when the most
// urgent wait wants its next poll (the youngest job, by the same age-based schedule).
import { advance, newState, resolve, type Resolved, type WaitOptions } from "./advance.js";
import { DEFAULTS } from "./defaults.js";
import type { OntapJob } from "./job.js";
import type { JobRef } from "./job-ref.js";
import type { JobsClient } from "./jobs-client.js";
import { classify, type Outcome } from "./poll.js";
import type { WaitState } from "./wait-state.js";

export interface WatcherOptions extends Omit<WaitOptions, "signal" | "onProgress" | "onState"> {
  /** The longest URL a batch may take (base URL, path and query). Default `DEFAULTS.maxUrlLength`. */
  maxUrlLength?: number;
}

/** Per wait: the watcher's options, plus these. */
export type WatchOptions = Pick<
  WaitOptions,
  "signal" | "onProgress" | "onState" | "maxWaitMs" | "onPaused"
>;

export interface JobWatcher {
  /** Resolves and rejects as `waitForJob` would. */
  wait(job: JobRef, options?: WatchOptions): Promise<OntapJob>;
}

interface Entry {
  state: WaitState;
  r: Resolved;
  settle: (error: unknown, job?: OntapJob) => void;
}

export function createJobWatcher(
  client: JobsClient & { baseUrl?: string },
  options: WatcherOptions = {},
): JobWatcher {
  const base = resolve(options);
  const clock = base.clock;
  const fields = base.fields.includes("uuid") ? base.fields : ["uuid", ...base.fields];
  const maxUrlLength = options.maxUrlLength ?? DEFAULTS.maxUrlLength;
  const entries = new Set<Entry>();
  let running = false;
  let wake: AbortController | undefined;

  // What a batch's URL costs besides its uuids: base URL, path, the other query parameters
  // (max_records counted at its widest).
  const fixed =
    (client.baseUrl ?? "").length +
    "/cluster/jobs?uuid=&fields=&max_records=12345".length +
    encodeURIComponent(fields.join(",")).length;

  function batches(): string[][] {
    const out: string[][] = [];
    let batch: string[] = [];
    // Infinity: the first uuid opens the first batch. A batch takes at least one uuid.
    let length = Infinity;
    for (const uuid of new Set([...entries].map((entry) => entry.state.uuid))) {
      // Each uuid with its separator, `|` sent as %7C (the first one has none: the `+ 3`).
      const cost = encodeURIComponent(uuid).length + 3;
      if (length + cost > maxUrlLength + 3) {
        out.push((batch = []));
        length = fixed;
      }
      batch.push(uuid);
      length += cost;
    }
    return out;
  }

  async function query(batch: string[]): Promise<Map<string, Outcome>> {
    const outcome = await classify(
      () =>
        client.request("get", "/cluster/jobs", {
          params: {
            query: { uuid: batch.join("|"), fields: [...fields], max_records: batch.length },
          },
          svm: options.svm,
        }),
      clock.now(),
    );
    const result = new Map<string, Outcome>();
    const body = (outcome.kind === "ok" && outcome.data) as {
      records?: { uuid?: unknown }[];
      _links?: { next?: unknown };
    };
    const records = Array.isArray(body?.records) ? body.records : undefined;
    for (const record of records ?? [])
      result.set(String(record?.uuid), { kind: "ok", data: record });
    // Absent from a complete answer: the job is gone. A failed, paged or odd answer (even a
    // 404 of the collection itself) says nothing about one job: ask again, within the budget
    // (an "ok" outcome has neither `error` nor `retryAfterMs`).
    const { error, retryAfterMs } = outcome as { error?: unknown; retryAfterMs?: number };
    const missing: Outcome =
      outcome.kind === "fatal"
        ? outcome
        : records && !body._links?.next
          ? { kind: "gone", error: undefined }
          : { kind: "retry", error, retryAfterMs };
    for (const uuid of batch) if (!result.has(uuid)) result.set(uuid, missing);
    return result;
  }

  async function loop() {
    running = true;
    try {
      while (entries.size > 0) {
        const outcomes = new Map(
          (await Promise.all(batches().map(query))).flatMap((part) => [...part]),
        );
        let next = Infinity;
        for (const entry of [...entries]) {
          const outcome = outcomes.get(entry.state.uuid);
          if (outcome === undefined) continue; // joined during this tick
          try {
            const step = advance(entry.state, outcome, entry.r);
            if ("job" in step) entry.settle(undefined, step.job);
            else next = Math.min(next, step.delay);
          } catch (error) {
            entry.settle(error);
          }
        }
        if (entries.size === 0) break;
        wake = new AbortController();
        await clock.sleep(next === Infinity ? 0 : next, wake.signal).catch(() => {});
        wake = undefined;
      }
    } finally {
      running = false;
    }
  }

  return {
    wait(job, watch = {}) {
      return new Promise<OntapJob>((resolvePromise, reject) => {
        const signal = watch.signal;
        if (signal?.aborted) return reject(signal.reason);
        const r = resolve({ ...options, ...watch, clock });
        const entry: Entry = {
          r,
          state: newState(job, r, watch.maxWaitMs ?? options.maxWaitMs),
          settle(error, result) {
            entries.delete(entry);
            signal?.removeEventListener("abort", abort);
            if (result) resolvePromise(result);
            else reject(error);
          },
        };
        const abort = () => entry.settle(signal?.reason);
        signal?.addEventListener("abort", abort, { once: true });
        entries.add(entry);
        // A new wait is polled at the next tick, not after the current (maybe long) sleep.
        wake?.abort();
        if (!running) queueMicrotask(() => void (running || loop()));
      });
    },
  };
}
