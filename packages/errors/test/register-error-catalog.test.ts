import { describe, expect, test } from "vitest";
import type { ErrorEntry } from "../src/catalog-entry.js";
import { lookupError } from "../src/lookup-error.js";
import { OntapApiError } from "../src/ontap-api-error.js";
import { registerErrorCatalog } from "../src/register-error-catalog.js";
import { registerErrorNames } from "../src/register-error-names.js";

describe("registerErrorCatalog", () => {
  // Each case registers codes of its own: the registry is process-wide.
  const cases: [
    string,
    {
      given: ErrorEntry<string>[];
      code: string;
      want: { name?: string; description: string } | undefined;
    },
  ][] = [
    [
      "a code of its own",
      {
        given: [{ code: "918235", name: "VOLUME_NOT_FOUND", description: "No such volume." }],
        code: "918235",
        want: { name: "VOLUME_NOT_FOUND", description: "No such volume." },
      },
    ],
    [
      "without a name",
      {
        given: [{ code: "918236", description: "Another one." }],
        code: "918236",
        want: { description: "Another one." },
      },
    ],
    [
      "only code, name and description are kept",
      {
        given: [
          {
            code: "918237",
            description: "Kept.",
            documentedIn: [{ docset: "a", method: "get", path: "/x", description: "Kept." }],
          } as ErrorEntry<string>,
        ],
        code: "918237",
        want: { description: "Kept." },
      },
    ],
    [
      "a built-in code: its description replaces the package's, the package's name stays",
      {
        given: [{ code: "65537120", description: "No AKV here." }],
        code: "65537120",
        want: { name: "AKV_NOT_CONFIGURED", description: "No AKV here." },
      },
    ],
    [
      "a built-in code with a name: the name replaces the package's too",
      {
        given: [{ code: "65537500", name: "ALREADY_CONFIGURED", description: "Taken." }],
        code: "65537500",
        want: { name: "ALREADY_CONFIGURED", description: "Taken." },
      },
    ],
    [
      "one code twice: the later entry wins",
      {
        given: [
          { code: "918238", description: "First." },
          { code: "918238", name: "SECOND", description: "Second." },
        ],
        code: "918238",
        want: { name: "SECOND", description: "Second." },
      },
    ],
    ["nothing", { given: [], code: "918239", want: undefined }],
  ];
  test.each(cases)("%s", (_t, { given, code, want }) => {
    registerErrorCatalog(given);
    expect(lookupError(code)).toEqual(want === undefined ? undefined : { code, ...want });
  });

  test("a later registration replaces an earlier one", () => {
    registerErrorCatalog([{ code: "918240", name: "OLD", description: "Old." }]);
    const old = lookupError("918240");
    registerErrorCatalog([{ code: "918240", description: "New." }]);
    expect(old).toEqual({ code: "918240", name: "OLD", description: "Old." });
    expect(lookupError("918240")).toEqual({ code: "918240", description: "New." });
  });

  test("entries are copied: changing the given object later changes nothing", () => {
    const entry = { code: "918241", description: "As registered." };
    registerErrorCatalog([entry]);
    entry.description = "Changed.";
    expect(lookupError("918241")?.description).toBe("As registered.");
  });

  test("OntapApiError uses a registered entry: its entry, and its message without ONTAP's", () => {
    registerErrorCatalog([
      { code: "918242", name: "QTREE_BUSY", description: "The qtree is busy." },
    ]);
    const err = new OntapApiError({ status: 409, error: { code: "918242" } });
    expect(err.entry).toEqual({
      code: "918242",
      name: "QTREE_BUSY",
      description: "The qtree is busy.",
    });
    expect(err.message).toBe("ONTAP error 918242 (HTTP 409): The qtree is busy.");
  });

  test("registerErrorNames has the last word on names", () => {
    registerErrorNames({ "65537541": "NOTHING_TO_PATCH" });
    registerErrorCatalog([{ code: "65537541", name: "PATCH_EMPTY", description: "Empty." }]);
    expect(lookupError("65537541")).toEqual({
      code: "65537541",
      name: "NOTHING_TO_PATCH",
      description: "Empty.",
    });
  });

  test("is shared with another copy of the package", async () => {
    // A query string makes the loader evaluate the module again, as a second installed copy.
    const specifier = "../src/lookup-error.ts?copy=2";
    const copy = (await import(
      /* @vite-ignore */ specifier
    )) as typeof import("../src/lookup-error.js");
    expect(copy.lookupError).not.toBe(lookupError);
    registerErrorCatalog([{ code: "918243", description: "Seen by both." }]);
    expect(copy.lookupError("918243")?.description).toBe("Seen by both.");
  });

  const bad: [string, { given: unknown[]; want: number }][] = [
    ["a numeric code", { given: [{ code: 918250, description: "d" }], want: 0 }],
    ["an empty code", { given: [{ code: "", description: "d" }], want: 0 }],
    ["no description", { given: [{ code: "918251" }], want: 0 }],
    ["an empty name", { given: [{ code: "918252", name: "", description: "d" }], want: 0 }],
    [
      "a name that is not a string",
      { given: [{ code: "918253", name: 1, description: "d" }], want: 0 },
    ],
    [
      "one bad entry among good ones",
      { given: [{ code: "918254", description: "good" }, { code: 1 }], want: 1 },
    ],
  ];
  test.each(bad)("throws for %s, and registers nothing", (_t, { given, want }) => {
    expect(() => registerErrorCatalog(given as ErrorEntry<string>[])).toThrow(
      `registerErrorCatalog: entry ${want} is not { code, name?, description }`,
    );
    for (const code of ["918250", "918251", "918252", "918253", "918254"]) {
      expect(lookupError(code)).toBeUndefined();
    }
    expect(lookupError("65537506")?.description).toBe(
      "AKV is not supported in MetroCluster configurations.",
    );
  });
});
