import type { ErrorEntry } from "./catalog-entry.js";
import { isText, shared } from "./registry.js";

/**
 * Adds error codes of your own for `lookupError` and `OntapApiError#entry` (descriptions and
 * names), in every copy of the package in the process: typically the `catalog` that
 * `ontap-rest-codegen` generated from your own specs (only `code`, `name` and `description`
 * are kept).
 *
 * A registered entry replaces the package's entry for the same code, and a later
 * registration an earlier one: the pages your application targets describe the codes it
 * meets. Its `name`, when it has one, replaces the package's name; without one, the package's
 * name stays (a code means the same thing in every doc set). `registerErrorNames` still has
 * the last word on names.
 *
 * Throws, and registers nothing, unless every entry has a non-empty string `code`, a string
 * `description` and, if any, a non-empty string `name`.
 */
export function registerErrorCatalog(entries: readonly ErrorEntry<string>[]): void {
  // Copied first, so a bad entry anywhere registers nothing and later changes to the caller's
  // objects change nothing.
  const copies = entries.map(({ code, name, description }, i) => {
    if (!isText(code) || typeof description !== "string" || !(name === undefined || isText(name))) {
      throw new TypeError(`registerErrorCatalog: entry ${i} is not { code, name?, description }`);
    }
    return { code, name, description };
  });
  for (const entry of copies) shared<ErrorEntry<string>>("catalog").set(entry.code, entry);
}
