import { deepEqual } from "./json.js";
import type { Json, Report } from "./types.js";

/**
 * Keys that only document (prose, samples, where a page says a thing was introduced, related
 * CLI commands): a change to them is a fix. Shared by operations, parameters, responses and
 * schemas so that they all agree on what "documentation only" means.
 */
const DOC_KEYS: Record<string, string> = {
  summary: "summary",
  description: "description",
  title: "title",
  example: "example",
  examples: "examples",
  externalDocs: "external docs",
  tags: "tags",
  "x-codeSamples": "code samples",
  "x-ntap-introduced": "introduced-in release",
  "x-ntap-cli": "related CLI commands",
};

/**
 * Provenance the ingester records (which page, which line, whether a value was inferred or the
 * page was cut off). It describes the documents, not the API, and differs between releases
 * for every operation; reporting it would bury the real changes.
 */
const PROVENANCE_KEYS = new Set([
  "x-ntap-doc-source",
  "x-ntap-also-documented-in",
  "x-ntap-inferred",
  "x-ntap-truncated",
]);

export function isDocKey(key: string): boolean {
  return Object.hasOwn(DOC_KEYS, key) || PROVENANCE_KEYS.has(key);
}

/** Reports the documentation-only differences between two nodes as fixes. */
export function compareDocs(report: Report, where: string, o: Json, n: Json): void {
  for (const [key, what] of Object.entries(DOC_KEYS)) {
    if (deepEqual(o[key], n[key])) continue;
    const how = o[key] === undefined ? "added" : n[key] === undefined ? "removed" : "changed";
    report("fix", where, `${what} ${how}`, values(o[key], n[key]));
  }
}

/**
 * Keys nothing else compares: a vendor extension changes no request or response (a fix);
 * anything else may, and is breaking until a rule says otherwise.
 */
export function compareRest(
  report: Report,
  where: string,
  o: Json,
  n: Json,
  handled: ReadonlySet<string>,
): void {
  const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])].sort();
  for (const key of keys) {
    if (handled.has(key) || isDocKey(key) || deepEqual(o[key], n[key])) continue;
    report(
      key.startsWith("x-") ? "fix" : "breaking",
      where,
      `${key} changed`,
      values(o[key], n[key]),
    );
  }
}

/** `{old, new}` without the undefined side, so that JSON output has no `null` placeholders. */
export function values(o: unknown, n: unknown): { old?: unknown; new?: unknown } {
  return { ...(o === undefined ? {} : { old: o }), ...(n === undefined ? {} : { new: n }) };
}
