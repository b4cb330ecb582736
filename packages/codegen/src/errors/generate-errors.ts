// `@ontap-rest/errors`' generated code: the catalog of every error code the specs document.
//
// Reads `spec/ontap-<docset>.openapi.yaml` of every doc set under a root and builds one
// module, byte for byte the same on every run. A new doc set needs no change here: its spec
// is picked up by name.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { listDocsets, specPath } from "../lib/docsets.js";
import { collect, type Spec } from "./collect.js";
import { emit } from "./emit.js";

export interface BuildErrorCatalogOptions {
  /** Named in the module's header as what wrote it. */
  generator: string;
  /**
   * Where the module imports the `CatalogEntry` type from: `"../catalog-entry.js"` inside
   * `@ontap-rest/errors`, `"@ontap-rest/errors"` in a downstream team's module.
   */
  entryTypesFrom: string;
}

export interface ErrorCatalogModule {
  docsets: string[];
  codes: number;
  text: string;
}

/** The catalog module of the specs under `<root>/spec`, without writing it. */
export function buildErrorCatalog(
  root: string,
  options: BuildErrorCatalogOptions,
): ErrorCatalogModule {
  const docsets = listDocsets(root);
  const specs: Spec[] = docsets.map((docset) => {
    const path = specPath(root, docset);
    const file = relative(root, path).split("\\").join("/");
    let document: unknown;
    try {
      document = parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new Error(`${file}: cannot read the spec: ${(error as Error).message}`);
    }
    return { docset, file, document };
  });
  const model = collect(specs);
  const text = emit(
    model,
    specs.map((spec) => spec.file),
    options,
  );
  return { docsets, codes: model.entries.length, text };
}

export interface GenerateErrorsResult {
  /** The file written. */
  file: string;
  docsets: string[];
  codes: number;
}

/** Generates `<outDir>/catalog.ts` (for `@ontap-rest/errors`) from the specs under `<root>/spec`. */
export function generateErrors(root: string, outDir: string): GenerateErrorsResult {
  const { docsets, codes, text } = buildErrorCatalog(root, {
    generator: "scripts/generate/errors.ts",
    entryTypesFrom: "../catalog-entry.js",
  });
  const file = join(outDir, "catalog.ts");
  // Unchanged bytes are not rewritten: watchers and editors see no change either.
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, text);
  }
  return { file, docsets, codes };
}
