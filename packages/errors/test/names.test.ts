import { describe, expect, test } from "vitest";
import { catalog } from "../src/generated/catalog.js";
import { names } from "../src/names.js";

describe("names", () => {
  const documented = new Set<string>(catalog.map((entry) => entry.code));
  const cases: [string, { given: [string, string]; want: RegExp }][] = Object.entries(names).map(
    ([code, name]) => [
      `${code} ${name}`,
      { given: [code, name!], want: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/ },
    ],
  );

  test.each(cases)("%s: a documented code, a SCREAMING_SNAKE name", (_t, { given, want }) => {
    const [code, name] = given;
    expect(documented.has(code)).toBe(true);
    expect(name).toMatch(want);
  });

  test("a handful, each name used once", () => {
    const all = Object.values(names);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(new Set(all).size).toBe(all.length);
  });

  test("65537120 is AKV_NOT_CONFIGURED", () => {
    expect(names["65537120"]).toBe("AKV_NOT_CONFIGURED");
  });
});
