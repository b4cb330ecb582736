import { expect, test } from "vitest";

// Alone in its file: test files run in processes of their own, so no other test has used the
// registries yet.
const keys = ["names", "catalog"].map((key) => Symbol.for(`@ontap-rest/errors.${key}`));
const present = () => keys.map((key) => key in globalThis);

test("importing the package creates no global registry; the first use does", async () => {
  expect(present()).toEqual([false, false]);
  const errors = await import("../src/index.js");
  expect(present()).toEqual([false, false]);
  errors.lookupError("65537120");
  expect(present()).toEqual([true, true]);
});
