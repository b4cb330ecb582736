import { describe, expect, test } from "vitest";
import { lookupError, registerErrorNames } from "../src/lookup-error.js";

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
    ["a number written differently", { given: "065537120", want: undefined }],
  ];

  test.each(cases)("%s", (_t, { given, want }) => {
    const entry = lookupError(given);
    if (want === undefined) return expect(entry).toBeUndefined();
    expect(entry).toMatchObject({ code: given, description: want.description });
    expect(entry?.name).toBe(want.name);
  });

  test("the same entry on every call", () => {
    expect(lookupError("65537120")).toBe(lookupError("65537120"));
  });
});

describe("registerErrorNames", () => {
  test("names a code, and a later name replaces an earlier one (also the package's own)", () => {
    registerErrorNames({ "3735553": "SELF_SIGNED_CERT_FAILED", "65537500": "AKV_EXISTS" });
    expect(lookupError("3735553")?.name).toBe("SELF_SIGNED_CERT_FAILED");
    expect(lookupError("65537500")?.name).toBe("AKV_EXISTS");
    registerErrorNames({ "3735553": "CERT_CREATE_FAILED" });
    expect(lookupError("3735553")).toMatchObject({
      code: "3735553",
      name: "CERT_CREATE_FAILED",
      description: "Failed to create self-signed certificate.",
    });
  });

  test("names are shared with another copy of the package", async () => {
    // A query string makes the loader evaluate the module again, as a second installed copy.
    const specifier = "../src/lookup-error.ts?copy=2";
    const copy = (await import(
      /* @vite-ignore */ specifier
    )) as typeof import("../src/lookup-error.js");
    expect(copy.lookupError).not.toBe(lookupError);
    copy.registerErrorNames({ "65537504": "AKV_CONFIG_STORE_FAILED" });
    expect(lookupError("65537504")?.name).toBe("AKV_CONFIG_STORE_FAILED");
    registerErrorNames({ "65537504": "CONFIG_STORE_FAILED" });
    expect(copy.lookupError("65537504")?.name).toBe("CONFIG_STORE_FAILED");
  });

  const bad: [string, { given: Record<string, unknown>; want: RegExp }][] = [
    ["a code no page lists", { given: { "12345": "NOPE" }, want: /12345 is not a documented/ }],
    ["an empty name", { given: { "3735664": "" }, want: /non-empty string/ }],
    ["a name that is not a string", { given: { "3735664": 1 }, want: /non-empty string/ }],
    [
      "one bad code among good ones",
      { given: { "3735664": "FIPS_KEY_SIZE", "99": "X" }, want: /99 is not a documented/ },
    ],
  ];
  test.each(bad)("throws for %s, and names nothing", (_t, { given, want }) => {
    expect(() => registerErrorNames(given as Record<string, string>)).toThrow(want);
    expect(lookupError("3735664")?.name).toBeUndefined();
  });
});
