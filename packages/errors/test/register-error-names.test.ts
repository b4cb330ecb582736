import { describe, expect, test } from "vitest";
import { lookupError } from "../src/lookup-error.js";
import { registerErrorCatalog } from "../src/register-error-catalog.js";
import { registerErrorNames } from "../src/register-error-names.js";

describe("registerErrorNames", () => {
  test("names a code, and a later name replaces an earlier one (also the package's own)", () => {
    registerErrorNames({ "3735553": "SELF_SIGNED_CERT_FAILED", "65537500": "AKV_EXISTS" });
    expect(lookupError("3735553")?.name).toBe("SELF_SIGNED_CERT_FAILED");
    expect(lookupError("65537500")?.name).toBe("AKV_EXISTS");
    registerErrorNames({ "3735553": "CERT_CREATE_FAILED" });
    expect(lookupError("3735553")).toEqual({
      code: "3735553",
      name: "CERT_CREATE_FAILED",
      description: "Failed to create self-signed certificate.",
    });
  });

  test("names a registered code, and wins over its catalog's name whenever registered", () => {
    registerErrorCatalog([{ code: "900001", name: "THEIRS", description: "d" }]);
    registerErrorNames({ "900001": "MINE" });
    expect(lookupError("900001")?.name).toBe("MINE");
    registerErrorCatalog([{ code: "900001", name: "THEIRS_AGAIN", description: "d" }]);
    expect(lookupError("900001")?.name).toBe("MINE");
  });

  test("names are shared with another copy of the package", async () => {
    // A query string makes the loader evaluate the module again, as a second installed copy.
    const specifier = "../src/register-error-names.ts?copy=2";
    const copy = (await import(
      /* @vite-ignore */ specifier
    )) as typeof import("../src/register-error-names.js");
    expect(copy.registerErrorNames).not.toBe(registerErrorNames);
    copy.registerErrorNames({ "65537504": "AKV_CONFIG_STORE_FAILED" });
    expect(lookupError("65537504")?.name).toBe("AKV_CONFIG_STORE_FAILED");
  });

  const bad: [string, { given: Record<string, unknown>; want: RegExp }][] = [
    ["a code no page lists", { given: { "12345": "NOPE" }, want: /12345 is not a known/ }],
    ["an empty name", { given: { "3735664": "" }, want: /non-empty string/ }],
    ["a name that is not a string", { given: { "3735664": 1 }, want: /non-empty string/ }],
    [
      "one bad code among good ones",
      { given: { "3735664": "FIPS_KEY_SIZE", "99": "X" }, want: /99 is not a known/ },
    ],
    ["a property of every object", { given: { constructor: "X" }, want: /not a known/ }],
  ];
  test.each(bad)("throws for %s, and names nothing", (_t, { given, want }) => {
    expect(() => registerErrorNames(given as Record<string, string>)).toThrow(want);
    expect(lookupError("3735664")?.name).toBeUndefined();
  });
});
