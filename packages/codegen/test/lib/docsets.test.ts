// src/lib/docsets.ts: the doc set list every generator shares.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listDocsets, specPath } from "../../src/lib/docsets.js";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp root whose spec/ holds empty files (and folders, for names ending in `/`). */
function rootWith(names: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), "ontap-rest-docsets-"));
  temps.push(root);
  mkdirSync(join(root, "spec"));
  for (const name of names) {
    if (name.endsWith("/")) mkdirSync(join(root, "spec", name));
    else writeFileSync(join(root, "spec", name), "");
  }
  return root;
}

describe("listDocsets", () => {
  it.each([
    [
      ["ontap-latest.openapi.yaml", "ontap-9.9.1.openapi.yaml"],
      ["9.9.1", "latest"],
    ],
    // Code-unit order, not release order: the same on every machine, and documented.
    [
      ["ontap-9.9.1.openapi.yaml", "ontap-9.10.0.openapi.yaml"],
      ["9.10.0", "9.9.1"],
    ],
    [
      ["ontap-B.openapi.yaml", "ontap-a.openapi.yaml"],
      ["B", "a"],
    ],
    [
      [
        "README.md",
        "ontap-x.openapi.json",
        "ontap-.openapi.yaml",
        "sources/",
        "ontap-dir.openapi.yaml/",
        "ontap-9.9.1.openapi.yaml",
      ],
      ["9.9.1"],
    ],
    [[], []],
  ])("%j → %j", (names, docsets) => {
    expect(listDocsets(rootWith(names))).toEqual(docsets);
  });

  it.each([["ontap-a b.openapi.yaml"], ["ontap-.hidden.openapi.yaml"], ['ontap-x"y.openapi.yaml']])(
    "refuses the doc set name in %s",
    (name) => {
      expect(() => listDocsets(rootWith([name]))).toThrow(/doc set name .* must match/);
    },
  );

  it("refuses a root without spec/", () => {
    const root = rootWith([]);
    rmSync(join(root, "spec"), { recursive: true });
    expect(() => listDocsets(root)).toThrow(/no such folder/);
  });
});

describe("specPath", () => {
  it("is <root>/spec/ontap-<docset>.openapi.yaml", () => {
    expect(specPath("/repo", "9.9.1")).toBe(join("/repo", "spec", "ontap-9.9.1.openapi.yaml"));
  });
});
