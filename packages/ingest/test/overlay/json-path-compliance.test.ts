import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { describe, expect, test } from "vitest";
import { queryJsonPath } from "../../src/overlay/json-path.js";
import { JsonPathSyntaxError } from "../../src/overlay/json-path-syntax.js";

// The JSONPath Compliance Test Suite (RFC 9535), as the jsonpath-rfc9535 package ships it in its
// sources (a dev dependency for this test and bench:jsonpath; json-p3 runs the suite in its own
// repository but does not publish it).
const require = createRequire(import.meta.url);
const CTS = `${dirname(require.resolve("jsonpath-rfc9535/package.json"))}/src/__tests__/jsonpath-compliance-test-suite/cts.json`;

interface Case {
  name: string;
  selector: string;
  document?: unknown;
  invalid_selector?: true;
  result?: unknown[];
  results?: unknown[][];
  result_paths?: string[];
  results_paths?: string[][];
}
const { tests } = JSON.parse(readFileSync(CTS, "utf8")) as { tests: Case[] };

/**
 * The suite's node list with each node once, at its first place: queryJsonPath selects a place
 * once (an overlay must not update it twice) where RFC 9535 repeats it (`$[0,0]`).
 */
function once(values: unknown[], paths: string[]): { values: unknown[]; paths: string[] } {
  const seen = new Set<string>();
  const out = { values: [] as unknown[], paths: [] as string[] };
  paths.forEach((path, i) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.values.push(values[i]);
    out.paths.push(path);
  });
  return out;
}

describe("the JSONPath Compliance Test Suite through queryJsonPath", () => {
  test("the suite is there, whole", () => {
    expect(tests.length).toBeGreaterThan(600);
  });

  const invalid = tests.filter((t) => t.invalid_selector);
  test.each(invalid.map((t) => [t.name, t] as const))("invalid: %s", (_name, t) => {
    expect(() => queryJsonPath(t.document ?? null, t.selector)).toThrow(JsonPathSyntaxError);
  });

  const valid = tests.filter((t) => !t.invalid_selector);
  test.each(valid.map((t) => [t.name, t] as const))("%s", (_name, t) => {
    const matches = queryJsonPath(t.document, t.selector);
    const got = { values: matches.map((m) => m.value), paths: matches.map((m) => m.path) };
    // One of the results the suite allows (object member order is not fixed by RFC 9535).
    const results = t.results ?? [t.result!];
    const paths = t.results_paths ?? (t.result_paths ? [t.result_paths] : undefined);
    const wants = paths
      ? results.map((values, i) => once(values, paths[i]!))
      : results.map((values) => ({ values, paths: got.paths }));
    expect(wants).toContainEqual(got);
  });

  test("a node the RFC lists twice is selected once", () => {
    const repeated = valid.filter(
      (t) => t.result_paths && new Set(t.result_paths).size < t.result_paths.length,
    );
    expect(repeated.map((t) => t.name).length).toBeGreaterThan(0);
  });
});
