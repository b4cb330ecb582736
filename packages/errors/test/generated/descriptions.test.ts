import { describe, expect, test } from "vitest";
import { catalog } from "../../src/generated/catalog.js";
import { descriptions, names } from "../../src/generated/descriptions.js";

// The runtime tables are the catalog without `documentedIn`: the same codes, descriptions and
// names, keyed by code.
describe("descriptions and names", () => {
  test("a description for every code of the catalog, and no other", () => {
    expect(Object.keys(descriptions)).toEqual(catalog.map((entry) => entry.code));
  });

  const rows: [string, { given: (typeof catalog)[number] }][] = catalog.map((entry) => [
    entry.code,
    { given: entry },
  ]);
  test.each(rows)("%s: the catalog's description and name", (_t, { given }) => {
    expect(descriptions[given.code]).toBe(given.description);
    expect(Object.hasOwn(names, given.code) ? names[given.code] : undefined).toBe(given.name);
  });

  test("every name is a named code of the catalog", () => {
    const named = catalog.filter((entry) => entry.name !== undefined).map((entry) => entry.code);
    expect(Object.keys(names)).toEqual(named);
  });

  // Names come from the overlays in spec/overlays/, chosen by hand for codes whose meaning the
  // docs make plain.
  const named: [string, { given: string; want: RegExp }][] = Object.entries(names).map(
    ([code, name]) => [`${code} ${name}`, { given: name!, want: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/ }],
  );
  test.each(named)("%s: a SCREAMING_SNAKE name", (_t, { given, want }) => {
    expect(given).toMatch(want);
  });

  test("a handful, each name used once; 65537120 is AKV_NOT_CONFIGURED", () => {
    const all = Object.values(names);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(new Set(all).size).toBe(all.length);
    expect(names["65537120"]).toBe("AKV_NOT_CONFIGURED");
  });
});
