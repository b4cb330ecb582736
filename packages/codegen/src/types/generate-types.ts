// `@ontap-rest/types`' generated modules: one per doc set (`<docset>.ts`: openapi-typescript's
// output and the aliases) and `index.ts` (the list of doc sets and `DocSets`).
import ts from "typescript";
import { generatedHeader, printModule } from "../lib/print-module.js";
import { readSpecs, type SpecFile } from "../lib/read-specs.js";
import { writeGenerated } from "../lib/write-generated.js";
import { genericAliases } from "./generic-aliases.js";
import { augmentModule, indexModule } from "./index-module.js";
import { openapiTypes } from "./openapi-types.js";
import { operationAliases } from "./operation-aliases.js";
import { pathsByMethod } from "./paths-by-method.js";
import { readOperations } from "./spec-operations.js";

export interface BuildTypesOptions {
  /** The repo root: the specs are read from `<root>/spec/`. */
  root: string;
  /** Named in each module's header as what wrote it. */
  generator: string;
  /**
   * What `index.ts` is: `"package"` declares `DocSets` (`@ontap-rest/types` itself);
   * `"augment"` adds the doc sets to `@ontap-rest/types`' `DocSets` (a downstream team's own
   * doc sets, so `createOntapClient({ docset })` accepts them). Default `"package"`.
   */
  index?: "package" | "augment";
  /** The command that writes the modules again, for their header. Default `pnpm generate`. */
  rerun?: string;
  /** The specs under `root`, already read (`generateAll` reads them once for every generator). */
  specs?: readonly SpecFile[];
}

export interface GenerateTypesOptions extends Omit<BuildTypesOptions, "generator"> {
  /** Where the modules go (a folder named `generated`): `packages/types/src/generated`. */
  outDir: string;
  generator?: string;
}

export interface TypesFiles {
  docsets: string[];
  /** File name → module text: `<docset>.ts` per doc set, and `index.ts`. */
  files: Map<string, string>;
}

/** Writes `<outDir>/<docset>.ts` for every doc set that has a spec, and `<outDir>/index.ts`. */
export async function generateTypes(options: GenerateTypesOptions): Promise<{ docsets: string[] }> {
  const { outDir, generator = "scripts/generate/types.ts", ...rest } = options;
  const { docsets, files } = await buildTypes({ ...rest, generator });
  writeGenerated(outDir, files);
  return { docsets };
}

/** The modules `generateTypes` writes, without writing them. */
export async function buildTypes(options: BuildTypesOptions): Promise<TypesFiles> {
  const { root, generator, index = "package", rerun } = options;
  const specs = options.specs ?? readSpecs(root);
  const docsets = specs.map((spec) => spec.docset);
  const files = new Map<string, string>();

  for (const { docset, file: source, path, document } of specs) {
    // `index` is the index module's own name.
    if (docset === "index") throw new Error(`${source}: "index" cannot be a doc set name here`);
    const nodes = await openapiTypes(path);
    const operations = readOperations(document);
    const aliases = [
      ...genericAliases(),
      ...operationAliases(operations).map((alias) => alias.declaration),
    ];
    const statements = [...nodes, pathsByMethod(operations), ...aliases];
    assertUniqueNames(statements, source);
    files.set(`${docset}.ts`, printModule(statements, generatedHeader(generator, [source], rerun)));
  }

  files.set(
    "index.ts",
    printModule(
      index === "augment" ? augmentModule(docsets) : indexModule(docsets),
      generatedHeader(
        generator,
        docsets.map((docset) => `spec/ontap-${docset}.openapi.yaml`),
        rerun,
      ),
    ),
  );
  return { docsets, files };
}

// Two declarations with one name would merge or clash in ways that depend on their kinds; an
// operationId whose PascalCase form meets another name is reported instead.
function assertUniqueNames(statements: readonly ts.Statement[], source: string): void {
  const seen = new Set<string>();
  for (const statement of statements) {
    const name =
      ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)
        ? statement.name.text
        : undefined;
    if (name === undefined) continue;
    if (seen.has(name)) {
      throw new Error(`${source}: two declarations named ${name} (from operationIds or the spec)`);
    }
    seen.add(name);
  }
}
