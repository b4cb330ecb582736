// The public packages as npm will see them. Each is packed with pnpm (so `workspace:*` becomes
// the version, as `pnpm publish` does) into a temporary folder, and the tarball is checked by
//
//   publint run --strict <tgz>        package.json against the files: exports, main, types, bin,
//                                     files (warnings fail too; suggestions are only printed)
//   attw <tgz> --profile esm-only     the types of every entry point resolve, and match the
//        --entrypoints <all>          JavaScript, under node16 (ESM) and bundler resolution
//
// Entry points are given to attw explicitly: a subpath pattern (`"./*"`) is expanded over the
// files in the tarball (`@ontap-rest/types/9.9.1`, `…/latest`), which attw would otherwise
// report as "(wildcard)" and not check. Targets that are not modules (the `.openapi.yaml`
// files) are not type entry points and are left out. `esm-only`: these packages ship no
// CommonJS (`"type": "module"`, no `require` condition), so `require()` is not a way in.
//
// Packing skips lifecycle scripts: it takes the build `pnpm generate` made (ingest's `prepare`
// would otherwise rebuild dist/ while it is packed).
//
// `pnpm check:packages` runs this alone; `pnpm test` (scripts/test-all.mjs) imports it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The packages under packages/ that are not private: `{ name, dir, manifest }`, by folder. */
export function publicPackages() {
  return readdirSync(join(root, "packages"))
    .sort()
    .map((folder) => join(root, "packages", folder))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }));
}

let pnpm; // pnpmCommand()'s answer, found once

/**
 * How to run the workspace's pnpm (`packageManager` in the root package.json): `pnpm` when the
 * one on PATH is that version (as under `npx -y pnpm@… test`), else `npx -y pnpm@<version>`.
 */
export function pnpmCommand() {
  if (pnpm) return pnpm;
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const version = /^pnpm@([^+]+)/.exec(packageManager)?.[1];
  if (!version) throw new Error(`root package.json: no pnpm in packageManager (${packageManager})`);
  const onPath = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  pnpm =
    onPath.status === 0 && onPath.stdout.trim() === version
      ? ["pnpm"]
      : ["npx", "-y", `pnpm@${version}`];
  return pnpm;
}

/** `pnpm pack` of one package into a folder of its own under `dest`; the tarball's path. */
export function pack(pkg, dest, { env = process.env } = {}) {
  const out = join(dest, pkg.name.replace(/^@/, "").replace("/", "-"));
  mkdirSync(out, { recursive: true });
  const [command, ...prefix] = pnpmCommand();
  const result = spawnSync(
    command,
    [...prefix, "pack", "--pack-destination", out, "--config.ignore-scripts=true"],
    { cwd: pkg.dir, env, encoding: "utf8" },
  );
  const tarballs = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith(".tgz")) : [];
  if (result.status !== 0 || tarballs.length !== 1) {
    throw new Error(
      `pnpm pack ${pkg.name} failed (exit ${result.status}): ${result.error?.message ?? ""}\n` +
        `${result.stdout ?? ""}${result.stderr ?? ""}`,
    );
  }
  return join(out, tarballs[0]);
}

/** The files in a tarball, relative to the package folder (`dist/index.js`). */
function tarballFiles(tarball) {
  const list = spawnSync("tar", ["-tzf", tarball], { encoding: "utf8" });
  if (list.status !== 0) throw new Error(`tar -tzf ${tarball}: ${list.stderr}`);
  return list.stdout
    .split("\n")
    .filter((line) => line !== "" && !line.endsWith("/"))
    .map((line) => line.replace(/^package\//, ""));
}

/** The string targets of one `exports` value, types conditions first. */
function targets(value) {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  const entries = Object.entries(value);
  return [
    ...entries.filter(([key]) => key === "types").flatMap(([, v]) => targets(v)),
    ...entries.filter(([key]) => key !== "types").flatMap(([, v]) => targets(v)),
  ];
}

const moduleFile = /\.(d\.[cm]?ts|[cm]?js|json)$/;

/**
 * Every entry point of a package for attw, subpath patterns expanded over `files` (each module
 * target of a pattern is expanded: a types target that matches nothing still leaves the
 * entry points its JavaScript has, for attw to fail on). `unmatched` gets the patterns that
 * match no file at all.
 */
export function entrypoints(manifest, files, unmatched = []) {
  const exportsField = manifest.exports;
  if (exportsField === undefined || typeof exportsField === "string") return ["."];
  const keys = Object.keys(exportsField).some((key) => key.startsWith("."))
    ? Object.entries(exportsField)
    : [[".", exportsField]];
  const found = new Set();
  for (const [key, value] of keys) {
    const moduleTargets = targets(value).filter((t) => moduleFile.test(t));
    if (moduleTargets.length === 0) continue; // YAML and the like: not a module
    if (!key.includes("*")) {
      found.add(key);
      continue;
    }
    let matched = false;
    for (const target of moduleTargets) {
      const [before, after] = target.replace(/^\.\//, "").split("*");
      for (const file of files) {
        if (!file.startsWith(before) || !file.endsWith(after)) continue;
        const match = file.slice(before.length, file.length - after.length);
        if (match === "") continue;
        found.add(key.replace("*", match));
        matched = true;
      }
    }
    if (!matched) unmatched.push(key);
  }
  return [...found].sort();
}

/** `esm-only` for a package without CommonJS, else attw's default (`strict`). */
function attwProfile(manifest) {
  const hasRequire = JSON.stringify(manifest.exports ?? {}).includes('"require"');
  return manifest.type === "module" && !hasRequire ? "esm-only" : "strict";
}

/**
 * Packs every public package into `tmp` and runs publint and attw on each tarball. `report`
 * gets each result: `(name, ok, why)`, names `publint <pkg>` and `attw <pkg>`.
 */
export function checkPackages({ tmp, report, log = console.log }) {
  const env = {
    ...process.env,
    PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH}`,
  };
  const run = (command, args) =>
    spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  for (const pkg of publicPackages()) {
    let tarball;
    try {
      tarball = pack(pkg, tmp);
    } catch (error) {
      log(error.message);
      report(`publint ${pkg.name}`, false, "pnpm pack failed");
      report(`attw ${pkg.name}`, false, "pnpm pack failed");
      continue;
    }
    log(`\n--- ${pkg.name}: ${tarball}`);
    const publint = run("publint", ["run", "--strict", tarball]);
    report(`publint ${pkg.name}`, publint.status === 0);

    const unmatched = [];
    const entries = entrypoints(pkg.manifest, tarballFiles(tarball), unmatched);
    const profile = attwProfile(pkg.manifest);
    log(`attw --profile ${profile}, entry points: ${entries.join(" ")}`);
    const attw = run("attw", [
      tarball,
      "--profile",
      profile,
      "--format",
      "table-flipped",
      "--no-color",
      "--no-emoji",
      "--entrypoints",
      ...entries,
    ]);
    const why = unmatched.length > 0 ? `no file in the tarball for ${unmatched.join(", ")}` : "";
    report(`attw ${pkg.name}`, attw.status === 0 && unmatched.length === 0, why);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tmp = mkdtempSync(join(tmpdir(), "ontap-rest-check-packages-"));
  let failed = 0;
  try {
    checkPackages({
      tmp,
      report(name, ok, why = "") {
        if (!ok) failed++;
        console.log(`${ok ? "PASS" : "FAIL"} ${name}${why ? `: ${why}` : ""}`);
      },
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(failed > 0 ? 1 : 0);
}
