import { describe, expect, test } from "vitest";
import { JsonPathSyntaxError, parseJsonPath } from "../../src/overlay/json-path-syntax.js";

/** A hang guard for hostile inputs, not a speed limit: speed is measured in bench/, not here. */
const HANG_GUARD_MS = 30_000;

function syntaxError(path: string): { column: number; message: string } {
  try {
    parseJsonPath(path);
  } catch (e) {
    if (!(e instanceof JsonPathSyntaxError)) throw e;
    return { column: e.column, message: e.message };
  }
  throw new Error(`${path} parsed`);
}

describe("parseJsonPath", () => {
  test("the tree of a filter: || over && over !, comparisons and existence", () => {
    expect(parseJsonPath("$.a[?@.b == 'x' || !@.c && (@[0] < -1.5e2)]")).toEqual({
      root: "$",
      segments: [
        { descendant: false, selector: { kind: "name", name: "a" } },
        {
          descendant: false,
          selector: {
            kind: "filter",
            test: {
              kind: "or",
              items: [
                {
                  kind: "compare",
                  operator: "==",
                  left: {
                    kind: "query",
                    query: {
                      root: "@",
                      segments: [{ descendant: false, selector: { kind: "name", name: "b" } }],
                    },
                  },
                  right: { kind: "literal", value: "x" },
                },
                {
                  kind: "and",
                  items: [
                    {
                      kind: "not",
                      test: {
                        kind: "exists",
                        query: {
                          root: "@",
                          segments: [{ descendant: false, selector: { kind: "name", name: "c" } }],
                        },
                      },
                    },
                    {
                      kind: "compare",
                      operator: "<",
                      left: {
                        kind: "query",
                        query: {
                          root: "@",
                          segments: [{ descendant: false, selector: { kind: "index", index: 0 } }],
                        },
                      },
                      right: { kind: "literal", value: -150 },
                    },
                  ],
                },
              ],
            },
          },
        },
      ],
    });
  });

  const literals: [string, { given: string; want: unknown }][] = [
    ["single-quoted string", { given: `'it\\'s "x"'`, want: `it's "x"` }],
    ["double-quoted string", { given: `"it's \\"x\\""`, want: `it's "x"` }],
    ["escapes", { given: `'\\b\\f\\n\\r\\t\\/\\\\'`, want: "\b\f\n\r\t/\\" }],
    ["\\u escape and surrogate pair", { given: `'\\u00e9\\uD83D\\uDE00'`, want: "é😀" }],
    ["integer", { given: "42", want: 42 }],
    ["negative fraction with exponent", { given: "-0.5E+1", want: -5 }],
    ["true", { given: "true", want: true }],
    ["false", { given: "false", want: false }],
    ["null", { given: "null", want: null }],
  ];
  test.each(literals)("literal: %s", (_t, { given, want }) => {
    const tree = parseJsonPath(`$[?@ == ${given}]`);
    expect(tree.segments[0]!.selector).toMatchObject({
      test: { right: { kind: "literal", value: want } },
    });
  });

  const errors: [string, { given: string; want: { column: number; message: RegExp } }][] = [
    [
      "empty",
      {
        given: "",
        want: { column: 1, message: /expected a path starting with \$, found nothing/ },
      },
    ],
    ["no $", { given: "paths", want: { column: 1, message: /expected a path starting with \$/ } }],
    [
      "a dash in a dot name",
      { given: "$.x-ntap-codes", want: { column: 4, message: /write \['x-ntap-codes'\]/ } },
    ],
    [
      "a dot name starting with a digit",
      {
        given: "$.200",
        want: { column: 3, message: /cannot start with a digit: write \['200'\]/ },
      },
    ],
    [
      "nothing after .",
      { given: "$.", want: { column: 3, message: /expected a member name or \* after \./ } },
    ],
    ["a slice", { given: "$[1:2]", want: { column: 4, message: /slices .* not supported/ } }],
    [
      "a slice without start",
      { given: "$[:2]", want: { column: 3, message: /slices .* not supported/ } },
    ],
    ["a union", { given: "$['a','b']", want: { column: 6, message: /unions .* not supported/ } }],
    [
      "a function",
      {
        given: "$[?length(@.a) == 1]",
        want: { column: 4, message: /function extensions \(length\(\)\) are not supported/ },
      },
    ],
    [
      "a single =",
      {
        given: "$[?@.a = 1]",
        want: { column: 8, message: /expected == \(a single = is not a comparison\)/ },
      },
    ],
    [
      "a descendant query in a filter",
      {
        given: "$[?@..a]",
        want: { column: 5, message: /descendant segment .* in a filter query is not supported/ },
      },
    ],
    [
      "a wildcard in a filter",
      { given: "$[?@.*]", want: { column: 6, message: /wildcard .* in a filter query/ } },
    ],
    [
      "a filter in a filter",
      { given: "$[?@[?@.a]]", want: { column: 6, message: /a filter inside a filter/ } },
    ],
    [
      "an unclosed string",
      {
        given: "$['abc",
        want: { column: 3, message: /string not closed: expected ' before the end/ },
      },
    ],
    [
      "an unknown escape",
      { given: "$['a\\q']", want: { column: 5, message: /unknown escape \\q/ } },
    ],
    ["a bad \\u escape", { given: "$['\\u12']", want: { column: 4, message: /four hex digits/ } }],
    [
      "a lone high surrogate",
      { given: "$['\\ud800']", want: { column: 4, message: /followed by a low one/ } },
    ],
    [
      "a lone low surrogate",
      { given: "$['\\udc00']", want: { column: 4, message: /low surrogate/ } },
    ],
    [
      "a control character in a string",
      { given: "$['a\tb']", want: { column: 5, message: /control character/ } },
    ],
    [
      "a leading zero",
      { given: "$[01]", want: { column: 3, message: /expected an integer index/ } },
    ],
    [
      "-0 as an index",
      { given: "$[-0]", want: { column: 3, message: /expected an integer index/ } },
    ],
    [
      "an index out of range",
      { given: "$[9007199254740992]", want: { column: 3, message: /out of range/ } },
    ],
    [
      "an unclosed bracket",
      { given: "$['a'", want: { column: 6, message: /expected \], found the end/ } },
    ],
    [
      "trailing text",
      { given: "$.a b", want: { column: 4, message: /expected \. or \[ or the end, found " b"/ } },
    ],
    [
      "a literal alone",
      { given: "$[?'x']", want: { column: 4, message: /a literal alone is not a test/ } },
    ],
    [
      "chained comparisons",
      { given: "$[?@.a == 1 == 2]", want: { column: 13, message: /expected \], found "== 2\]"/ } },
    ],
    [
      "! before a comparison",
      { given: "$[?!@.a == 1]", want: { column: 9, message: /expected \]/ } },
    ],
    [
      "! twice (RFC 9535: ! takes a query or parentheses)",
      { given: "$[?!!@.a]", want: { column: 5, message: /expected \( or a query after !/ } },
    ],
    [
      "! before a literal",
      { given: "$[?!1]", want: { column: 5, message: /expected \( or a query after !/ } },
    ],
    [
      "an unclosed parenthesis",
      { given: "$[?(@.a]", want: { column: 8, message: /expected \), found "\]"/ } },
    ],
    [
      "a truncated number",
      { given: "$[?@.a == 1.]", want: { column: 12, message: /expected a number/ } },
    ],
    [
      "a misspelt literal",
      {
        given: "$[?@.a == tru]",
        want: { column: 11, message: /expected @, \$, a string, a number, true, false or null/ },
      },
    ],
    ["an empty filter", { given: "$[?]", want: { column: 4, message: /expected @, \$/ } }],
  ];
  test.each(errors)("unsupported or wrong: %s", (_t, { given, want }) => {
    const error = syntaxError(given);
    expect(error.column).toBe(want.column);
    expect(error.message).toMatch(want.message);
    expect(error.message).toMatch(new RegExp(`^column ${want.column}: `));
  });
});

describe("parseJsonPath on hostile input: a syntax error, quickly, never a stack overflow", () => {
  const hostile: [string, { given: string; want: RegExp }][] = [
    [
      "100,000 nested parentheses",
      {
        given: `$[?${"(".repeat(100_000)}@.a${")".repeat(100_000)}]`,
        want: /nested deeper than 64/,
      },
    ],
    [
      "100,000 negated parentheses",
      {
        given: `$[?${"!(".repeat(100_000)}@.a${")".repeat(100_000)}]`,
        want: /nested deeper than 64/,
      },
    ],
    [
      "an unclosed string of 1,000,000 characters",
      { given: `$['${"a".repeat(1_000_000)}`, want: /string not closed/ },
    ],
    ["1,000,000 blanks", { given: `$[${" ".repeat(1_000_000)}`, want: /found the end/ }],
    [
      "a number of 1,000,000 digits",
      { given: `$[?@ == 1${"0".repeat(1_000_000)}]`, want: /expected a number|out of range/ },
    ],
    [
      "200,000 comparisons",
      { given: `$[?${"@.a == 1 && ".repeat(200_000)}]`, want: /expected @, \$/ },
    ],
  ];
  // A hang guard, not a speed assertion (speed is measured in bench/): a parser that
  // backtracked on these would run for minutes, far past the timeout.
  test.each(hostile)(
    "%s",
    (_t, { given, want }) => {
      expect(syntaxError(given).message).toMatch(want);
    },
    HANG_GUARD_MS,
  );

  test("64 levels of parentheses are fine", () => {
    expect(() => parseJsonPath(`$[?${"(".repeat(64)}@.a${")".repeat(64)}]`)).not.toThrow();
  });
});
