import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { writeYaml } from "../../src/emit/yaml.js";
import { ingestDocset } from "../helpers.js";

describe("writeYaml", () => {
  const cases: [string, { given: unknown; want: string }][] = [
    [
      "nested objects and arrays",
      { given: { a: { b: [1, "x"] }, c: [] }, want: "a:\n  b:\n    - 1\n    - x\nc: []\n" },
    ],
    [
      "objects in arrays",
      { given: [{ a: 1, b: { c: true } }], want: "- a: 1\n  b:\n    c: true\n" },
    ],
    ["status codes stay strings", { given: { "200": "Ok" }, want: '"200": Ok\n' }],
    [
      "strings that would read as something else",
      {
        given: ["true", "1", "", "- x", "a: b", "x #y", "null", "<<"],
        want: '- "true"\n- "1"\n- ""\n- "- x"\n- "a: b"\n- "x #y"\n- "null"\n- "<<"\n',
      },
    ],
    [
      "plain where unambiguous",
      {
        given: { $ref: "#/components/schemas/x", path: "/a/{b}", s: "file.txt:12" },
        want: '$ref: "#/components/schemas/x"\npath: /a/{b}\ns: file.txt:12\n',
      },
    ],
    [
      "text over lines is a literal block",
      { given: { d: "one\n\ntwo" }, want: "d: |-\n  one\n\n  two\n" },
    ],
    ["a trailing line break stays quoted", { given: ["one\n"], want: '- "one\\n"\n' }],
    [
      "a key longer than YAML's 1024 characters is explicit",
      {
        given: [{ ["k".repeat(1001)]: { a: 1 }, b: { ["k".repeat(1001)]: 2 } }],
        want: `- ? ${"k".repeat(1001)}\n  :\n    a: 1\n  b:\n    ? ${"k".repeat(1001)}\n    : 2\n`,
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(writeYaml(given)).toBe(want));

  test("long keys read back the same, in objects, arrays and nested", () => {
    const key = "_]".repeat(600);
    const given = {
      a: { [key]: { x: [1, { [key]: 2 }] } },
      b: [{ [key]: [] }, { [`${key}\n`]: "v" }],
    };
    expect(parse(writeYaml(given))).toEqual(given);
  });

  test("any JSON value, any characters, reads back the same (3,000 cases)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "binary" }), (value) => {
        expect(parse(writeYaml(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 3_000, seed: 20261122 },
    );
  });

  test.each([
    ["a\n\tb"],
    ["x\n  y"],
    ["x\n#y"],
    ["x\n- y: z"],
    ["x\n\n"],
    [" x\ny"],
    ["x\r\ny"],
    ["\ny"],
  ])("%j reads back the same", (given) => {
    expect(parse(writeYaml({ k: given, l: [given] }))).toEqual({ k: given, l: [given] });
  });

  test.each([["9.9.1"], ["latest"]])("the %s spec reads back the same", (docset) => {
    const { document } = ingestDocset(docset);
    expect(parse(writeYaml(document))).toEqual(document);
  });

  test("items nested directly in items get one dash each", () => {
    expect(writeYaml([[{ a: 1 }, [{ b: [2] }]]])).toBe("- - a: 1\n  - - b:\n        - 2\n");
  });

  test("a document longer than one chunk of lines reads back the same", () => {
    const given = Array.from({ length: 3000 }, (_, i) => ({ i, d: `x\ny${i}`, l: [[{ q: i }]] }));
    expect(parse(writeYaml(given))).toEqual(given);
  });

  test("an item whose values are all undefined still fails as it always did", () => {
    expect(() => writeYaml([{ a: undefined }])).toThrow(TypeError);
  });
});
