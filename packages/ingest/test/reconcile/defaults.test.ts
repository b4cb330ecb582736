import { describe, expect, test } from "vitest";
import { Diagnostics } from "../../src/diagnostics.js";
import { parameterDefault } from "../../src/reconcile/defaults.js";
import type { Parameter, TypeRef } from "../../src/types.js";

const integer: TypeRef = { kind: "primitive", name: "integer" };
const boolean: TypeRef = { kind: "primitive", name: "boolean" };
const param = (type: TypeRef, bullet: string | undefined, description: string): Parameter => ({
  name: "p",
  in: "query",
  required: false,
  type,
  description,
  facts: bullet === undefined ? {} : { default: bullet },
  line: 7,
});

describe("parameterDefault", () => {
  const cases: [string, { given: Parameter; want: unknown; reported: boolean }][] = [
    [
      "boolean 1 is true",
      {
        given: param(boolean, "1", "The default is true for GET calls."),
        want: true,
        reported: false,
      },
    ],
    [
      "boolean empty is false",
      { given: param(boolean, "", "The default is false."), want: false, reported: false },
    ],
    [
      "boolean empty, no prose",
      { given: param(boolean, "", "Returns records."), want: false, reported: false },
    ],
    [
      "prose wins over a contradicting bullet",
      {
        given: param(integer, "1", "On a single record, the default is 0 seconds."),
        want: 0,
        reported: true,
      },
    ],
    [
      "collections: 15",
      {
        given: param(integer, "1", "When iterating over a collection, the default is 15 seconds."),
        want: 15,
        reported: true,
      },
    ],
    [
      "two defaults in the prose: the bullet stands",
      {
        given: param(integer, "1", "the default is 0 seconds; the default is 15 seconds"),
        want: 1,
        reported: false,
      },
    ],
    [
      "integer with an empty bullet: no default",
      { given: param(integer, "", "Seconds."), want: undefined, reported: false },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want, reported }) => {
    const d = new Diagnostics();
    expect(parameterDefault(given, "f.txt", d)).toBe(want);
    expect(d.items.length > 0).toBe(reported);
    for (const item of d.items)
      expect(item).toMatchObject({ file: "f.txt", line: 7, severity: "warning" });
  });
});
