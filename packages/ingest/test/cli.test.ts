import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
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

  test("a folder holding no page (only subfolders): exit 1 and why, not an empty spec and 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "ingest-"));
    mkdirSync(join(dir, "ontap"));
    writeFileSync(join(dir, "ontap", "get-cluster.adoc"), "= Retrieve the cluster\n");
    writeFileSync(join(dir, "logo.png"), "not a page");
    const { code, stderr } = run(["--docset", "x", "--out", join(dir, "spec.yaml"), dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/:1: error: no page in this folder: .*subfolders are not read/);
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

describe("ontap-rest-ingest --overlay", () => {
  const HEADER = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n";
  /** Two overlays whose result depends on their order: b needs the member a adds. */
  function setup() {
    const dir = mkdtempSync(join(tmpdir(), "ingest-overlay-"));
    writeFileSync(
      join(dir, "a.yaml"),
      `${HEADER}actions:\n  - target: $.info\n    update: {x-order: a}\n`,
    );
    writeFileSync(
      join(dir, "b.yaml"),
      `${HEADER}actions:\n  - target: $.info['x-order']\n    update: b\n`,
    );
    writeFileSync(
      join(dir, "bad.yaml"),
      `${HEADER}actions:\n  - target: $.x-y\n    remove: true\n`,
    );
    writeFileSync(
      join(dir, "9.9.1-only.yaml"),
      `${HEADER}extends: ontap-9.9.1.openapi.yaml\nactions:\n  - target: $.nope\n    remove: true\n`,
    );
    const out = join(dir, "spec.yaml");
    const ingestWith = (...overlays: string[]) =>
      run([
        "--docset",
        "latest",
        "--out",
        out,
        ...overlays.flatMap((o) => ["--overlay", join(dir, o)]),
        "spec/sources/latest",
      ]);
    const info = () => parse(readFileSync(out, "utf8")).info;
    const rel = (o: string) => relative(ROOT, join(dir, o)).split(sep).join("/");
    return { ingestWith, info, rel };
  }

  test("repeated: applied in the order given, and recorded in info.x-ntap-overlays", () => {
    const { ingestWith, info, rel } = setup();
    const { code, stderr } = ingestWith("a.yaml", "b.yaml");
    expect(stderr).not.toMatch(/ error: /);
    expect(code).toBe(0);
    expect(info()).toMatchObject({
      "x-order": "b",
      "x-ntap-overlays": [rel("a.yaml"), rel("b.yaml")],
    });
  });

  test("the other order: b matches nothing, exit 1, the spec still written with what applied", () => {
    const { ingestWith, info, rel } = setup();
    const { code, stderr } = ingestWith("b.yaml", "a.yaml");
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${rel("b.yaml")}:4: error: action 1 (target "$.info['x-order']") matches nothing in doc set latest`,
    );
    expect(info()).toMatchObject({ "x-order": "a", "x-ntap-overlays": [rel("a.yaml")] });
  });

  test.each([
    ["an unreadable overlay", "missing.yaml", ":1: error: cannot read the overlay: ENOENT"],
    ["an invalid overlay", "bad.yaml", ':4: error: action 1: target "$.x-y": column 4:'],
  ])(
    "%s: an error at file:line, exit 1, the spec still written with the others",
    (_t, file, want) => {
      const { ingestWith, info, rel } = setup();
      const { code, stderr } = ingestWith(file, "a.yaml");
      expect(code).toBe(1);
      expect(stderr).toContain(`${rel(file)}${want}`);
      expect(info()).toMatchObject({ "x-order": "a", "x-ntap-overlays": [rel("a.yaml")] });
    },
  );

  test("an overlay that extends another doc set is skipped: exit 0, not recorded", () => {
    const { ingestWith, info } = setup();
    const { code, stderr } = ingestWith("9.9.1-only.yaml");
    expect(stderr).not.toMatch(/ error: /);
    expect(code).toBe(0);
    expect(info()).not.toHaveProperty("x-ntap-overlays");
  });

  test("--help explains it", () => {
    const { code, stdout } = run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: .*\[--overlay <file\.yaml>\]\.\.\./);
    expect(stdout).toMatch(/--overlay <file> +an OpenAPI Overlay 1\.0 document/);
  });
});
