// ONTAP jobs: queued → running → success | failure over configured durations, `paused` by
// PATCH ?action=pause, and gone (404) a while after they finish (300 s by default). A job's
// state is computed from the clock when read, so virtual time needs no timers.
import { randomUUID } from "node:crypto";
import type { SimClock } from "./clock.js";
import type { View } from "./query.js";

export type JobState = "queued" | "running" | "paused" | "success" | "failure";

export interface JobPlan {
  /** Time spent `queued`; default 50 ms. */
  queuedMs: number;
  /** Time spent `running`; default 500 ms. */
  runningMs: number;
  /** How the job ends; default `success`. */
  outcome: "success" | "failure";
  /** `code` and `message` of a failed job (`job.code` is an integer). */
  failure: { code: number; message: string };
  /** How long a finished job stays readable; default 300 s, as ONTAP. */
  expireMs: number;
}

export const DEFAULT_PLAN: JobPlan = {
  queuedMs: 50,
  runningMs: 500,
  outcome: "success",
  failure: {
    code: 65537504,
    message: "Internal error. Failed to store configuration in internal database.",
  },
  expireMs: 300_000,
};

export interface Job {
  uuid: string;
  description: string;
  svm?: { uuid: string; name: string };
  plan: JobPlan;
  startedAt: number;
  /** Active time (queued + running) accumulated before `activeSince`. */
  progressMs: number;
  /** When the current active stretch began; null while paused or finished. */
  activeSince: number | null;
  /** Set once the job has ended (success, failure, cancel). */
  end?: { at: number; state: "success" | "failure"; code: number; message: string };
  paused: boolean;
}

export class JobStore {
  readonly #jobs = new Map<string, Job>();
  readonly #clock: SimClock;
  plan: JobPlan;
  /** One-off plans for the next jobs, in order. */
  readonly queue: Partial<JobPlan>[] = [];

  constructor(clock: SimClock, plan: Partial<JobPlan> = {}) {
    this.#clock = clock;
    this.plan = { ...DEFAULT_PLAN, ...plan };
  }

  create(description: string, svm?: Job["svm"]): Job {
    const now = this.#clock.now();
    const job: Job = {
      uuid: randomUUID(),
      description,
      svm,
      plan: { ...this.plan, ...this.queue.shift() },
      startedAt: now,
      progressMs: 0,
      activeSince: now,
      paused: false,
    };
    this.#jobs.set(job.uuid, job);
    this.settle(job);
    return job;
  }

  /** Brings a job up to the clock: records its end once its time has run out. */
  settle(job: Job): void {
    if (job.end || job.activeSince === null) return;
    const total = job.plan.queuedMs + job.plan.runningMs;
    const endAt = job.activeSince + (total - job.progressMs);
    if (this.#clock.now() < endAt) return;
    const failed = job.plan.outcome === "failure";
    job.end = {
      at: endAt,
      state: failed ? "failure" : "success",
      code: failed ? job.plan.failure.code : 0,
      message: failed ? job.plan.failure.message : "Complete: Successful",
    };
    job.progressMs = total;
    job.activeSince = null;
  }

  /** The job, or undefined once it has expired (ONTAP deletes finished jobs). */
  get(uuid: string): Job | undefined {
    const job = this.#jobs.get(uuid);
    if (!job) return undefined;
    this.settle(job);
    if (job.end && this.#clock.now() >= job.end.at + job.plan.expireMs) {
      this.#jobs.delete(uuid);
      return undefined;
    }
    return job;
  }

  all(): Job[] {
    return [...this.#jobs.keys()].map((u) => this.get(u)).filter((j): j is Job => !!j);
  }

  /** Milliseconds until the job ends at the current pace; undefined when paused or ended. */
  remainingMs(job: Job): number | undefined {
    this.settle(job);
    if (job.end || job.activeSince === null) return undefined;
    const total = job.plan.queuedMs + job.plan.runningMs;
    return job.activeSince + (total - job.progressMs) - this.#clock.now();
  }

  state(job: Job): JobState {
    this.settle(job);
    if (job.end) return job.end.state;
    if (job.paused) return "paused";
    return this.#elapsed(job) < job.plan.queuedMs ? "queued" : "running";
  }

  #elapsed(job: Job): number {
    return job.progressMs + (job.activeSince === null ? 0 : this.#clock.now() - job.activeSince);
  }

  message(job: Job): string {
    const state = this.state(job);
    if (job.end) return job.end.message;
    if (state === "queued") return "Queued";
    const running = Math.max(0, this.#elapsed(job) - job.plan.queuedMs);
    const pct = job.plan.runningMs > 0 ? Math.floor((running / job.plan.runningMs) * 4) * 25 : 0;
    return `${state === "paused" ? "Paused" : "In progress"}: ${Math.min(pct, 75)}% complete`;
  }

  pause(job: Job): void {
    job.progressMs = this.#elapsed(job);
    job.activeSince = null;
    job.paused = true;
  }

  resume(job: Job): void {
    job.activeSince = this.#clock.now();
    job.paused = false;
    this.settle(job);
  }

  cancel(job: Job): void {
    job.progressMs = this.#elapsed(job);
    job.activeSince = null;
    job.paused = false;
    job.end = {
      at: this.#clock.now(),
      state: "failure",
      code: 1,
      message: "Job cancelled by user",
    };
  }

  view(job: Job): View & { uuid: string } {
    const state = this.state(job);
    const full: Record<string, unknown> = {
      uuid: job.uuid,
      description: job.description,
      state,
      message: this.message(job),
      code: job.end?.code ?? 0,
      start_time: new Date(job.startedAt).toISOString(),
      ...(job.end ? { end_time: new Date(job.end.at).toISOString() } : {}),
      ...(job.svm ? { svm: job.svm } : {}),
      ...(job.end?.state === "failure"
        ? { error: { code: String(job.end.code), message: job.end.message } }
        : {}),
      _links: { self: { href: `/api/cluster/jobs/${job.uuid}` } },
    };
    return { uuid: job.uuid, full, advanced: [] };
  }
}

export function jobLink(job: Job) {
  return { job: { uuid: job.uuid, _links: { self: { href: `/api/cluster/jobs/${job.uuid}` } } } };
}
