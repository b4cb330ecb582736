// src/introduced/: the client's version table from the specs, for any set of doc sets.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  buildIntroducedModule,
  generateIntroduced,
} from "../../src/introduced/generate-introduced.js";
import { compareReleases } from "../../src/introduced/release.js";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const COMMITTED = join(ROOT, "packages/client/src/generated/introduced.ts");

/** A temporary root with the repo's specs and any extra ones, as `{docset: document}`. */
function tempRoot(extra: Record<string, unknown> = {}, copy = ["9.9.1", "latest"]): string {
  const root = mkdtempSync(join(tmpdir(), "introduced-generate-"));
  mkdirSync(join(root, "spec"));
  for (const docset of copy) {
    const file = `spec/ontap-${docset}.openapi.yaml`;
    copyFileSync(join(ROOT, file), join(root, file));
  }
  for (const [docset, document] of Object.entries(extra)) {
    writeFileSync(join(root, `spec/ontap-${docset}.openapi.yaml`), stringify(document));
  }
  return root;
}

/** A spec of `{ "/path": { method: x-ntap-introduced or undefined } }`. */
function spec(paths: Record<string, Record<string, unknown>>): unknown {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: Object.fromEntries(
      Object.entries(paths).map(([path, methods]) => [
        path,
        Object.fromEntries(
          Object.entries(methods).map(([method, introduced]) => [
            method,
            {
              responses: { "200": { description: "OK" } },
              ...(introduced === undefined ? {} : { "x-ntap-introduced": introduced }),
            },
          ]),
        ),
      ]),
    ),
  };
}

type Table = Readonly<Record<string, Readonly<Record<string, string>>>>;

async function load(text: string): Promise<{ introducedIn: Table }> {
  // The module is plain data: as JavaScript it is the same text without the type annotation.
  const dir = mkdtempSync(join(tmpdir(), "introduced-module-"));
  const file = join(dir, "introduced.mjs");
  writeFileSync(
    file,
    text.replace(/: Readonly<Record<string, Readonly<Record<string, string>>>>/, ""),
  );
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

describe("generateIntroduced", () => {
  it("the committed module is what a fresh run writes, and a second run is byte-identical", () => {
    const out = join(mkdtempSync(join(tmpdir(), "introduced-out-")), "generated");
    const first = generateIntroduced(ROOT, out);
    const text = readFileSync(first.file, "utf8");
    expect(first.docsets).toEqual(["9.9.1", "latest"]);
    expect(text).toBe(readFileSync(COMMITTED, "utf8"));
    generateIntroduced(ROOT, out);
    expect(readFileSync(first.file, "utf8")).toBe(text);
  });

  it("holds what the specs say, minus operations of the REST API's first release", async () => {
    const { introducedIn } = await load(buildIntroducedModule(ROOT, { generator: "test" }).text);
    expect(introducedIn.latest).toEqual({
      "POST /security/azure-key-vaults/{uuid}/rekey-internal": "9.10",
    });
    // The AKV endpoints (9.8); the jobs endpoints (9.6) are not in it, nor are the
    // parameters' own x-ntap-introduced (GET /cluster/jobs' filters: 9.8, 9.9).
    expect(Object.values(introducedIn["9.9.1"]!)).toEqual(Array(7).fill("9.8"));
    expect(Object.keys(introducedIn["9.9.1"]!).some((key) => key.includes("/cluster/jobs"))).toBe(
      false,
    );
  });

  it("a new doc set appears with no code change, even one with no entry", async () => {
    const root = tempRoot({
      "9.99.0": spec({
        "/storage/volumes": { get: "9.6", post: "9.10.1", patch: undefined },
        "/storage/volumes/{uuid}": { delete: "9.12" },
      }),
      "9.5": spec({ "/cluster/jobs": { get: "9.6" } }),
    });
    const built = buildIntroducedModule(root, { generator: "test" });
    expect(built.docsets).toEqual(["9.5", "9.9.1", "9.99.0", "latest"]);
    expect(built.operations).toBe(7 + 1 + 2);
    const { introducedIn } = await load(built.text);
    expect(Object.keys(introducedIn)).toEqual(["9.5", "9.9.1", "9.99.0", "latest"]);
    expect(introducedIn["9.5"]).toEqual({});
    expect(introducedIn["9.99.0"]).toEqual({
      "POST /storage/volumes": "9.10.1",
      "DELETE /storage/volumes/{uuid}": "9.12",
    });
  });

  it("sorts by path, then method, whatever the order in the spec", async () => {
    const root = tempRoot(
      { x: spec({ "/b": { post: "9.7", get: "9.7" }, "/a": { patch: "9.8" } }) },
      [],
    );
    const { introducedIn } = await load(buildIntroducedModule(root, { generator: "t" }).text);
    expect(Object.keys(introducedIn.x!)).toEqual(["PATCH /a", "GET /b", "POST /b"]);
  });

  it.each<[string, unknown, string]>([
    ["a YAML number (9.10 would read as 9.1)", 9.1, "found 9.1"],
    ["not a release", "9.x", 'found "9.x"'],
    ["four parts", "9.10.1.2", 'found "9.10.1.2"'],
    ["empty", "", 'found ""'],
  ])("refuses %s, naming the file and the operation", (_, value, found) => {
    const root = tempRoot({ bad: spec({ "/storage/volumes": { post: value } }) }, []);
    expect(() => buildIntroducedModule(root, { generator: "t" })).toThrow(
      `spec/ontap-bad.openapi.yaml: POST /storage/volumes: x-ntap-introduced: expected a release such as "9.10" (a quoted string), ${found}`,
    );
  });

  it("refuses a root without spec/", () => {
    const root = mkdtempSync(join(tmpdir(), "introduced-empty-"));
    expect(() => buildIntroducedModule(root, { generator: "t" })).toThrow(/no such folder/);
  });
});

describe("compareReleases", () => {
  it.each<[string, { given: [string, string]; want: number }]>([
    ["numbers, not text", { given: ["9.9", "9.10"], want: -1 }],
    ["a missing part is 0", { given: ["9.10", "9.10.0"], want: 0 }],
    ["minor counts", { given: ["9.10.1", "9.10"], want: 1 }],
    ["generation first", { given: ["10.0", "9.16.1"], want: 1 }],
  ])("%s", (_, { given: [a, b], want }) => {
    expect(Math.sign(compareReleases(a, b))).toBe(want);
  });
});
