import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { queryJsonPath } from "../../src/overlay/json-path.js";

/** A hang guard for hostile inputs, not a speed limit: speed is measured in bench/, not here. */
const HANG_GUARD_MS = 30_000;

const DOC = {
  store: {
    book: [
      { title: "A", price: 8, tags: ["x", "y"] },
      { title: "B", price: 12, author: { name: "N" } },
      { title: "C", price: 8.5, available: false },
    ],
    bicycle: { color: "red", price: 19 },
    "x-codes": [{ code: "1" }, { code: "2", name: null }],
    "a'b": 1,
  },
};

const BOOK = "$['store']['book']";

describe("queryJsonPath", () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ["the document", { given: "$", want: ["$"] }],
    ["dot names", { given: "$.store.bicycle.color", want: ["$['store']['bicycle']['color']"] }],
    [
      "bracket names, both quotes",
      { given: `$['store']["bicycle"]`, want: ["$['store']['bicycle']"] },
    ],
    [
      "a name with a dash, in brackets",
      { given: "$.store['x-codes'][1]", want: ["$['store']['x-codes'][1]"] },
    ],
    ["escapes in a name", { given: `$.store['a\\'b']`, want: ["$['store']['a\\'b']"] }],
    [
      "\\u escapes in a name",
      { given: `$['\\u0073tore'].bicycle`, want: ["$['store']['bicycle']"] },
    ],
    ["an index", { given: "$.store.book[0].title", want: [`${BOOK}[0]['title']`] }],
    ["a negative index counts from the end", { given: "$.store.book[-1]", want: [`${BOOK}[2]`] }],
    ["an index past the end", { given: "$.store.book[3]", want: [] }],
    ["an index on an object", { given: "$.store.bicycle[0]", want: [] }],
    ["a name on an array", { given: "$.store.book.title", want: [] }],
    ["a missing name", { given: "$.store.nope", want: [] }],
    [
      "[*] on an object: its members, in order",
      {
        given: "$.store.bicycle[*]",
        want: ["$['store']['bicycle']['color']", "$['store']['bicycle']['price']"],
      },
    ],
    [
      ".* on an array: its elements",
      { given: "$.store.book.*.title", want: [0, 1, 2].map((i) => `${BOOK}[${i}]['title']`) },
    ],
    [
      "..name at every depth, in document order",
      {
        given: "$..price",
        want: [
          `${BOOK}[0]['price']`,
          `${BOOK}[1]['price']`,
          `${BOOK}[2]['price']`,
          "$['store']['bicycle']['price']",
        ],
      },
    ],
    [
      "..name with a null value",
      {
        given: "$..name",
        want: [`${BOOK}[1]['author']['name']`, "$['store']['x-codes'][1]['name']"],
      },
    ],
    [
      "..[n]",
      {
        given: "$..[0]",
        want: [`${BOOK}[0]`, `${BOOK}[0]['tags'][0]`, "$['store']['x-codes'][0]"],
      },
    ],
    [
      "..* under a node",
      {
        given: "$.store.book[1]..*",
        want: [
          `${BOOK}[1]['title']`,
          `${BOOK}[1]['price']`,
          `${BOOK}[1]['author']`,
          `${BOOK}[1]['author']['name']`,
        ],
      },
    ],
    [
      "..['name'] after a name",
      { given: "$.store..['title']", want: [0, 1, 2].map((i) => `${BOOK}[${i}]['title']`) },
    ],
    ["filter ==, string", { given: "$.store.book[?@.title == 'B']", want: [`${BOOK}[1]`] }],
    ["filter in parentheses", { given: `$.store.book[?(@.title == "B")]`, want: [`${BOOK}[1]`] }],
    ["filter, literal first", { given: "$.store.book[?8 == @.price]", want: [`${BOOK}[0]`] }],
    [
      "filter ==, numbers by value",
      { given: "$.store.book[?@.price == 8.0e0]", want: [`${BOOK}[0]`] },
    ],
    ["filter !=", { given: "$.store.book[?@.price != 8]", want: [`${BOOK}[1]`, `${BOOK}[2]`] }],
    [
      "filter <",
      {
        given: "$.store.book[?@.price < 10].title",
        want: [`${BOOK}[0]['title']`, `${BOOK}[2]['title']`],
      },
    ],
    ["filter >", { given: "$.store.book[?@.price > 10]", want: [`${BOOK}[1]`] }],
    ["filter <=", { given: "$.store.book[?@.price <= 8.5]", want: [`${BOOK}[0]`, `${BOOK}[2]`] }],
    ["filter >=", { given: "$.store.book[?@.price >= 8.5]", want: [`${BOOK}[1]`, `${BOOK}[2]`] }],
    ["filter <, strings", { given: "$.store.book[?@.title < 'B']", want: [`${BOOK}[0]`] }],
    [
      "filter <, a string and a number are not ordered",
      { given: "$.store.book[?@.title < 1]", want: [] },
    ],
    ["filter == false", { given: "$.store.book[?@.available == false]", want: [`${BOOK}[2]`] }],
    ["filter == true", { given: "$.store.book[?@.available == true]", want: [] }],
    [
      "filter == null",
      { given: "$.store['x-codes'][?@.name == null]", want: ["$['store']['x-codes'][1]"] },
    ],
    [
      "existence, a null member exists",
      { given: "$.store['x-codes'][?@.name]", want: ["$['store']['x-codes'][1]"] },
    ],
    ["existence", { given: "$.store.book[?@.author]", want: [`${BOOK}[1]`] }],
    ["existence, nested", { given: "$.store.book[?@.author.name]", want: [`${BOOK}[1]`] }],
    [
      "existence, an index in the filter query",
      { given: "$.store.book[?@.tags[1]]", want: [`${BOOK}[0]`] },
    ],
    ["!existence", { given: "$.store.book[?!@.author]", want: [`${BOOK}[0]`, `${BOOK}[2]`] }],
    ["! over parentheses", { given: "$.store.book[?!(@.price < 10)]", want: [`${BOOK}[1]`] }],
    ["&&", { given: "$.store.book[?@.price > 8 && @.price < 10]", want: [`${BOOK}[2]`] }],
    [
      "||",
      {
        given: "$.store.book[?@.price == 8 || @.title == 'B']",
        want: [`${BOOK}[0]`, `${BOOK}[1]`],
      },
    ],
    [
      "&& binds tighter than ||",
      {
        given: "$.store.book[?@.title == 'A' || @.title == 'B' && @.price == 8]",
        want: [`${BOOK}[0]`],
      },
    ],
    [
      "parentheses override it",
      {
        given: "$.store.book[?(@.title == 'A' || @.title == 'B') && @.price == 12]",
        want: [`${BOOK}[1]`],
      },
    ],
    [
      "Nothing == Nothing",
      { given: "$.store.book[?@.nope == @.none]", want: [0, 1, 2].map((i) => `${BOOK}[${i}]`) },
    ],
    [
      "Nothing != a value",
      { given: "$.store.book[?@.author != 'x']", want: [0, 1, 2].map((i) => `${BOOK}[${i}]`) },
    ],
    [
      "structured values compare deeply",
      { given: "$.store.book[?@.author == $.store.book[1].author]", want: [`${BOOK}[1]`] },
    ],
    [
      "arrays compare deeply",
      { given: "$.store.book[?@.tags == $.store.book[0].tags]", want: [`${BOOK}[0]`] },
    ],
    [
      "a filter over an object's members",
      { given: "$.store[?@.color]", want: ["$['store']['bicycle']"] },
    ],
    ["..[?filter]", { given: "$..[?@.code == '2']", want: ["$['store']['x-codes'][1]"] }],
    [
      "blank space between segments and inside brackets and filters",
      { given: "$ .store [ 'book' ] [? @.title == 'A' ]", want: [`${BOOK}[0]`] },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    expect(queryJsonPath(DOC, given).map((m) => m.path)).toEqual(want);
  });

  test("strings are ordered by code point, not by UTF-16 unit", () => {
    // U+FFFF < U+10000, but "\uffff" > "\ud800\udc00" as JS compares strings.
    expect(queryJsonPath({ a: ["\uffff"] }, "$.a[?@ < '\u{10000}']")).toHaveLength(1);
    expect(queryJsonPath({ a: ["\u{10000}"] }, "$.a[?@ < '\uffff']")).toHaveLength(0);
  });

  test("a match carries its value, parent and key", () => {
    const [book] = queryJsonPath(DOC, "$.store.book[1]");
    expect(book!.value).toBe(DOC.store.book[1]);
    expect(book!.parent).toBe(DOC.store.book);
    expect(book!.key).toBe(1);
    const [root] = queryJsonPath(DOC, "$");
    expect(root).toEqual({ value: DOC, path: "$" });
  });

  test("a node reached twice is selected once", () => {
    expect(queryJsonPath(DOC, "$..*..title").map((m) => m.path)).toEqual(
      [0, 1, 2].map((i) => `${BOOK}[${i}]['title']`),
    );
  });
});

describe("queryJsonPath on a document that uses one object in several places", () => {
  // The ingester may reuse one object (a schema, a response) in several places; the spec
  // prints it at each of them, so a query must select it at each of them too.
  const shared = { v: 1, list: [{ v: 2 }] };
  const doc = { a: shared, b: { c: shared }, d: [shared], e: shared };
  const cases: [string, { given: string; want: string[] }][] = [
    ["a wildcard", { given: "$[*].v", want: ["$['a']['v']", "$['e']['v']"] }],
    ["a name under a wildcard", { given: "$.*.c.v", want: ["$['b']['c']['v']"] }],
    [
      "..name at every place",
      {
        given: "$..v",
        want: [
          "$['a']['v']",
          "$['a']['list'][0]['v']",
          "$['b']['c']['v']",
          "$['b']['c']['list'][0]['v']",
          "$['d'][0]['v']",
          "$['d'][0]['list'][0]['v']",
          "$['e']['v']",
          "$['e']['list'][0]['v']",
        ],
      },
    ],
    [
      "a filter at every place",
      {
        given: "$..[?@.v == 2]",
        want: [
          "$['a']['list'][0]",
          "$['b']['c']['list'][0]",
          "$['d'][0]['list'][0]",
          "$['e']['list'][0]",
        ],
      },
    ],
    [
      "two descendant segments: each place once",
      {
        given: "$..list..v",
        want: [
          "$['a']['list'][0]['v']",
          "$['b']['c']['list'][0]['v']",
          "$['d'][0]['list'][0]['v']",
          "$['e']['list'][0]['v']",
        ],
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    expect(queryJsonPath(doc, given).map((m) => m.path)).toEqual(want);
  });

  test("the same answers as on its JSON copy", () => {
    const copy = JSON.parse(JSON.stringify(doc));
    for (const path of ["$..*", "$..v", "$..[0]", "$.*.*", "$..[?@.v]"]) {
      expect(
        queryJsonPath(doc, path).map((m) => m.path),
        path,
      ).toEqual(queryJsonPath(copy, path).map((m) => m.path));
    }
  });

  test("each match's parent is the container at that place", () => {
    const [viaB] = queryJsonPath(doc, "$.b.c");
    const [viaD] = queryJsonPath(doc, "$.d[0]");
    expect(viaB!.parent).toBe(doc.b);
    expect(viaD!.parent).toBe(doc.d);
  });
});

describe("queryJsonPath on hostile input", () => {
  /** A chain `{a: {a: ...}}`, `depth` deep, with a wide array at each level. */
  function chain(depth: number) {
    let node: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < depth; i++)
      node = { a: node, list: Array.from({ length: 5 }, (_, j) => j) };
    return node;
  }

  // The timeouts below are hang guards, not speed assertions (speed is measured in bench/):
  // a walk that is not linear per segment would run for minutes.
  test(
    "many descendant segments on a deep document stay linear per segment",
    { timeout: HANG_GUARD_MS },
    () => {
      const doc = chain(2_000);
      const found = queryJsonPath(doc, `$${"..*".repeat(50)}`);
      // Each `..*` goes one level deeper: the nodes 50 levels down or more, once each.
      expect(found).toHaveLength(countFrom(doc, 50));
    },
  );

  function countFrom(value: unknown, depth: number): number {
    if (typeof value !== "object" || value === null) return depth <= 0 ? 1 : 0;
    const below = Object.values(value).reduce<number>((n, v) => n + countFrom(v, depth - 1), 0);
    return (depth <= 0 ? 1 : 0) + below;
  }

  test("a cyclic object is walked once", () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(queryJsonPath(a, "$..x").map((m) => m.path)).toEqual(["$['x']"]);
  });

  test(
    "a densely linked cyclic object: each container walked once, not every route",
    { timeout: HANG_GUARD_MS },
    () => {
      // 12 objects each listing all 12: the routes without a repeated object number 12!.
      const nodes: Record<string, unknown>[] = Array.from({ length: 12 }, (_, id) => ({ id }));
      for (const n of nodes) n.links = [...nodes];
      expect(queryJsonPath(nodes[0], "$..id").map((m) => m.value)).toEqual(
        Array.from({ length: 12 }, (_, id) => id),
      );
    },
  );

  test("a very long path on a small document", () => {
    expect(queryJsonPath(DOC, `$${".a".repeat(100_000)}`)).toEqual([]);
  });

  test("random paths: a result or a syntax error with a column, never anything else", () => {
    const alphabet = fc.constantFrom(
      ..."$@.[]()?*!=<>&|'\"\\-: ,0123456789abtruefalsenul".split(""),
      "..",
      "[?",
      "@.",
      "==",
      "&&",
      "||",
      "\\u",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join("")),
        (path) => {
          try {
            expect(Array.isArray(queryJsonPath(DOC, path))).toBe(true);
          } catch (e) {
            expect((e as Error).name).toBe("JsonPathSyntaxError");
            expect((e as Error).message).toMatch(/^column \d+: /);
          }
        },
      ),
      { numRuns: 5_000, seed: 9535 },
    );
  });
});
