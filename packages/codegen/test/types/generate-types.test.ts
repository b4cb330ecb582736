// The types generator as a function of its folders: run on copies of the specs in a temp
// folder, under new doc set names, and on small specs made for one case each.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import { specPath } from "../../src/lib/docsets.js";
import { buildTypes, generateTypes } from "../../src/types/generate-types.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const committed = fileURLToPath(new URL("../../../types/src/generated/", import.meta.url));

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp repo root whose spec/ holds `specs` (doc set → spec text). */
function tempRoot(specs: Record<string, string>): { root: string; outDir: string } {
  const root = mkdtempSync(join(tmpdir(), "ontap-rest-types-"));
  temps.push(root);
  mkdirSync(join(root, "spec"));
  for (const [docset, text] of Object.entries(specs)) writeFileSync(specPath(root, docset), text);
  return { root, outDir: join(root, "out", "generated") };
}

const realSpec = (docset: string): string => readFileSync(specPath(repoRoot, docset), "utf8");

/** The TypeScript errors of the modules in `dir`, compiled the way the package compiles them. */
function typeErrors(dir: string): string[] {
  const program = ts.createProgram(
    readdirSync(dir).map((name) => join(dir, name)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      isolatedModules: true,
      skipLibCheck: true,
      types: [],
    },
  );
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const minimalSpec = (paths: object): string =>
  JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths });

describe("generateTypes", () => {
  it("writes what is committed, byte for byte", async () => {
    const { outDir } = tempRoot({});
    await generateTypes({ root: repoRoot, outDir });
    const names = readdirSync(outDir).sort();
    expect(names).toEqual(readdirSync(committed).sort());
    for (const name of names) {
      expect(readFileSync(join(outDir, name), "utf8"), name).toBe(
        readFileSync(join(committed, name), "utf8"),
      );
    }
  });

  it("adds a module and an index entry for a new doc set, with no code change", async () => {
    const { root, outDir } = tempRoot({
      "9.9.1": realSpec("9.9.1"),
      latest: realSpec("latest"),
      "9.10.0": realSpec("9.9.1"),
    });
    writeFileSync(join(root, "spec", "README.md"), "not a spec");

    const { docsets } = await generateTypes({ root, outDir });

    // Code-unit order: "9.10.0" < "9.9.1" < "latest".
    expect(docsets).toEqual(["9.10.0", "9.9.1", "latest"]);
    expect(readdirSync(outDir).sort()).toEqual(["9.10.0.ts", "9.9.1.ts", "index.ts", "latest.ts"]);
    const index = readFileSync(join(outDir, "index.ts"), "utf8");
    expect(index).toContain('export const docsets = ["9.10.0", "9.9.1", "latest"] as const;');
    expect(index).toContain("export type DocSet = keyof DocSets;");
    expect(index).toContain('import type * as docset_9_10_0 from "./9.10.0.js";');
    expect(index).toMatch(/"9\.10\.0": \{\n\s+paths: docset_9_10_0\.paths;/);
    // Same spec, same module: only the header names another source.
    const body = (name: string) => readFileSync(join(outDir, name), "utf8").split("\n").slice(1);
    expect(body("9.10.0.ts")).toEqual(body("9.9.1.ts"));
    expect(typeErrors(outDir)).toEqual([]);
  });

  it("removes the module of a doc set whose spec is gone", async () => {
    const { root, outDir } = tempRoot({ latest: realSpec("latest"), "9.10.0": realSpec("latest") });
    await generateTypes({ root, outDir });
    rmSync(specPath(root, "9.10.0"));
    await generateTypes({ root, outDir });
    expect(readdirSync(outDir).sort()).toEqual(["index.ts", "latest.ts"]);
    expect(readFileSync(join(outDir, "index.ts"), "utf8")).not.toContain("9.10.0");
  });

  it("writes the same bytes on every run", async () => {
    const { root, outDir } = tempRoot({ latest: realSpec("latest") });
    await generateTypes({ root, outDir });
    const first = readFileSync(join(outDir, "latest.ts"));
    await generateTypes({ root, outDir });
    expect(readFileSync(join(outDir, "latest.ts")).equals(first)).toBe(true);
  });

  it.each([
    [
      "an operation without operationId gets no aliases, but compiles",
      { "/x": { get: { responses: { "200": { description: "ok" } } } } },
      [],
      ["XParameters"],
    ],
    [
      "a body only in another media type gives no RequestBody/Response alias",
      {
        "/x": {
          post: {
            operationId: "post_x",
            requestBody: { content: { "application/hal+json": { schema: { type: "object" } } } },
            responses: {
              "200": {
                description: "ok",
                content: { "text/plain": { schema: { type: "string" } } },
              },
            },
          },
        },
      },
      ["PostXParameters"],
      ["PostXRequestBody", "PostXResponse"],
    ],
    [
      "a response by $ref and a 2XX range both count",
      {
        "/x": {
          get: {
            operationId: "getX",
            responses: {
              "200": { $ref: "#/components/responses/ok" },
              "2XX": {
                description: "ok",
                content: { "application/json": { schema: { type: "integer" } } },
              },
            },
          },
        },
      },
      ["GetXParameters", "GetXResponse"],
      ["GetXRequestBody"],
    ],
  ])("%s", async (_name, paths, present, absent) => {
    const spec = JSON.parse(minimalSpec(paths));
    spec.components = {
      responses: {
        ok: { description: "ok", content: { "application/json": { schema: { type: "string" } } } },
      },
    };
    const { root, outDir } = tempRoot({ only: JSON.stringify(spec) });
    await generateTypes({ root, outDir });
    const module = readFileSync(join(outDir, "only.ts"), "utf8");
    for (const name of present) expect(module).toContain(`export type ${name} =`);
    for (const name of absent) expect(module).not.toContain(`export type ${name} =`);
    expect(typeErrors(outDir)).toEqual([]);
  });

  it.each([
    [
      "two operationIds with one PascalCase name",
      {
        "/a": { get: { operationId: "get_x", responses: {} } },
        "/b": { get: { operationId: "getX", responses: {} } },
      },
      /two declarations named GetXParameters/,
    ],
    [
      "an operationId with no letter or digit",
      { "/a": { get: { operationId: "__", responses: {} } } },
      /GET \/a: operationId "__" gives no type name/,
    ],
  ])("refuses %s", async (_name, paths, message) => {
    const { root, outDir } = tempRoot({ only: minimalSpec(paths) });
    await expect(generateTypes({ root, outDir })).rejects.toThrow(message);
  });

  it.each([["a folder not named generated", (root: string) => join(root, "out", "src")]])(
    "refuses to write into %s",
    async (_name, outDir) => {
      const { root } = tempRoot({ latest: realSpec("latest") });
      await expect(generateTypes({ root, outDir: outDir(root) })).rejects.toThrow(
        /must be named "generated"/,
      );
    },
  );

  it("refuses a root without spec/", async () => {
    const { root, outDir } = tempRoot({});
    rmSync(join(root, "spec"), { recursive: true });
    await expect(generateTypes({ root, outDir })).rejects.toThrow(/no such folder/);
  });
});

describe("buildTypes with index: augment (a downstream team's doc sets)", () => {
  it("adds the doc sets to @ontap-rest/types' DocSets instead of declaring them", async () => {
    const { root } = tempRoot({ "acme-1": realSpec("latest") });
    const { docsets, files } = await buildTypes({ root, generator: "test", index: "augment" });
    expect(docsets).toEqual(["acme-1"]);
    expect([...files.keys()].sort()).toEqual(["acme-1.ts", "index.ts"]);
    const index = files.get("index.ts")!;
    expect(index).toContain('import type * as docset_acme_1 from "./acme-1.js";');
    expect(index).toContain('export const docsets = ["acme-1"] as const;');
    expect(index).toMatch(
      /declare module "@ontap-rest\/types" \{\n\s+interface DocSets \{\n\s+"acme-1": \{\n\s+paths: docset_acme_1\.paths;/,
    );
    expect(index).not.toContain("export type DocSet");
  });
});
