import { describe, expect, expectTypeOf, test } from "vitest";
import { catalog, type DocumentedErrorCodes, type KnownCode } from "../../src/generated/catalog.js";

// The 14 codes the 9.9.1 page for POST /security/azure-key-vaults lists, in its order.
const AKV_POST_9_9_1 = [
  "3735553",
  "3735664",
  "3735665",
  "3735700",
  "52559972",
  "65537500",
  "65537504",
  "65537505",
  "65537506",
  "65537512",
  "65537514",
  "65537518",
  "65537523",
  "65537526",
] as const;

function documenting(docset: string, method: string, path: string): string[] {
  return catalog
    .filter((entry) =>
      entry.documentedIn.some(
        (where) => where.docset === docset && where.method === method && where.path === path,
      ),
    )
    .map((entry) => entry.code);
}

describe("catalog", () => {
  test("has all 14 codes of the 9.9.1 POST /security/azure-key-vaults, and no other", () => {
    expect(documenting("9.9.1", "post", "/security/azure-key-vaults")).toEqual(AKV_POST_9_9_1);
  });

  test("65537120 is one entry, named, documented by five operations across both doc sets", () => {
    const entries = catalog.filter((entry) => entry.code === "65537120");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      code: "65537120",
      name: "AKV_NOT_CONFIGURED",
      description: "Azure Key Vault is not configured for the given SVM.",
      documentedIn: [
        ["9.9.1", "post", "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal"],
        ["9.9.1", "post", "/security/azure-key-vaults/{azure_key_vault.uuid}/restore"],
        ["9.9.1", "delete", "/security/azure-key-vaults/{uuid}"],
        ["9.9.1", "patch", "/security/azure-key-vaults/{uuid}"],
        ["latest", "post", "/security/azure-key-vaults/{uuid}/rekey-internal"],
      ].map(([docset, method, path]) => ({
        docset,
        method,
        path,
        description: "Azure Key Vault is not configured for the given SVM.",
      })),
    });
  });

  test("one entry per code, sorted by code as a number", () => {
    const codes = catalog.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort((a, b) => Number(a) - Number(b)));
  });

  const shapes: [string, { given: (typeof catalog)[number]; want: RegExp }][] = catalog.map(
    (entry) => [entry.code, { given: entry, want: /^\d+$/ }],
  );
  test.each(shapes)("%s: digits, a description, at least one operation", (_t, { given, want }) => {
    expect(given.code).toMatch(want);
    expect(given.description).not.toBe("");
    expect(given.documentedIn.length).toBeGreaterThan(0);
    expect(given.description).toBe(given.documentedIn[0]!.description);
  });

  test("types: KnownCode and DocumentedErrorCodes name the documented codes", () => {
    expectTypeOf<"65537120">().toExtend<KnownCode>();
    expectTypeOf<"12345">().not.toExtend<KnownCode>();
    expectTypeOf<
      DocumentedErrorCodes["9.9.1"]["/security/azure-key-vaults"]["post"]
    >().toEqualTypeOf<(typeof AKV_POST_9_9_1)[number]>();
    expectTypeOf<
      DocumentedErrorCodes["latest"]["/security/azure-key-vaults/{uuid}/rekey-internal"]["post"]
    >().toEqualTypeOf<"65537120" | "65537547" | "65537559">();
    // An operation whose page lists no codes documents none.
    expectTypeOf<
      DocumentedErrorCodes["9.9.1"]["/security/azure-key-vaults"]["get"]
    >().toEqualTypeOf<never>();
  });
});
