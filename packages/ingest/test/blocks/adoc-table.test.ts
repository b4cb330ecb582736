import { describe, expect, test } from "vitest";
import { isTableDelimiter, readAdocTable } from "../../src/blocks/adoc-table.js";

/** The table at the first `|===` of `text`, with the attribute line before it, if any. */
function table(text: string) {
  const lines = text.split("\n");
  const open = lines.findIndex((l) => isTableDelimiter(l));
  const before = lines[open - 1]?.trim() ?? "";
  return readAdocTable(lines, open, before.startsWith("[") ? before : undefined);
}
const texts = (t: ReturnType<typeof table>) => ({
  cols: t.cols,
  header: t.header?.map((c) => c.text),
  rows: t.rows.map((r) => r.map((c) => c.text)),
});

describe("readAdocTable", () => {
  const cases: [string, { given: string; want: unknown }][] = [
    [
      "one cell per line, header by option",
      {
        given: [
          "[cols=3*,options=header]",
          "|===",
          "|Name",
          "|Type",
          "|Description",
          "",
          "|size",
          "|integer",
          "|How big.",
          "|===",
        ].join("\n"),
        want: {
          cols: 3,
          header: ["Name", "Type", "Description"],
          rows: [["size", "integer", "How big."]],
        },
      },
    ],
    [
      "an a| cell runs over lines, bullets and blank lines included",
      {
        given: [
          "[cols=2*,options=header]",
          "|===",
          "|Name",
          "|Description",
          "|x",
          "a|The x.",
          "",
          "* Max value: 9",
          "* readOnly: 1",
          "",
          "|===",
        ].join("\n"),
        want: {
          cols: 2,
          header: ["Name", "Description"],
          rows: [["x", "The x.\n\n* Max value: 9\n* readOnly: 1"]],
        },
      },
    ],
    [
      "line comments are no text; a //// block comment is skipped whole",
      {
        given: [
          "[cols=2*,options=header]",
          "|===",
          "//header",
          "|Name",
          "|Type",
          "//end header",
          "////",
          "|hidden",
          "|cell",
          "////",
          "//start row",
          "|a",
          "|string",
          "//end row",
          "|===",
        ].join("\n"),
        want: { cols: 2, header: ["Name", "Type"], rows: [["a", "string"]] },
      },
    ],
    [
      "an unescaped | in an a| cell stays in the description (NetApp's meaning)",
      {
        given: [
          "[cols=2*,options=header]",
          "|===",
          "|Name",
          "|Description",
          "|order_by",
          "a|Order by fields, [asc|desc] direction.",
          "|===",
        ].join("\n"),
        want: {
          cols: 2,
          header: ["Name", "Description"],
          rows: [["order_by", "Order by fields, [asc|desc] direction."]],
        },
      },
    ],
    [
      "plain lines split at every unescaped |, \\| unescaped, a trailing | gives an empty cell",
      {
        given: ["|===", "| Error Code | Description", "", "| 1 | one \\| two |", "|==="].join("\n"),
        // No [cols]: the first line's cells give the columns, and a first line followed by a
        // blank line is AsciiDoc's implicit header.
        want: { cols: 2, header: ["Error Code", "Description"], rows: [["1", "one | two"], [""]] },
      },
    ],
    [
      "no implicit header when the first line is not followed by a blank line",
      {
        given: ["|===", "| 7 | seven", "| 8 | eight", "|==="].join("\n"),
        want: {
          cols: 2,
          header: undefined,
          rows: [
            ["7", "seven"],
            ["8", "eight"],
          ],
        },
      },
    ],
    [
      "columns from a list of column specifiers",
      {
        given: [
          '[cols="1,2a,3",options="header"]',
          "|===",
          "|A",
          "|B",
          "|C",
          "|1",
          "|2",
          "|3",
          "|===",
        ].join("\n"),
        want: { cols: 3, header: ["A", "B", "C"], rows: [["1", "2", "3"]] },
      },
    ],
    [
      "%header and cell specifiers before |",
      {
        given: ["[%header,cols=2*]", "|===", "|H1", "|H2", "2+|span", "|==="].join("\n"),
        want: { cols: 2, header: ["H1", "H2"], rows: [["span"]] },
      },
    ],
    [
      "text before the first cell is no cell",
      {
        given: ["[cols=1*]", "|===", "stray text", "|one", "|==="].join("\n"),
        want: { cols: 1, header: undefined, rows: [["one"]] },
      },
    ],
  ];
  test.each(cases)("%s", (_title, { given, want }) => {
    expect(texts(table(given))).toEqual(want);
  });

  const details: [
    string,
    { given: string; want: (t: ReturnType<typeof table>) => unknown; is: unknown },
  ][] = [
    [
      "lines: 1-based, of the delimiters and of each cell's first line",
      {
        given: [
          "intro",
          "[cols=2*,options=header]",
          "|===",
          "|N",
          "|D",
          "|x",
          "a|first",
          "second",
          "|===",
        ].join("\n"),
        want: (t) => [
          t.line,
          t.endLine,
          t.header!.map((c) => c.line),
          t.rows[0]!.map((c) => c.line),
        ],
        is: [3, 9, [4, 5], [6, 7]],
      },
    ],
    [
      "styles: a for AsciiDoc cells (with a specifier before it), plain otherwise",
      {
        given: ["[cols=3*]", "|===", "|p", "a|q", ".2+^.^a|r", "|==="].join("\n"),
        want: (t) => t.rows[0]!.map((c) => c.style),
        is: ["", "a", "a"],
      },
    ],
    [
      "an unclosed table runs to the end of the page and says so",
      {
        given: ["[cols=2*,options=header]", "|===", "|N", "|D", "|x", "|y"].join("\n"),
        want: (t) => [t.unclosed, t.next, t.endLine, t.rows.length],
        is: [true, 6, 6, 1],
      },
    ],
    [
      "a closed table: next is the line after the closing delimiter, which may have trailing spaces",
      {
        given: ["|===", "|a", "|=== ", "after"].join("\n"),
        want: (t) => [t.unclosed, t.next, t.endLine],
        is: [false, 3, 3],
      },
    ],
  ];
  test.each(details)("%s", (_title, { given, want, is }) => {
    expect(want(table(given))).toEqual(is);
  });
});

describe("isTableDelimiter", () => {
  const cases: [string, { given: string; want: boolean }][] = [
    ["|===", { given: "|===", want: true }],
    ["with trailing spaces", { given: "|===  ", want: true }],
    ["a longer run is no table delimiter", { given: "|====", want: false }],
    ["indented", { given: " |===", want: false }],
    ["a cell", { given: "|x", want: false }],
  ];
  test.each(cases)("%s", (_title, { given, want }) => expect(isTableDelimiter(given)).toBe(want));
});
