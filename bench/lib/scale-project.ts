/**
 * A downstream team's project for the scale corpus (`pnpm bench:scale`,
 * scripts/test/scale.test.ts): a new folder outside the workspace with the workspace's built
 * packages copied into its node_modules (as installed, without packing: packing and
 * installing is what scripts/test/downstream.test.ts checks; here it would only add minutes),
 * then the README's pipeline, `ontap-rest-ingest`, `ontap-rest-codegen`, `tsc`, and a consumer
 * program that calls operations of the doc set through `createOntapClient` against a local
 * server on 127.0.0.1.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "./scale-corpus.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The CLIs as a team runs them (`npx ontap-rest-ingest`), relative to the project. */
export const INGEST_BIN = "node_modules/@ontap-rest/ingest/bin/ontap-rest-ingest.js";
export const CODEGEN_BIN = "node_modules/@ontap-rest/codegen/bin/ontap-rest-codegen.js";
export const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

const compilerOptions = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  skipLibCheck: true,
  types: ["node"],
  rootDir: "src",
  outDir: "out",
};

/** The workspace packages a project gets, as installed. */
const COPIED = ["client", "errors", "types", "jobs", "codegen", "ingest"];

/**
 * The project folder: package.json, `tsconfig.json` (the generated modules and the consumer,
 * emitted to out/), `tsconfig.check.json` (the same, `--noEmit`: what a user's editor and CI
 * pay), node_modules links to the workspace's packages, typescript and @types/node.
 */
export function makeProject(dir: string): void {
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "scale-project", private: true, type: "module" }, null, 2),
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions, include: ["src"] }, null, 2),
  );
  writeFileSync(
    join(dir, "tsconfig.check.json"),
    JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true } }, null, 2),
  );
  for (const p of COPIED)
    copyPackage(join(ROOT, "packages", p), join(dir, "node_modules", "@ontap-rest", p));
  const links: [string, string][] = [
    ["@types/node", join(ROOT, "node_modules/@types/node")],
    ["typescript", join(ROOT, "node_modules/typescript")],
  ];
  for (const [name, target] of links) link(target, join(dir, "node_modules", name));
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path)) symlinkSync(target, path, "dir");
}

/**
 * A copy of a workspace package as installed: package.json, bin/ and dist/ copied (others
 * may rebuild the workspace's dist/ while a bench runs; a copy is one build throughout), its
 * own node_modules linked to where pnpm put each dependency.
 */
function copyPackage(from: string, to: string): void {
  // A build in progress empties dist/ first: wait (bounded) for the entry point and its types.
  const built = () => ["dist/index.js", "dist/index.d.ts"].every((f) => existsSync(join(from, f)));
  for (let i = 0; i < 120 && !built(); i++)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  if (!built()) throw new Error(`${from}: no dist/index.js (run \`pnpm generate\` first)`);
  mkdirSync(to, { recursive: true });
  cpSync(join(from, "package.json"), join(to, "package.json"));
  for (const folder of ["dist", "bin"])
    if (existsSync(join(from, folder)))
      cpSync(join(from, folder), join(to, folder), { recursive: true });
  const modules = join(from, "node_modules");
  if (!existsSync(modules)) return;
  for (const name of readdirSync(modules)) {
    if (name.startsWith(".")) continue;
    const names = name.startsWith("@")
      ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`)
      : [name];
    for (const dep of names) {
      // Workspace packages are the project's copies: one @ontap-rest/types for the client and
      // the generated index.ts's augmentation of its DocSets.
      const target = COPIED.some((p) => dep === `@ontap-rest/${p}`)
        ? join(to, "..", "..", dep)
        : realpathSync(join(modules, dep));
      link(target, join(to, "node_modules", dep));
    }
  }
}

/** Writes the pages under `dir` (`r<N>/<page>`); returns the folders to ingest, in order. */
export function writeCorpus(dir: string, pages: readonly Page[]): string[] {
  const folders: string[] = [];
  for (const page of pages) {
    const file = join(dir, page.file);
    const folder = dirname(file);
    if (!folders.includes(folder)) {
      folders.push(folder);
      mkdirSync(folder, { recursive: true });
    }
    writeFileSync(file, page.text);
  }
  return folders;
}

export interface Measured {
  seconds: number;
  /** Peak resident set size of the child process, MB. */
  peakMB: number;
  stdout: string;
  stderr: string;
  status: number | null;
}

const TIME = "/usr/bin/time";

/**
 * Runs `node <args>` as a child process; its wall time, and its peak RSS from GNU time's
 * `-v` report (`Maximum resident set size`) when /usr/bin/time exists, else from the
 * `maxRSS` a child of ours prints (`peak-rss <kB>` on stderr: see scale-stage.ts).
 */
export function runNode(args: readonly string[], cwd: string, timeoutMs = 600_000): Measured {
  const gnuTime = existsSync(TIME);
  const command = gnuTime ? TIME : process.execPath;
  const argv = gnuTime ? ["-v", process.execPath, ...args] : [...args];
  const t = performance.now();
  const result = spawnSync(command, argv, {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
  });
  const seconds = (performance.now() - t) / 1000;
  const stderr = result.stderr ?? "";
  const rss =
    /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) ?? /peak-rss (\d+)/.exec(stderr);
  return {
    seconds,
    peakMB: rss ? Number(rss[1]) / 1024 : NaN,
    stdout: result.stdout ?? "",
    // GNU time's report is not the program's output.
    stderr: gnuTime ? stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, "") : stderr,
    status: result.status,
  };
}

/** Throws with the command's output unless it exited 0. */
export function ok(what: string, run: Measured): Measured {
  if (run.status !== 0) {
    throw new Error(
      `${what}: exit ${run.status}\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`,
    );
  }
  return run;
}

export interface TscFigures {
  checkSeconds: number;
  totalSeconds: number;
  instantiations: number;
  memoryMB: number;
}

/** The figures `tsc --extendedDiagnostics` prints. */
export function tscFigures(output: string): TscFigures {
  const num = (label: string) => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(output);
    return m ? Number(m[1]) : NaN;
  };
  return {
    checkSeconds: num("Check time"),
    totalSeconds: num("Total time"),
    instantiations: num("Instantiations"),
    memoryMB: num("Memory used") / 1024,
  };
}

interface Schema {
  $ref?: string;
  type?: string | string[];
  required?: string[];
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: (Parameter & { $ref?: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
}

export interface Call {
  method: string;
  path: string;
  /** The path with its parameters filled in, as the server sees it (without /api). */
  url: string;
  pathParams: Record<string, string | number>;
  body: boolean;
}

const METHODS = ["get", "post", "patch", "delete"];

/**
 * `count` operations of the spec a program can call with nothing but its path parameters (and
 * an empty body where the body has no required property), spread evenly over the spec's
 * operations in path order; a spec with fewer such operations is cycled through.
 */
export function pickCalls(spec: Spec, count: number): Call[] {
  const resolve = <T>(x: T & { $ref?: string }, kind: "schemas" | "parameters"): T => {
    const ref = x.$ref;
    if (!ref) return x;
    const name = ref.slice(ref.lastIndexOf("/") + 1);
    return ((spec.components?.[kind] as Record<string, T> | undefined)?.[name] ?? x) as T;
  };
  const callable: Call[] = [];
  for (const path of Object.keys(spec.paths).sort()) {
    for (const method of METHODS) {
      const op = spec.paths[path]![method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => resolve<Parameter>(p, "parameters"));
      if (params.some((p) => p.required && p.in !== "path")) continue;
      let body = false;
      if (op.requestBody) {
        const schema = op.requestBody.content?.["application/json"]?.schema;
        if (!schema || (resolve<Schema>(schema, "schemas").required ?? []).length > 0) continue;
        body = true;
      }
      const pathParams: Record<string, string | number> = {};
      let url = path;
      for (const p of params.filter((p) => p.in === "path")) {
        const type = p.schema ? resolve<Schema>(p.schema, "schemas").type : "string";
        const value = type === "integer" || type === "number" ? 7 : `${p.name}-1`;
        pathParams[p.name] = value;
        url = url.replace(`{${p.name}}`, encodeURIComponent(String(value)));
      }
      callable.push({ method, path, url, pathParams, body });
    }
  }
  if (callable.length === 0) throw new Error("no operation callable without a body");
  const step = callable.length / count;
  return Array.from({ length: count }, (_, i) =>
    callable.length >= count ? callable[Math.floor(i * step)]! : callable[i % callable.length]!,
  );
}

/**
 * The consumer: the team's doc set through `createOntapClient`, the version check fed with
 * its table, its error catalog registered (the runtime entries, not the whole catalog); each
 * call's result read, one answered with a documented error whose entry it checks.
 */
export function consumerProgram(docset: string, calls: readonly Call[], code: string): string {
  const lines = calls.map((call, i) => {
    const options = [
      Object.keys(call.pathParams).length > 0
        ? `params: { path: ${JSON.stringify(call.pathParams)} }`
        : "",
      call.body ? "body: {}" : "",
    ]
      .filter(Boolean)
      .join(", ");
    const method = call.method.toUpperCase();
    return (
      `  const r${i} = await ontap.${method}(${JSON.stringify(call.path)}${options ? `, { ${options} }` : ""});\n` +
      `  results.push([${JSON.stringify(`${method} /api${call.url}`)}, r${i}.response.status, r${i}.error]);`
    );
  });
  return `// Generated by bench/lib/scale-project.ts: ${calls.length} calls through createOntapClient.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createOntapClient } from "@ontap-rest/client";
import { lookupError, OntapApiError, registerErrorCatalog } from "@ontap-rest/errors";
import "./generated/index.js";
import { errorEntries, type KnownCode } from "./generated/errors.js";
import { introducedIn } from "./generated/introduced.js";

registerErrorCatalog(errorEntries);
const failing: KnownCode = ${JSON.stringify(code)};
const seen: string[] = [];
const server = createServer((req, res) => {
  res.setHeader("content-type", "application/json");
  req.resume();
  req.on("end", () => {
    if (req.url === "/api/cluster?fields=version") {
      res.end(JSON.stringify({ version: { full: "NetApp Release 9.18.1", generation: 9, major: 18, minor: 1 } }));
      return;
    }
    seen.push(req.method + " " + req.url);
    if (seen.length === ${calls.length}) {
      res.writeHead(400).end(JSON.stringify({ error: { code: failing, message: "documented" } }));
    } else {
      res.end(JSON.stringify({ records: [], num_records: 0 }));
    }
  });
});
server.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const { port } = server.address() as AddressInfo;
const results: [string, number, unknown][] = [];
try {
  const ontap = createOntapClient({
    docset: ${JSON.stringify(docset)},
    baseUrl: "http://127.0.0.1:" + port + "/api",
    auth: { username: "admin", password: "secret-pw" },
    introducedIn: introducedIn[${JSON.stringify(docset)}],
  });
${lines.join("\n")}
} finally {
  server.close();
  server.closeAllConnections();
}
assert.deepEqual(seen, results.map(([call]) => call));
for (const [call, status, error] of results.slice(0, -1)) assert.equal(status, 200, call + ": " + String(error));
const last = results.at(-1)![2];
assert.ok(last instanceof OntapApiError);
assert.equal(last.code, failing);
assert.equal(last.entry?.description, lookupError(failing)?.description);
assert.ok(last.entry?.description);
console.log("consumer: ${calls.length} calls ok");
`;
}

/** Reads a JSON or YAML file's text (for the bench's own use). */
export function readText(file: string): string {
  return readFileSync(file, "utf8");
}
