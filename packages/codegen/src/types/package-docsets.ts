// The doc sets `@ontap-rest/types` itself has, as the program the generated modules belong to
// sees it: a team's doc set of the same name would be declared twice in `DocSets` (a type
// error in the generated `index.ts`, far from its cause), so generateAll refuses it up front.
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * `docsets` of the `@ontap-rest/types` that resolves from `dir` (the output folder), or none
 * when it is not installed there: then the generated index augments nothing it could clash with.
 */
export async function packageDocsets(dir: string): Promise<string[]> {
  let entry: string;
  try {
    entry = createRequire(join(resolve(dir), "index.ts")).resolve("@ontap-rest/types");
  } catch {
    return [];
  }
  const { docsets } = (await import(pathToFileURL(entry).href)) as { docsets?: unknown };
  return Array.isArray(docsets) ? docsets.filter((d): d is string => typeof d === "string") : [];
}
