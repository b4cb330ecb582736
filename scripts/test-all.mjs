// `pnpm test`: every check, in order, continuing after failures.
//
// The closing line `tests: N passed, M failed` adds the vitest test counts and the named
// checks below (each check counts as one). Exit 1 if anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

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

// (e) the committed specs are the ones a fresh `pnpm generate` writes (CI runs it first)
title("git status --porcelain -- spec");
const inGit = run("git", ["rev-parse", "--is-inside-work-tree"], { capture: true });
if (inGit.status !== 0 || inGit.stdout.trim() !== "true") {
  console.log("skipped: not a git work tree");
} else {
  const status = run("git", ["status", "--porcelain", "--", "spec"], { capture: true });
  const changes = status.stdout.trimEnd();
  if (changes !== "") {
    console.log(changes);
    run("git", ["diff", "--stat", "--", "spec"]);
  }
  check(
    "specs up to date",
    status.status === 0 && changes === "",
    changes === "" ? "" : "spec/ differs from the commit: regenerate and commit the specs",
  );
}

rmSync(tmp, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
