// src/errors/generate-errors.ts: the catalog from the specs, for any set of doc sets.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { generateErrors } from "../../src/errors/generate-errors.js";
import { compareDocsets } from "../../src/errors/order.js";
import type { DocumentedIn } from "../../../errors/src/catalog-entry.js";

// A generated catalog of other specs: its codes are not this package's KnownCode.
interface Entry {
  code: string;
  description: string;
  documentedIn: readonly DocumentedIn[];
}

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const COMMITTED = join(ROOT, "packages/errors/src/generated/catalog.ts");

/** A temporary root with the repo's specs and any extra ones, as `{docset: document}`. */
function tempRoot(extra: Record<string, unknown> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "errors-generate-"));
  mkdirSync(join(root, "spec"));
  for (const docset of ["9.9.1", "latest"]) {
    const file = `spec/ontap-${docset}.openapi.yaml`;
    copyFileSync(join(ROOT, file), join(root, file));
  }
  for (const [docset, document] of Object.entries(extra)) {
    writeFileSync(join(root, `spec/ontap-${docset}.openapi.yaml`), stringify(document));
  }
  return root;
}

/** A one-operation spec whose `default` response documents `codes`. */
function spec(method: string, path: string, codes: unknown): unknown {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      [path]: {
        parameters: [],
        [method]: {
          responses: {
            "200": { description: "OK" },
            default: { description: "Error", "x-ntap-error-codes": codes },
          },
        },
      },
    },
  };
}

async function load(file: string): Promise<readonly Entry[]> {
  return ((await import(/* @vite-ignore */ file)) as { catalog: readonly Entry[] }).catalog;
}

describe("generateErrors", () => {
  test("the committed catalog is what a fresh run writes, and a second run is byte-identical", () => {
    const out = mkdtempSync(join(tmpdir(), "errors-out-"));
    const first = generateErrors(ROOT, out);
    const text = readFileSync(first.file, "utf8");
    expect(first.docsets).toEqual(["9.9.1", "latest"]);
    expect(text).toBe(readFileSync(COMMITTED, "utf8"));
    generateErrors(ROOT, out);
    expect(readFileSync(first.file, "utf8")).toBe(text);
  });

  test("an extra doc set adds its codes, with no code change", async () => {
    const root = tempRoot({
      "9.99.0": spec("post", "/storage/volumes", [
        { code: "917927", description: "The specified volume “vol1” was not found." },
        { code: "65537120", description: "AKV is not configured." },
      ]),
    });
    const { file, docsets, codes } = generateErrors(root, join(root, "out"));
    expect(docsets).toEqual(["9.9.1", "9.99.0", "latest"]);
    expect(codes).toBe(39);

    const catalog = await load(file);
    expect(catalog.find((entry) => entry.code === "917927")).toEqual({
      code: "917927",
      description: "The specified volume “vol1” was not found.",
      documentedIn: [
        {
          docset: "9.99.0",
          method: "post",
          path: "/storage/volumes",
          description: "The specified volume “vol1” was not found.",
        },
      ],
    });
    // Still one entry; the first description (by doc set) stays the entry's.
    const akv = catalog.filter((entry) => entry.code === "65537120");
    expect(akv).toHaveLength(1);
    expect(akv[0]!.description).toBe("Azure Key Vault is not configured for the given SVM.");
    expect(akv[0]!.documentedIn.map((where) => where.docset)).toEqual([
      "9.9.1",
      "9.9.1",
      "9.9.1",
      "9.9.1",
      "9.99.0",
      "latest",
    ]);
    expect(akv[0]!.documentedIn[4]!.description).toBe("AKV is not configured.");
    const text = readFileSync(file, "utf8");
    expect(text).toContain(
      '"9.99.0": {\n        "/storage/volumes": {\n            post: "917927" | "65537120";',
    );
  });

  test("an operation without x-ntap-error-codes (a cut-off page) is left out", async () => {
    const root = tempRoot({ extra: spec("get", "/cut", undefined) });
    const text = readFileSync(generateErrors(root, join(root, "out")).file, "utf8");
    expect(text).not.toContain("/cut");
  });

  const malformed: [string, { given: unknown; want: RegExp }][] = [
    ["not a list", { given: "65537120", want: /found "65537120"/ }],
    [
      "a numeric code",
      { given: [{ code: 65537120, description: "d" }], want: /item 0 has code number 65537120/ },
    ],
    ["no description", { given: [{ code: "1" }], want: /item 0 \(1\) has description undefined/ }],
  ];
  test.each(malformed)(
    "a malformed extension (%s) stops with file: METHOD path",
    (_t, { given, want }) => {
      const root = tempRoot({ bad: spec("post", "/x", given) });
      const run = () => generateErrors(root, join(root, "out"));
      expect(run).toThrow(
        /^spec\/ontap-bad\.openapi\.yaml: POST \/x: x-ntap-error-codes: expected/,
      );
      expect(run).toThrow(want);
    },
  );
});

describe("compareDocsets", () => {
  const cases: [string, { given: string[]; want: string[] }][] = [
    [
      "versions as numbers",
      { given: ["9.10.1", "9.9.1", "9.9"], want: ["9.9", "9.9.1", "9.10.1"] },
    ],
    [
      "names after versions",
      { given: ["latest", "9.9.1", "dev"], want: ["9.9.1", "dev", "latest"] },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    expect([...given].sort(compareDocsets)).toEqual(want);
  });
});
