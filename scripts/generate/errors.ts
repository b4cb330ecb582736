// `@ontap-rest/errors`' generated code: the catalog of every error code the specs document.
//
//   tsx scripts/generate/errors.ts     (or `pnpm generate` in packages/errors)
//
// Reads `spec/ontap-<docset>.openapi.yaml` of every doc set and writes
// `packages/errors/src/generated/catalog.ts`, byte for byte the same on every run. A new doc
// set needs no change here: its spec is picked up by name.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { collect, type Spec } from "./errors/collect.js";
import { emit } from "./errors/emit.js";
import { listDocsets, specPath } from "./lib/docsets.js";

export interface GenerateErrorsResult {
  /** The file written. */
  file: string;
  docsets: string[];
  codes: number;
}

/** Generates `<outDir>/catalog.ts` from the specs under `<root>/spec`. */
export function generateErrors(root: string, outDir: string): GenerateErrorsResult {
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
  );
  const file = join(outDir, "catalog.ts");
  // Unchanged bytes are not rewritten: watchers and editors see no change either.
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, text);
  }
  return { file, docsets, codes: model.entries.length };
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && resolve(process.argv[1]) === self) {
  const root = resolve(self, "../../..");
  const { file, docsets, codes } = generateErrors(
    root,
    join(root, "packages/errors/src/generated"),
  );
  console.log(`errors: ${codes} codes from ${docsets.join(", ")} -> ${relative(root, file)}`);
}
