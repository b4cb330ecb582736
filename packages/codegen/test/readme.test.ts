// The README's TypeScript examples type-check against the published entry points (the build).
// The downstream program it shows (```typescript) imports modules a run of the CLI writes;
// scripts/test/downstream.test.ts runs that pipeline and such a program for real.
// Its table of exports names every function the package exports, and nothing else.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as codegen from "../src/index.js";
import { describeReadmeExamples } from "../../../scripts/test/readme-examples.js";

describeReadmeExamples(new URL(".", import.meta.url));

describe("README's table of exports", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const table = readme.slice(readme.indexOf("| export "));
  const rows = table.slice(0, table.indexOf("\n\n")).split("\n").slice(2);
  // The names in the first column: `name(…)` or `name`.
  const named = rows.flatMap((row) =>
    [...row.split("|")[1]!.matchAll(/`([A-Za-z]\w*)[(`]/g)].map((m) => m[1]!),
  );

  it("names each function the package exports, and only those", () => {
    expect([...named].sort()).toEqual(Object.keys(codegen).sort());
  });
});
