// The specs every generator reads: each doc set's `spec/ontap-<docset>.openapi.yaml`, parsed.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parse } from "yaml";
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
      return { docset, file, path, document: parse(readFileSync(path, "utf8")) as unknown };
    } catch (error) {
      throw new Error(`${file}: cannot read the spec: ${(error as Error).message}`);
    }
  });
}
