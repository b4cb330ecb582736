// What applications register (names, catalogs of their own codes) lives on the global object
// under a registry-wide symbol: two copies of the package (say, the client's and the
// application's) then share it, as they share `instanceof`. Created on first use, never at
// import. A symbol per map, each holding a plain `Map`: copies of different versions agree on
// that much.
const global = globalThis as { [key: symbol]: Map<string, unknown> | undefined };

/** The process-wide map `@ontap-rest/errors.<key>`. */
export function shared<T>(key: "names" | "catalog"): Map<string, T> {
  return (global[Symbol.for(`@ontap-rest/errors.${key}`)] ??= new Map()) as Map<string, T>;
}

/** A name or a code: a string with something in it. */
export function isText(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}
