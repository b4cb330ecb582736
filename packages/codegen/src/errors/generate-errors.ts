// The error catalog's generated modules, from the specs of every doc set under a root.
//
// Reads `spec/ontap-<docset>.openapi.yaml` of every doc set and builds the modules, byte for
// byte the same on every run. A new doc set needs no change here: its spec is picked up by
// name.
import { generatedHeader, printModule } from "../lib/print-module.js";
import { readSpecs, type SpecFile } from "../lib/read-specs.js";
import { writeGenerated } from "../lib/write-generated.js";
import { collect } from "./collect.js";
import { catalogStatements } from "./emit-catalog.js";
import { descriptionsStatements } from "./emit-descriptions.js";

export interface BuildErrorsOptions {
  /** The repo root: the specs are read from `<root>/spec/`. */
  root: string;
  /** Named in each module's header as what wrote it. */
  generator: string;
  /**
   * Which modules, for whom:
   * - `"package"` (default): `@ontap-rest/errors`' own, `catalog.ts` (`KnownCode`, `catalog`,
   *   `DocumentedErrorCodes`: the `@ontap-rest/errors/catalog` entry point) and
   *   `descriptions.ts` (code → description and code → name: all the runtime imports);
   * - `"downstream"`: one `errors.ts` for a team's own specs, the same catalog module with
   *   its types from `"@ontap-rest/errors"` (pass its `catalog` to `registerErrorCatalog`).
   */
  module?: "package" | "downstream";
  /** The command that writes the modules again, for their header. Default `pnpm generate`. */
  rerun?: string;
  /** The specs under `root`, already read (`generateAll` reads them once for every generator). */
  specs?: readonly SpecFile[];
}

export interface ErrorsFiles {
  docsets: string[];
  /** How many codes the specs document. */
  codes: number;
  /** File name → module text. */
  files: Map<string, string>;
}

/** The error modules of the specs under `<root>/spec`, without writing them. */
export function buildErrors(options: BuildErrorsOptions): ErrorsFiles {
  const { root, generator, module = "package", rerun } = options;
  const specs = options.specs ?? readSpecs(root);
  const docsets = specs.map((spec) => spec.docset);
  const model = collect(specs);
  const header = generatedHeader(
    generator,
    specs.map((spec) => spec.file),
    rerun,
  );
  const files = new Map<string, string>();
  if (module === "downstream") {
    files.set(
      "errors.ts",
      printModule(catalogStatements(model, "@ontap-rest/errors", { entries: true }), header),
    );
  } else {
    files.set("catalog.ts", printModule(catalogStatements(model, "../catalog-entry.js"), header));
    files.set(
      "descriptions.ts",
      printModule(descriptionsStatements(model, "./catalog.js"), header),
    );
  }
  return { docsets, codes: model.entries.length, files };
}

export interface GenerateErrorsOptions {
  /** The repo root: the specs are read from `<root>/spec/`. */
  root: string;
  /** Where the modules go (a folder named `generated`): `packages/errors/src/generated`. */
  outDir: string;
  generator?: string;
}

export interface GenerateErrorsResult {
  docsets: string[];
  codes: number;
  /** The file names written, sorted. */
  files: string[];
}

/** Writes `@ontap-rest/errors`' modules (`catalog.ts`, `descriptions.ts`) into `outDir`. */
export function generateErrors(options: GenerateErrorsOptions): GenerateErrorsResult {
  const { root, outDir, generator = "scripts/generate/errors.ts" } = options;
  const { docsets, codes, files } = buildErrors({ root, generator });
  writeGenerated(outDir, files);
  return { docsets, codes, files: [...files.keys()].sort() };
}
