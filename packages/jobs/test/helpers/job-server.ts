// A real node:http server on 127.0.0.1 serving ONTAP's jobs endpoints, whose jobs move on
// the virtual clock the poller also uses, with faults injected per request.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { VirtualClock } from "./virtual-clock.js";

export interface JobSpec {
  /** ms queued, then ms running (from creation on the virtual clock). */
  queuedMs?: number;
  runMs: number;
  outcome?: "success" | "failure";
  code?: number;
  message?: string;
  /** Paused from this ms after creation, for `pausedMs`. */
  pauseAtMs?: number;
  pausedMs?: number;
  /** Deleted this long after its end (ONTAP: about 300 s). */
  keepMs?: number;
}

export type Fault =
  | { status: number; retryAfter?: string; body?: unknown }
  | { reset: true }
  | { slowMs: number } // real milliseconds before the (normal) answer
  | { virtualMs: number } // the answer takes this long on the virtual clock
  | { raw: string }; // a 200 whose body is this text

interface Job extends Required<Omit<JobSpec, "pauseAtMs" | "pausedMs" | "code">> {
  uuid: string;
  createdAt: number;
  pauseAtMs?: number;
  pausedMs: number;
  code?: number;
}

const iso = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

export async function startJobServer(clock: VirtualClock) {
  const jobs = new Map<string, Job>();
  const faults: Fault[] = [];
  const log: string[] = [];
  let counter = 0;

  function endOf(job: Job) {
    return (
      job.createdAt + job.queuedMs + job.runMs + (job.pauseAtMs === undefined ? 0 : job.pausedMs)
    );
  }

  function view(job: Job, now: number): Record<string, unknown> | undefined {
    const t = now - job.createdAt;
    const end = endOf(job);
    if (now >= end + job.keepMs) return undefined; // deleted
    const start = job.createdAt + job.queuedMs;
    const body: Record<string, unknown> = { uuid: job.uuid, description: "test job" };
    if (t < job.queuedMs) return { ...body, state: "queued", message: "Queued" };
    body.start_time = iso(start);
    if (now >= end) {
      body.end_time = iso(end);
      if (job.outcome === "failure") {
        return { ...body, state: "failure", code: job.code, message: job.message };
      }
      return { ...body, state: "success", code: 0, message: "success" };
    }
    const p = job.pauseAtMs;
    if (p !== undefined && t >= p && t < p + job.pausedMs) {
      return { ...body, state: "paused", message: "Paused by an administrator" };
    }
    return {
      ...body,
      state: "running",
      message: `Running (${Math.floor((t / (end - job.createdAt)) * 100)}%)`,
    };
  }

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  const fields = (url: URL) => (url.searchParams.get("fields") ?? "").split(",").filter(Boolean);
  const pick = (record: Record<string, unknown>, names: string[]) =>
    names.length
      ? Object.fromEntries(Object.entries(record).filter(([key]) => names.includes(key)))
      : record;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    log.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? "/", "http://x");
    const fault = faults.shift();
    if (fault && "reset" in fault) return req.socket.destroy();
    if (fault && "slowMs" in fault) await new Promise((r) => setTimeout(r, fault.slowMs));
    if (fault && "virtualMs" in fault) clock.advance(fault.virtualMs);
    if (fault && "status" in fault) {
      const headers: Record<string, string> = fault.retryAfter
        ? { "retry-after": fault.retryAfter }
        : {};
      return send(
        res,
        fault.status,
        fault.body ?? { error: { code: "1", message: `injected ${fault.status}` } },
        headers,
      );
    }
    if (fault && "raw" in fault) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(fault.raw);
    }
    const now = clock.now();
    const single = /^\/api\/cluster\/jobs\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && single) {
      const job = jobs.get(single[1]!);
      const record = job && view(job, now);
      if (!record)
        return send(res, 404, {
          error: { code: "4", message: "entry doesn't exist", target: "uuid" },
        });
      return send(res, 200, pick(record, fields(url)));
    }
    if (req.method === "GET" && url.pathname === "/api/cluster/jobs") {
      const wanted = (url.searchParams.get("uuid") ?? "").split("|");
      const records = wanted
        .map((uuid) => jobs.get(uuid))
        .map((job) => job && view(job, now))
        .filter((r): r is Record<string, unknown> => r !== undefined)
        .map((r) => pick(r, fields(url)));
      return send(res, 200, { records, num_records: records.length });
    }
    // A mutating operation that starts a job: /api/test/operations/<runMs>[/<outcome>]
    const op = /^\/api\/test\/operations\/(\d+)(?:\/(failure))?$/.exec(url.pathname);
    if (op && ["POST", "PATCH", "DELETE"].includes(req.method ?? "")) {
      const job = add({
        runMs: Number(op[1]),
        outcome: op[2] === "failure" ? "failure" : "success",
        code: 65537120,
        message: "AKV is not configured",
      });
      const wait = Number(url.searchParams.get("return_timeout") ?? 0) * 1000;
      const link = { uuid: job.uuid, _links: { self: { href: `/api/cluster/jobs/${job.uuid}` } } };
      const left = endOf(job) - clock.now();
      if (left <= wait) {
        // ONTAP holds the answer until the job ends.
        clock.advance(Math.max(0, left));
        if (job.outcome === "failure")
          return send(res, 400, { error: { code: String(job.code), message: job.message } });
        return send(res, 201, { job: link });
      }
      clock.advance(wait);
      return send(res, 202, { job: link });
    }
    send(res, 404, { error: { code: "3", message: "no such path" } });
  }

  function add(spec: JobSpec): Job {
    const uuid = `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
    const job: Job = {
      uuid,
      createdAt: clock.now(),
      queuedMs: spec.queuedMs ?? 0,
      runMs: spec.runMs,
      outcome: spec.outcome ?? "success",
      code: spec.code,
      message: spec.message ?? "",
      pauseAtMs: spec.pauseAtMs,
      pausedMs: spec.pausedMs ?? 0,
      keepMs: spec.keepMs ?? 300_000,
    };
    jobs.set(uuid, job);
    return job;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    log,
    faults,
    /** Creates a job; returns its 202 body. */
    job(spec: JobSpec) {
      const { uuid } = add(spec);
      return { job: { uuid, _links: { self: { href: `/api/cluster/jobs/${uuid}` } } } };
    },
    endOf: (uuid: string) => endOf(jobs.get(uuid)!),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
