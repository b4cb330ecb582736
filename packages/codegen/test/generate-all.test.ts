// src/generate-all.ts: what a downstream team gets for its own specs. The names its doc sets
// may have, and the modules for more than one doc set: type-checked against the packages as
// built, byte-stable.
import {
  copyFileSync,
  existsSync,
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
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import { generateAll } from "../src/generate-all.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const LATEST = join(repoRoot, "spec/ontap-latest.openapi.yaml");

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project whose spec/ holds the repo's `latest` spec under each of `docsets`. */
function projectWith(docsets: readonly string[], name = "project"): string {
  const dir = join(mkdtempSync(join(tmpdir(), "ontap-rest-generate-all-")), name);
  temps.push(join(dir, ".."));
  mkdirSync(join(dir, "spec"), { recursive: true });
  for (const docset of docsets)
    copyFileSync(LATEST, join(dir, "spec", `ontap-${docset}.openapi.yaml`));
  return dir;
}

/** `@ontap-rest/types` as a team's node_modules has it: its own doc sets, at run time. */
function installTypes(dir: string, docsets: readonly string[]): void {
  const pkg = join(dir, "node_modules/@ontap-rest/types");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(pkg, "package.json"),
    JSON.stringify({ name: "@ontap-rest/types", type: "module", exports: "./index.js" }),
  );
  writeFileSync(join(pkg, "index.js"), `export const docsets = ${JSON.stringify(docsets)};\n`);
}

describe("generateAll refuses doc set names it cannot turn into modules", () => {
  it.each([
    [
      "a module's name in another case (one file where names ignore case)",
      { given: ["Introduced"], want: /"Introduced" cannot be a doc set name here/ },
    ],
    [
      "two that differ only in case",
      {
        given: ["Acme", "acme"],
        want: /spec\/ontap-acme\.openapi\.yaml: doc sets "Acme" and "acme" differ only in case/,
      },
    ],
    [
      "one @ontap-rest/types has (its DocSets cannot have it twice)",
      {
        given: ["9.9.1"],
        want: /spec\/ontap-9\.9\.1\.openapi\.yaml: @ontap-rest\/types has a doc set "9\.9\.1" already/,
      },
    ],
  ])("%s", async (_title, { given, want }) => {
    const root = projectWith(given);
    installTypes(root, ["9.9.1", "latest"]);
    const outDir = join(root, "src/generated");
    await expect(generateAll({ root, outDir })).rejects.toThrow(want);
    expect(existsSync(outDir)).toBe(false);
  });

  it("takes a name of the team's own next to @ontap-rest/types' doc sets", async () => {
    const root = projectWith(["acme-9.9.1"]);
    installTypes(root, ["9.9.1", "latest"]);
    const result = await generateAll({ root, outDir: join(root, "src/generated") });
    expect(result.docsets).toEqual(["acme-9.9.1"]);
  });
});

describe("generateAll for two doc sets with the same operationIds and error codes", () => {
  it("writes modules that type-check, with both doc sets typed, catalogued and versioned", async () => {
    const root = projectWith(["acme-1", "acme-2"]);
    const outDir = join(root, "src/generated");
    const { files, codes } = await generateAll({ root, outDir });
    expect(files).toEqual(["acme-1.d.ts", "acme-2.d.ts", "errors.ts", "index.ts", "introduced.ts"]);
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(root, "src/use.ts"),
      `import { createOntapClient } from "@ontap-rest/client";
import "./generated/index.js";
import { catalog, type DocumentedErrorCodes, type KnownCode } from "./generated/errors.js";
import { introducedIn } from "./generated/introduced.js";
import type { GetClusterJobsUuidResponse as One } from "./generated/acme-1.js";
import type { GetClusterJobsUuidResponse as Two } from "./generated/acme-2.js";

const auth = { username: "u", password: "p" };
for (const docset of ["acme-1", "acme-2"] as const) {
  const client = createOntapClient({ docset, host: "h", auth, introducedIn: introducedIn[docset] });
  void client.GET("/cluster/jobs/{uuid}", { params: { path: { uuid: "1" } } });
}
// @ts-expect-error not a doc set of the team's nor of @ontap-rest/types
createOntapClient({ docset: "acme-3", host: "h", auth });
const one: One = {} as Two;
const code: KnownCode = catalog[0]!.code;
const documented: (keyof DocumentedErrorCodes)[] = ["acme-1", "acme-2"];
// @ts-expect-error the catalog documents the team's doc sets only
const other: keyof DocumentedErrorCodes = "9.9.1";
void [one, code, documented, other];
`,
    );
    expect(typeErrors(root)).toEqual([]);

    // One entry per code, documented in both doc sets; each doc set has its own table.
    type Entry = { code: string; documentedIn: { docset: string; method: string; path: string }[] };
    const { catalog } = (await import(/* @vite-ignore */ join(outDir, "errors.ts"))) as {
      catalog: Entry[];
    };
    expect(catalog).toHaveLength(codes);
    expect(new Set(catalog.map((entry) => entry.code)).size).toBe(codes);
    for (const entry of catalog) {
      const where = (docset: string) =>
        entry.documentedIn.filter((w) => w.docset === docset).map((w) => `${w.method} ${w.path}`);
      expect(where("acme-1")).not.toEqual([]);
      expect(where("acme-2")).toEqual(where("acme-1"));
    }
    const { introducedIn } = (await import(/* @vite-ignore */ join(outDir, "introduced.ts"))) as {
      introducedIn: Record<string, Record<string, string>>;
    };
    expect(Object.keys(introducedIn)).toEqual(["acme-1", "acme-2"]);
    expect(introducedIn["acme-1"]).toEqual(introducedIn["acme-2"]);
  });

  it("is byte-stable: the same specs give the same bytes, wherever the project is", async () => {
    const read = (dir: string) =>
      Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
    const a = projectWith(["acme-1", "acme-2"], "a");
    const b = projectWith(["acme-2", "acme-1"], "somewhere else");
    await generateAll({ root: a, outDir: join(a, "src/generated") });
    const first = read(join(a, "src/generated"));
    await generateAll({ root: a, outDir: join(a, "src/generated") });
    await generateAll({ root: b, outDir: join(b, "lib/generated") });
    expect(read(join(a, "src/generated"))).toEqual(first);
    expect(read(join(b, "lib/generated"))).toEqual(first);
  });
});

/**
 * The type errors of `<root>/src`, the packages being this repo's builds (`pnpm generate`).
 * The generated declaration files are checked too (a user's `skipLibCheck` skips them, so
 * they must be right as written), the packages' own are not.
 */
function typeErrors(root: string): string[] {
  const src = join(root, "src");
  const files = [
    join(src, "use.ts"),
    ...readdirSync(join(src, "generated")).map((name) => join(src, "generated", name)),
  ];
  const built = (name: string) => [join(repoRoot, "packages", name, "dist/index.d.ts")];
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    paths: {
      "@ontap-rest/client": built("client"),
      "@ontap-rest/errors": built("errors"),
      "@ontap-rest/types": built("types"),
    },
  });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => {
      const source = program.getSourceFile(file);
      return source
        ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
        : [];
    }),
  ];
  return diagnostics.map(
    (d) =>
      `${d.file ? d.file.fileName.slice(root.length + 1) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  );
}
