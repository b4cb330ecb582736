// The entry points: the main one carries what the runtime needs, `./catalog` the rest.
import { expect, test } from "vitest";
import * as catalogEntry from "../src/catalog.js";
import * as main from "../src/index.js";

test("the main entry point: the runtime, and no catalog", () => {
  expect(Object.keys(main).sort()).toEqual([
    "OntapApiError",
    "isOntapError",
    "lookupError",
    "readErrorBody",
    "registerErrorCatalog",
    "registerErrorNames",
  ]);
});

test("@ontap-rest/errors/catalog: the catalog", () => {
  expect(Object.keys(catalogEntry)).toEqual(["catalog"]);
  expect(catalogEntry.catalog.length).toBeGreaterThan(0);
});
