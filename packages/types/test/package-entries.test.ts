// The published entry points, resolved the way a consumer resolves them: by package name,
// through package.json "exports", against the build (`pnpm generate` builds the packages).
//
// The type imports below resolve through the package's own name (TypeScript's self-reference),
// so `tsc --noEmit` checks the README example and the `./*` subpath pattern; the runtime rows
// ask Node itself.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { DocSets as PublishedDocSets } from "@ontap-rest/types";
import type { Schema as PublishedSchema } from "@ontap-rest/types/9.9.1";
import type { Schema } from "../src/generated/9.9.1.js";
import type { DocSets } from "../src/generated/index.js";
import { docsets } from "../src/index.js";

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

describe("@ontap-rest/types entry points", () => {
  it("the README example type-checks against the published types", () => {
    type AKV = PublishedSchema<"azure_key_vault">;
    expectTypeOf<AKV>().toEqualTypeOf<Schema<"azure_key_vault">>();
    expectTypeOf<PublishedDocSets>().toEqualTypeOf<DocSets>();
  });

  it("keeps one subpath pattern, so a new doc set needs no package.json change", () => {
    expect(manifest.exports["./*"]).toEqual({
      types: "./dist/generated/*.d.ts",
      default: "./dist/generated/*.js",
    });
    expect(manifest.sideEffects).toBe(false);
  });

  it('"@ontap-rest/types" exports the doc set list at run time', () => {
    expect(
      node(`const m = await import("@ontap-rest/types"); console.log(JSON.stringify(m.docsets));`),
    ).toEqual([...docsets]);
  });

  it.each(docsets.map((docset) => [docset]))(
    '"@ontap-rest/types/%s" resolves and loads',
    (docset) => {
      const specifier = `@ontap-rest/types/${docset}`;
      expect(
        node(
          `const url = import.meta.resolve(${JSON.stringify(specifier)});
         await import(url);
         console.log(JSON.stringify(url.slice(url.indexOf("/dist/"))));`,
        ),
      ).toBe(`/dist/generated/${docset}.js`);
    },
  );
});
