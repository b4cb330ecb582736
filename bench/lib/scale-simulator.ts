/**
 * The simulator and the job poller on a whole doc set (`pnpm bench:scale`,
 * scripts/test/scale-simulator.test.ts).
 *
 * The scale doc set documents neither the Azure Key Vault routes nor cluster jobs (NetApp's
 * AsciiDoc pages have none), so a simulator started on it alone would serve them unchecked.
 * `withSimulatorRoutes` adds the repo 9.9.1 doc set's paths for them (its components renamed
 * `simulator_<name>`, so none collides with the team's), giving the doc set a team with job
 * operations has: 1,500 operations the contract knows, the few the simulator serves, all checked.
 *
 * The measure: a child process per mode (`eager`: every route's validators compiled at start,
 * what the simulator did before; `lazy`: per route on its first request; `parse`: reading the
 * spec file alone, the floor of either), each printing one JSON line: time to listening, RSS
 * once listening, validators compiled, the first and second request of a route, a job followed
 * to its end by `waitForJob` and by `submitAndWait`, and the contract's mismatches. Peak RSS
 * from GNU time (scale-project.ts's `runNode`).
 *
 *   node --import tsx bench/lib/scale-simulator.ts <eager|lazy|parse> <spec.json>
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSpec } from "../../packages/codegen/src/lib/read-specs.js";
import { ok, ROOT, runNode } from "./scale-project.js";

type Json = Record<string, unknown>;
interface Doc {
  openapi: string;
  paths: Record<string, Json>;
  components?: { schemas?: Record<string, unknown> } & Json;
  [key: string]: unknown;
}

/** The repo doc set whose AKV and cluster jobs paths the scale doc set gets. */
export const ROUTES_SPEC = join(ROOT, "packages/openapi/generated/ontap-9.9.1.openapi.json");
const PREFIX = "simulator_";
const LOCAL = "#/components/schemas/";

/** `#/components/schemas/x` → `#/components/schemas/simulator_x`, in a copy. */
function prefixRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prefixRefs);
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value))
    out[key] =
      key === "$ref" && typeof inner === "string" && inner.startsWith(LOCAL)
        ? `${LOCAL}${PREFIX}${inner.slice(LOCAL.length)}`
        : prefixRefs(inner);
  return out;
}

/**
 * The scale document with the simulator's routes (AKV, cluster jobs) of `routes` added: a new
 * top-level object, `paths` and `components.schemas`; the scale document's own are shared.
 */
export function withSimulatorRoutes(
  scale: Doc,
  routes: Doc = JSON.parse(readFileSync(ROUTES_SPEC, "utf8")) as Doc,
): Doc {
  const paths = { ...scale.paths };
  for (const [path, item] of Object.entries(routes.paths)) {
    if (Object.hasOwn(paths, path)) throw new Error(`${path}: in the scale doc set already`);
    paths[path] = prefixRefs(item) as Json;
  }
  const schemas = { ...scale.components?.schemas };
  for (const [name, schema] of Object.entries(routes.components?.schemas ?? {}))
    schemas[`${PREFIX}${name}`] = prefixRefs(schema);
  return { ...scale, paths, components: { ...scale.components, schemas } };
}

/** Operations (get, post, patch, delete, put) of a document. */
export function countOperations(doc: Doc): number {
  let n = 0;
  for (const item of Object.values(doc.paths))
    n += Object.keys(item).filter((k) => /^(get|post|patch|delete|put)$/.test(k)).length;
  return n;
}

export interface SimulatorFigures {
  mode: "eager" | "lazy" | "parse";
  operations: number;
  /** Reading and parsing the spec file (`parse`), or that and start-up to listening. */
  listeningS: number;
  rssMB: number;
  /** Validators compiled once listening, and at the end. */
  validatorsAtStart: number;
  validatorsAtEnd: number;
  /** Routes whose validators were compiled by the end. */
  routesCompiled: number;
  /**
   * The first request of a route (POST /security/azure-key-vaults, after a warm-up request
   * to GET /cluster/jobs), then the second.
   */
  firstRequestMs: number;
  secondRequestMs: number;
  /** A rekey's 202 followed by `waitForJob` to `success` (first GET /cluster/jobs/{uuid}). */
  waitForJobMs: number;
  jobState: string;
  /** `submitAndWait` on the same (ONTAP waits: `return_timeout`). */
  submitAndWaitMs: number;
  submitStatus: number;
  mismatches: number;
  /** Peak RSS of the child (GNU time). */
  peakMB: number;
}

/** One child process per mode; the merged spec written as JSON next to the project's. */
export function simulatorBench(projectDir: string, specFile: string): SimulatorFigures[] {
  const merged = join(projectDir, "simulator.openapi.json");
  writeFileSync(
    merged,
    JSON.stringify(withSimulatorRoutes(parseSpec(readFileSync(specFile, "utf8")) as Doc)),
  );
  const tsx = join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
  const self = fileURLToPath(import.meta.url);
  return (["parse", "eager", "lazy"] as const).map((mode) => {
    const r = ok(`simulator ${mode}`, runNode(["--import", tsx, self, mode, merged], projectDir));
    return { ...(JSON.parse(r.stdout) as SimulatorFigures), peakMB: r.peakMB };
  });
}

/** Markdown lines: runs side by side, eager against lazy. */
export function simulatorTable(runs: SimulatorFigures[][]): string[] {
  const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "–");
  const lines = [
    `Simulator on the scale doc set + the 9.9.1 AKV and cluster jobs paths (${runs[0]?.[0]?.operations} operations), a child process per mode:`,
    "",
    "| run | mode | to listening s | RSS MB listening | peak RSS MB | validators at start | 1st request ms | 2nd request ms | waitForJob ms | submitAndWait ms | routes compiled | mismatches |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [r, run] of runs.entries())
    for (const s of run)
      lines.push(
        s.mode === "parse"
          ? `| ${r + 1} | parse the spec only | ${f(s.listeningS)} | ${f(s.rssMB, 0)} | ${f(s.peakMB, 0)} | | | | | | | |`
          : `| ${r + 1} | ${s.mode} | ${f(s.listeningS)} | ${f(s.rssMB, 0)} | ${f(s.peakMB, 0)} | ${s.validatorsAtStart} | ${f(s.firstRequestMs, 1)} | ${f(s.secondRequestMs, 1)} | ${f(s.waitForJobMs, 0)} (${s.jobState}) | ${f(s.submitAndWaitMs, 0)} (${s.submitStatus}) | ${s.routesCompiled} | ${s.mismatches} |`,
      );
  lines.push("");
  for (const [r, run] of runs.entries()) {
    const eager = run.find((s) => s.mode === "eager")!;
    const lazy = run.find((s) => s.mode === "lazy")!;
    lines.push(
      `run ${r + 1}: lazy ÷ eager: to listening ${f(lazy.listeningS / eager.listeningS)}×, RSS listening ${f(lazy.rssMB / eager.rssMB)}×, peak RSS ${f(lazy.peakMB / eager.peakMB)}×; first request ${f(lazy.firstRequestMs / eager.firstRequestMs, 1)}×`,
    );
  }
  return lines;
}

/** Jobs done, no mismatch, nothing compiled at a lazy start: what the bench's target checks. */
export function simulatorHeld(runs: SimulatorFigures[][]): boolean {
  return runs
    .flat()
    .every(
      (s) =>
        s.mode === "parse" ||
        (s.jobState === "success" &&
          s.submitStatus >= 200 &&
          s.submitStatus < 300 &&
          s.mismatches === 0 &&
          (s.mode === "eager" || s.validatorsAtStart === 0)),
    );
}

// ---------------------------------------------------------------------------------------------
// The child: one mode, one JSON line.

async function child(mode: SimulatorFigures["mode"], spec: string): Promise<SimulatorFigures> {
  const figures: SimulatorFigures = {
    mode,
    operations: 0,
    listeningS: NaN,
    rssMB: NaN,
    validatorsAtStart: 0,
    validatorsAtEnd: 0,
    routesCompiled: 0,
    firstRequestMs: NaN,
    secondRequestMs: NaN,
    waitForJobMs: NaN,
    jobState: "",
    submitAndWaitMs: NaN,
    submitStatus: 0,
    mismatches: 0,
    peakMB: NaN,
  };
  const rss = () => process.memoryUsage().rss / 2 ** 20;
  let t = performance.now();
  if (mode === "parse") {
    const doc = JSON.parse(readFileSync(spec, "utf8")) as Doc;
    figures.listeningS = (performance.now() - t) / 1000;
    figures.rssMB = rss();
    figures.operations = countOperations(doc);
    return figures;
  }
  // The workspace's sources for the simulator (what this commit is), the built client and
  // jobs packages (a team's dependencies).
  const { startSimulator } = await import("../../packages/simulator/src/index.js");
  const { createOntapClient } = await import("@ontap-rest/client");
  const { submitAndWait, waitForJob } = await import("@ontap-rest/jobs");
  const auth = { username: "admin", password: "bench-Pa55word" };
  t = performance.now();
  const sim = await startSimulator({
    spec,
    compile: mode,
    auth,
    jobs: { queuedMs: 20, runningMs: 200 },
  });
  figures.listeningS = (performance.now() - t) / 1000;
  figures.rssMB = rss();
  figures.operations = sim.contract.operations.length;
  figures.validatorsAtStart = sim.contract.validators;
  try {
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: sim.baseUrl,
      auth,
      versionCheck: false,
    });
    // One configuration per SVM (a second is ONTAP's 65537500): each its own SVM.
    const create = async (name: string) => {
      const start = performance.now();
      const { response } = await ontap.POST("/security/azure-key-vaults", {
        body: {
          name,
          svm: { name: `svm-${name}` },
          client_id: "c5b1f1b0-1111-4d1a-9a53-2f4f0c3e1a01",
          tenant_id: "d6c2e2c1-2222-4e2b-8b64-3a5a1d4f2b02",
          client_secret: "Bench-Secret-Value-1234567890",
          key_id: `https://${name}.vault.azure.net/keys/key1`,
        },
      });
      if (response.status !== 201) throw new Error(`POST akv: ${response.status}`);
      return performance.now() - start;
    };
    // The client's and the server's first request (connection, JIT) on a route that is not
    // measured, so the first measured request differs from the second by its validators only.
    await ontap.GET("/cluster/jobs");
    figures.firstRequestMs = await create("akv1");
    figures.secondRequestMs = await create("akv2");
    const { data: list } = await ontap.GET("/security/azure-key-vaults", {
      params: { query: { name: "akv1" } },
    });
    const uuid = list!.records![0]!.uuid!;
    const path = "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal";
    t = performance.now();
    const { data: accepted } = await ontap.POST(path, {
      params: { path: { "azure_key_vault.uuid": uuid } },
    });
    const job = await waitForJob(ontap, accepted!, { maxWaitMs: 60_000 });
    figures.waitForJobMs = performance.now() - t;
    figures.jobState = job.state ?? "";
    t = performance.now();
    const submitted = await submitAndWait(
      ontap,
      "POST",
      path,
      { params: { path: { "azure_key_vault.uuid": uuid } } },
      { maxWaitMs: 60_000 },
    );
    figures.submitAndWaitMs = performance.now() - t;
    figures.submitStatus = submitted.status;
    figures.validatorsAtEnd = sim.contract.validators;
    figures.routesCompiled = sim.contract.compiled.size;
    figures.mismatches = sim.mismatches.length;
  } finally {
    await sim.close();
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [mode, spec] = process.argv.slice(2);
  if ((mode !== "eager" && mode !== "lazy" && mode !== "parse") || !spec)
    throw new Error("usage: scale-simulator.ts <eager|lazy|parse> <spec.json>");
  console.log(JSON.stringify(await child(mode, spec)));
  process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\n`);
}
