import { describe, expect, test } from "vitest";
import { parseTypeRef } from "../../src/extract/type-ref.js";

describe("parseTypeRef", () => {
  const cases: [string, { given: string; want: object }][] = [
    ["primitive", { given: "integer", want: { kind: "primitive", name: "integer" } }],
    [
      "array of primitive",
      {
        given: "array[string]",
        want: { kind: "array", items: { kind: "primitive", name: "string" } },
      },
    ],
    [
      "array with spaces",
      {
        given: "array[ azure_key_vault ]",
        want: { kind: "array", items: { kind: "named", name: "azure_key_vault" } },
      },
    ],
    ["named", { given: "_links", want: { kind: "named", name: "_links" } }],
    ["missing", { given: "", want: { kind: "missing" } }],
    ["enum is a string", { given: "enum", want: { kind: "primitive", name: "string" } }],
    [
      "array of enum",
      {
        given: "array[enum]",
        want: { kind: "array", items: { kind: "primitive", name: "string" } },
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(parseTypeRef(given)).toEqual(want));
});
