// The doc sets every generator works on, and where their specs are.
//
// The list is read from the generated specs (`spec/ontap-<docset>.openapi.yaml`), not from
// `spec/sources/`: a source folder with `publish: false` has no spec, and every package must
// offer exactly the doc sets that have one. A new doc set is therefore picked up by name, with
// no code change, as soon as `@ontap-rest/spec#generate` has written its spec.
//
// Shared by every generator under scripts/generate/ (types, openapi, errors): keep the two
// exports and their meaning stable.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const SPEC_FILE = /^ontap-(.+)\.openapi\.yaml$/;

// A doc set name ends up in file names, module specifiers (`@ontap-rest/types/<docset>`) and
// string literals. Folder names like `9.9.1` or `latest` are fine; anything that would need
// escaping somewhere is refused rather than mangled differently by each generator.
const DOCSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The doc sets that have a `spec/ontap-<docset>.openapi.yaml` under `root`, sorted in plain
 * code-unit order (the same on every machine and locale, like `scripts/ingest-docsets.mjs`).
 *
 * Throws when `root` has no `spec/` folder (a wrong root must not look like "no doc sets":
 * generators delete the outputs of doc sets that are gone) or when a spec file's doc set name
 * is not a plain name.
 */
export function listDocsets(root: string): string[] {
  const dir = join(root, "spec");
  if (!existsSync(dir)) throw new Error(`${dir}: no such folder (is ${root} the repo root?)`);
  const docsets: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const docset = SPEC_FILE.exec(entry.name)?.[1];
    if (docset === undefined) continue;
    if (!DOCSET_NAME.test(docset)) {
      throw new Error(
        `spec/${entry.name}: doc set name ${JSON.stringify(docset)} must match ${DOCSET_NAME}`,
      );
    }
    docsets.push(docset);
  }
  return docsets.sort(compareCodeUnits);
}

/** The absolute path of the spec of `docset` under `root`: `<root>/spec/ontap-<docset>.openapi.yaml`. */
export function specPath(root: string, docset: string): string {
  return join(root, "spec", `ontap-${docset}.openapi.yaml`);
}

// `Array#sort` without a comparator compares UTF-16 code units too, but says so only
// implicitly; `localeCompare` would depend on the machine's locale.
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
