import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { main } from "../src/cli.js";
import { ROOT } from "./helpers.js";

function run(args: string[], cwd = ROOT) {
  let stderr = "";
  let stdout = "";
  const code = main(
    args,
    cwd,
    (s) => (stderr += s),
    (s) => (stdout += s),
  );
  return { code, stderr, stdout };
}

describe("ontap-rest-ingest", () => {
  const usage: [string, { given: string[] }][] = [
    ["no --docset", { given: ["spec/sources/latest"] }],
    ["no input", { given: ["--docset", "x"] }],
    ["unknown option", { given: ["--docset", "x", "--nope", "a"] }],
    [
      "--out with another extension",
      { given: ["--docset", "x", "--out", "a.txt", "spec/sources/latest"] },
    ],
  ];
  test.each(usage)("bad usage (%s): exit 2 and the usage line", (_t, { given }) => {
    const { code, stderr } = run(given);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: ontap-rest-ingest --docset <id>/);
  });

  test("without --out: JSON on stdout, diagnostics on stderr as file:line: severity: message", () => {
    const { code, stdout, stderr } = run(["--docset", "latest", "spec/sources/latest"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ openapi: "3.1.0", info: { version: "latest" } });
    const lines = stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+: (error|warning): .+/);
  });

  test.each([
    ["yaml", "out.yaml", (t: string) => parse(t)],
    ["json", "out.json", (t: string) => JSON.parse(t)],
  ] as const)("--out %s by extension", (_t, file, read) => {
    const dir = mkdtempSync(join(tmpdir(), "ingest-"));
    const { code } = run(["--docset", "latest", "--out", join(dir, file), "spec/sources/latest"]);
    expect(code).toBe(0);
    expect(read(readFileSync(join(dir, file), "utf8"))).toMatchObject({ openapi: "3.1.0" });
  });

  test("--strict: warnings fail", () => {
    expect(run(["--docset", "latest", "--strict", "spec/sources/latest"]).code).toBe(1);
  });

  test("an unusable input: exit 1, an error at file:line, and the spec of the rest still written", () => {
    const dir = mkdtempSync(join(tmpdir(), "ingest-"));
    writeFileSync(join(dir, "garbage.txt"), "\u0000\u0001 nothing here");
    const out = join(dir, "spec.yaml");
    const { code, stderr } = run([
      "--docset",
      "x",
      "--out",
      out,
      join(dir, "garbage.txt"),
      join(dir, "missing.txt"),
      "spec/sources/latest",
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/garbage\.txt:1: error: no ONTAP operation found/);
    expect(stderr).toMatch(/missing\.txt:1: error: no such file or folder/);
    expect(Object.keys(parse(readFileSync(out, "utf8")).paths)).toContain("/cluster/jobs/{uuid}");
  });

  test("the installed bin runs (the command other tools call)", () => {
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, "packages/ingest/bin/ontap-rest-ingest.js"),
        "--docset",
        "latest",
        "spec/sources/latest",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).paths).toHaveProperty(
      "/security/azure-key-vaults/{uuid}/rekey-internal",
    );
  });

  test("reruns are byte-identical", () => {
    expect(run(["--docset", "9.9.1", "spec/sources/9.9.1"]).stdout).toBe(
      run(["--docset", "9.9.1", "spec/sources/9.9.1"]).stdout,
    );
  });
});
