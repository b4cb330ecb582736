// The openapi generator as a function of its folders, on copies of the specs in a temp folder.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { specPath } from "../../src/lib/docsets.js";
import { generateOpenapi } from "../../src/openapi/generate-openapi.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const packageDir = fileURLToPath(new URL("../../../openapi/", import.meta.url));

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp repo root whose spec/ holds `specs` (doc set → spec text), and package folders. */
function tempRoot(specs: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "ontap-rest-openapi-"));
  temps.push(root);
  mkdirSync(join(root, "spec"));
  for (const [docset, text] of Object.entries(specs)) writeFileSync(specPath(root, docset), text);
  return {
    root,
    filesDir: join(root, "pkg", "generated"),
    moduleDir: join(root, "pkg", "src", "generated"),
  };
}

const realSpec = (docset: string): string => readFileSync(specPath(repoRoot, docset), "utf8");
const listing = (dir: string) => readdirSync(dir).sort();

describe("generateOpenapi", () => {
  it("writes what is committed, byte for byte", () => {
    const { filesDir, moduleDir } = tempRoot({});
    generateOpenapi({ root: repoRoot, filesDir, moduleDir });
    for (const [dir, committed] of [
      [filesDir, join(packageDir, "generated")],
      [moduleDir, join(packageDir, "src", "generated")],
    ] as const) {
      expect(listing(dir)).toEqual(listing(committed));
      for (const name of listing(dir)) {
        expect(
          readFileSync(join(dir, name)).equals(readFileSync(join(committed, name))),
          name,
        ).toBe(true);
      }
    }
  });

  it("adds the files and an index entry for a new doc set, with no code change", () => {
    const dirs = tempRoot({ latest: realSpec("latest"), "9.10.0": realSpec("9.9.1") });
    const { docsets } = generateOpenapi(dirs);

    expect(docsets).toEqual(["9.10.0", "latest"]);
    expect(listing(dirs.filesDir)).toEqual([
      "ontap-9.10.0.openapi.json",
      "ontap-9.10.0.openapi.yaml",
      "ontap-latest.openapi.json",
      "ontap-latest.openapi.yaml",
    ]);
    const yaml = readFileSync(join(dirs.filesDir, "ontap-9.10.0.openapi.yaml"), "utf8");
    expect(yaml).toBe(realSpec("9.9.1"));
    const json = readFileSync(join(dirs.filesDir, "ontap-9.10.0.openapi.json"), "utf8");
    expect(JSON.parse(json)).toEqual(parse(yaml));

    const index = readFileSync(join(dirs.moduleDir, "index.ts"), "utf8");
    expect(index).toContain('export const docsets = ["9.10.0", "latest"] as const;');
    expect(index).toContain(
      '"9.10.0": { yaml: new URL("../../generated/ontap-9.10.0.openapi.yaml", import.meta.url), json: new URL("../../generated/ontap-9.10.0.openapi.json", import.meta.url) }',
    );
  });

  it("removes the files of a doc set whose spec is gone", () => {
    const dirs = tempRoot({ latest: realSpec("latest"), old: realSpec("latest") });
    generateOpenapi(dirs);
    rmSync(specPath(dirs.root, "old"));
    generateOpenapi(dirs);
    expect(listing(dirs.filesDir)).toEqual([
      "ontap-latest.openapi.json",
      "ontap-latest.openapi.yaml",
    ]);
    expect(readFileSync(join(dirs.moduleDir, "index.ts"), "utf8")).not.toContain('"old"');
  });

  it("names the spec file and line when a spec is not valid YAML", () => {
    const dirs = tempRoot({ broken: "openapi: 3.1.0\npaths: [\n" });
    expect(() => generateOpenapi(dirs)).toThrow(/spec\/ontap-broken\.openapi\.yaml: /);
  });
});
