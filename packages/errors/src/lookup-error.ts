import type { CatalogEntry } from "./catalog-entry.js";
import { catalog } from "./generated/catalog.js";
import { names } from "./names.js";

// Built on first use (importing the package costs nothing), then Map lookups per call.
let index: Map<string, CatalogEntry> | undefined;
// The last named entry handed out per code, so the same name gives the same object.
const named = new Map<string, CatalogEntry>();

// Registered names live on the global object under a registry-wide symbol: two copies of the
// package (say, the client's and the application's) then share them, as they share
// `instanceof`. Created on first use, never at import.
const NAMES = Symbol.for("@ontap-rest/errors.names");
function registered(): Map<string, string> {
  const global = globalThis as { [NAMES]?: Map<string, string> };
  return (global[NAMES] ??= new Map());
}

function entries(): Map<string, CatalogEntry> {
  if (index === undefined) index = new Map(catalog.map((entry) => [entry.code, entry]));
  return index;
}

/** The documented entry for an ONTAP error code, or `undefined` when no page lists it. */
export function lookupError(code: string): CatalogEntry | undefined {
  const entry = entries().get(code);
  if (entry === undefined) return undefined;
  const name = registered().get(code) ?? names[entry.code];
  if (name === undefined) return entry;
  let result = named.get(code);
  if (result?.name !== name) named.set(code, (result = { ...entry, name }));
  return result;
}

/**
 * Gives codes readable names (`{ "65537120": "AKV_NOT_CONFIGURED" }`), shown as `name` by
 * `lookupError` and on `OntapApiError#entry`. A later name for a code replaces the earlier
 * one, including the package's own. Throws, and names nothing, when a code is not in the
 * catalog (a name there would never show) or a name is not a non-empty string.
 */
export function registerErrorNames(map: Readonly<Record<string, string>>): void {
  const given = Object.entries(map);
  for (const [code, name] of given) {
    if (!entries().has(code)) {
      throw new RangeError(`registerErrorNames: ${code} is not a documented ONTAP error code`);
    }
    if (typeof name !== "string" || name === "") {
      throw new TypeError(`registerErrorNames: the name of ${code} must be a non-empty string`);
    }
  }
  for (const [code, name] of given) registered().set(code, name);
}
