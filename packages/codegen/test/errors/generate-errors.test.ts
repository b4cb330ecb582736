// src/errors/generate-errors.ts: the error modules from the specs, for any set of doc sets.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { buildErrors, generateErrors } from "../../src/errors/generate-errors.js";
import { compareDocsets } from "../../src/errors/order.js";
import type { CatalogEntry } from "../../../errors/src/catalog-entry.js";

// A generated catalog of other specs: its codes are not the package's KnownCode.
type Entry = CatalogEntry<string>;
interface Modules {
  catalog: readonly Entry[];
  descriptions: Readonly<Record<string, string>>;
  names: Readonly<Record<string, string>>;
}

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const COMMITTED = join(ROOT, "packages/errors/src/generated");

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary root with the repo's specs (or none) and extra ones, as `{docset: document}`. */
function tempRoot(extra: Record<string, unknown> = {}, withRepoSpecs = true): string {
  const root = mkdtempSync(join(tmpdir(), "errors-generate-"));
  temps.push(root);
  mkdirSync(join(root, "spec"));
  for (const docset of withRepoSpecs ? ["9.9.1", "latest"] : []) {
    const file = `spec/ontap-${docset}.openapi.yaml`;
    copyFileSync(join(ROOT, file), join(root, file));
  }
  for (const [docset, document] of Object.entries(extra)) {
    writeFileSync(join(root, `spec/ontap-${docset}.openapi.yaml`), stringify(document));
  }
  return root;
}

/** A spec whose operations' `default` responses document codes: `{ "POST /x": codes }`. */
function spec(operations: Record<string, unknown>): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operation, codes] of Object.entries(operations)) {
    const [method, path] = operation.split(" ") as [string, string];
    paths[path] ??= { parameters: [] };
    paths[path]![method.toLowerCase()] = {
      responses: {
        "200": { description: "OK" },
        default: { description: "Error", "x-ntap-error-codes": codes },
      },
    };
  }
  return { openapi: "3.1.0", info: { title: "t", version: "1" }, paths };
}

/** Generates into `<root>/generated` and imports the modules. */
async function generate(root: string): Promise<Modules & { dir: string }> {
  const dir = join(root, "generated");
  generateErrors({ root, outDir: dir });
  const catalog = (await import(/* @vite-ignore */ join(dir, "catalog.ts"))) as Modules;
  const tables = (await import(/* @vite-ignore */ join(dir, "descriptions.ts"))) as Modules;
  return { dir, catalog: catalog.catalog, descriptions: tables.descriptions, names: tables.names };
}

describe("generateErrors", () => {
  test("the committed modules are what a fresh run writes, and a second run is byte-identical", () => {
    const outDir = join(tempRoot({}, false), "generated");
    const first = generateErrors({ root: ROOT, outDir });
    expect(first.docsets).toEqual(["9.9.1", "latest"]);
    expect(first.files).toEqual(["catalog.ts", "descriptions.ts"]);
    expect(readdirSync(outDir).sort()).toEqual(readdirSync(COMMITTED).sort());
    const texts = first.files.map((name) => readFileSync(join(outDir, name), "utf8"));
    first.files.forEach((name, i) => {
      expect(texts[i], name).toBe(readFileSync(join(COMMITTED, name), "utf8"));
    });
    generateErrors({ root: ROOT, outDir });
    first.files.forEach((name, i) => {
      expect(readFileSync(join(outDir, name), "utf8"), name).toBe(texts[i]);
    });
  });

  test("an extra doc set adds its codes, with no code change", async () => {
    const root = tempRoot({
      "9.99.0": spec({
        "POST /storage/volumes": [
          { code: "917927", description: "The specified volume “vol1” was not found." },
          { code: "65537120", description: "AKV is not configured." },
        ],
      }),
    });
    const result = generateErrors({ root, outDir: join(root, "generated") });
    expect(result.docsets).toEqual(["9.9.1", "9.99.0", "latest"]);
    expect(result.codes).toBe(39);

    const { dir, catalog, descriptions } = await generate(root);
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
    expect(descriptions["917927"]).toBe("The specified volume “vol1” was not found.");
    // Still one entry; the first description (by doc set) stays the entry's.
    const akv = catalog.filter((entry) => entry.code === "65537120");
    expect(akv).toHaveLength(1);
    expect(akv[0]!.description).toBe("Azure Key Vault is not configured for the given SVM.");
    expect(descriptions["65537120"]).toBe(akv[0]!.description);
    expect(akv[0]!.documentedIn.map((where) => where.docset)).toEqual([
      "9.9.1",
      "9.9.1",
      "9.9.1",
      "9.9.1",
      "9.99.0",
      "latest",
    ]);
    expect(akv[0]!.documentedIn[4]!.description).toBe("AKV is not configured.");
    expect(readFileSync(join(dir, "catalog.ts"), "utf8")).toContain(
      '"9.99.0": {\n        "/storage/volumes": {\n            post: "917927" | "65537120";',
    );
  });

  test("the runtime tables grow with new codes only, not with doc sets", () => {
    const tables = (root: string) =>
      buildErrors({ root, generator: "test" }).files.get("descriptions.ts")!;
    const again = spec({
      "PATCH /security/azure-key-vaults/{uuid}": [
        { code: "65537120", description: "Azure Key Vault is not configured for the given SVM." },
      ],
    });
    const base = tables(tempRoot());
    const more = tables(tempRoot({ "9.10.1": again, "9.11.1": again }));
    // Only the header, which lists the specs, differs.
    const body = (text: string) => text.split("\n").slice(2).join("\n");
    expect(body(more)).toBe(body(base));
  });

  test("an operation without x-ntap-error-codes (a cut-off page) is left out", () => {
    const root = tempRoot({ extra: spec({ "GET /cut": undefined }) });
    generateErrors({ root, outDir: join(root, "generated") });
    expect(readFileSync(join(root, "generated/catalog.ts"), "utf8")).not.toContain("/cut");
  });

  const malformed: [string, { given: unknown; want: RegExp }][] = [
    ["not a list", { given: "65537120", want: /found "65537120"/ }],
    [
      "a numeric code",
      { given: [{ code: 65537120, description: "d" }], want: /item 0 has code number 65537120/ },
    ],
    ["no description", { given: [{ code: "1" }], want: /item 0 \(1\) has description undefined/ }],
    [
      "an empty name",
      { given: [{ code: "1", description: "d", name: "" }], want: /item 0 \(1\) has name ""/ },
    ],
    [
      "a name that is not a string",
      { given: [{ code: "1", description: "d", name: 7 }], want: /item 0 \(1\) has name number 7/ },
    ],
  ];
  test.each(malformed)(
    "a malformed extension (%s) stops with file: METHOD path",
    (_t, { given, want }) => {
      const root = tempRoot({ bad: spec({ "POST /x": given }) });
      const run = () => generateErrors({ root, outDir: join(root, "generated") });
      expect(run).toThrow(
        /^spec\/ontap-bad\.openapi\.yaml: POST \/x: x-ntap-error-codes: expected/,
      );
      expect(run).toThrow(want);
    },
  );
});

describe("names from the spec", () => {
  const named = (code: string, name?: string) => ({
    code,
    description: `what ${code} means`,
    ...(name === undefined ? {} : { name }),
  });
  const cases: [
    string,
    {
      given: Record<string, unknown>;
      want: { catalog: Record<string, string | undefined>; names: Record<string, string> };
    },
  ][] = [
    [
      "a name on a code",
      {
        given: { a: spec({ "POST /x": [named("1", "ONE"), named("2")] }) },
        want: { catalog: { "1": "ONE", "2": undefined }, names: { "1": "ONE" } },
      },
    ],
    [
      "the same name on every operation that documents the code",
      {
        given: {
          a: spec({ "POST /x": [named("1", "ONE")], "GET /y": [named("1", "ONE")] }),
          b: spec({ "DELETE /z": [named("1", "ONE")] }),
        },
        want: { catalog: { "1": "ONE" }, names: { "1": "ONE" } },
      },
    ],
    [
      "a name on one operation names the code everywhere",
      {
        given: {
          a: spec({ "POST /x": [named("1")] }),
          b: spec({ "POST /x": [named("1", "ONE")] }),
        },
        want: { catalog: { "1": "ONE" }, names: { "1": "ONE" } },
      },
    ],
    [
      "no names at all",
      {
        given: { a: spec({ "POST /x": [named("1"), named("2")] }) },
        want: { catalog: { "1": undefined, "2": undefined }, names: {} },
      },
    ],
  ];
  test.each(cases)("%s", async (_t, { given, want }) => {
    const { catalog, names } = await generate(tempRoot(given, false));
    expect(Object.fromEntries(catalog.map((entry) => [entry.code, entry.name]))).toEqual(
      want.catalog,
    );
    // Absent, not `undefined`, where no name is given.
    for (const entry of catalog) expect("name" in entry).toBe(entry.name !== undefined);
    expect({ ...names }).toEqual(want.names);
  });

  const conflicts: [string, { given: Record<string, unknown>; want: string }][] = [
    [
      "in two doc sets",
      {
        given: {
          a: spec({ "POST /x": [named("65537120", "AKV_NOT_CONFIGURED")] }),
          b: spec({ "PATCH /y/{uuid}": [named("65537120", "AKV_MISSING")] }),
        },
        want: "spec/ontap-b.openapi.yaml: PATCH /y/{uuid}: code 65537120 is named AKV_MISSING here and AKV_NOT_CONFIGURED in spec/ontap-a.openapi.yaml: POST /x",
      },
    ],
    [
      "in one spec",
      {
        given: { a: spec({ "POST /x": [named("7", "A")], "GET /y": [named("7", "B")] }) },
        want: "spec/ontap-a.openapi.yaml: GET /y: code 7 is named B here and A in spec/ontap-a.openapi.yaml: POST /x",
      },
    ],
    [
      "in one operation",
      {
        given: { a: spec({ "POST /x": [named("7", "A"), named("7", "B")] }) },
        want: "spec/ontap-a.openapi.yaml: POST /x: code 7 is named B here and A in spec/ontap-a.openapi.yaml: POST /x",
      },
    ],
  ];
  test.each(conflicts)("two names for one code (%s) stop the generator", (_t, { given, want }) => {
    const root = tempRoot(given, false);
    expect(() => buildErrors({ root, generator: "test" })).toThrow(want);
    expect(() => buildErrors({ root, generator: "test", module: "downstream" })).toThrow(want);
  });
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
