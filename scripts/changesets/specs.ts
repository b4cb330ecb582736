import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec, SpecLoadError } from "@ontap-rest/diff";
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

/**
 * A spec read from git (`<ref>:spec/…`): written to a temporary file and read by loadSpec, as
 * the working tree's specs are, so both sides of the comparison parse alike, with js-yaml (a
 * 1,500-operation spec of 20 MB in about 1 s; `yaml`, read here before, took 7 s: BENCHMARKS.md,
 * scale). Errors name `where`, not the temporary file.
 */
export function parseSpec(text: string, where: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), "changeset-spec-"));
  const file = join(dir, "spec.yaml");
  try {
    writeFileSync(file, text);
    return loadSpec(file);
  } catch (e) {
    if (e instanceof SpecLoadError) throw new ChangesetSpecError(e.message.replace(file, where));
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
