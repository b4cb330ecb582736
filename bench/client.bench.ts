/**
 * Client cost: `pnpm bench:client` (tsx bench/client.bench.ts). Needs the built packages
 * (`pnpm generate`): it measures `packages/client/dist`, what a consumer runs.
 *
 * 1. Overhead. One typed call, `GET /cluster/jobs/{uuid}?fields=…`, made three ways:
 *    `@ontap-rest/client`; bare openapi-fetch (`createClient<paths>`, same base URL, same
 *    headers, same `fields=a,b` serializer, so that all three send the same request); and
 *    plain `fetch` (URL and headers built by hand, `await res.json()`). In two settings:
 *    (a) a stub fetch that hands out Responses built before the timed batch (the client's
 *    own cost: given as `fetch`, it replaces the client's transport, and the client adds no
 *    timeout of its own to it), (b) a keep-alive `node:http` server on 127.0.0.1 in a child
 *    process: the client sends through its own Node transport (undici's `request` with the
 *    client's Agent, whose headersTimeout/bodyTimeout are the timeout), openapi-fetch and
 *    fetch through Node's global fetch; a fourth contender there, openapi-fetch over the
 *    client's kind of transport (undici's `request`, the body read and handed on as a
 *    Response), tells the client's own cost from the transport's. Calls are sequential.
 *    Warm-up first, then rounds that take turns between the contenders (the first of each
 *    round rotates); medians of ops/s over the rounds.
 * 2. Type cost. `tsc -p` on bench/type-cost/with-client.ts (all 13 operations of `latest`
 *    and `9.9.1` through `createOntapClient`) and on without-client.ts (the same variables
 *    typed from `@ontap-rest/types` alone), alternating, with skipLibCheck true and false;
 *    then `--extendedDiagnostics` runs for the check time and the number of types.
 *
 * The client runs with its version check on, and pays for it on every call: the call is put
 * in its table (`introducedIn`: the spec gives this GET no release of its own, and the jobs
 * endpoints are 9.6, which the generated tables leave out), so each call looks it up and
 * compares it with the cluster's version. Both servers answer `GET /api/cluster`; the client
 * reads it once, before the timed batches, as a real client does on its first such call.
 *
 * Target: the client at ≥ 90 % of bare openapi-fetch's rate. Only measured, never asserted.
 * `--part overhead` or `--part types` runs one part.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import { Agent, request as undiciRequest } from "undici";
import { createOntapClient } from "../packages/client/dist/index.js";
import type { paths } from "../packages/types/dist/generated/latest.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET_RATIO = 0.9;

const part = process.argv.includes("--part")
  ? process.argv[process.argv.indexOf("--part") + 1]
  : "all";

// --- the call ------------------------------------------------------------------------------

const UUID = "1cd8a442-86d1-11e0-ae1c-123478563412";
const FIELDS = ["uuid", "state", "message", "code", "start_time", "end_time"];
const USERNAME = "admin";
const PASSWORD = "netapp1!";
const AUTHORIZATION = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")}`;
const JOB = {
  uuid: UUID,
  description: "PATCH /api/storage/volumes/d0f3b91a-4ed8-11e8-b3fc-00a0981dc00c",
  state: "success",
  message: "success",
  code: 0,
  start_time: "2026-11-22T10:00:00+00:00",
  end_time: "2026-11-22T10:00:02+00:00",
  _links: { self: { href: `/api/cluster/jobs/${UUID}` } },
};
const BODY = JSON.stringify(JOB);
/** `GET /api/cluster?fields=version`: a cluster newer than the release the table names. */
const VERSION_PATH = "/api/cluster?fields=version";
const VERSION_BODY = JSON.stringify({
  version: { full: "NetApp Release 9.16.1: Mon Nov 02 2026", generation: 9, major: 16, minor: 1 },
});

type Fetch = (input: string | Request, init?: RequestInit) => Promise<Response>;
type Call = () => Promise<unknown>;
interface Contender {
  name: string;
  make(baseUrl: string, fetch?: Fetch): Call;
}

function checked(data: { uuid?: string } | undefined): void {
  if (data?.uuid !== UUID) throw new Error("wrong answer");
}

const CONTENDERS: Contender[] = [
  {
    name: "@ontap-rest/client",
    make(baseUrl, fetch) {
      const ontap = createOntapClient({
        docset: "latest",
        baseUrl,
        auth: { username: USERNAME, password: PASSWORD },
        // The benchmarked call is checked (see the top of this file).
        introducedIn: { "GET /cluster/jobs/{uuid}": "9.8" },
        ...(fetch ? { fetch } : {}),
      });
      return async () => {
        const { data, error } = await ontap.GET("/cluster/jobs/{uuid}", {
          params: { path: { uuid: UUID }, query: { fields: FIELDS } },
        });
        if (error) throw error;
        checked(data);
      };
    },
  },
  {
    name: "openapi-fetch",
    make(baseUrl, fetch) {
      const client = createClient<paths>({
        baseUrl,
        headers: { Accept: "application/json", Authorization: AUTHORIZATION },
        querySerializer: { array: { style: "form", explode: false } },
        ...(fetch ? { fetch } : {}),
      });
      return async () => {
        const { data, error } = await client.GET("/cluster/jobs/{uuid}", {
          params: { path: { uuid: UUID }, query: { fields: FIELDS } },
        });
        if (error) throw new Error(`HTTP error ${JSON.stringify(error)}`);
        checked(data);
      };
    },
  },
  {
    name: "fetch",
    make(baseUrl, fetch = globalThis.fetch) {
      return async () => {
        const url = `${baseUrl}/cluster/jobs/${encodeURIComponent(UUID)}?fields=${FIELDS.map(encodeURIComponent).join(",")}`;
        const res = await fetch(url, {
          headers: { accept: "application/json", authorization: AUTHORIZATION },
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        checked((await res.json()) as { uuid?: string });
      };
    },
  },
];

/** openapi-fetch over what the client's Node transport does: undici's `request`, an Agent. */
const OPENAPI_UNDICI: Contender = {
  name: "openapi-fetch (undici request)",
  make(baseUrl) {
    const dispatcher = new Agent({ headersTimeout: 150_000, bodyTimeout: 150_000 });
    const fetch: Fetch = async (input) => {
      const request = input as Request;
      const answer = await undiciRequest(request.url, {
        method: request.method as "GET",
        headers: Object.fromEntries(request.headers),
        dispatcher,
      });
      const bytes = await answer.body.arrayBuffer();
      return new Response(bytes.byteLength ? bytes : null, {
        status: answer.statusCode,
        headers: answer.headers as Record<string, string>,
      });
    };
    return CONTENDERS[1]!.make(baseUrl, fetch);
  },
};

// --- setting (a): a stub fetch -------------------------------------------------------------

/**
 * Hands out Responses prepared by `prepare(n)` before a timed batch; records requests. The
 * client's one version read gets its own answer and is not recorded (it comes before the
 * call the three contenders make, and before any timed batch).
 */
function stubFetch() {
  let ready: Response[] = [];
  let next = 0;
  const seen: string[] = [];
  const versionReads = { count: 0 };
  const fetch: Fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input.url;
    if (url.endsWith(VERSION_PATH)) {
      versionReads.count++;
      return new Response(VERSION_BODY, { headers: { "content-type": "application/json" } });
    }
    if (seen.length < 1) {
      const request = new Request(input, init);
      const headers = [...request.headers].map(([k, v]) => `${k}: ${v}`).join("; ");
      seen.push(`${request.method} ${request.url} [${headers}]`);
    }
    return ready[next++]!;
  };
  const prepare = (n: number) => {
    next = 0;
    ready = Array.from(
      { length: n },
      () =>
        new Response(BODY, {
          status: 200,
          headers: {
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(BODY)),
          },
        }),
    );
  };
  return { fetch, prepare, seen, versionReads };
}

// --- setting (b): a keep-alive node:http server in a child process -------------------------

const SERVER = `
const http = require("node:http");
const body = ${JSON.stringify(BODY)};
const length = String(Buffer.byteLength(body));
const version = ${JSON.stringify(VERSION_BODY)};
const versionLength = String(Buffer.byteLength(version));
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    // The client's one version read; every other request is the job.
    const read = req.url === ${JSON.stringify(VERSION_PATH)};
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": read ? versionLength : length,
    });
    res.end(read ? version : body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

async function startServer(): Promise<{ port: number; stop(): void }> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  return { port, stop: () => child.stdin.end() };
}

// --- measuring -----------------------------------------------------------------------------

interface Setting {
  name: string;
  /** Calls per timed batch. */
  batch: number;
  rounds: number;
  warmupBatches: number;
  calls: Call[];
  /** The contenders' names, in the order of `calls`: the client, openapi-fetch, fetch, … */
  names: string[];
  /** Runs before each batch, untimed. */
  before?(n: number): void;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timeBatch(setting: Setting, call: Call): Promise<number> {
  setting.before?.(setting.batch);
  const start = performance.now();
  for (let i = 0; i < setting.batch; i++) await call();
  return setting.batch / ((performance.now() - start) / 1000);
}

/** ops/s of each contender, one entry per round. */
async function measure(setting: Setting): Promise<number[][]> {
  const rates: number[][] = setting.calls.map(() => []);
  for (let w = 0; w < setting.warmupBatches; w++) {
    for (const call of setting.calls) await timeBatch(setting, call);
  }
  for (let round = 0; round < setting.rounds; round++) {
    for (let k = 0; k < setting.calls.length; k++) {
      const i = (round + k) % setting.calls.length;
      rates[i]!.push(await timeBatch(setting, setting.calls[i]!));
    }
  }
  return rates;
}

interface Row {
  setting: string;
  name: string;
  ops: number;
  p25: number;
  p75: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))]!;
}

function table(header: string[], align: ("l" | "r")[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const cell = (s: string, i: number) =>
    align[i] === "r" ? s.padStart(widths[i]!) : s.padEnd(widths[i]!);
  const line = (r: string[]) => `| ${r.map(cell).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === "r" ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function overhead(): Promise<void> {
  const base = "http://127.0.0.1:1/api";
  const rows: Row[] = [];
  const pairedRatios: Record<string, { vsOpenapi: number[]; vsFetch: number[] }> = {};

  // (a) stub
  const stub = stubFetch();
  const stubCalls = CONTENDERS.map((c) => c.make(base, stub.fetch));
  // The three send the same request: method, URL and headers.
  const requests = new Set<string>();
  for (const call of stubCalls) {
    stub.seen.length = 0;
    stub.prepare(1);
    await call();
    requests.add(stub.seen[0]!);
  }
  if (requests.size !== 1) throw new Error(`the requests differ:\n${[...requests].join("\n")}`);
  // The client did check its call: it read the version, once.
  if (stub.versionReads.count !== 1) throw new Error("the client did not read the version once");
  console.log(`request (all three): ${[...requests][0]!.replace(AUTHORIZATION, "Basic …")}\n`);

  const settings: Setting[] = [
    {
      name: "stub fetch",
      batch: 2_000,
      rounds: 21,
      warmupBatches: 5,
      calls: stubCalls,
      names: CONTENDERS.map((c) => c.name),
      before: stub.prepare,
    },
  ];
  const server = await startServer();
  const serverBase = `http://127.0.0.1:${server.port}/api`;
  settings.push({
    name: "http 127.0.0.1",
    batch: 500,
    rounds: 31,
    warmupBatches: 3,
    calls: [...CONTENDERS, OPENAPI_UNDICI].map((c) => c.make(serverBase)),
    names: [...CONTENDERS, OPENAPI_UNDICI].map((c) => c.name),
  });

  try {
    for (const setting of settings) {
      const started = performance.now();
      const rates = await measure(setting);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${setting.name}: ${setting.rounds} rounds × ${setting.batch} calls each, ${fmt(seconds, 1)} s`,
      );
      rates.forEach((r, i) =>
        rows.push({
          setting: setting.name,
          name: setting.names[i]!,
          ops: median(r),
          p25: quantile(r, 0.25),
          p75: quantile(r, 0.75),
        }),
      );
      pairedRatios[setting.name] = {
        vsOpenapi: rates[0]!.map((r, k) => r / rates[1]![k]!),
        vsFetch: rates[0]!.map((r, k) => r / rates[2]![k]!),
      };
    }
  } finally {
    server.stop();
  }

  console.log();
  const out: string[][] = [];
  for (const setting of settings) {
    const mine = rows.filter((r) => r.setting === setting.name);
    const client = mine[0]!;
    for (const r of mine) {
      out.push([
        setting.name,
        r.name,
        fmt(r.ops),
        `${fmt(r.p25)}–${fmt(r.p75)}`,
        fmt(1e6 / r.ops, 1),
        r === client ? "" : fmt(client.ops / r.ops, 2),
      ]);
    }
    const paired = pairedRatios[setting.name]!;
    out.push([
      setting.name,
      "(median of per-round ratios)",
      "",
      "",
      "",
      `${fmt(median(paired.vsOpenapi), 2)} / ${fmt(median(paired.vsFetch), 2)}`,
    ]);
  }
  console.log(
    table(
      ["setting", "contender", "ops/s (median)", "ops/s p25–p75", "µs/op", "client ÷ this"],
      ["l", "l", "r", "r", "r", "r"],
      out,
    ),
  );
  console.log();
  for (const setting of settings) {
    const [client, openapi, plain, ...more] = rows.filter((r) => r.setting === setting.name);
    for (const other of more) {
      console.log(
        `${setting.name}: client ÷ ${other.name} = ${fmt((client!.ops / other.ops) * 100, 1)} % (the same kind of transport)`,
      );
    }
    const ratio = client!.ops / openapi!.ops;
    console.log(
      `${setting.name}: client ÷ openapi-fetch = ${fmt(ratio * 100, 1)} % (target ≥ ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? "met" : "NOT met"}); client ÷ fetch = ${fmt((client!.ops / plain!.ops) * 100, 1)} %; extra cost per call vs openapi-fetch ${fmt(1e6 / client!.ops - 1e6 / openapi!.ops, 1)} µs`,
    );
  }
}

// --- type cost ----------------------------------------------------------------------------

const TSC = `${ROOT}node_modules/typescript/bin/tsc`;

function tsc(consumer: string, skipLibCheck: boolean, extra: string[] = []) {
  const args = [TSC, "-p", `${ROOT}bench/type-cost/tsconfig.${consumer}.json`];
  if (!skipLibCheck) args.push("--skipLibCheck", "false");
  const start = performance.now();
  const run = spawnSync(process.execPath, [...args, ...extra], { encoding: "utf8" });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) {
    throw new Error(`tsc ${args.slice(1).join(" ")} failed:\n${run.stdout}${run.stderr}`);
  }
  return { seconds, stdout: run.stdout };
}

function diagnostic(stdout: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(stdout);
  if (!match) throw new Error(`no "${name}" in tsc --extendedDiagnostics`);
  return Number(match[1]);
}

function typeCost(): void {
  const RUNS = 7;
  const DIAG_RUNS = 3;
  const consumers = ["with-client", "without-client"];
  const rows: string[][] = [];
  const summary: string[] = [];
  for (const skipLibCheck of [true, false]) {
    const wall: Record<string, number[]> = { "with-client": [], "without-client": [] };
    const check: Record<string, number[]> = { "with-client": [], "without-client": [] };
    const counts: Record<string, { types: number; instantiations: number; files: number }> = {};
    tsc("with-client", skipLibCheck); // warm the file system cache
    for (let run = 0; run < RUNS; run++) {
      for (const c of run % 2 ? [...consumers].reverse() : consumers) {
        wall[c]!.push(tsc(c, skipLibCheck).seconds);
      }
    }
    for (let run = 0; run < DIAG_RUNS; run++) {
      for (const c of run % 2 ? [...consumers].reverse() : consumers) {
        const { stdout } = tsc(c, skipLibCheck, ["--extendedDiagnostics"]);
        check[c]!.push(diagnostic(stdout, "Check time"));
        counts[c] = {
          types: diagnostic(stdout, "Types"),
          instantiations: diagnostic(stdout, "Instantiations"),
          files: diagnostic(stdout, "Files"),
        };
      }
    }
    for (const c of consumers) {
      rows.push([
        String(skipLibCheck),
        c,
        fmt(median(wall[c]!), 2),
        fmt(median(check[c]!), 2),
        fmt(counts[c]!.types),
        fmt(counts[c]!.instantiations),
        fmt(counts[c]!.files),
      ]);
    }
    const dWall = median(wall["with-client"]!) - median(wall["without-client"]!);
    const dCheck = median(check["with-client"]!) - median(check["without-client"]!);
    const dTypes = counts["with-client"]!.types - counts["without-client"]!.types;
    rows.push([
      String(skipLibCheck),
      "difference (medians)",
      `+${fmt(dWall, 2)}`,
      `+${fmt(dCheck, 2)}`,
      `+${fmt(dTypes)}`,
      `+${fmt(counts["with-client"]!.instantiations - counts["without-client"]!.instantiations)}`,
      `+${fmt(counts["with-client"]!.files - counts["without-client"]!.files)}`,
    ]);
    // Each run times both consumers back to back: the median of those differences.
    const paired = (xs: Record<string, number[]>) =>
      median(xs["with-client"]!.map((w, k) => w - xs["without-client"]![k]!));
    rows.push([
      String(skipLibCheck),
      "difference (paired runs)",
      `+${fmt(paired(wall), 2)}`,
      `+${fmt(paired(check), 2)}`,
      "",
      "",
      "",
    ]);
    summary.push(
      `skipLibCheck ${skipLibCheck}: the client adds ${fmt(dWall, 2)} s to tsc (${fmt((dWall / median(wall["without-client"]!)) * 100, 0)} %), ${fmt(dCheck, 2)} s of check time, ${fmt(dTypes)} types`,
    );
  }
  console.log(
    `\ntsc --noEmit, 13 operations (3 of latest, 10 of 9.9.1); ${RUNS} timed runs each (median), ${DIAG_RUNS} --extendedDiagnostics runs (median check time)\n`,
  );
  console.log(
    table(
      ["skipLibCheck", "consumer", "tsc s", "check s", "types", "instantiations", "files"],
      ["l", "l", "r", "r", "r", "r", "r"],
      rows,
    ),
  );
  console.log();
  for (const line of summary) console.log(line);
}

// --- main ----------------------------------------------------------------------------------

function machine(): string {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1];
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  return `${cpu ?? "unknown CPU"}, ${availableParallelism()} cores, Node ${process.version}, ${process.platform}; load average ${load}`;
}

console.log(`client bench, ${new Date().toISOString()}`);
console.log(`machine: ${machine()}\n`);
if (part === "all" || part === "overhead") await overhead();
if (part === "all" || part === "types") typeCost();
console.log(
  `\nload average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
