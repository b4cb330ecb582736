import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../src/cli.js";
import { doc, op, ROOT } from "./helpers.js";

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

const OLD = "spec/ontap-9.9.1.openapi.yaml";
const NEW = "spec/ontap-latest.openapi.yaml";

describe("ontap-rest-diff", () => {
  const usage: [string, { given: string[] }][] = [
    ["no files", { given: [] }],
    ["one file", { given: [OLD] }],
    ["three files", { given: [OLD, NEW, NEW] }],
    ["unknown option", { given: [OLD, NEW, "--nope"] }],
  ];
  test.each(usage)("bad usage (%s): exit 2 and the usage line", (_t, { given }) => {
    const { code, stderr } = run(given);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /usage: ontap-rest-diff <old\.openapi\.yaml> <new\.openapi\.yaml> \[--json\]/,
    );
  });

  const dir = mkdtempSync(join(tmpdir(), "diff-"));
  writeFileSync(join(dir, "broken.yaml"), "openapi: [\n");
  writeFileSync(join(dir, "other.yaml"), "name: not a spec\n");
  const unreadable: [string, { given: string; want: RegExp }][] = [
    [
      "missing file",
      {
        given: "nope.yaml",
        want: /^ontap-rest-diff: nope\.yaml: expected a readable file \(ENOENT\)\n$/,
      },
    ],
    ["not YAML", { given: join(dir, "broken.yaml"), want: /broken\.yaml: expected YAML or JSON/ }],
    [
      "not OpenAPI",
      { given: join(dir, "other.yaml"), want: /other\.yaml: expected an OpenAPI 3 document/ },
    ],
  ];
  test.each(unreadable)(
    "unusable input (%s): exit 2, file: what was expected",
    (_t, { given, want }) => {
      const { code, stderr, stdout } = run([given, NEW]);
      expect(code).toBe(2);
      expect(stderr).toMatch(want);
      expect(stdout).toBe("");
    },
  );

  test("breaking changes still exit 0: the bump says what they call for", () => {
    const { code, stdout } = run([OLD, NEW]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\(bump: major\)\n$/);
  });

  test("--json parses, is sorted and stable", () => {
    const first = run([OLD, NEW, "--json"]);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ bump: "major", summary: { breaking: expect.any(Number) } });
    expect(result.changes.length).toBeGreaterThan(0);
    expect(run(["--json", OLD, NEW]).stdout).toBe(first.stdout);
  });

  test("JSON inputs: the same diff as YAML", () => {
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    writeFileSync(a, JSON.stringify(doc({ "/a": { get: op() } })));
    writeFileSync(b, JSON.stringify(doc({})));
    const { code, stdout } = run([a, b, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes).toEqual([
      { kind: "breaking", operation: "GET /a", where: "operation", what: "operation removed" },
    ]);
  });

  test("--help: the usage on stdout, exit 0", () => {
    expect(run(["--help"])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage:/) });
  });
});
