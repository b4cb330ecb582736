// `@ontap-rest/client`'s generated version table (`src/generated/introduced.ts`): for every
// doc set that has a spec, the release each operation was introduced in, so the client can
// refuse an operation a cluster is too old to have before sending it.
//
// Reads `spec/ontap-<docset>.openapi.yaml` of every doc set under a root and builds one
// module, byte for byte the same on every run. A new doc set needs no change here: its spec
// is picked up by name.
import { join } from "node:path";
import { generatedHeader, printModule } from "../lib/print-module.js";
import { readSpecs, type SpecFile } from "../lib/read-specs.js";
import { writeGenerated } from "../lib/write-generated.js";
import { collect } from "./collect.js";
import { introducedStatements } from "./emit.js";

/** The module's file name in its `generated` folder. */
export const INTRODUCED_FILE = "introduced.ts";

export interface BuildIntroducedOptions {
  /** Named in the module's header as what wrote it. */
  generator: string;
  /** The command that writes the module again, for its header. Default `pnpm generate`. */
  rerun?: string;
  /** The specs under `root`, already read (`generateAll` reads them once for every generator). */
  specs?: readonly SpecFile[];
}

export interface IntroducedModule {
  docsets: string[];
  /** Table entries, over every doc set. */
  operations: number;
  text: string;
}

/**
 * The module of the specs under `<root>/spec`, without writing it: what a downstream team
 * passes (its `introducedIn[docset]`) as the client's `introducedIn` option for doc sets of
 * its own.
 */
export function buildIntroducedModule(
  root: string,
  options: BuildIntroducedOptions,
): IntroducedModule {
  const specs = options.specs ?? readSpecs(root);
  const docsets = specs.map((spec) => spec.docset);
  const tables = collect(specs);
  const text = printModule(
    introducedStatements(tables),
    generatedHeader(
      options.generator,
      specs.map((spec) => spec.file),
      options.rerun,
    ),
  );
  const operations = tables.reduce((sum, table) => sum + table.operations.length, 0);
  return { docsets, operations, text };
}

export interface GenerateIntroducedResult extends Omit<IntroducedModule, "text"> {
  /** The file written. */
  file: string;
}

/**
 * Writes `<outDir>/introduced.ts` from the specs under `<root>/spec`. `outDir` is a folder
 * named `generated` that holds this module alone (`packages/client/src/generated`).
 */
export function generateIntroduced(
  root: string,
  outDir: string,
  generator = "scripts/generate/client.ts",
): GenerateIntroducedResult {
  const { text, ...rest } = buildIntroducedModule(root, { generator });
  writeGenerated(outDir, new Map([[INTRODUCED_FILE, text]]));
  return { file: join(outDir, INTRODUCED_FILE), ...rest };
}
