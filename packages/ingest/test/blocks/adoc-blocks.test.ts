import { describe, expect, test } from "vitest";
import { adocBlocks, skipFrontMatter } from "../../src/blocks/adoc-blocks.js";
import type { Block } from "../../src/types.js";

const blocks = (...lines: string[]): Block[] => adocBlocks(lines);
/** Blocks without their line numbers, for the cases about what is read. */
const shapes = (...lines: string[]): unknown[] =>
  blocks(...lines).map((b) => {
    if (b.kind === "table")
      return { kind: b.kind, header: b.header, rows: b.rows.map((r) => r.cells) };
    const { line: _line, ...rest } = b;
    return rest;
  });

describe("adocBlocks", () => {
  const cases: [string, { given: string[]; want: unknown[] }][] = [
    [
      "front matter is skipped, the title is a heading, document attributes are not text",
      {
        given: [
          "---",
          "sidebar: sidebar",
          "summary: 'x'",
          "---",
          "",
          "= List gadgets",
          ":imagesdir: ./media/",
        ],
        want: [{ kind: "line", text: "List gadgets", heading: true }],
      },
    ],
    [
      "the operation line states the operation",
      {
        given: [
          "[.api-doc-operation .api-doc-operation-get]#GET# [.api-doc-code-block]#`/gadgets/{uuid}`#",
        ],
        want: [{ kind: "line", text: "GET /gadgets/{uuid}", heading: true }],
      },
    ],
    [
      "an operation line cut off before its path states nothing",
      { given: ["[.api-doc-operation .api-doc-operation-get]#GET# [.api-doc-co"], want: [] },
    ],
    [
      "a bold label is the label; section headings are headings",
      {
        given: ["*Introduced In:* 9.42", "", "== Parameters", "=== Headers"],
        want: [
          { kind: "line", text: "Introduced In: 9.42", heading: false },
          { kind: "line", text: "Parameters", heading: true },
          { kind: "line", text: "Headers", heading: true },
        ],
      },
    ],
    [
      "Status in a fence is a line, other listings are code",
      {
        given: [
          "```",
          "Status: 202, Accepted",
          "```",
          "----",
          "# The API:",
          "GET /api/gadgets",
          "----",
        ],
        want: [
          { kind: "line", text: "Status: 202, Accepted", heading: false },
          { kind: "code", text: "# The API:\nGET /api/gadgets" },
        ],
      },
    ],
    [
      "a METHOD line in prose is an example call, not an operation",
      { given: ["GET /gadgets"], want: [{ kind: "code", text: "GET /gadgets" }] },
    ],
    [
      "bullets, nested bullets, and a link bullet with its target",
      {
        given: [
          "* `name`",
          "** only when x",
          "* link:gadgets_endpoint_overview.html[DOC /gadgets]",
        ],
        want: [
          { kind: "bullet", text: "`name`" },
          { kind: "bullet", text: "only when x", nested: true },
          { kind: "bullet", text: "DOC /gadgets", href: "gadgets_endpoint_overview.html" },
        ],
      },
    ],
    [
      "a definition's anchor is a heading, its repeated title line is not text",
      {
        given: ["[#gadget]", "[.api-collapsible-fifth-title]", "gadget", "", "A gadget."],
        want: [
          { kind: "line", text: "gadget", heading: true },
          { kind: "line", text: "A gadget.", heading: false },
        ],
      },
    ],
    [
      "a block title is a heading; collapsible ==== blocks only group",
      {
        given: [
          ".Example response",
          "[%collapsible%closed]",
          "====",
          "[source,json]",
          "{",
          '  "a": 1',
          "}",
          "====",
        ],
        want: [
          { kind: "line", text: "Example response", heading: true },
          { kind: "code", text: '{\n  "a": 1\n}' },
        ],
      },
    ],
    [
      "a table: header by option, name and type cells cleaned, fact bullets as notes",
      {
        given: [
          "[cols=3*,options=header]",
          "|===",
          "|Name",
          "|Type",
          "|Description",
          "",
          "|records",
          "|array[link:#gadget[gadget]]",
          "a|The gadgets, [asc|desc].",
          "",
          "* Max value: 9",
          "|===",
        ],
        want: [
          {
            kind: "table",
            header: ["Name", "Type", "Description"],
            rows: [["records", "array[gadget]", "The gadgets, [asc|desc]."]],
          },
        ],
      },
    ],
    [
      "error codes: stray empty cells do not shift the pairs, codes after the table are codes too",
      {
        given: [
          "[cols=2*,options=header]",
          "|===",
          "| Error Code | Description",
          "|917505",
          "|The owner does not exist.",
          "|",
          "|917506",
          "|The size is out of range.",
          "|",
          "|===",
          "| 917507 | The name is taken. |",
        ],
        want: [
          {
            kind: "table",
            header: ["Error Code", "Description"],
            rows: [
              ["917505", "The owner does not exist."],
              ["917506", "The size is out of range."],
            ],
          },
          {
            kind: "table",
            header: ["Error Code", "Description"],
            rows: [["917507", "The name is taken."]],
          },
        ],
      },
    ],
    [
      "a table without a known header is no block",
      { given: ["[cols=2*,options=header]", "|===", "|Foo", "|Bar", "|1", "|2", "|==="], want: [] },
    ],
    [
      "a listing opened once too often ends at the next section heading",
      {
        given: ["----", "", "POST /api/gadgets", " ```", "", "== Parameters", "text"],
        want: [
          { kind: "code", text: "\nPOST /api/gadgets\n ```" },
          { kind: "line", text: "Parameters", heading: true },
          { kind: "line", text: "text", heading: false },
        ],
      },
    ],
    [
      "comments and comment blocks are no text",
      {
        given: ["// a comment", "////", "hidden", "////", "shown"],
        want: [{ kind: "line", text: "shown", heading: false }],
      },
    ],
  ];
  test.each(cases)("%s", (_title, { given, want }) => expect(shapes(...given)).toEqual(want));

  test("fact bullets of a description cell are the row's notes, lines are the page's", () => {
    const [table] = blocks(
      "== Parameters",
      "[cols=5*,options=header]",
      "|===",
      "|Name",
      "|Type",
      "|In",
      "|Required",
      "|Description",
      "|size",
      "|integer",
      "|query",
      "|False",
      "a|Filter by size.",
      "",
      "* Min value: 1",
      "* Max value: 64",
      "|===",
    ).filter((b) => b.kind === "table");
    expect(table).toMatchObject({ line: 3, endLine: 17 });
    expect(table?.kind === "table" && table.rows[0]).toEqual({
      cells: ["size", "integer", "query", "False", "Filter by size."],
      line: 9,
      notes: ["Min value: 1", "Max value: 64"],
    });
  });
});

describe("skipFrontMatter", () => {
  const cases: [string, { given: string[]; want: number }][] = [
    ["no front matter", { given: ["= Title"], want: 0 }],
    [
      "front matter: the line after its closing ---",
      { given: ["---", "a: b", "---", "= T"], want: 3 },
    ],
    ["an unclosed front matter is none", { given: ["---", "a: b", "= T"], want: 0 }],
  ];
  test.each(cases)("%s", (_title, { given, want }) => expect(skipFrontMatter(given)).toBe(want));
});
