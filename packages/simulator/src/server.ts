// The simulator: a node:http server on 127.0.0.1 that answers the Azure Key Vault and job
// endpoints with ONTAP's semantics, checking each request and response against the spec.
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { DocSet } from "@ontap-rest/openapi";
import { AkvStore, type AkvSeed } from "./akv-store.js";
import { realClock, VirtualClock, type SimClock } from "./clock.js";
import { Faults } from "./faults.js";
import { requestHandler } from "./http-handler.js";
import { JobStore, type JobPlan } from "./jobs.js";
import { azureKeyVaultRoutes } from "./routes/azure-key-vaults.js";
import { clusterJobRoutes } from "./routes/cluster-jobs.js";
import { clusterRoutes } from "./routes/cluster.js";
import { clusterVersion, DEFAULT_RELEASE } from "./release.js";
import { SpecContract, type ContractOptions, type Mismatch } from "./spec.js";
import type { SpecSource } from "./spec-source.js";

export type { AkvSeed };

export interface SimulatorOptions {
  /** The doc set whose spec requests and responses are checked against; default `9.9.1`. */
  docset?: DocSet;
  /**
   * Any other spec instead of a repo doc set's (a team's own, from `ontap-rest-ingest`): a
   * spec file's path (JSON or YAML) or the parsed document. `sim.docset` is then its
   * `info.version`. The simulator's routes are the same; the spec says which it checks.
   */
  spec?: SpecSource;
  /**
   * When the contract's validators are compiled: `lazy` (default) per route on its first
   * request, `eager` all at start-up (slow for a large doc set; fails fast on a bad schema).
   */
  compile?: ContractOptions["compile"];
  /**
   * The ONTAP release to be (`"9.9.1"`, three numbers): `GET /api/cluster` reports it as
   * `version`, and operations the doc set says were introduced later answer 404, as on a
   * cluster without them. Default `DEFAULT_RELEASE`, newer than every doc set.
   */
  release?: string;
  /** `"real"` (default), `"virtual"` (a `VirtualClock` the caller advances) or a clock. */
  clock?: "real" | "virtual" | SimClock;
  /** Job durations, outcome and expiry (see `JobPlan`). */
  jobs?: Partial<JobPlan>;
  /** When given, requests must carry these credentials (HTTP basic), or get a 401. */
  auth?: { username: string; password: string };
  /**
   * More accounts, each with a role that may deny paths: a request must carry the credentials
   * of `auth` or of one of these (HTTP basic), or get a 401.
   */
  users?: SimUser[];
  /** A line per request (`POST /api/... → 201`): no query values, no bodies, no headers. */
  log?: (line: string) => void;
  /** Port to listen on; default 0 (a free one). */
  port?: number;
  /** Internal (volume encryption) keys each new configuration's SVM has; default 1. */
  internalKeys?: number;
}

/** An account, and what its role denies. */
export interface SimUser {
  username: string;
  password: string;
  /**
   * Paths its role does not grant (`/cluster`, with or without `/api`: that path and every
   * path under it, any method): they answer 403 with ONTAP's body,
   * `{"error": {"code": "6", "message": "not authorized for that command"}}`.
   */
  deny?: string[];
}

export interface SeenRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  status: number;
  /** When it was answered, on the simulator's clock. */
  at: number;
  /** What ONTAP's audit log keeps of it: the account (with `auth` or `users`)… */
  user?: string;
  /** …the SVM it ran in (SVM tunneling: `X-Dot-SVM-Name` or `X-Dot-SVM-UUID`)… */
  svm?: { uuid: string; name: string };
  /** …and the application that sent it (`X-Dot-Client-App`). */
  application?: string;
}

export interface Simulator {
  /** `http://127.0.0.1:<port>/api`: give it to the client as `baseUrl`. */
  baseUrl: string;
  origin: string;
  port: number;
  /** The doc set's name: `docset`, or the `spec`'s `info.version`. */
  docset: string;
  /** The spec contract: `contract.compiled` lists the routes whose validators exist so far. */
  contract: SpecContract;
  /** The ONTAP release it runs (`release`, or `DEFAULT_RELEASE`). */
  release: string;
  /** The simulator's clock; a `VirtualClock` with `clock: "virtual"`. */
  clock: SimClock;
  /** Requests or responses that disagreed with the spec. Tests assert it stays empty. */
  mismatches: Mismatch[];
  /** Every request answered (no bodies). */
  requests: SeenRequest[];
  faults: Faults;
  jobs: JobStore;
  /** The SVM of that name, with its UUID (an SVM comes into being when first named). */
  svm(name: string): { uuid: string; name: string };
  /** Adds a configuration without a request (e.g. for a doc set that has no POST). */
  addAkv(seed: AkvSeed): { uuid: string };
  /** The number of internal keys of the configuration's SVM (0: rekey answers 65537559). */
  setInternalKeys(uuid: string, count: number): void;
  /** Encrypted volumes whose keys the configuration holds (DELETE answers 65536867). */
  setEncryptedVolumes(uuid: string, count: number): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const release = options.release ?? DEFAULT_RELEASE;
  const version = clusterVersion(release);
  const contract = new SpecContract(
    options.spec !== undefined ? { spec: options.spec } : (options.docset ?? "9.9.1"),
    { compile: options.compile },
  );
  const docset = contract.docset;
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
  const akvs = new AkvStore(options.internalKeys ?? 1);
  const sockets = new Set<Socket>();
  const routes = [
    ...azureKeyVaultRoutes(akvs, jobs, clock),
    ...clusterJobRoutes(jobs),
    ...clusterRoutes(version),
  ];
  const handle = requestHandler({
    routes,
    contract,
    faults,
    clock,
    mismatches,
    requests,
    version,
    options,
    svms: (ref) => akvs.svmFor(ref),
  });

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
    contract,
    release,
    clock,
    mismatches,
    requests,
    faults,
    jobs,
    svm: (name) => akvs.svmFor({ name })!,
    addAkv: (seed) => ({ uuid: akvs.add(seed).uuid }),
    setInternalKeys: (uuid, count) => {
      akvs.getOr(uuid, "4").internalKeys = count;
    },
    setEncryptedVolumes: (uuid, count) => {
      akvs.getOr(uuid, "4").encryptedVolumes = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
