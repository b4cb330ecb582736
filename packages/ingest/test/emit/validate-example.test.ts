import { describe, expect, test } from "vitest";
import type { Schema } from "../../src/emit/schema.js";
import { validateExample } from "../../src/emit/validate-example.js";

const components: Record<string, Schema> = {
  href: { type: "object", properties: { href: { type: "string" } } },
};
const schema: Schema = {
  type: "object",
  properties: {
    records: {
      type: "array",
      items: {
        type: "object",
        properties: { port: { type: "integer" }, link: { $ref: "#/components/schemas/href" } },
      },
    },
    state: { type: "string", enum: ["queued", "running"] },
    timeout: { type: "integer", minimum: 0, maximum: 120 },
  },
};

describe("validateExample", () => {
  const cases: [string, { given: unknown; want: string | undefined }][] = [
    [
      "fits",
      {
        given: { records: [{ port: 1, link: { href: "/api/x" } }], state: "queued" },
        want: undefined,
      },
    ],
    [
      "records as an object",
      { given: { records: { port: 1 } }, want: "$.records: expected array, found object" },
    ],
    [
      "a port as a string",
      {
        given: { records: [{ port: "1234" }] },
        want: '$.records[0].port: expected integer, found string "1234"',
      },
    ],
    [
      "through a $ref",
      {
        given: { records: [{ link: { href: 3 } }] },
        want: "$.records[0].link.href: expected string, found number",
      },
    ],
    ["enum", { given: { state: "done" }, want: "$.state: expected one of queued, running" }],
    ["maximum", { given: { timeout: 121 }, want: "$.timeout: expected at most 120" }],
  ];
  test.each(cases)("%s", (_t, { given, want }) =>
    expect(validateExample(given, schema, components)).toBe(want),
  );
});
