import { describe, expect, test } from "vitest";
import { queryJsonPath } from "../../src/overlay/json-path.js";
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
  throw new Error(`${path.slice(0, 80)} parsed`);
}

describe("parseJsonPath", () => {
  // Read through json-p3: each literal must equal the value it stands for.
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
    const values = queryJsonPath(["other", want], `$[?@ == ${given}]`).map((m) => m.value);
    expect(values).toEqual([want]);
  });

  const errors: [string, { given: string; want: { column: number; message: RegExp } }][] = [
    [
      "empty",
      {
        given: "",
        want: { column: 1, message: /expected a path starting with \$, found nothing/ },
      },
    ],
    ["no $", { given: "paths", want: { column: 1, message: /expected '\$', found 'p'/ } }],
    [
      "a dash in a dot name",
      { given: "$.x-ntap-codes", want: { column: 4, message: /write \['x-ntap-codes'\]/ } },
    ],
    [
      "a dash in a dot name inside a filter",
      { given: "$[?@.a == 1.5e-3 && @.b-c]", want: { column: 24, message: /write \['b-c'\]/ } },
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
    [
      "a single =",
      {
        given: "$[?@.a = 1]",
        want: { column: 8, message: /unexpected filter selector token '='/ },
      },
    ],
    [
      "an unknown function",
      { given: "$[?foo(@.a)]", want: { column: 4, message: /no such function 'foo'/ } },
    ],
    [
      "a function given the wrong type (RFC 9535 §2.4.3)",
      {
        given: "$[?length(@.*) == 1]",
        want: { column: 11, message: /length\(\) argument 0 must be of ValueType/ },
      },
    ],
    [
      "a function result that cannot be compared",
      {
        given: "$[?match(@.a, 'x') == true]",
        want: { column: 4, message: /result of match\(\) is not comparable/ },
      },
    ],
    [
      "an unclosed string",
      { given: "$['abc", want: { column: 7, message: /unclosed string starting at index 3/ } },
    ],
    ["an unknown escape", { given: "$['a\\q']", want: { column: 6, message: /invalid escape/ } }],
    [
      "a bad \\u escape",
      { given: "$['\\u12']", want: { column: 4, message: /incomplete escape sequence/ } },
    ],
    [
      "a lone high surrogate",
      { given: "$['\\ud800']", want: { column: 4, message: /incomplete escape sequence/ } },
    ],
    [
      "a lone low surrogate",
      { given: "$['\\udc00']", want: { column: 4, message: /unexpected low surrogate/ } },
    ],
    [
      "a control character in a string",
      { given: "$['a\tb']", want: { column: 4, message: /invalid character/ } },
    ],
    ["a leading zero", { given: "$[01]", want: { column: 3, message: /leading zero/ } }],
    ["-0 as an index", { given: "$[-0]", want: { column: 3, message: /leading zero/ } }],
    [
      "an index out of range",
      { given: "$[9007199254740992]", want: { column: 3, message: /index out of range/ } },
    ],
    [
      "an unclosed bracket",
      { given: "$['a'", want: { column: 6, message: /unclosed bracketed selection/ } },
    ],
    [
      "trailing text",
      { given: "$.a b", want: { column: 5, message: /expected '\.', '\.\.' or a bracketed/ } },
    ],
    [
      "a literal alone",
      { given: "$[?'x']", want: { column: 5, message: /literals \('x'\) must be compared/ } },
    ],
    [
      "an unclosed parenthesis",
      { given: "$[?(@.a]", want: { column: 8, message: /unbalanced brackets/ } },
    ],
    [
      "a truncated number",
      { given: "$[?@.a == 1.]", want: { column: 13, message: /a fractional digit is required/ } },
    ],
    [
      "a misspelt literal",
      {
        given: "$[?@.a == tru]",
        want: { column: 14, message: /unexpected filter selector token/ },
      },
    ],
    ["an empty filter", { given: "$[?]", want: { column: 4, message: /unexpected end/ } }],
    ["a trailing comma", { given: "$[1,]", want: { column: 5, message: /trailing comma/ } }],
    ["three dots", { given: "$...a", want: { column: 4, message: /unexpected descendent/ } }],
  ];
  test.each(errors)("not RFC 9535: %s", (_t, { given, want }) => {
    const error = syntaxError(given);
    expect(error.column).toBe(want.column);
    expect(error.message).toMatch(want.message);
    expect(error.message).toMatch(new RegExp(`^column ${want.column}: `));
  });

  // The hand-written parser read a subset; json-p3 reads all of RFC 9535.
  test.each([
    ["a slice", "$[1:2]"],
    ["a slice with a step", "$[::-1]"],
    ["a union", "$['a','b']"],
    ["functions", "$[?length(@.a) == 1 && count(@.*) > 0 && match(@.b, 'x.*')]"],
    ["a descendant query in a filter", "$[?@..a]"],
    ["a wildcard in a filter", "$[?@.*]"],
    ["a filter in a filter", "$[?@[?@.a]]"],
    ["a decimal point is not a dot name", "$[?@.a == 1.5e-3 || @.b == 2.0]"],
  ])("RFC 9535: %s", (_t, path) => {
    expect(() => parseJsonPath(path)).not.toThrow();
  });

  // json-p3 accepts these, which RFC 9535's grammar does not (the README says so). Pinned, so
  // that a json-p3 update that starts refusing them is noticed and the README updated.
  test.each([
    ["! twice", "$[?!!@.a]"],
    ["! before a literal", "$[?!1]"],
    ["chained comparisons", "$[?@.a == 1 == 2]"],
  ])("json-p3 leniency: %s", (_t, path) => {
    expect(() => parseJsonPath(path)).not.toThrow();
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
      "100,000 filters in filters",
      { given: `$${"[?@".repeat(100_000)}${"]".repeat(100_000)}`, want: /nested deeper than 64/ },
    ],
    [
      "100,000 negations",
      { given: `$[?${"!".repeat(100_000)}@.a]`, want: /more than 1000 logical operators/ },
    ],
    [
      "an unclosed string of 1,000,000 characters",
      { given: `$['${"a".repeat(1_000_000)}`, want: /unclosed string/ },
    ],
    ["1,000,000 blanks", { given: `$[${" ".repeat(1_000_000)}`, want: /unclosed bracketed/ }],
    [
      "200,000 comparisons",
      { given: `$[?${"@.a == 1 && ".repeat(200_000)}]`, want: /more than 1000 logical operators/ },
    ],
  ];
  // A hang guard, not a speed assertion (speed is measured in bench/).
  test.each(hostile)(
    "%s",
    (_t, { given, want }) => {
      expect(syntaxError(given).message).toMatch(want);
    },
    HANG_GUARD_MS,
  );

  test("a number of 1,000,000 digits is read (as Infinity), without hanging", () => {
    expect(queryJsonPath([1], `$[?@ == 1${"0".repeat(1_000_000)}]`)).toEqual([]);
  });

  test("64 levels of parentheses, 64 filters in filters and 1,000 operators are fine", () => {
    expect(() => parseJsonPath(`$[?${"(".repeat(64)}@.a${")".repeat(64)}]`)).not.toThrow();
    expect(() => parseJsonPath(`$${"[?@".repeat(64)}${"]".repeat(64)}`)).not.toThrow();
    expect(() => parseJsonPath(`$[?${"@.a == 1 && ".repeat(999)}!@.b]`)).not.toThrow();
  });
});
