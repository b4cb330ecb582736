// The `errors.ts` generateAll writes for a downstream team: the team's own KnownCode, catalog
// and DocumentedErrorCodes, typed against @ontap-rest/errors, and what registerErrorCatalog
// does with its catalog.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { buildErrors } from "../../src/errors/generate-errors.js";
import { generateAll } from "../../src/generate-all.js";
import type { CatalogEntry } from "../../../errors/src/catalog-entry.js";
import { lookupError } from "../../../errors/src/lookup-error.js";
import { OntapApiError } from "../../../errors/src/ontap-api-error.js";
import { registerErrorCatalog } from "../../../errors/src/register-error-catalog.js";

const ERRORS_ENTRY = fileURLToPath(new URL("../../../errors/src/index.ts", import.meta.url));

const tmp = mkdtempSync(join(tmpdir(), "ontap-rest-downstream-errors-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A team's spec: its own operations and codes, one of them named by its overlay. */
const acme = {
  openapi: "3.1.0",
  info: { title: "acme", version: "1" },
  paths: {
    "/storage/qtrees/{volume.uuid}/{id}": {
      patch: {
        operationId: "qtree_modify",
        responses: {
          "202": { description: "Accepted" },
          default: {
            description: "Error",
            "x-ntap-error-codes": [
              {
                code: "918235",
                name: "VOLUME_NOT_FOUND",
                description: "A volume with UUID was not found.",
              },
              // Also a code of the package's own catalog, in the team's wording.
              { code: "65537120", description: "No Azure Key Vault for this SVM." },
            ],
          },
        },
      },
    },
  },
};

const root = join(tmp, "acme");
const outDir = join(root, "src", "generated");
mkdirSync(join(root, "spec"), { recursive: true });
writeFileSync(join(root, "spec/ontap-acme-9.9.1.openapi.yaml"), stringify(acme));

/** The type errors of the `.ts` files in `dir`, "@ontap-rest/errors" being packages/errors/src. */
function typeErrors(dir: string): string[] {
  const program = ts.createProgram(
    readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => join(dir, name)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      isolatedModules: true,
      skipLibCheck: true,
      types: [],
      // What the team's node_modules would give it, without installing: the package's sources.
      paths: { "@ontap-rest/errors": [ERRORS_ENTRY] },
    },
  );
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? d.file.fileName.slice(dir.length + 1) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
}

describe("generateAll's errors.ts", () => {
  test("is the catalog module, with its types from @ontap-rest/errors", async () => {
    const result = await generateAll({ root, outDir });
    expect(result.files).toContain("errors.ts");
    expect(result.codes).toBe(2);
    const text = readFileSync(join(outDir, "errors.ts"), "utf8");
    expect(text).toBe(
      buildErrors({ root, generator: "ontap-rest-codegen", module: "downstream" }).files.get(
        "errors.ts",
      ),
    );
    expect(text).toContain('import type { CatalogEntry } from "@ontap-rest/errors";');
    expect(text).toContain('export type KnownCode = "918235" | "65537120";');
    expect(text).toContain("export const catalog: readonly CatalogEntry<KnownCode>[] = [");
    expect(text).toContain("export interface DocumentedErrorCodes {");
  });

  test("type-checks against @ontap-rest/errors, and a wrong use does not", () => {
    const dir = join(tmp, "check");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(join(dir, "errors.ts"), readFileSync(join(outDir, "errors.ts")));
    writeFileSync(
      join(dir, "use.ts"),
      `import { lookupError, registerErrorCatalog, type CatalogEntry } from "@ontap-rest/errors";
import { catalog, type DocumentedErrorCodes, type KnownCode } from "./errors.js";

registerErrorCatalog(catalog);
const code: KnownCode = catalog[0]!.code;
const entry: CatalogEntry<KnownCode> | undefined = catalog.find((e) => e.code === "918235");
const documented: DocumentedErrorCodes["acme-9.9.1"]["/storage/qtrees/{volume.uuid}/{id}"]["patch"] = "918235";
const description: string | undefined = lookupError(code)?.description;
void [entry, documented, description];

// @ts-expect-error 917927 is not a code the team's pages document
const unknown: KnownCode = "917927";
// @ts-expect-error the team's codes are not the package's KnownCode
const theirs: readonly CatalogEntry[] = catalog;
void [unknown, theirs];
`,
    );
    expect(typeErrors(dir)).toEqual([]);
  });

  test("registerErrorCatalog(catalog): lookupError and OntapApiError#entry know the codes", async () => {
    const { catalog } = (await import(/* @vite-ignore */ join(outDir, "errors.ts"))) as {
      catalog: readonly CatalogEntry<string>[];
    };
    expect(lookupError("918235")).toBeUndefined();
    registerErrorCatalog(catalog);
    expect(lookupError("918235")).toEqual({
      code: "918235",
      name: "VOLUME_NOT_FOUND",
      description: "A volume with UUID was not found.",
    });
    const err = OntapApiError.fromResponse(404, { error: { code: "918235" } });
    expect(err.entry?.name).toBe("VOLUME_NOT_FOUND");
    expect(err.message).toBe("ONTAP error 918235 (HTTP 404): A volume with UUID was not found.");
    // A built-in code takes the team's wording and keeps the package's name.
    expect(lookupError("65537120")).toEqual({
      code: "65537120",
      name: "AKV_NOT_CONFIGURED",
      description: "No Azure Key Vault for this SVM.",
    });
  });
});
