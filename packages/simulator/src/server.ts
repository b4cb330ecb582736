// The simulator: a node:http server on 127.0.0.1 that answers the Azure Key Vault and job
// endpoints with ONTAP's semantics, checking each request and response against the spec.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { docsets, specPath, type DocSet } from "@ontap-rest/openapi";
import { realClock, VirtualClock, type SimClock } from "./clock.js";
import { Faults } from "./faults.js";
import { JobStore, jobLink, type Job, type JobPlan } from "./jobs.js";
import { collection, listParam, project, type View } from "./query.js";
import { GENERIC, SpecContract, type Mismatch, type SpecOperation } from "./spec.js";

type Json = Record<string, unknown>;

export interface SimulatorOptions {
  /** The doc set whose spec requests and responses are checked against; default `9.9.1`. */
  docset?: DocSet;
  /** `"real"` (default), `"virtual"` (a `VirtualClock` the caller advances) or a clock. */
  clock?: "real" | "virtual" | SimClock;
  /** Job durations, outcome and expiry (see `JobPlan`). */
  jobs?: Partial<JobPlan>;
  /** When given, requests must carry these credentials (HTTP basic), or get a 401. */
  auth?: { username: string; password: string };
  /** A line per request (`POST /api/... → 201`): no query values, no bodies, no headers. */
  log?: (line: string) => void;
  /** Port to listen on; default 0 (a free one). */
  port?: number;
  /** Internal (volume encryption) keys each new configuration's SVM has; default 1. */
  internalKeys?: number;
}

export interface AkvSeed {
  name: string;
  svm: { name: string; uuid?: string };
  client_id?: string;
  tenant_id?: string;
  key_id?: string;
  client_secret?: string;
}

interface Akv {
  uuid: string;
  name: string;
  svm: { uuid: string; name: string };
  client_id: string;
  tenant_id: string;
  key_id: string;
  proxy_host?: string;
  proxy_port?: number;
  proxy_type?: string;
  proxy_username?: string;
  /** Kept to behave like ONTAP, never sent back. */
  secrets: { client_secret?: string; proxy_password?: string };
  internalKeys: number;
  encryptedVolumes: number;
}

export interface SeenRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  status: number;
  /** When it was answered, on the simulator's clock. */
  at: number;
}

export interface Simulator {
  /** `http://127.0.0.1:<port>/api`: give it to the client as `baseUrl`. */
  baseUrl: string;
  origin: string;
  port: number;
  docset: DocSet;
  /** The simulator's clock; a `VirtualClock` with `clock: "virtual"`. */
  clock: SimClock;
  /** Requests or responses that disagreed with the spec. Tests assert it stays empty. */
  mismatches: Mismatch[];
  /** Every request answered (no bodies). */
  requests: SeenRequest[];
  faults: Faults;
  jobs: JobStore;
  /** Adds a configuration without a request (e.g. for a doc set that has no POST). */
  addAkv(seed: AkvSeed): { uuid: string };
  /** The number of internal keys of the configuration's SVM (0: rekey answers 65537559). */
  setInternalKeys(uuid: string, count: number): void;
  /** Encrypted volumes whose keys the configuration holds (DELETE answers 65536867). */
  setEncryptedVolumes(uuid: string, count: number): void;
  close(): Promise<void>;
}

class OntapFailure {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly target?: string,
  ) {}
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Ctx {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  hasBody: boolean;
}

/** Documented messages of every doc set: an error uses its code's documented wording. */
let allMessages: Map<string, string> | undefined;
function documentedMessage(code: string): string {
  if (!allMessages) {
    allMessages = new Map(GENERIC);
    for (const d of docsets) {
      const spec = JSON.parse(readFileSync(specPath(d, "json"), "utf8")) as {
        paths: Record<string, Record<string, { responses?: Record<string, Json> }>>;
      };
      for (const item of Object.values(spec.paths)) {
        for (const op of Object.values(item)) {
          const codes = op.responses?.default?.["x-ntap-error-codes"] as
            { code: string; description: string }[] | undefined;
          for (const c of codes ?? [])
            if (!allMessages.has(c.code)) allMessages.set(c.code, c.description);
        }
      }
    }
  }
  return allMessages.get(code) ?? "error";
}

const KEY_ID = /^https:\/\/[^/]+\.vault\.azure\.net\/keys\/[^/]+(\/[^/]+)?$/;
const PATCHABLE = [
  "client_id",
  "tenant_id",
  "key_id",
  "client_secret",
  "proxy_host",
  "proxy_port",
  "proxy_type",
  "proxy_username",
  "proxy_password",
] as const;

interface Route {
  method: string;
  template: string;
  handle(ctx: Ctx): Answer | Promise<Answer>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const docset = options.docset ?? "9.9.1";
  const contract = new SpecContract(docset);
  const clock: SimClock =
    options.clock === "virtual"
      ? new VirtualClock()
      : options.clock === undefined || options.clock === "real"
        ? realClock
        : options.clock;
  const jobs = new JobStore(clock, options.jobs);
  const faults = new Faults();
  const mismatches: Mismatch[] = [];
  const requests: SeenRequest[] = [];
  const akvs = new Map<string, Akv>();
  const svmUuids = new Map<string, string>();
  const sockets = new Set<Socket>();

  const svmFor = (svm: { name?: string; uuid?: string }) => {
    if (svm.name !== undefined) {
      let uuid = svm.uuid ?? svmUuids.get(svm.name);
      if (!uuid) svmUuids.set(svm.name, (uuid = randomUUID()));
      return { uuid, name: svm.name };
    }
    for (const [name, uuid] of svmUuids) if (uuid === svm.uuid) return { uuid, name };
    return undefined;
  };

  const addAkv = (seed: AkvSeed & Partial<Omit<Akv, "svm">>): Akv => {
    const svm = svmFor(seed.svm)!;
    const akv: Akv = {
      uuid: randomUUID(),
      name: seed.name,
      svm,
      client_id: seed.client_id ?? randomUUID(),
      tenant_id: seed.tenant_id ?? randomUUID(),
      key_id: seed.key_id ?? `https://${seed.name}.vault.azure.net/keys/key1`,
      proxy_host: seed.proxy_host,
      proxy_port: seed.proxy_port,
      proxy_type: seed.proxy_type,
      proxy_username: seed.proxy_username,
      secrets: { ...seed.secrets, client_secret: seed.client_secret },
      internalKeys: options.internalKeys ?? 1,
      encryptedVolumes: 0,
    };
    akvs.set(akv.uuid, akv);
    return akv;
  };

  const akvView = (akv: Akv): View & { uuid: string } => {
    const full: Json = {
      uuid: akv.uuid,
      name: akv.name,
      client_id: akv.client_id,
      tenant_id: akv.tenant_id,
      key_id: akv.key_id,
      ...(akv.proxy_host !== undefined ? { proxy_host: akv.proxy_host } : {}),
      ...(akv.proxy_port !== undefined ? { proxy_port: akv.proxy_port } : {}),
      ...(akv.proxy_type !== undefined ? { proxy_type: akv.proxy_type } : {}),
      ...(akv.proxy_username !== undefined ? { proxy_username: akv.proxy_username } : {}),
      scope: "svm",
      svm: { ...akv.svm, _links: { self: { href: `/api/svm/svms/${akv.svm.uuid}` } } },
      state: { available: true, code: 0, message: "" },
      azure_reachability: { reachable: true, code: 0, message: "" },
      ekmip_reachability: [
        {
          node: { name: "node1", uuid: "a1b2c3d4-0000-11ea-8d52-005056bb0001" },
          reachable: true,
          code: 0,
          message: "",
        },
      ],
      _links: { self: { href: `/api/security/azure-key-vaults/${akv.uuid}` } },
    };
    return {
      uuid: akv.uuid,
      full,
      advanced: ["state", "azure_reachability", "ekmip_reachability"],
    };
  };

  const akvOr = (uuid: string, code: string): Akv => {
    const akv = akvs.get(uuid);
    if (!akv) throw new OntapFailure(404, code, "uuid");
    return akv;
  };

  /** `return_timeout`: hold the answer until the job ends or the wait is over. */
  const runJob = async (ctx: Ctx, job: Job, done: number): Promise<Answer> => {
    const seconds = Math.min(120, Math.max(0, Number(ctx.query.get("return_timeout") ?? 0) || 0));
    const deadline = clock.now() + seconds * 1000;
    for (;;) {
      const left = deadline - clock.now();
      if (jobs.state(job) === "success" || jobs.state(job) === "failure" || left <= 0) break;
      const remaining = jobs.remainingMs(job);
      await clock.sleep(Math.max(1, Math.min(left, remaining ?? left)));
    }
    const finished = !!job.end;
    return {
      status: finished ? done : 202,
      body: jobLink(job),
      headers: { Location: `/api/cluster/jobs/${job.uuid}` },
    };
  };

  const AKV = "/security/azure-key-vaults";
  const routes: Route[] = [
    {
      method: "GET",
      template: AKV,
      handle: ({ query }) => ({
        status: 200,
        body: collection(AKV, [...akvs.values()].map(akvView), query, ["uuid", "name"]),
      }),
    },
    {
      method: "POST",
      template: AKV,
      handle: ({ body, query }) => {
        const svmIn = (body.svm ?? {}) as { name?: string; uuid?: string };
        const svm = svmFor(svmIn);
        if (!svm) throw new OntapFailure(400, "65537120", "svm.uuid");
        if ([...akvs.values()].some((a) => a.svm.uuid === svm.uuid)) {
          throw new OntapFailure(409, "65537500", "svm");
        }
        if (typeof body.key_id === "string" && !KEY_ID.test(body.key_id)) {
          throw new OntapFailure(400, "65537523", "key_id");
        }
        const akv = addAkv({
          name: String(body.name ?? ""),
          svm,
          client_id: body.client_id as string,
          tenant_id: body.tenant_id as string,
          key_id: body.key_id as string,
          client_secret: body.client_secret as string,
          proxy_host: body.proxy_host as string | undefined,
          proxy_port: body.proxy_port as number | undefined,
          proxy_type: body.proxy_type as string | undefined,
          proxy_username: body.proxy_username as string | undefined,
          secrets: { proxy_password: body.proxy_password as string | undefined },
        });
        const view = akvView(akv);
        const record =
          query.get("return_records") === "true"
            ? project(view, [], [], true)
            : project(view, [], ["uuid", "name"], false);
        return {
          status: 201,
          body: { num_records: 1, records: [record] },
          headers: { Location: `/api${AKV}/${akv.uuid}` },
        };
      },
    },
    {
      method: "GET",
      template: `${AKV}/{uuid}`,
      handle: ({ params, query }) => {
        const akv = akvOr(params.uuid!, "4");
        return {
          status: 200,
          body: project(akvView(akv), listParam(query, "fields"), ["uuid"], true),
        };
      },
    },
    {
      method: "PATCH",
      template: `${AKV}/{uuid}`,
      handle: ({ params, body }) => {
        const akv = akvOr(params.uuid!, "65537120");
        const inputs = PATCHABLE.filter((k) => body[k] !== undefined);
        if (inputs.length === 0) throw new OntapFailure(400, "65537541");
        const changesIdentity =
          (body.client_id !== undefined && body.client_id !== akv.client_id) ||
          (body.tenant_id !== undefined && body.tenant_id !== akv.tenant_id);
        if (changesIdentity && body.client_secret === undefined) {
          throw new OntapFailure(400, "65537517", "client_secret");
        }
        for (const key of inputs) {
          if (key === "client_secret" || key === "proxy_password") {
            akv.secrets[key] = body[key] as string;
          } else (akv as unknown as Json)[key] = body[key];
        }
        return { status: 200, body: {} };
      },
    },
    {
      method: "DELETE",
      template: `${AKV}/{uuid}`,
      handle: ({ params }) => {
        const akv = akvOr(params.uuid!, "65537120");
        if (akv.encryptedVolumes > 0) throw new OntapFailure(400, "65536867");
        akvs.delete(akv.uuid);
        return { status: 200, body: {} };
      },
    },
    {
      method: "POST",
      template: `${AKV}/{uuid}/rekey-internal`,
      handle: (ctx) => {
        const akv = akvOr(ctx.params.uuid!, "65537120");
        if (akv.internalKeys === 0) throw new OntapFailure(400, "65537559");
        const job = jobs.create(`POST /api${AKV}/${akv.uuid}/rekey-internal`, akv.svm);
        return runJob(ctx, job, 201);
      },
    },
    {
      method: "POST",
      template: `${AKV}/{uuid}/restore`,
      handle: (ctx) => {
        const akv = akvOr(ctx.params.uuid!, "65537120");
        const job = jobs.create(`POST /api${AKV}/${akv.uuid}/restore`, akv.svm);
        return runJob(ctx, job, 201);
      },
    },
    {
      method: "GET",
      template: "/cluster/jobs",
      handle: ({ query }) => {
        // uuid=a|b|c: a watcher's batch; answered from the map, not by a scan.
        const uuidFilter = query.get("uuid");
        const candidates =
          uuidFilter !== null && !/[*!<>]/.test(uuidFilter)
            ? uuidFilter
                .split("|")
                .map((u) => jobs.get(u))
                .filter((j): j is Job => !!j)
            : jobs.all();
        return {
          status: 200,
          body: collection(
            "/cluster/jobs",
            candidates.map((j) => jobs.view(j)),
            query,
            ["uuid"],
          ),
        };
      },
    },
    {
      method: "GET",
      template: "/cluster/jobs/{uuid}",
      handle: ({ params, query }) => {
        const job = jobs.get(params.uuid!);
        if (!job) throw new OntapFailure(404, "4", "uuid");
        return {
          status: 200,
          body: project(jobs.view(job), listParam(query, "fields"), ["uuid"], true),
        };
      },
    },
    {
      method: "PATCH",
      template: "/cluster/jobs/{uuid}",
      handle: ({ params, query }) => {
        const job = jobs.get(params.uuid!);
        if (!job) throw new OntapFailure(404, "4", "uuid");
        const action = query.get("action");
        const state = jobs.state(job);
        const terminal = state === "success" || state === "failure";
        if (action === "pause") {
          if (terminal) throw new OntapFailure(400, "458762");
          if (state === "paused") throw new OntapFailure(400, "458776");
          jobs.pause(job);
        } else if (action === "resume") {
          if (terminal) throw new OntapFailure(400, "458762");
          if (state !== "paused") throw new OntapFailure(400, "458771");
          jobs.resume(job);
        } else if (action === "cancel") {
          if (terminal) throw new OntapFailure(400, "458762");
          jobs.cancel(job);
        }
        return { status: 200, body: {} };
      },
    },
  ];

  const findRoute = (method: string, wire: string) => {
    const segments = wire.split("/");
    let pathMatched = false;
    for (const route of routes) {
      const parts = route.template.split("/");
      if (parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = parts.every((p, i) => {
        if (p === "{uuid}") {
          params.uuid = decodeURIComponent(segments[i]!);
          return segments[i] !== "";
        }
        return p === segments[i];
      });
      if (!ok) continue;
      pathMatched = true;
      if (route.method === method) return { route, params, pathMatched };
    }
    return { route: undefined, params: {}, pathMatched };
  };

  const errorBody = (code: string, target?: string, message = documentedMessage(code)) => ({
    error: { message, code, ...(target ? { target } : {}) },
  });

  const loud = (m: Mismatch) => {
    mismatches.push(m);
    console.error(
      `x-simulator-mismatch (${m.where}) ${m.method} ${m.path}: ${m.errors.join("; ")}`,
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const wire = url.pathname.startsWith("/api/") ? url.pathname.slice(4) : url.pathname;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const { route, params, pathMatched } = findRoute(method, wire);

    const send = (answer: Answer, extra: Record<string, string> = {}, raw?: string) => {
      const payload = raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
      requests.push({ method, url: req.url ?? "", status: answer.status, at: clock.now() });
      options.log?.(`${method} ${url.pathname} → ${answer.status}`);
      res.writeHead(answer.status, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(payload),
        ...answer.headers,
        ...extra,
      });
      res.end(payload);
    };

    // Faults come first: they are the network's and the cluster's, not the API's.
    let malformed: string | true | undefined;
    for (const fault of faults.take(method, wire, route?.template)) {
      if (fault.kind === "latency") {
        await (fault.realTime ? realClock : clock).sleep(fault.ms ?? 1000);
      } else if (fault.kind === "reset") {
        requests.push({ method, url: req.url ?? "", status: 0, at: clock.now() });
        req.socket.destroy();
        return;
      } else if (fault.kind === "status") {
        const status = fault.status ?? 503;
        const headers: Record<string, string> = {};
        if (fault.retryAfter !== undefined) headers["Retry-After"] = String(fault.retryAfter);
        send({ status, body: errorBody(String(status), undefined, "Simulated fault"), headers });
        return;
      } else malformed = fault.body ?? true;
    }

    if (options.auth) {
      const expected = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString("base64")}`;
      if (req.headers.authorization !== expected) {
        send({ status: 401, body: errorBody("6") });
        return;
      }
    }
    if (!route) {
      const status = pathMatched ? 405 : 404;
      send({
        status,
        body: {
          error: { message: pathMatched ? "Method not allowed" : "API not found", code: "3" },
        },
      });
      return;
    }

    let body: Json = {};
    const hasBody = text.trim() !== "";
    let op: SpecOperation | undefined;
    let opParams: Record<string, string> = {};
    const found = contract.find(method, wire);
    if (found) ({ op, params: opParams } = found);
    const requestErrors: string[] = [];
    if (hasBody) {
      try {
        body = JSON.parse(text) as Json;
      } catch {
        requestErrors.push("body is not JSON");
      }
    }
    if (op && requestErrors.length === 0) {
      requestErrors.push(...contract.checkRequest(op, opParams, url.searchParams, body, hasBody));
    }
    if (requestErrors.length > 0) {
      loud({ where: "request", method, path: url.pathname, errors: requestErrors });
      send(
        {
          status: 400,
          body: errorBody("262179", undefined, `x-simulator-mismatch: ${requestErrors.join("; ")}`),
        },
        { "x-simulator-mismatch": "request" },
      );
      return;
    }

    let answer: Answer;
    try {
      answer = await route.handle({ method, params, query: url.searchParams, body, hasBody });
    } catch (err) {
      if (!(err instanceof OntapFailure)) throw err;
      answer = { status: err.status, body: errorBody(err.code, err.target) };
    }

    if (op && !op.truncated) {
      const responseErrors = contract.checkResponse(op, answer.status, answer.body);
      if (responseErrors.length > 0) {
        loud({
          where: "response",
          method,
          path: url.pathname,
          status: answer.status,
          errors: responseErrors,
        });
        send(
          {
            status: 500,
            body: errorBody("500", undefined, `x-simulator-mismatch: ${responseErrors.join("; ")}`),
          },
          { "x-simulator-mismatch": "response" },
        );
        return;
      }
    }
    if (malformed !== undefined) {
      const real = answer.body === undefined ? "" : JSON.stringify(answer.body);
      send(
        answer,
        {},
        malformed === true ? real.slice(0, Math.max(1, Math.floor(real.length / 2))) : malformed,
      );
      return;
    }
    send(answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: { message: `simulator: ${message}`, code: "500" } }));
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseUrl: `${origin}/api`,
    origin,
    port,
    docset,
    clock,
    mismatches,
    requests,
    faults,
    jobs,
    addAkv: (seed) => ({ uuid: addAkv(seed).uuid }),
    setInternalKeys: (uuid, count) => {
      akvOr(uuid, "4").internalKeys = count;
    },
    setEncryptedVolumes: (uuid, count) => {
      akvOr(uuid, "4").encryptedVolumes = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
