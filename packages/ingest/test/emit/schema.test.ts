import { describe, expect, test } from "vitest";
import { type Schema, applyFacts } from "../../src/emit/schema.js";
import type { Facts } from "../../src/types.js";

describe("applyFacts", () => {
  const cases: [string, { given: [Schema, Facts]; want: Schema }][] = [
    [
      "x-nullable makes null part of the type",
      { given: [{ type: "string" }, { nullable: true }], want: { type: ["string", "null"] } },
    ],
    [
      "x-nullable on an enum admits null among the values",
      {
        given: [{ type: "string" }, { nullable: true, enum: ["a"] }],
        want: { type: ["string", "null"], enum: ["a", null] },
      },
    ],
    [
      "x-nullable on a reference: the definition or null",
      {
        given: [{ $ref: "#/components/schemas/svm" }, { nullable: true }],
        want: { anyOf: [{ $ref: "#/components/schemas/svm" }, { type: "null" }] },
      },
    ],
    [
      "readCreate and createOnly become markers",
      {
        given: [{ type: "string" }, { readCreate: true, createOnly: true }],
        want: { type: "string", "x-ntap-read-create": true, "x-ntap-create-only": true },
      },
    ],
    [
      "deprecated keeps the release",
      {
        given: [{ type: "integer" }, { deprecated: "9.13.1" }],
        want: { type: "integer", deprecated: true, "x-ntap-deprecated": "9.13.1" },
      },
    ],
    [
      "an example is typed like the property",
      { given: [{ type: "integer" }, { example: "1" }], want: { type: "integer", examples: [1] } },
    ],
    [
      "an example that is no value of the type is dropped",
      { given: [{ type: "integer" }, { example: "one" }], want: { type: "integer" } },
    ],
    [
      "a string example is kept as printed",
      {
        given: [{ type: "string" }, { example: "svm1:volume1" }],
        want: { type: "string", examples: ["svm1:volume1"] },
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given: [schema, facts], want }) =>
    expect(applyFacts(schema, facts)).toEqual(want),
  );
});
