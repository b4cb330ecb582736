// Everything a downstream team generates from its own specs, into one `generated` folder:
// the same generators that make `@ontap-rest/types` and `@ontap-rest/errors`, with the
// modules pointing at those packages instead of into them.
import { listDocsets } from "./lib/docsets.js";
import { writeGenerated } from "./lib/write-generated.js";
import { buildErrors } from "./errors/generate-errors.js";
import { buildIntroducedModule, INTRODUCED_FILE } from "./introduced/generate-introduced.js";
import { buildTypes } from "./types/generate-types.js";

/** Module names of their own in the output folder: no doc set may be called this. */
const RESERVED = ["index", "errors", "introduced"] as const;

export interface GenerateAllOptions {
  /** The folder with `spec/ontap-<docset>.openapi.yaml` (what `ontap-rest-ingest --out` wrote). */
  root: string;
  /** The output folder; must be named `generated` (it holds exactly this run's files). */
  outDir: string;
  /** Named in each module's header as what wrote it. Default `ontap-rest-codegen`. */
  generator?: string;
}

export interface GenerateAllResult {
  docsets: string[];
  /** The file names written, sorted. */
  files: string[];
  /** Error codes in `errors.ts`. */
  codes: number;
}

/**
 * Writes `<outDir>/<docset>.ts` (openapi-typescript's types and the aliases, as
 * `@ontap-rest/types/<docset>` has them), `<outDir>/index.ts` (the doc sets, added to
 * `@ontap-rest/types`' `DocSets` so the client accepts them) and `<outDir>/errors.ts` (the
 * error catalog of these specs, as `@ontap-rest/errors/catalog` has the package's: its own
 * `KnownCode`, `catalog` and `DocumentedErrorCodes`, typed by `@ontap-rest/errors`; give
 * `catalog` to `registerErrorCatalog` for `lookupError` and `OntapApiError#entry` to know the
 * codes) and `<outDir>/introduced.ts` (`introducedIn[docset]`, the release each operation came
 * in, for the client's `introducedIn` option: its version check).
 */
export async function generateAll(options: GenerateAllOptions): Promise<GenerateAllResult> {
  const { root, outDir, generator = "ontap-rest-codegen" } = options;
  for (const docset of listDocsets(root)) {
    if ((RESERVED as readonly string[]).includes(docset)) {
      throw new Error(
        `spec/ontap-${docset}.openapi.yaml: "${docset}" cannot be a doc set name here (the output has a module of that name)`,
      );
    }
  }
  const types = await buildTypes({ root, generator, index: "augment" });
  const errors = buildErrors({ root, generator, module: "downstream" });
  const introduced = buildIntroducedModule(root, { generator });
  const files = new Map([...types.files, ...errors.files, [INTRODUCED_FILE, introduced.text]]);
  writeGenerated(outDir, files);
  return { docsets: types.docsets, files: [...files.keys()].sort(), codes: errors.codes };
}
