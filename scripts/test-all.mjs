// `pnpm test`: every check, in order, continuing after failures.
//
// The closing line `tests: N passed, M failed` adds the vitest test counts and the named
// checks below (each check counts as one). Exit 1 if anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkPackages, publicPackages } from "./check-packages.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ontap-rest-test-"));
const env = {
  ...process.env,
  // The tools are the workspace's own, also when this script runs without pnpm.
  PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH}`,
  // No network here: Redocly CLI must not try to send usage data or look for updates.
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
};

let passed = 0;
let failed = 0;

function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
  });
  if (result.error) console.error(`${command}: ${result.error.message}`);
  return result;
}

function title(name) {
  console.log(`\n=== ${name}`);
}

function check(name, ok, why = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "PASS" : "FAIL"} ${name}${why ? `: ${why}` : ""}`);
}

const specs = existsSync(join(root, "spec"))
  ? readdirSync(join(root, "spec"))
      .filter((name) => /^ontap-.+\.openapi\.yaml$/.test(name))
      .sort()
      .map((name) => `spec/${name}`)
  : [];
const noSpecs = "no spec/ontap-*.openapi.yaml: run `pnpm generate` first";

// (a) formatting
title("prettier --check .");
check("prettier", run("prettier", ["--check", "."]).status === 0);

// (a2) types: every package's sources and tests type-check (vitest only strips types)
title("tsc --noEmit");
for (const pkg of readdirSync(join(root, "packages")).sort()) {
  const config = join("packages", pkg, "tsconfig.json");
  if (!existsSync(join(root, config))) continue;
  check(`tsc ${pkg}`, run("tsc", ["--noEmit", "-p", config]).status === 0);
}
// The TypeScript outside the packages (scripts/, bench/), which tsx runs without checking.
check("tsc scripts", run("tsc", ["--noEmit", "-p", "scripts/tsconfig.json"]).status === 0);

// (b) unit tests: the default reporter for people, the JSON one for the counts
title("vitest run");
const vitestJson = join(tmp, "vitest.json");
const vitest = run("vitest", [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  console.log(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
check("vitest", vitest.status === 0, existsSync(vitestJson) ? "" : "no JSON report");

// (c) the specs are valid OpenAPI and follow the Redocly rules in redocly.yaml
title("redocly lint");
if (specs.length === 0) check("redocly lint", false, noSpecs);
else {
  const lint = run("redocly", ["lint", "--config", "redocly.yaml", ...specs]);
  check("redocly lint", lint.status === 0);
}

// (d) openapi-typescript turns every spec into types without a single warning. It gets the
// same redocly.yaml, so a Redocly rule warning counts here too.
title("openapi-typescript");
if (specs.length === 0) check("openapi-typescript", false, noSpecs);
else {
  const problems = [];
  for (const spec of specs) {
    const out = join(tmp, spec.replace(/^spec\//, "").replace(/\.yaml$/, ".d.ts"));
    const result = run("openapi-typescript", [spec, "--redocly", "redocly.yaml", "-o", out], {
      capture: true,
    });
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    process.stdout.write(output);
    const warnings = output.split("\n").filter((line) => /warn/i.test(line) || line.includes("⚠"));
    if (result.status !== 0) problems.push(`${spec}: exit ${result.status}`);
    if (warnings.length > 0) problems.push(`${spec}: ${warnings.length} warning(s)`);
  }
  check("openapi-typescript", problems.length === 0, problems.join("; "));
}

// (e) the committed specs and generated sources are the ones a fresh `pnpm generate` writes,
// byte for byte (CI runs it first)
const GENERATED = ["spec", ":(glob)packages/*/src/generated/**", ":(glob)packages/*/generated/**"];
title(`git status --porcelain -- ${GENERATED.join(" ")}`);
const inGit = run("git", ["rev-parse", "--is-inside-work-tree"], { capture: true });
if (inGit.status !== 0 || inGit.stdout.trim() !== "true") {
  console.log("skipped: not a git work tree");
} else {
  const status = run("git", ["status", "--porcelain", "--", ...GENERATED], { capture: true });
  const changes = status.stdout.trimEnd();
  if (changes !== "") {
    console.log(changes);
    run("git", ["diff", "--stat", "--", ...GENERATED]);
  }
  check(
    "generated files up to date",
    status.status === 0 && changes === "",
    changes === ""
      ? ""
      : "generated files differ from the commit: run `pnpm generate` and commit what it writes",
  );
}

// (f) the packed public packages: publint (package.json against the files) and attw (the
// types of every entry point, `./*` patterns expanded), per package; see check-packages.mjs
title("publint, attw (packed with pnpm)");
checkPackages({ tmp: join(tmp, "packs"), report: check });

// (g) the runtime size budget in .size-limit.json (minified, brotli): the client with errors
// and openapi-fetch, Node and browser entries, at most 10 kB; the types weigh nothing
title("size-limit");
check("size-limit", run("size-limit", []).status === 0);

// (h) `changeset status`: the changesets parse, every changed public package has one, and a
// release moves every public package to one version (the fixed group). It compares against
// the base branch of .changeset/config.json; a clone without that branch (a detached
// checkout) falls back to origin/<base>, and without either to HEAD (uncommitted changes).
// --since also limits the release plan to the changesets added since that ref.
title("changeset status");
if (inGit.status !== 0 || inGit.stdout.trim() !== "true") {
  console.log("skipped: not a git work tree");
} else {
  const { baseBranch = "main" } = JSON.parse(
    readFileSync(join(root, ".changeset", "config.json"), "utf8"),
  );
  const reachable = (ref) =>
    run("git", ["merge-base", ref, "HEAD"], { capture: true }).status === 0;
  const since = reachable(baseBranch)
    ? undefined
    : reachable(`origin/${baseBranch}`)
      ? `origin/${baseBranch}`
      : "HEAD";
  if (since) console.log(`no branch ${baseBranch}: comparing against ${since}`);
  const planFile = join(tmp, "release-plan.json");
  const status = run("changeset", [
    "status",
    `--output=${planFile}`,
    ...(since ? [`--since=${since}`] : []),
  ]);
  const problems = [];
  if (status.status !== 0) problems.push(`exit ${status.status}`);
  else if (!existsSync(planFile)) problems.push("no release plan written");
  else {
    const { releases } = JSON.parse(readFileSync(planFile, "utf8"));
    const bumped = releases.filter((release) => release.type !== "none");
    for (const r of bumped)
      console.log(`${r.name}: ${r.oldVersion} -> ${r.newVersion} (${r.type})`);
    if (bumped.length === 0) console.log("no release pending");
    const versions = new Set(bumped.map((release) => release.newVersion));
    const missing = publicPackages()
      .map((pkg) => pkg.name)
      .filter((name) => bumped.length > 0 && !bumped.some((release) => release.name === name));
    if (versions.size > 1) problems.push(`versions differ: ${[...versions].join(", ")}`);
    if (missing.length > 0) problems.push(`not in the release: ${missing.join(", ")}`);
  }
  check("changeset status", problems.length === 0, problems.join("; "));
}

// (i) the specs changed since the previous release (the newest @ontap-rest/openapi@<version>
// tag reachable from HEAD; none yet: every doc set is new) are covered by a pending changeset
// with at least the bump their diff calls for (breaking → major, feature → minor, fix →
// patch); on failure it names the missing bump. `pnpm changeset:spec` writes that changeset.
title("tsx scripts/changeset-spec.ts --check");
if (inGit.status !== 0 || inGit.stdout.trim() !== "true") {
  console.log("skipped: not a git work tree");
} else {
  const covered = run("tsx", ["scripts/changeset-spec.ts", "--check"]);
  check("spec changes covered by a changeset", covered.status === 0);
}

rmSync(tmp, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
