import ts from "typescript";
import { describe, expect, it } from "vitest";
import { pathsByMethod } from "../../src/types/paths-by-method.js";
import type { SpecOperation } from "../../src/types/spec-operations.js";

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: true });
const source = ts.createSourceFile("x.ts", "", ts.ScriptTarget.Latest);
const print = (node: ts.Node): string =>
  printer.printNode(ts.EmitHint.Unspecified, node, source).replace(/\s+/g, " ");

const op = (method: SpecOperation["method"], path: string): SpecOperation => ({
  method,
  path,
  operationId: undefined,
  summary: undefined,
  jsonRequestBody: false,
  jsonSuccessStatuses: [],
});

describe("pathsByMethod", () => {
  const cases: [string, { given: SpecOperation[]; want: Record<string, string> }][] = [
    [
      "each method its paths, in document order; the others never",
      {
        given: [
          op("get", "/b"),
          op("post", "/b"),
          op("get", "/a/{uuid}"),
          op("patch", "/a/{uuid}"),
        ],
        want: { get: '"/b" | "/a/{uuid}"', post: '"/b"', patch: '"/a/{uuid}"', put: "never" },
      },
    ],
    ["no operation: every method never", { given: [], want: { get: "never", trace: "never" } }],
    [
      "a path with quotes stays one string literal",
      { given: [op("delete", '/x/"y"')], want: { delete: '"/x/\\"y\\""' } },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    const text = print(pathsByMethod(given));
    expect(text).toMatch(/^export interface PathsByMethod \{/);
    for (const method of ["get", "put", "post", "delete", "options", "head", "patch", "trace"])
      expect(text).toContain(` ${method}: `);
    for (const [method, type] of Object.entries(want))
      expect(text).toContain(` ${method}: ${type};`);
  });
});
