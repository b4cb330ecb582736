// @ontap-rest/openapi as installed: the index module's paths, and the package's entry points
// resolved by Node through package.json "exports" (`pnpm generate` builds the package).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { listDocsets, specPath as sourceSpecPath } from "../../codegen/src/lib/docsets.js";
import { type DocSet, docsets, specPath } from "../src/index.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const packageDir = fileURLToPath(new URL("../", import.meta.url));
const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

// Runs an ES module in the package folder, where Node resolves the package's own name.
function node(source: string): unknown {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", source], {
    cwd: packageDir,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe("@ontap-rest/openapi", () => {
  it("lists every doc set that has a spec, in code-unit order", () => {
    expect([...docsets]).toEqual(listDocsets(repoRoot));
  });

  it.each(docsets.map((docset) => [docset]))(
    "%s: the YAML is the spec, byte for byte",
    (docset) => {
      expect(readFileSync(specPath(docset, "yaml"))).toEqual(
        readFileSync(sourceSpecPath(repoRoot, docset)),
      );
      expect(specPath(docset)).toBe(specPath(docset, "yaml"));
    },
  );

  it.each(docsets.map((docset) => [docset]))("%s: the JSON is the same document", (docset) => {
    const json = JSON.parse(readFileSync(specPath(docset, "json"), "utf8"));
    expect(json).toEqual(parse(readFileSync(sourceSpecPath(repoRoot, docset), "utf8")));
  });

  it.each([
    ["an unknown doc set", "0.0.0", "yaml"],
    ["an inherited property name", "constructor", "yaml"],
    ["an unknown format", docsets[0], "xml"],
  ])("specPath refuses %s", (_name, docset, format) => {
    expect(() => specPath(docset as DocSet, format as "yaml")).toThrow(RangeError);
  });

  it("publishes what it exports", () => {
    expect(manifest.files).toEqual(expect.arrayContaining(["dist", "generated", "README.md"]));
  });

  it('"@ontap-rest/openapi" loads from the build and gives the same paths', () => {
    const result = node(
      `const m = await import("@ontap-rest/openapi");
       console.log(JSON.stringify(m.docsets.map((d) => [m.specPath(d, "yaml"), m.specPath(d, "json")])));`,
    );
    expect(result).toEqual(docsets.map((d) => [specPath(d, "yaml"), specPath(d, "json")]));
  });

  it.each(
    docsets.flatMap(
      (docset) =>
        [
          [docset, "yaml"],
          [docset, "json"],
        ] as const,
    ),
  )('"@ontap-rest/openapi/ontap-%s.openapi.%s" resolves to the file', (docset, format) => {
    const specifier = `@ontap-rest/openapi/ontap-${docset}.openapi.${format}`;
    const url = node(
      `console.log(JSON.stringify(import.meta.resolve(${JSON.stringify(specifier)})));`,
    );
    expect(fileURLToPath(url as string)).toBe(specPath(docset, format));
  });

  it("the JSON files import as JSON modules", () => {
    const docset = docsets[0];
    const title = node(
      `const m = await import("@ontap-rest/openapi/ontap-${docset}.openapi.json", { with: { type: "json" } });
       console.log(JSON.stringify(m.default.info.version));`,
    );
    expect(title).toBe(docset);
  });
});
