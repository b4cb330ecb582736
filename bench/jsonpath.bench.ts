/**
 * Overlay targets: `pnpm bench:jsonpath` (tsx bench/jsonpath.bench.ts [--before <git rev>]).
 *
 * Evaluates JSONPath targets side by side, in one process, with:
 * - `queryJsonPath`: what overlays use (json-p3 selecting, our glue keeping parents and
 *   deduplicating places, see packages/ingest/src/overlay/json-path.ts);
 * - json-p3 alone (query compiled once, each match with its location);
 * - jsonpath-rfc9535, the other candidate: `paths` (each match's location, which an overlay
 *   needs to update or remove it) and `query` (values only);
 * - with `--before <rev>`: the hand-written engine as it was at that commit (e.g. 0e17f8d^),
 *   read from git into a temporary folder.
 *
 * Documents: the real specs (spec/ontap-9.9.1 and -latest) and a scale spec of ~1,500
 * operations: 150 copies of spec/ontap-9.9.1.openapi.yaml's paths and component schemas,
 * each copy renamed (`/cluster/jobs-r7`, `job_r7`, its `$ref`s too); the first copy keeps
 * the real names, so every real target matches in it. Targets: every action target of
 * spec/overlays/*.yaml, and four heavier ones (descendant and filter-heavy). Each cell is the
 * median of ROUNDS runs after a warm-up; rounds interleave the engines, so load from other
 * processes falls on all alike. Ratios are to queryJsonPath.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import { queryJsonPath } from "../packages/ingest/src/overlay/json-path.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const COPIES = 150;
const ROUNDS = 7;

// The libraries are the ingest package's dependencies (json-p3) and dev dependencies
// (jsonpath-rfc9535): resolve them from there.
const fromIngest = createRequire(`${ROOT}packages/ingest/package.json`);
const p3 = (await import(
  pathToFileURL(fromIngest.resolve("json-p3")).href
)) as typeof import("json-p3");
const rfc = (await import(
  pathToFileURL(fromIngest.resolve("jsonpath-rfc9535")).href
)) as typeof import("jsonpath-rfc9535");

type Json = Record<string, any>;
type Engine = (document: Json, target: string) => number;

const base = parse(readFileSync(`${ROOT}spec/ontap-9.9.1.openapi.yaml`, "utf8")) as Json;

/** COPIES renamed copies of the 9.9.1 spec's paths and schemas in one document. */
function scaleSpec(): Json {
  const doc: Json = { ...base, paths: {}, components: { ...base.components, schemas: {} } };
  for (let r = 1; r <= COPIES; r++) {
    const suffix = r === 1 ? "" : `_r${r}`;
    const rename = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value).replace(
          /"#\/components\/schemas\/([^"]+)"/g,
          `"#/components/schemas/$1${suffix}"`,
        ),
      );
    for (const [path, item] of Object.entries(base.paths as Json)) {
      doc.paths[r === 1 ? path : `${path}-r${r}`] = rename(item);
    }
    for (const [name, schema] of Object.entries(base.components.schemas as Json)) {
      doc.components.schemas[`${name}${suffix}`] = rename(schema);
    }
  }
  return doc;
}

function operations(doc: Json): number {
  return Object.values(doc.paths as Json).reduce((n, item) => n + Object.keys(item).length, 0);
}

const realTargets = readdirSync(`${ROOT}spec/overlays`)
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .flatMap((name) =>
    ((parse(readFileSync(`${ROOT}spec/overlays/${name}`, "utf8")) as Json).actions as Json[]).map(
      (a) => a.target as string,
    ),
  );
const heavyTargets = [
  "$..[?@.code == '65537120']",
  "$..description",
  "$.paths.*.*.parameters[?@.name == 'fields' && @.in == 'query']",
  "$.paths[?@.get && @.patch].*.responses['200']..['$ref']",
];

const compiled = new Map<string, ReturnType<typeof p3.compile>>();
const engines: Record<string, Engine> = {
  queryJsonPath: (d, t) => queryJsonPath(d, t).length,
  "json-p3": (d, t) => {
    let q = compiled.get(t);
    if (!q) compiled.set(t, (q = p3.compile(t)));
    return q.query(d).locations().length;
  },
  "jsonpath-rfc9535 paths": (d, t) => rfc.paths(d, t).length,
  "jsonpath-rfc9535 query": (d, t) => rfc.query(d, t).length,
};

const before = process.argv.indexOf("--before");
let beforeDir: string | undefined;
if (before !== -1) {
  const rev = process.argv[before + 1]!;
  beforeDir = mkdtempSync(join(tmpdir(), "jsonpath-before-"));
  for (const file of ["json-path.ts", "json-path-syntax.ts"]) {
    const source = execFileSync("git", ["show", `${rev}:packages/ingest/src/overlay/${file}`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    writeFileSync(join(beforeDir, file), source);
  }
  writeFileSync(join(beforeDir, "package.json"), '{"type":"module"}');
  const old = (await import(pathToFileURL(join(beforeDir, "json-path.ts")).href)) as {
    queryJsonPath: (d: unknown, t: string) => unknown[];
  };
  engines[`hand-written (${rev})`] = (d, t) => old.queryJsonPath(d, t).length;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function measure(doc: Json, targets: string[]): Map<string, number[]> {
  const times = new Map<string, number[][]>(
    Object.keys(engines).map((name) => [name, targets.map(() => [])]),
  );
  // Warm-up, and every engine must agree on how many nodes each target selects.
  targets.forEach((t) => {
    const counts = Object.values(engines).map((run) => run(doc, t));
    if (new Set(counts).size !== 1) throw new Error(`engines disagree on ${t}: ${counts}`);
  });
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(engines)) {
      targets.forEach((t, i) => {
        const start = performance.now();
        run(doc, t);
        times.get(name)![i]!.push(performance.now() - start);
      });
    }
  }
  return new Map([...times].map(([name, perTarget]) => [name, perTarget.map(median)]));
}

function report(title: string, doc: Json, targets: string[]): void {
  const medians = measure(doc, targets);
  const names = Object.keys(engines);
  const ours = medians.get("queryJsonPath")!;
  console.log(
    `\n## ${title}: ${operations(doc)} operations, ${(JSON.stringify(doc).length / 1e6).toFixed(2)} MB as JSON\n`,
  );
  console.log(`| target | nodes | ${names.map((n) => `${n} ms`).join(" | ")} |`);
  console.log(`| --- | ---: | ${names.map(() => "---:").join(" | ")} |`);
  targets.forEach((t, i) => {
    const cells = names.map((n) => medians.get(n)![i]!.toFixed(2));
    const shown = t.length > 70 ? `${t.slice(0, 67)}...` : t;
    console.log(
      `| \`${shown.replace(/\|/g, "\\|")}\` | ${engines.queryJsonPath!(doc, t)} | ${cells.join(" | ")} |`,
    );
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const real = (n: string) => sum(medians.get(n)!.slice(0, realTargets.length));
  const all = (n: string) => sum(medians.get(n)!);
  console.log(
    `| **all ${realTargets.length} real targets** | | ${names.map((n) => `**${real(n).toFixed(2)}** (${(real(n) / real("queryJsonPath")).toFixed(2)}×)`).join(" | ")} |`,
  );
  console.log(
    `| **all ${targets.length} targets** | | ${names.map((n) => `**${all(n).toFixed(2)}** (${(all(n) / sum(ours)).toFixed(2)}×)`).join(" | ")} |`,
  );
}

console.log("# JSONPath benchmark (bench/jsonpath.bench.ts)");
console.log(`date:    ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus()[0]?.model.trim()}, ${availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `load:    ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (1, 5, 15 min)`,
);
console.log(`rounds:  ${ROUNDS}, medians; ratios are to queryJsonPath`);

try {
  const targets = [...realTargets, ...heavyTargets];
  for (const docset of ["9.9.1", "latest"]) {
    const doc = parse(readFileSync(`${ROOT}spec/ontap-${docset}.openapi.yaml`, "utf8")) as Json;
    // An overlay's target for another doc set matches nothing there; timed all the same.
    report(`spec/ontap-${docset}.openapi.yaml`, doc, targets);
  }
  report(`scale spec (${COPIES} renamed copies of 9.9.1)`, scaleSpec(), targets);
} finally {
  if (beforeDir) rmSync(beforeDir, { recursive: true, force: true });
}
console.log(
  `\nload after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
