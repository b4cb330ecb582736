/**
 * The whole pipeline at the size of NetApp's whole reference: `pnpm bench:scale`
 * (tsx bench/scale.bench.ts [--runs N]).
 *
 * The scale corpus (bench/lib/scale-corpus.ts): NetApp's AsciiDoc pages
 * (../shared/ontap-docs/corpus/adoc, read in place) as one doc set, grown by renamed copies to
 * 150 and 1,500 operations (the targets' sizes, 10× apart) and to 40 MB of pages (the size of
 * the whole reference). Each size is a downstream team's project (bench/lib/scale-project.ts)
 * and goes through:
 *
 * - stages, each a child process (time, and peak RSS from GNU time): ingest and writing the
 *   spec, reading it, openapi-typescript, the types module, the error catalog, the version
 *   table (bench/lib/scale-stage.ts);
 * - the pipeline as a team runs it: `ontap-rest-ingest`, `ontap-rest-codegen`, `tsc` (the
 *   generated modules and a consumer that calls 20 operations through `createOntapClient`),
 *   and the consumer run against a server on 127.0.0.1;
 * - a user's type-check cost: `tsc --noEmit --extendedDiagnostics` of the consumer
 *   (skipLibCheck), against the same consumer on the repo's 13-operation 9.9.1 doc set, and
 *   the 13- and 1,500-operation ones alternated (bench/lib/scale-typecheck.ts);
 * - `ontap-rest-diff` between the spec and a copy changed in 50 places, and `changeset:spec
 *   --old --new` on the same pair (bench/lib/scale-changeset.ts);
 * - the simulator on the 1,500-operation doc set, validators compiled eagerly and lazily, and
 *   the job poller against it (bench/lib/scale-simulator.ts);
 * - size-limit on what the consumer imports per doc set: the version table and the error
 *   entries.
 *
 * Runs are interleaved (run 1 at every size, then run 2) and printed side by side.
 * Targets: pipeline for 1,500 operations ≤ 60 s and ≤ 2 GB peak RSS; 150 → 1,500 operations
 * ≤ 11× the time in every stage; the consumer's check ≤ 2× the 13-operation one, no TS2589
 * ("excessively deep") or TS2590 ("too complex"); diff ≤ 5 s reporting exactly the 50 changes.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { parseSpec } from "../packages/codegen/src/lib/read-specs.js";
import { operationsPerCopy, readOriginals, scaleCorpus } from "./lib/scale-corpus.js";
import {
  CODEGEN_BIN,
  consumerProgram,
  INGEST_BIN,
  makeProject,
  ok,
  pickCalls,
  ROOT,
  runNode,
  TSC,
  tscFigures,
  writeCorpus,
  type Measured,
} from "./lib/scale-project.js";
import { changesetBench, changesetLines, type ChangesetFigures } from "./lib/scale-changeset.js";
import {
  simulatorBench,
  simulatorHeld,
  simulatorTable,
  type SimulatorFigures,
} from "./lib/scale-simulator.js";
import { checkSideBySide, median, sideBySideTable, type Pair } from "./lib/scale-typecheck.js";

// js-yaml is the codegen's dependency (the repo root has `yaml`, ~7× slower on 20 MB).
const { dump } = createRequire(join(ROOT, "packages/codegen/package.json"))("js-yaml") as {
  dump: (value: unknown, options?: object) => string;
};
const { values } = parseArgs({ options: { runs: { type: "string", default: "2" } } });
const RUNS = Number(values.runs);
const DOCSET = "scale";
const SMALL_DOCSET = "small";
const TSX = join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
const STAGE = join(ROOT, "bench/lib/scale-stage.ts");
const DIFF_BIN = join(ROOT, "packages/diff/bin/ontap-rest-diff.js");
const SIZE_LIMIT = join(ROOT, "node_modules/size-limit/bin.js");
const CHANGES = 50;
/** Budget for the per-doc-set runtime data of the 1,500-operation doc set: 15.4 kB measured + 30% for wording (BENCHMARKS.md, scale). */
const DATA_BUDGET = "20 kB";

const originals = readOriginals();
if (!originals) {
  console.log(
    "bench:scale: skipped: no ../shared/ontap-docs/corpus/adoc (NetApp's AsciiDoc pages)",
  );
  process.exit(0);
}
const perCopy = operationsPerCopy(originals);
const fullCopies = Math.ceil(40e6 / originals.reduce((n, p) => n + Buffer.byteLength(p.text), 0));
const SIZES = [
  { name: "150", operations: 150, stages: true },
  { name: "1,500", operations: 1500, stages: true },
  { name: "40 MB", operations: fullCopies * perCopy, stages: false },
];

const tmp = mkdtempSync(join(tmpdir(), "ontap-rest-scale-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

interface Project {
  dir: string;
  folders: string[];
  pages: number;
  mb: number;
}

function prepare(name: string, operations: number): Project {
  const dir = join(tmp, name.replace(/\W/g, ""));
  const pages = scaleCorpus(originals!, operations);
  makeProject(dir);
  const folders = writeCorpus(join(dir, "pages"), pages);
  const mb = pages.reduce((n, p) => n + Buffer.byteLength(p.text), 0) / 1e6;
  return { dir, folders, pages: pages.length, mb };
}

const stageNode = (args: string[], cwd: string): Measured =>
  ok(args.join(" "), runNode(["--import", TSX, STAGE, ...args], cwd));

interface Row {
  seconds: number;
  peakMB: number;
}
type Run = Map<string, Row>;

function set(run: Run, key: string, seconds: number, peakMB = NaN): void {
  run.set(key, { seconds, peakMB });
}

/** Every stage apart, each in its own process. */
function stages(p: Project, run: Run): void {
  const ingest = stageNode(["ingest", p.dir, ...p.folders], p.dir);
  const s = JSON.parse(ingest.stdout) as Record<string, number>;
  set(run, "ingest", s.ingest!, ingest.peakMB);
  set(run, "writing the spec", s.write!, ingest.peakMB);
  for (const stage of ["read", "openapi-typescript", "types", "errors", "introduced"]) {
    const r = stageNode([stage, p.dir], p.dir);
    const t = JSON.parse(r.stdout) as Record<string, number>;
    const label = {
      read: "reading the spec",
      "openapi-typescript": "openapi-typescript",
      types: "types module (+ aliases, print)",
      errors: "error catalog",
      introduced: "version table",
    }[stage]!;
    set(run, label, t[stage]!, r.peakMB);
  }
}

interface Pipeline {
  calls: number;
  codes: number;
  operations: number;
  check: ReturnType<typeof tscFigures> & { seconds: number; peakMB: number };
  deepErrors: string[];
}

function writeConsumer(dir: string, docset: string, specFile: string): number {
  const spec = parseSpec(readFileSync(specFile, "utf8")) as Parameters<typeof pickCalls>[0];
  const calls = pickCalls(spec, 20);
  const code = firstCode(spec);
  writeFileSync(join(dir, "src", "consumer.ts"), consumerProgram(docset, calls, code));
  return calls.length;
}

function firstCode(spec: unknown): string {
  for (const item of Object.values((spec as { paths: Record<string, unknown> }).paths))
    for (const op of Object.values(item as Record<string, unknown>)) {
      const codes = (
        op as { responses?: { default?: { "x-ntap-error-codes"?: { code: string }[] } } }
      )?.responses?.default?.["x-ntap-error-codes"];
      if (codes?.[0]) return String(codes[0].code);
    }
  throw new Error("no documented error code");
}

/** `tsc --noEmit --extendedDiagnostics` of the consumer project. */
function check(dir: string): Pipeline["check"] & { output: string } {
  const r = runNode([TSC, "-p", "tsconfig.check.json", "--extendedDiagnostics"], dir);
  const output = r.stdout + r.stderr;
  if (r.status !== 0) throw new Error(`tsc --noEmit in ${dir}:\n${output.slice(0, 4000)}`);
  return { ...tscFigures(output), seconds: r.seconds, peakMB: r.peakMB, output };
}

/** The pipeline as a team runs it, CLI after CLI. */
function pipeline(p: Project, run: Run): Pipeline {
  const spec = join("spec", `ontap-${DOCSET}.openapi.yaml`);
  rmSync(join(p.dir, "spec"), { recursive: true, force: true });
  rmSync(join(p.dir, "out"), { recursive: true, force: true });
  const ingest = runNode([INGEST_BIN, "--docset", DOCSET, "--out", spec, ...p.folders], p.dir);
  // Exit 1 with a written spec: some pages have an operation the ingester skips (reported).
  if (ingest.status !== 0 && ingest.status !== 1) ok("ontap-rest-ingest", ingest);
  set(run, "ontap-rest-ingest", ingest.seconds, ingest.peakMB);
  const codegen = ok("ontap-rest-codegen", runNode([CODEGEN_BIN, "--out", "src/generated"], p.dir));
  set(run, "ontap-rest-codegen", codegen.seconds, codegen.peakMB);
  const codes = Number(/(\d+) error code/.exec(codegen.stdout)?.[1]);
  const calls = writeConsumer(p.dir, DOCSET, join(p.dir, spec));
  const build = ok("tsc", runNode([TSC, "-p", "tsconfig.json"], p.dir));
  set(run, "tsc (types + consumer)", build.seconds, build.peakMB);
  const consumer = ok("consumer", runNode([join("out", "consumer.js")], p.dir));
  if (!consumer.stdout.includes(`consumer: ${calls} calls ok`)) throw new Error(consumer.stdout);
  set(run, "consumer run (20 calls)", consumer.seconds, consumer.peakMB);
  const parts = [ingest, codegen, build, consumer];
  set(
    run,
    "pipeline",
    parts.reduce((n, r) => n + r.seconds, 0),
    Math.max(...parts.map((r) => r.peakMB)),
  );
  const c = check(p.dir);
  const deepErrors = c.output.split("\n").filter((l) => /TS2589|TS2590/.test(l));
  const operations = Object.values(
    (parseSpec(readFileSync(join(p.dir, spec), "utf8")) as { paths: Record<string, object> }).paths,
  ).reduce(
    (n, item) =>
      n + Object.keys(item).filter((k) => /^(get|post|patch|delete|put)$/.test(k)).length,
    0,
  );
  return { calls, codes, operations, check: c, deepErrors };
}

/** The consumer on the repo's 13-operation 9.9.1 doc set, under a name of its own. */
function smallProject(): string {
  const dir = join(tmp, "small13");
  makeProject(dir);
  mkdirSync(join(dir, "spec"), { recursive: true });
  const spec = join(dir, "spec", `ontap-${SMALL_DOCSET}.openapi.yaml`);
  cpSync(join(ROOT, "spec/ontap-9.9.1.openapi.yaml"), spec);
  ok("ontap-rest-codegen", runNode([CODEGEN_BIN, "--out", "src/generated"], dir));
  writeConsumer(dir, SMALL_DOCSET, spec);
  ok("tsc", runNode([TSC, "-p", "tsconfig.json"], dir));
  ok("consumer", runNode([join("out", "consumer.js")], dir));
  return dir;
}

/** 25 operations lose a response description (a fix), 25 get a new optional query parameter. */
function diffBench(dir: string): {
  seconds: number;
  peakMB: number;
  reported: number;
  expected: number;
} {
  const a = join(dir, "spec", `ontap-${DOCSET}.openapi.yaml`);
  const b = join(dir, "changed.openapi.yaml");
  const doc = parseSpec(readFileSync(a, "utf8")) as {
    paths: Record<string, Record<string, { parameters?: unknown[] }>>;
  };
  const ops = Object.keys(doc.paths)
    .sort()
    .flatMap((path) =>
      Object.keys(doc.paths[path]!)
        .filter((m) => m === "get")
        .map((m) => doc.paths[path]![m]!),
    );
  const step = Math.floor(ops.length / CHANGES);
  for (let i = 0; i < CHANGES; i++) {
    const op = ops[i * step]!;
    op.parameters = [
      ...(op.parameters ?? []),
      { name: `bench_${i}`, in: "query", required: false, schema: { type: "string" } },
    ];
  }
  writeFileSync(b, dump(doc, { lineWidth: -1, noRefs: true }));
  const r = runNode([DIFF_BIN, a, b, "--json"], dir);
  if (r.status !== 0 && r.status !== 1) ok("ontap-rest-diff", r);
  const changes = (JSON.parse(r.stdout) as { changes: unknown[] }).changes;
  return { seconds: r.seconds, peakMB: r.peakMB, reported: changes.length, expected: CHANGES };
}

/** size-limit (esbuild, minified, brotli) on what the consumer imports per doc set. */
function sizes(dir: string): { name: string; size: string; limit: string; passed: boolean }[] {
  const config = [
    {
      name: "error entries (errorEntries)",
      path: "out/generated/errors.js",
      import: "{ errorEntries }",
    },
    {
      name: "version table (introducedIn)",
      path: "out/generated/introduced.js",
      import: "{ introducedIn }",
    },
    {
      name: "per-doc-set runtime data (errorEntries + introducedIn)",
      path: ["out/generated/errors.js", "out/generated/introduced.js"],
      import: {
        "out/generated/errors.js": "{ errorEntries }",
        "out/generated/introduced.js": "{ introducedIn }",
      },
      limit: DATA_BUDGET,
    },
    {
      name: "the whole catalog (catalog), for comparison",
      path: "out/generated/errors.js",
      import: "{ catalog }",
    },
  ];
  writeFileSync(join(dir, ".size-limit.json"), JSON.stringify(config, null, 2));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "scale-project",
      private: true,
      type: "module",
      devDependencies: { "size-limit": "*", "@size-limit/preset-small-lib": "*" },
    }),
  );
  for (const name of ["size-limit", "@size-limit/preset-small-lib"]) {
    const link = join(dir, "node_modules", name);
    mkdirSync(join(link, ".."), { recursive: true });
    spawnSync("ln", ["-sfn", join(ROOT, "node_modules", name), link]);
  }
  const r = spawnSync(process.execPath, [SIZE_LIMIT, "--json"], { cwd: dir, encoding: "utf8" });
  const out = JSON.parse(r.stdout) as { name: string; size: number; passed?: boolean }[];
  return out.map((e, i) => ({
    name: e.name,
    size: `${(e.size / 1000).toFixed(2)} kB`,
    limit: (config[i] as { limit?: string }).limit ?? "",
    passed: e.passed !== false,
  }));
}

// ---------------------------------------------------------------------------------------------

const projects = SIZES.map((s) => ({ ...s, project: prepare(s.name, s.operations) }));
const small = smallProject();
const runs: Run[] = [];
const pipelines: Pipeline[][] = [];
const smallChecks: ReturnType<typeof check>[] = [];
const diffs: ReturnType<typeof diffBench>[] = [];
const changesets: ChangesetFigures[] = [];
const sims: SimulatorFigures[][] = [];
/** The consumer's check at 13 and 1,500 operations, alternated (the target's ratio). */
const pairs: Pair[][] = [];
for (let i = 0; i < RUNS; i++) {
  const run: Run = new Map();
  const results: Pipeline[] = [];
  for (const size of projects) {
    const sized: Run = new Map();
    if (size.stages) stages(size.project, sized);
    results.push(pipeline(size.project, sized));
    for (const [k, v] of sized) run.set(`${size.name}|${k}`, v);
  }
  smallChecks.push(check(small));
  pairs.push(checkSideBySide(small, projects[1]!.project.dir, 3));
  diffs.push(diffBench(projects[1]!.project.dir));
  const scaleDir = projects[1]!.project.dir;
  const scaleSpec = join(scaleDir, "spec", `ontap-${DOCSET}.openapi.yaml`);
  changesets.push(changesetBench(scaleDir, scaleSpec, join(scaleDir, "changed.openapi.yaml")));
  sims.push(simulatorBench(scaleDir, scaleSpec));
  runs.push(run);
  pipelines.push(results);
}
const sizeRows = sizes(projects[1]!.project.dir);

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "–");
console.log(`# Scale benchmark (bench/scale.bench.ts)`);
console.log(`date:    ${new Date().toISOString()}`);
console.log(
  `machine: ${availableParallelism()} cores, Node ${process.version}; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (1/5/15 min, at the end)`,
);
console.log("");
console.log("| size | pages | MB of pages | operations | error codes | spec MB |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [i, s] of projects.entries()) {
  const p = pipelines[0]![i]!;
  const specMB =
    readFileSync(join(s.project.dir, "spec", `ontap-${DOCSET}.openapi.yaml`)).length / 1e6;
  console.log(
    `| ${s.name} | ${s.project.pages} | ${f(s.project.mb, 1)} | ${p.operations} | ${p.codes} | ${f(specMB, 1)} |`,
  );
}
console.log("");
const keys = [...new Set(runs[0]!.keys())]
  .map((k) => k.split("|")[1]!)
  .filter((k, i, a) => a.indexOf(k) === i);
const header = [
  "stage",
  ...SIZES.flatMap((s) => runs.map((_, r) => `${s.name} run ${r + 1}: s / MB`)),
  ...runs.map((_, r) => `1,500 ÷ 150, run ${r + 1}`),
];
console.log(`| ${header.join(" | ")} |`);
console.log(
  `|---|${header
    .slice(1)
    .map(() => "---:")
    .join("|")}|`,
);
const growth: number[] = [];
for (const key of keys) {
  const cells = SIZES.flatMap((s) =>
    runs.map((run) => {
      const row = run.get(`${s.name}|${key}`);
      return row ? `${f(row.seconds)} / ${f(row.peakMB, 0)}` : "";
    }),
  );
  const ratios = runs.map((run) => {
    const a = run.get(`150|${key}`);
    const b = run.get(`1,500|${key}`);
    if (!a || !b) return "";
    const g = b.seconds / a.seconds;
    growth.push(g);
    return `${f(g, 1)}×`;
  });
  console.log(`| ${key} | ${cells.join(" | ")} | ${ratios.join(" | ")} |`);
}
console.log("");
console.log("Type-check cost of the consumer (tsc --noEmit --extendedDiagnostics, skipLibCheck):");
console.log("");
console.log(
  "| doc set | run | check s | total s | wall s | instantiations | memory MB | peak RSS MB | ratio to 13 ops (wall) |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (let r = 0; r < RUNS; r++) {
  const base = smallChecks[r]!;
  console.log(
    `| 13 operations (9.9.1) | ${r + 1} | ${f(base.checkSeconds)} | ${f(base.totalSeconds)} | ${f(base.seconds)} | ${base.instantiations} | ${f(base.memoryMB, 0)} | ${f(base.peakMB, 0)} | 1.0× |`,
  );
  for (const [i, s] of projects.entries()) {
    const c = pipelines[r]![i]!.check;
    console.log(
      `| ${s.name} (${pipelines[r]![i]!.operations} operations) | ${r + 1} | ${f(c.checkSeconds)} | ${f(c.totalSeconds)} | ${f(c.seconds)} | ${c.instantiations} | ${f(c.memoryMB, 0)} | ${f(c.peakMB, 0)} | ${f(c.seconds / base.seconds, 1)}× |`,
    );
  }
}
console.log("");
console.log(
  "The same, 13 and 1,500 operations alternated (three pairs a run): the target's ratio.",
);
console.log("");
for (const line of sideBySideTable(pairs, "1,500 operations")) console.log(line);
const deep = [
  ...pipelines.flat().flatMap((p) => p.deepErrors),
  ...pairs.flat().flatMap((p) => [...p.small.deepErrors, ...p.large.deepErrors]),
];
console.log("");
console.log(
  `TS2589/TS2590 ("excessively deep"/"too complex"): ${deep.length === 0 ? "none" : deep.join("; ")}`,
);
console.log("");
for (const [r, d] of diffs.entries())
  console.log(
    `ontap-rest-diff, 1,500 operations, ${d.expected} changes: run ${r + 1}: ${f(d.seconds)} s, ${f(d.peakMB, 0)} MB, ${d.reported} reported`,
  );
for (const line of changesetLines(changesets, CHANGES)) console.log(line);
console.log("");
for (const line of simulatorTable(sims)) console.log(line);
console.log("");
console.log("| size-limit (esbuild, min + brotli), 1,500-operation doc set | size | limit |");
console.log("|---|---:|---:|");
for (const s of sizeRows)
  console.log(
    `| ${s.name} | ${s.size} | ${s.limit}${s.limit ? (s.passed ? " (met)" : " (MISSED)") : ""} |`,
  );
console.log("");
const p1500 = runs.map((run) => run.get("1,500|pipeline")!);
const met = (b: boolean) => (b ? "met" : "MISSED");
console.log(
  `target pipeline at 1,500 operations ≤ 60 s: ${met(p1500.every((p) => p.seconds <= 60))} (${p1500.map((p) => f(p.seconds, 1)).join(", ")} s)`,
);
console.log(
  `target pipeline at 1,500 operations ≤ 2 GB peak RSS: ${met(p1500.every((p) => p.peakMB <= 2048))} (${p1500.map((p) => f(p.peakMB, 0)).join(", ")} MB)`,
);
console.log(
  `target 150 → 1,500 operations ≤ 11× in every stage: ${met(growth.every((g) => g <= 11))} (highest ${f(Math.max(...growth), 1)}×)`,
);
// The median alternated pair of each run (wall time, 1,500 over 13 operations).
const ratios = pairs.map((run) => median(run.map((p) => p.ratio)));
console.log(
  `target consumer check at 1,500 ≤ 2× the 13-operation one (median pair of each run): ${met(ratios.every((x) => x <= 2))} (${ratios.map((x) => f(x, 2)).join(", ")}×; pairs ${pairs.map((run) => run.map((p) => f(p.ratio, 2)).join("/")).join(", ")})`,
);
console.log(
  `target diff ≤ 5 s, exactly ${CHANGES} changes: ${met(diffs.every((d) => d.seconds <= 5 && d.reported === d.expected))}`,
);
console.log(
  `target changeset:spec names exactly ${CHANGES} changes: ${met(changesets.every((c) => c.named === CHANGES))} (${changesets.map((c) => f(c.seconds, 1)).join(", ")} s)`,
);
console.log(
  `target simulator at 1,500 operations: nothing compiled at a lazy start, jobs end under waitForJob and submitAndWait, 0 mismatches: ${met(simulatorHeld(sims))}`,
);
