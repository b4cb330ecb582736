// From parsed specs to the client's version table: per doc set, which operation was
// introduced in which release (`x-ntap-introduced`, the pages' "Introduced In"). Sorted here,
// so the emitted module depends only on what the specs say, not on the order they were read.
import { HTTP_METHODS } from "../types/spec-operations.js";
import { compareReleases, RELEASE, REST_API_SINCE } from "./release.js";

export interface Spec {
  docset: string;
  /** Where the spec came from, for error messages (`spec/ontap-9.9.1.openapi.yaml`). */
  file: string;
  document: unknown;
}

export interface DocsetReleases {
  docset: string;
  /** `["POST /security/azure-key-vaults", "9.8"]`, by path then method. */
  operations: [operation: string, release: string][];
}

/**
 * The operations of each spec that were introduced after `REST_API_SINCE` (earlier ones are
 * left out: see there). An operation without `x-ntap-introduced` is left out too: its page
 * does not say, and the client does not guess. A value that is not a release throws
 * `file: METHOD path: …`: the ingester writes it, so a bad one is a bug there, and a table
 * that silently skipped it would let the client send what an older cluster does not have.
 */
export function collect(specs: readonly Spec[]): DocsetReleases[] {
  return specs.map(({ docset, file, document }) => {
    const operations: [string, string][] = [];
    const paths = record(record(document)?.paths) ?? {};
    for (const path of Object.keys(paths).sort(compareText)) {
      const item = record(paths[path]) ?? {};
      for (const method of [...HTTP_METHODS].sort(compareText)) {
        const operation = record(item[method]);
        if (!operation || !("x-ntap-introduced" in operation)) continue;
        const name = `${method.toUpperCase()} ${path}`;
        const release = operation["x-ntap-introduced"];
        // A YAML number would already be wrong: 9.10 unquoted reads as 9.1.
        if (typeof release !== "string" || !RELEASE.test(release)) {
          throw new Error(
            `${file}: ${name}: x-ntap-introduced: expected a release such as "9.10" (a quoted string), found ${JSON.stringify(release)}`,
          );
        }
        if (compareReleases(release, REST_API_SINCE) > 0) operations.push([name, release]);
      }
    }
    return { docset, operations };
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
