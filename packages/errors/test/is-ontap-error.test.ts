import { describe, expect, expectTypeOf, test } from "vitest";
import { isOntapError } from "../src/is-ontap-error.js";
import { OntapApiError } from "../src/ontap-api-error.js";

const akv = new OntapApiError({ status: 400, error: { code: "65537120" } });
const unknown = new OntapApiError({ status: 400, error: { code: "12345" } });
const noCode = new OntapApiError({ status: 502 });

describe("isOntapError", () => {
  const cases: [string, { given: [unknown, string?]; want: boolean }][] = [
    ["an OntapApiError", { given: [akv], want: true }],
    ["one with an unknown code", { given: [unknown], want: true }],
    ["one without a code", { given: [noCode], want: true }],
    ["its code", { given: [akv, "65537120"], want: true }],
    ["an unknown code it carries", { given: [unknown, "12345"], want: true }],
    ["another code", { given: [akv, "65537500"], want: false }],
    ["a code, when it has none", { given: [noCode, "65537120"], want: false }],
    ["a plain Error", { given: [new Error("x")], want: false }],
    [
      "a look-alike object",
      { given: [{ name: "OntapApiError", code: "65537120" }, "65537120"], want: false },
    ],
    ["undefined", { given: [undefined], want: false }],
  ];

  test.each(cases)("%s", (_t, { given: [err, code], want }) => {
    expect(code === undefined ? isOntapError(err) : isOntapError(err, code)).toBe(want);
  });

  test("narrows the error, and its code to the literal given", () => {
    const withCode: unknown = akv;
    if (isOntapError(withCode, "65537120")) {
      expectTypeOf(withCode).toExtend<OntapApiError>();
      expectTypeOf(withCode.code).toEqualTypeOf<"65537120">();
    } else expect.unreachable();
    const any: unknown = unknown;
    if (isOntapError(any)) {
      expectTypeOf(any).toEqualTypeOf<OntapApiError>();
      expectTypeOf(any.code).toEqualTypeOf<OntapApiError["code"]>();
    } else expect.unreachable();
    // A code ONTAP sends that no page lists narrows too.
    const other: unknown = unknown;
    if (isOntapError(other, "12345")) expectTypeOf(other.code).toEqualTypeOf<"12345">();
    else expect.unreachable();
  });
});
