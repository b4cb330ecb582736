// Everything a downstream team generates from its own specs, into one `generated` folder:
// the same generators that make `@ontap-rest/types` and `@ontap-rest/errors`, with the
// modules pointing at those packages instead of into them.
import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { listDocsets } from "./lib/docsets.js";
import { readSpecs } from "./lib/read-specs.js";
import { UsageError } from "./lib/usage-error.js";
import { writeGenerated } from "./lib/write-generated.js";
import { buildErrors } from "./errors/generate-errors.js";
import { buildIntroducedModule, INTRODUCED_FILE } from "./introduced/generate-introduced.js";
import { buildTypes } from "./types/generate-types.js";
import { packageDocsets } from "./types/package-docsets.js";

/** Module names of their own in the output folder: no doc set may be called this. */
const RESERVED = ["index", "errors", "introduced"] as const;
const INDEX_FILE = "index.ts";

export interface GenerateAllOptions {
  /** The folder with `spec/ontap-<docset>.openapi.yaml` (what `ontap-rest-ingest --out` wrote). */
  root: string;
  /** The output folder; must be named `generated` (it holds exactly this run's files). */
  outDir: string;
  /** Named in each module's header as what wrote it. Default `@ontap-rest/codegen`. */
  generator?: string;
  /** The command that writes the modules again, for their header. Default `ontap-rest-codegen`. */
  rerun?: string;
}

export interface GenerateAllResult {
  docsets: string[];
  /** The file names written, sorted. */
  files: string[];
  /** Error codes in `errors.ts`. */
  codes: number;
}

/**
 * Writes `<outDir>/<docset>.d.ts` (openapi-typescript's types and the aliases, as
 * `@ontap-rest/types/<docset>` has them, as a declaration file: see declarationName),
 * `<outDir>/index.ts` (the doc sets, added to `@ontap-rest/types`' `DocSets` so the client
 * accepts them) and `<outDir>/errors.ts` (the error catalog of these specs, as
 * `@ontap-rest/errors/catalog` has the package's: its own `KnownCode`, `catalog` and
 * `DocumentedErrorCodes`, typed by `@ontap-rest/errors`; give `catalog` to
 * `registerErrorCatalog` for `lookupError` and `OntapApiError#entry` to know the codes) and `<outDir>/introduced.ts` (`introducedIn[docset]`, the release each operation came
 * in, for the client's `introducedIn` option: its version check).
 *
 * Throws before anything is written: a `UsageError` (the CLI's exit 2) for an `outDir` not
 * named `generated` or a root without specs, an `Error` naming the spec for a doc set whose
 * name cannot be a module here.
 */
export async function generateAll(options: GenerateAllOptions): Promise<GenerateAllResult> {
  const {
    root,
    outDir,
    generator = "@ontap-rest/codegen",
    rerun = "`ontap-rest-codegen`",
  } = options;
  // All checked before anything is built or written: writing empties the folder of other files.
  if (basename(resolve(outDir)) !== "generated") {
    throw new UsageError(
      `${outDir}: must be named "generated" (it holds exactly one run's files: any other file in it is deleted)`,
    );
  }
  const specDir = join(root, "spec");
  if (!existsSync(specDir)) {
    throw new UsageError(
      `${specDir}: no such folder (is ${root} the folder with spec/ontap-<docset>.openapi.yaml?)`,
    );
  }
  const docsets = listDocsets(root);
  // No spec at all is a wrong root, not a team without doc sets: writing empty modules would
  // delete what the last run wrote and leave code that compiles but knows nothing.
  if (docsets.length === 0) {
    throw new UsageError(
      `${specDir}: no spec/ontap-<docset>.openapi.yaml to generate from (ontap-rest-ingest --out writes one)`,
    );
  }
  assertModuleNames(docsets, await packageDocsets(outDir));
  // Read once for the three generators: parsing is most of their time on a large spec.
  const specs = readSpecs(root);
  const types = await buildTypes({ root, generator, rerun, index: "augment", specs });
  const errors = buildErrors({ root, generator, rerun, module: "downstream", specs });
  const introduced = buildIntroducedModule(root, { generator, rerun, specs });
  const files = new Map([
    ...[...types.files].map(([name, text]) => [declarationName(name), text] as const),
    ...errors.files,
    [INTRODUCED_FILE, introduced.text],
  ]);
  writeGenerated(outDir, files);
  return { docsets: types.docsets, files: [...files.keys()].sort(), codes: errors.codes };
}

/**
 * A doc set's types module is written as a declaration file, `<docset>.d.ts`: it holds
 * nothing but types (openapi-typescript's and the aliases), and a user's `tsc` with
 * `skipLibCheck` (the default of every tsconfig template) skips checking declaration files,
 * while a `.ts` source of the project is checked in full: at 1,500 operations (16.5 MB of
 * types) that was the largest part of a user's type check (BENCHMARKS.md, scale). Imports
 * of `./<docset>.js` resolve to it as they did to `<docset>.ts`; it emits no JavaScript, and
 * needs none. `index.ts` keeps its runtime `docsets` list, so it stays a source.
 */
function declarationName(name: string): string {
  return name === INDEX_FILE ? name : name.replace(/\.ts$/, ".d.ts");
}

/**
 * Each doc set becomes `<docset>.d.ts` next to the modules of RESERVED, and a key of
 * `@ontap-rest/types`' `DocSets`: names are compared without case, since where file names
 * ignore it (macOS, Windows) `Index.ts` is `index.ts`, and a doc set the package has already
 * would be declared twice.
 */
function assertModuleNames(docsets: readonly string[], published: readonly string[]): void {
  const byKey = new Map<string, string>();
  for (const docset of docsets) {
    const file = `spec/ontap-${docset}.openapi.yaml`;
    const key = docset.toLowerCase();
    if ((RESERVED as readonly string[]).includes(key)) {
      throw new Error(
        `${file}: "${docset}" cannot be a doc set name here (the output has a module ${key}.ts)`,
      );
    }
    const other = byKey.get(key);
    if (other !== undefined) {
      throw new Error(
        `${file}: doc sets "${other}" and "${docset}" differ only in case: where file names ignore case (macOS, Windows), their modules are one file`,
      );
    }
    byKey.set(key, docset);
    if (published.includes(docset)) {
      throw new Error(
        `${file}: @ontap-rest/types has a doc set "${docset}" already, and its DocSets cannot have it twice: give the team's a name of its own ("acme-${docset}")`,
      );
    }
  }
}
