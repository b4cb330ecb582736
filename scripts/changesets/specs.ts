import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadSpec, SpecLoadError } from "@ontap-rest/diff";
import { parse } from "yaml";
import { ChangesetSpecError } from "./errors.js";

/** The committed specs, one per doc set, as `pnpm generate` writes them. */
export const SPEC_DIR = "spec";
const SPEC_FILE = /^ontap-(.+)\.openapi\.yaml$/;

/** The specs of one side of the comparison: doc set → parsed document. */
export type SpecSet = Map<string, unknown>;

export function specFile(docset: string): string {
  return `${SPEC_DIR}/ontap-${docset}.openapi.yaml`;
}

/** The doc set a file name in spec/ belongs to, or undefined for any other file. */
export function docsetOf(name: string): string | undefined {
  return SPEC_FILE.exec(name)?.[1];
}

/**
 * The specs in the working tree: what `pnpm generate` wrote and CI compares with the commit,
 * so also what the next release will publish.
 */
export function readWorkingSpecs(cwd: string): SpecSet {
  const specs: SpecSet = new Map();
  let names: string[];
  try {
    names = readdirSync(join(cwd, SPEC_DIR));
  } catch {
    return specs; // no spec/ at all: no doc set (all of the baseline's were removed)
  }
  for (const name of names.sort()) {
    const docset = docsetOf(name);
    if (docset === undefined) continue;
    try {
      specs.set(docset, loadSpec(join(cwd, SPEC_DIR, name)));
    } catch (e) {
      if (e instanceof SpecLoadError)
        throw new ChangesetSpecError(e.message.replace(`${cwd}/`, ""));
      throw e;
    }
  }
  return specs;
}

/** A spec read from git (`<ref>:spec/…`): the same checks loadSpec makes on a file. */
export function parseSpec(text: string, where: string): unknown {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new ChangesetSpecError(
      `${where}: expected YAML (${(e as Error).message.split("\n")[0]})`,
    );
  }
  const paths = (doc as { paths?: unknown } | null)?.paths;
  if (typeof paths !== "object" || paths === null || Array.isArray(paths))
    throw new ChangesetSpecError(`${where}: expected an OpenAPI 3 document with a "paths" object`);
  return doc;
}
