// From parsed specs to the error catalog's model: which codes exist, and which operation of
// which doc set documents which code. Everything is sorted here, so the emitted file depends
// only on what the specs say, never on the order they were read in.
import { compareDigits, compareDocsets } from "./order.js";

export interface Spec {
  docset: string;
  /** Where the spec came from, for error messages (`spec/ontap-9.9.1.openapi.yaml`). */
  file: string;
  document: unknown;
}

export interface Documented {
  docset: string;
  method: string;
  path: string;
  description: string;
}

export interface CodeEntry {
  code: string;
  /** The name the specs give the code (`AKV_NOT_CONFIGURED`), if any operation names it. */
  name?: string;
  /** The first description, by doc set, path and method. */
  description: string;
  documentedIn: Documented[];
}

export interface Operation {
  docset: string;
  path: string;
  method: string;
  /** The codes the operation documents, sorted; empty when the page lists none. */
  codes: string[];
}

export interface Model {
  entries: CodeEntry[];
  operations: Operation[];
}

// The operations of a path item; other keys (`parameters`, `summary`, `$ref`...) are not.
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Reads `x-ntap-error-codes` on every operation's `default` response. An operation without
 * it (a page cut off before its error table) is left out rather than taken to document no
 * codes. A malformed extension throws `file: METHOD path: what was expected`: the ingester
 * writes it, so a bad one is a bug there, and a catalog silently missing codes would be wrong.
 *
 * A `name` (put there by an overlay: people choose names, the pages have none) names the code
 * everywhere; two different names for one code throw, naming both places, since either could
 * be the mistake.
 */
export function collect(specs: readonly Spec[]): Model {
  const byCode = new Map<string, Documented[]>();
  const names = new Map<string, { name: string; where: string }>();
  const operations: Operation[] = [];

  for (const { docset, file, document } of specs) {
    const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {};
    for (const [path, item] of Object.entries(paths)) {
      if (!isRecord(item)) continue;
      for (const method of METHODS) {
        const operation = item[method];
        if (!isRecord(operation) || !isRecord(operation.responses)) continue;
        const fallback = operation.responses.default;
        if (!isRecord(fallback) || !("x-ntap-error-codes" in fallback)) continue;
        const where = `${file}: ${method.toUpperCase()} ${path}`;
        const codes = new Set<string>();
        for (const { code, name, description } of readCodes(
          fallback["x-ntap-error-codes"],
          where,
        )) {
          if (name !== undefined) {
            const named = names.get(code);
            if (named === undefined) names.set(code, { name, where });
            else if (named.name !== name) {
              throw new Error(
                `${where}: code ${code} is named ${name} here and ${named.name} in ${named.where}`,
              );
            }
          }
          // The ingester unites pages, so a repeated code is not expected; the first one wins.
          if (codes.has(code)) continue;
          codes.add(code);
          const list = byCode.get(code) ?? [];
          list.push({ docset, method, path, description });
          byCode.set(code, list);
        }
        operations.push({ docset, path, method, codes: [...codes].sort(compareCodes) });
      }
    }
  }

  const entries = [...byCode]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([code, documentedIn]): CodeEntry => {
      documentedIn.sort(compareOperations);
      const name = names.get(code)?.name;
      const description = documentedIn[0]!.description;
      return name === undefined
        ? { code, description, documentedIn }
        : { code, name, description, documentedIn };
    });
  operations.sort(compareOperations);
  return { entries, operations };
}

function readCodes(
  value: unknown,
  where: string,
): { code: string; name?: string; description: string }[] {
  const expected = `${where}: x-ntap-error-codes: expected a list of {code: "<digits>", description: "<text>", name?: "<NAME>"}`;
  if (!Array.isArray(value)) throw new Error(`${expected}, found ${describe(value)}`);
  return value.map((item, i) => {
    if (!isRecord(item) || typeof item.code !== "string" || item.code === "") {
      throw new Error(
        `${expected}; item ${i} has code ${describe(isRecord(item) ? item.code : item)}`,
      );
    }
    if (typeof item.description !== "string") {
      throw new Error(
        `${expected}; item ${i} (${item.code}) has description ${describe(item.description)}`,
      );
    }
    if (item.name === undefined) return { code: item.code, description: item.description };
    if (typeof item.name !== "string" || item.name === "") {
      throw new Error(`${expected}; item ${i} (${item.code}) has name ${describe(item.name)}`);
    }
    return { code: item.code, name: item.name, description: item.description };
  });
}

/** Codes as numbers (ONTAP's are decimal digits); anything else after them, by code unit. */
export function compareCodes(a: string, b: string): number {
  const da = /^\d+$/.test(a);
  const db = /^\d+$/.test(b);
  if (da && db) return compareDigits(a, b);
  if (da !== db) return da ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareOperations(
  a: { docset: string; path: string; method: string },
  b: { docset: string; path: string; method: string },
): number {
  return (
    compareDocsets(a.docset, b.docset) ||
    compareText(a.path, b.path) ||
    compareText(a.method, b.method)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value);
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
