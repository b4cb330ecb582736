import { describe, expect, test } from "vitest";
import { lookupError } from "../src/lookup-error.js";

describe("lookupError", () => {
  const cases: [
    string,
    { given: string; want: { name?: string; description: string } | undefined },
  ][] = [
    [
      "a named code",
      {
        given: "65537120",
        want: {
          name: "AKV_NOT_CONFIGURED",
          description: "Azure Key Vault is not configured for the given SVM.",
        },
      },
    ],
    [
      "a code without a name",
      { given: "3735553", want: { description: "Failed to create self-signed certificate." } },
    ],
    ["a code no page lists", { given: "12345", want: undefined }],
    ["an empty string", { given: "", want: undefined }],
    ["a property of every object", { given: "constructor", want: undefined }],
    ["another one", { given: "__proto__", want: undefined }],
    ["a number written differently", { given: "065537120", want: undefined }],
  ];

  test.each(cases)("%s", (_t, { given, want }) => {
    const entry = lookupError(given);
    if (want === undefined) return expect(entry).toBeUndefined();
    // Only what the runtime needs: no `documentedIn` (that is @ontap-rest/errors/catalog's).
    expect(entry).toEqual({ code: given, ...want });
    expect(Object.keys(entry!)).toEqual(
      want.name === undefined ? ["code", "description"] : ["code", "name", "description"],
    );
  });

  test("the same entry on every call", () => {
    expect(lookupError("65537120")).toBe(lookupError("65537120"));
  });
});
