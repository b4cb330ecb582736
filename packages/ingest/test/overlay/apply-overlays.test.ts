import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { applyOverlays } from "../../src/overlay/apply-overlays.js";
import { type Overlay, parseOverlay } from "../../src/overlay/parse-overlay.js";

/** An overlay from its actions, written as YAML so that action lines are real (line 5 on). */
function overlay(file: string, actions: string, extendsUrl?: string): Overlay {
  const text = [
    "overlay: 1.0.0",
    "info: {title: t, version: '1'}",
    extendsUrl === undefined ? "# no extends: for every doc set" : `extends: ${extendsUrl}`,
    "actions:",
    actions,
  ].join("\n");
  const { overlay: parsed, diagnostics } = parseOverlay(file, text);
  expect(diagnostics).toEqual([]);
  return parsed!;
}

const apply = (document: Record<string, unknown>, overlays: Overlay[], docset = "ds") =>
  applyOverlays(document, overlays, { docset });

/** Key order is part of the result (the spec must stay byte-stable): compare the JSON text. */
const text = (v: unknown) => JSON.stringify(v);

describe("applyOverlays: what an action does", () => {
  const cases: [
    string,
    {
      given: { document: Record<string, unknown>; actions: string };
      want: Record<string, unknown>;
    },
  ][] = [
    [
      "update merges into an object: existing members keep their place, new ones go last",
      {
        given: {
          document: { a: { x: 1, y: 2 }, b: 1 },
          actions: "  - {target: $.a, update: {z: 4, y: 3}}",
        },
        want: { a: { x: 1, y: 3, z: 4 }, b: 1 },
      },
    ],
    [
      "a new integer-like key (a status code) goes where JavaScript puts it: first, by value",
      {
        given: {
          document: { r: { "200": 1, default: 1 } },
          actions: "  - {target: $.r, update: {x-a: 1, '404': 1, '201': 1}}",
        },
        want: JSON.parse('{"r":{"200":1,"201":1,"404":1,"default":1,"x-a":1}}'),
      },
    ],
    [
      "update merges nested objects recursively; a nested array is replaced",
      {
        given: {
          document: { a: { b: { c: 1, d: [1, 2] }, e: "s" } },
          actions: "  - {target: $.a, update: {b: {d: [9], f: {g: true}}, e: {now: object}}}",
        },
        want: { a: { b: { c: 1, d: [9], f: { g: true } }, e: { now: "object" } } },
      },
    ],
    [
      "update appends to a matched array, an array value as one entry",
      {
        given: {
          document: { list: [1] },
          actions: "  - {target: $.list, update: {k: 1}}\n  - {target: $.list, update: [2, 3]}",
        },
        want: { list: [1, { k: 1 }, [2, 3]] },
      },
    ],
    [
      "update replaces a matched scalar, in an object or an array",
      {
        given: {
          document: { a: { x: 1 }, list: ["p", "q"] },
          actions: "  - {target: $.a.x, update: five}\n  - {target: '$.list[1]', update: null}",
        },
        want: { a: { x: "five" }, list: ["p", null] },
      },
    ],
    [
      "update every match of a filter",
      {
        given: {
          document: { codes: [{ code: "1" }, { code: "2" }, { code: "1" }] },
          actions: "  - {target: \"$.codes[?@.code == '1']\", update: {name: ONE}}",
        },
        want: { codes: [{ code: "1", name: "ONE" }, { code: "2" }, { code: "1", name: "ONE" }] },
      },
    ],
    [
      "remove a member",
      {
        given: { document: { a: { x: 1, y: 2 } }, actions: "  - {target: $.a.x, remove: true}" },
        want: { a: { y: 2 } },
      },
    ],
    [
      "remove several array elements (indices do not shift under it)",
      {
        given: {
          document: { list: [1, 5, 2, 0, 7] },
          actions: "  - {target: '$.list[?@ > 1]', remove: true}",
        },
        want: { list: [1, 0] },
      },
    ],
    [
      "remove at every depth",
      {
        given: {
          document: { secret: 1, a: { secret: 2, b: [{ secret: 3, keep: 4 }] } },
          actions: "  - {target: $..secret, remove: true}",
        },
        want: { a: { b: [{ keep: 4 }] } },
      },
    ],
    [
      "remove a node and one inside it",
      {
        given: {
          document: { a: { b: { c: 1 } }, d: 1 },
          actions: "  - {target: '$..[?@.c || @.b]', remove: true}",
        },
        want: { d: 1 },
      },
    ],
    [
      "actions run in order, each on the document the previous ones left",
      {
        given: {
          document: { items: [{ id: 1 }, { id: 2 }] },
          actions: [
            "  - {target: '$.items[0]', update: {done: true}}",
            "  - {target: '$.items[?@.done == true]', update: {seen: true}}",
            "  - {target: '$.items[?@.seen]', remove: true}",
            "  - {target: '$.items[0].id', update: 20}",
          ].join("\n"),
        },
        want: { items: [{ id: 20 }] },
      },
    ],
    [
      "a member named __proto__ is a member, not a prototype",
      {
        given: {
          document: { a: {} },
          actions: "  - {target: $.a, update: {__proto__: {polluted: true}}}",
        },
        want: JSON.parse('{"a":{"__proto__":{"polluted":true}}}'),
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    const result = apply(given.document, [overlay("o.yaml", given.actions)]);
    expect(result.diagnostics).toEqual([]);
    const { info, ...rest } = result.document;
    expect(text(rest)).toBe(text(want));
    expect(info).toEqual({ "x-ntap-overlays": ["o.yaml"] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("the same actions in the other order: the dependent action matches nothing", () => {
    const result = apply({ items: [{ id: 1 }] }, [
      overlay(
        "o.yaml",
        [
          "  - {target: '$.items[?@.done == true]', update: {seen: true}}",
          "  - {target: '$.items[0]', update: {done: true}}",
        ].join("\n"),
      ),
    ]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `o.yaml:5: error: action 1 (target "$.items[?@.done == true]") matches nothing in doc set ds`,
    ]);
    expect(result.document.items).toEqual([{ id: 1, done: true }]);
  });
});

describe("applyOverlays: errors", () => {
  const cases: [
    string,
    {
      given: { document: Record<string, unknown>; actions: string };
      want: { diagnostics: string[]; document: Record<string, unknown> };
    },
  ][] = [
    [
      "an action that matches nothing is an error at its line; the others still apply",
      {
        given: {
          document: { a: {}, b: 1 },
          actions: [
            "  - target: $.a",
            "    update: {x: 1}",
            "  - target: $.paths['/nope']",
            "    description: gone from the docs",
            "    update: {x: 1}",
            "  - target: $.b",
            "    remove: true",
          ].join("\n"),
        },
        want: {
          diagnostics: [
            `o.yaml:7: error: action 2 (target "$.paths['/nope']") matches nothing in doc set ds`,
          ],
          document: { a: { x: 1 }, info: { "x-ntap-overlays": ["o.yaml"] } },
        },
      },
    ],
    [
      "an update that is not a mapping cannot merge into an object: the action changes nothing",
      {
        given: { document: { a: { x: {}, y: 1 } }, actions: "  - {target: $.a.*, update: 5}" },
        want: {
          diagnostics: [
            `o.yaml:5: error: action 1 (target "$.a.*") matches an object ($['a']['x']): update must be a mapping to merge into it`,
          ],
          document: { a: { x: {}, y: 1 } },
        },
      },
    ],
    [
      "the document itself cannot be removed",
      {
        given: { document: { a: 1 }, actions: "  - {target: $, remove: true}" },
        want: {
          diagnostics: [`o.yaml:5: error: action 1 (target "$") cannot remove the document itself`],
          document: { a: 1 },
        },
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    const result = apply(given.document, [overlay("o.yaml", given.actions)]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(want.diagnostics);
    expect(result.document).toEqual(want.document);
  });

  test("a hand-made action with a target that is not RFC 9535 JSONPath: an error, not a throw", () => {
    const made: Overlay = {
      file: "made.yaml",
      overlay: "1.0.0",
      info: { title: "t", version: "1" },
      actions: [{ target: "$[1:", update: {}, index: 1, line: 3 }],
    };
    expect(apply({}, [made]).diagnostics.map(formatDiagnostic)).toEqual([
      `made.yaml:3: error: action 1 (target "$[1:") is not a supported JSONPath: column 5: unclosed bracketed selection`,
    ]);
  });
});

describe("applyOverlays: which overlays, and the record of them", () => {
  const doc = () => ({
    openapi: "3.1.0",
    info: { title: "T", version: "latest" },
    paths: { "/a": {} },
  });
  const add = (file: string, key: string, extendsUrl?: string) =>
    overlay(file, `  - {target: "$.paths['/a']", update: {${key}: 1}}`, extendsUrl);

  test("overlays apply in the order given, and info.x-ntap-overlays lists them in that order, last", () => {
    const result = apply(doc(), [add("b.yaml", "x-b"), add("a.yaml", "x-a")], "latest");
    expect(text(result.document)).toBe(
      text({
        openapi: "3.1.0",
        info: { title: "T", version: "latest", "x-ntap-overlays": ["b.yaml", "a.yaml"] },
        paths: { "/a": { "x-b": 1, "x-a": 1 } },
      }),
    );
    expect(result.applied).toEqual(["b.yaml", "a.yaml"]);
  });

  test("an overlay that extends another doc set is skipped, silently and unlisted", () => {
    const result = apply(
      doc(),
      [
        add("mine.yaml", "x-m", "ontap-latest.openapi.yaml"),
        add("theirs.yaml", "x-t", "../ontap-9.9.1.openapi.yaml"),
      ],
      "latest",
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.document.paths).toEqual({ "/a": { "x-m": 1 } });
    expect(result.applied).toEqual(["mine.yaml"]);
  });

  test("no overlay for this doc set: the document itself, untouched, no record", () => {
    const input = doc();
    const result = apply(input, [add("theirs.yaml", "x-t", "9.9.1")], "latest");
    expect(result.document).toBe(input);
    expect(text(input)).toBe(text(doc()));
  });

  test("an overlay none of whose actions applied is not listed", () => {
    const result = apply(
      doc(),
      [overlay("dead.yaml", "  - {target: $.nope, remove: true}"), add("live.yaml", "x-l")],
      "latest",
    );
    expect(result.applied).toEqual(["live.yaml"]);
    expect((result.document.info as Record<string, unknown>)["x-ntap-overlays"]).toEqual([
      "live.yaml",
    ]);
  });

  test("a second application adds to the record", () => {
    const once = apply(doc(), [add("a.yaml", "x-a")], "latest").document;
    const twice = apply(once, [add("b.yaml", "x-b")], "latest").document;
    expect((twice.info as Record<string, unknown>)["x-ntap-overlays"]).toEqual([
      "a.yaml",
      "b.yaml",
    ]);
  });

  test("neither the input document nor the overlay's values are shared with the result", () => {
    const input = { shared: { v: 1 }, a: {}, b: {} } as Record<string, any>;
    input.other = input.shared; // one object in two places, as a builder may leave it
    const o = overlay(
      "o.yaml",
      [
        "  - {target: $.shared, update: {w: 2}}",
        "  - {target: '$[?@.v]', update: {n: [1]}}",
        "  - {target: '$.a', update: {deep: {list: [1]}}}",
        "  - {target: '$.b', update: {deep: {list: [1]}}}",
      ].join("\n"),
    );
    const result = apply(input, [o]).document as Record<string, any>;
    expect(input).toEqual({ shared: { v: 1 }, a: {}, b: {}, other: { v: 1 } });
    // The update reached `shared` only, not the place that shared its object.
    expect(result.shared).toEqual({ v: 1, w: 2, n: [1] });
    expect(result.other).toEqual({ v: 1, n: [1] });
    expect(result.shared.n).not.toBe(result.other.n);
    expect(result.a.deep).not.toBe(result.b.deep);
    (o.actions[2]!.update as any).deep.list.push(2);
    expect(result.a.deep.list).toEqual([1]);
  });
});
