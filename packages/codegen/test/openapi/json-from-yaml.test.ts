import { describe, expect, it } from "vitest";
import { jsonFromYaml } from "../../src/openapi/json-from-yaml.js";

describe("jsonFromYaml", () => {
  it.each([
    // Integer-like keys stay where the document has them (a plain object would move them first).
    ['default: a\n"200": b\n', '{\n  "default": "a",\n  "200": "b"\n}\n'],
    ["200: x\n", '{\n  "200": "x"\n}\n'],
    ["a: []\nb: {}\n", '{\n  "a": [],\n  "b": {}\n}\n'],
    ["- 1\n- 1.5\n- true\n- null\n- ~\n", "[\n  1,\n  1.5,\n  true,\n  null,\n  null\n]\n"],
    [
      's: "9.9.1"\nv: 9.9.1\nq: "line\\nbreak \\"quoted\\""\n',
      '{\n  "s": "9.9.1",\n  "v": "9.9.1",\n  "q": "line\\nbreak \\"quoted\\""\n}\n',
    ],
    [
      "a:\n  b:\n    - c: 1\n",
      '{\n  "a": {\n    "b": [\n      {\n        "c": 1\n      }\n    ]\n  }\n}\n',
    ],
    ["x: &a {k: 1}\ny: *a\n", '{\n  "x": {\n    "k": 1\n  },\n  "y": {\n    "k": 1\n  }\n}\n'],
  ])("%j", (yaml, json) => {
    expect(jsonFromYaml(yaml, "t.yaml")).toBe(json);
  });

  it("matches JSON.stringify(_, null, 2) where key order is not at stake", () => {
    const value = {
      info: { title: "T", version: "1" },
      list: [1, "two", { three: [] }],
      empty: {},
    };
    expect(jsonFromYaml(JSON.stringify(value), "t.yaml")).toBe(
      `${JSON.stringify(value, null, 2)}\n`,
    );
  });

  it.each([
    ["a: 1\na: 2\n", /t\.yaml: .*unique/i],
    ["a: .inf\n", /t\.yaml: Infinity has no JSON form/],
    ["a: [\n", /t\.yaml: /],
    ["? [a]\n: 1\n", /t\.yaml: a object mapping key has no JSON form/],
  ])("refuses %j", (yaml, message) => {
    expect(() => jsonFromYaml(yaml, "t.yaml")).toThrow(message);
  });
});
