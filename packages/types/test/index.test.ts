// The index module: the doc set list is the specs' list, and DocSets maps each doc set to
// the roots of its own module.
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { listDocsets } from "../../codegen/src/lib/docsets.js";
import type * as docset_9_9_1 from "../src/generated/9.9.1.js";
import type * as docset_latest from "../src/generated/latest.js";
import { type DocSet, type DocSets, docsets } from "../src/index.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

const typeCases: ReadonlyArray<readonly [string, () => void]> = [
  [
    "DocSet is the union of the listed doc sets",
    () => expectTypeOf<DocSet>().toEqualTypeOf<(typeof docsets)[number]>(),
  ],
  [
    "DocSets has one entry per doc set",
    () => expectTypeOf<keyof DocSets>().toEqualTypeOf<DocSet>(),
  ],
  [
    'DocSets["9.9.1"] holds the roots of @ontap-rest/types/9.9.1',
    () =>
      expectTypeOf<DocSets["9.9.1"]>().toEqualTypeOf<{
        paths: docset_9_9_1.paths;
        components: docset_9_9_1.components;
        operations: docset_9_9_1.operations;
        pathsByMethod: docset_9_9_1.PathsByMethod;
      }>(),
  ],
  [
    'DocSets["latest"]["paths"] is the paths of @ontap-rest/types/latest',
    () => expectTypeOf<DocSets["latest"]["paths"]>().toEqualTypeOf<docset_latest.paths>(),
  ],
];

describe("@ontap-rest/types index", () => {
  it("lists every doc set that has a spec, in code-unit order", () => {
    expect([...docsets]).toEqual(listDocsets(root));
  });

  it.each(typeCases)("%s", (_name, check) => check());
});
