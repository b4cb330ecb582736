// The specs every generator reads: each doc set's `spec/ontap-<docset>.openapi.yaml`, parsed.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { listDocsets, specPath } from "./docsets.js";

export interface SpecFile {
  docset: string;
  /** Relative to the root, with `/` (`spec/ontap-9.9.1.openapi.yaml`): for messages and headers. */
  file: string;
  /** The absolute path. */
  path: string;
  document: unknown;
}

/**
 * Every doc set's spec under `<root>/spec`, in `listDocsets` order. A spec that cannot be read
 * or parsed throws `<file>: cannot read the spec: …`: a generator must not leave a doc set out.
 */
export function readSpecs(root: string): SpecFile[] {
  return listDocsets(root).map((docset) => {
    const path = specPath(root, docset);
    const file = relative(root, path).split("\\").join("/");
    try {
      return { docset, file, path, document: parseSpec(readFileSync(path, "utf8")) };
    } catch (error) {
      throw new Error(`${file}: cannot read the spec: ${(error as Error).message}`);
    }
  });
}

/**
 * js-yaml, not `yaml`: a 1,500-operation spec (20 MB) parses in ~1 s instead of ~7 s (see
 * BENCHMARKS.md, scale), to the same values. The YAML 1.2 core schema is what `yaml` reads by
 * default: no timestamps or `<<` merge keys, so `2021-01-01` stays a string.
 */
export function parseSpec(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}
