// The `ontap-rest-codegen` CLI: usage, errors, and a run on a downstream-style folder.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/cli.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder whose spec/ holds the repo's `latest` spec under each of `docsets`. */
function folderWith(docsets: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "ontap-rest-codegen-cli-"));
  temps.push(dir);
  mkdirSync(join(dir, "spec"));
  for (const docset of docsets) {
    copyFileSync(
      join(repoRoot, "spec/ontap-latest.openapi.yaml"),
      join(dir, "spec", `ontap-${docset}.openapi.yaml`),
    );
  }
  return dir;
}

async function run(argv: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    argv,
    cwd,
    (text) => (stderr += text),
    (text) => (stdout += text),
  );
  return { code, stdout, stderr };
}

describe("ontap-rest-codegen", () => {
  it.each([
    ["no --out", { given: [] as string[], want: /--out is required/ }],
    ["an unknown option", { given: ["--out", "generated", "--bogus"], want: /Unknown option/ }],
    ["a positional argument", { given: ["--out", "generated", "spec"], want: /positional/ }],
    // The folders given are the usage too: the README's 2, not a spec's 1.
    [
      "an output folder not named generated",
      { given: ["--out", "src/out"], want: /src\/out: must be named "generated"/ },
    ],
    [
      "a root without spec/",
      { given: ["--root", "nowhere", "--out", "generated"], want: /nowhere\/spec: no such folder/ },
    ],
  ])("%s: exit 2 and the usage", async (_title, { given, want }) => {
    const result = await run(given, folderWith(["acme"]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(want);
    expect(result.stderr).toContain("usage: ontap-rest-codegen");
  });

  it("a spec folder with no spec: exit 2, and the generated folder is left as it is", async () => {
    const dir = folderWith([]);
    mkdirSync(join(dir, "src/generated"), { recursive: true });
    writeFileSync(join(dir, "src/generated/acme.ts"), "// an earlier run\n");
    const result = await run(["--out", "src/generated"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/spec: no spec\/ontap-<docset>\.openapi\.yaml/);
    expect(result.stderr).toContain("usage: ontap-rest-codegen");
    expect(readdirSync(join(dir, "src/generated"))).toEqual(["acme.ts"]);
  });

  it("--help prints the usage", async () => {
    const result = await run(["--help"], folderWith([]));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^usage: ontap-rest-codegen/);
  });

  it.each([["index"], ["errors"], ["introduced"], ["Index"], ["ERRORS"]])(
    "refuses a doc set named %s (a module of the output has that name): exit 1, naming the file",
    async (docset) => {
      const result = await run(["--out", "src/generated"], folderWith([docset]));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `spec/ontap-${docset}.openapi.yaml: "${docset}" cannot be a doc set name here`,
      );
      expect(result.stderr).not.toContain("usage:");
    },
  );

  it("writes the types, the index, the catalog and the version table of every spec", async () => {
    const dir = folderWith(["acme-1", "acme-2"]);
    const result = await run(["--out", "src/generated"], dir);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const files = readdirSync(join(dir, "src/generated")).sort();
    expect(files).toEqual(["acme-1.d.ts", "acme-2.d.ts", "errors.ts", "index.ts", "introduced.ts"]);
    expect(result.stdout).toContain("2 doc set(s) (acme-1, acme-2)");
  });

  it("replaces an earlier version's <docset>.ts by <docset>.d.ts (./acme.js would resolve to the .ts)", async () => {
    const dir = folderWith(["acme"]);
    mkdirSync(join(dir, "src/generated"), { recursive: true });
    writeFileSync(join(dir, "src/generated/acme.ts"), "// an earlier version's types module\n");
    const result = await run(["--out", "src/generated"], dir);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(readdirSync(join(dir, "src/generated")).sort()).toEqual([
      "acme.d.ts",
      "errors.ts",
      "index.ts",
      "introduced.ts",
    ]);
  });
});
