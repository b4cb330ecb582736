import { describe, expect, test } from "vitest";
import { pipeBlocks } from "../../src/blocks/pipe-blocks.js";
import type { Block } from "../../src/types.js";

type Table = Extract<Block, { kind: "table" }>;
const tables = (lines: string[]): Table[] =>
  pipeBlocks(lines).filter((b): b is Table => b.kind === "table");
const rest = (lines: string[]): string[] =>
  pipeBlocks(lines).flatMap((b) => (b.kind === "table" ? [] : [b.text]));

describe("pipe tables in the web site's layouts", () => {
  const cases: [string, { given: string[]; want: string[][]; after?: string[] }][] = [
    [
      "one cell per line, no leading `|`, objects as `name |` / `||`",
      {
        given: [
          "Name | Type | In | Required | Description |",
          "---|---|---|---|---|",
          "uuid |",
          "string |",
          "path |",
          "True |",
          "Job UUID |",
          "fields |",
          "array[string] |",
          "query |",
          "False |",
          "Specify the fields to return. |",
        ],
        want: [
          ["uuid", "string", "path", "True", "Job UUID"],
          ["fields", "array[string]", "query", "False", "Specify the fields to return."],
        ],
      },
    ],
    [
      "an empty type and description as `||`",
      {
        given: [
          "Name | Type | Description |",
          "---|---|---|",
          "_links |",
          "||",
          "id |",
          "integer |",
          "The identifier. |",
        ],
        want: [
          ["_links", "", ""],
          ["id", "integer", "The identifier."],
        ],
      },
    ],
    [
      "leading `|` header, cells with trailing spaces, a description closed on the next line",
      {
        given: [
          "| Name | Type | In | Required | Description | ",
          "|---|---|---|---|---|",
          "return_timeout  | ",
          "integer  | ",
          "query  | ",
          "False  | ",
          "The number of seconds to wait. ",
          "  | ",
          "return_records  | ",
          "boolean  | ",
          "query  | ",
          "False  | ",
          "The default is false.  | ",
        ],
        want: [
          ["return_timeout", "integer", "query", "False", "The number of seconds to wait."],
          ["return_records", "boolean", "query", "False", "The default is false."],
        ],
      },
    ],
    [
      "a description over two lines, then a lone `|`",
      {
        given: [
          "Name | Type | In | Required | Description |",
          "---|---|---|---|---|",
          "key.id |",
          "integer |",
          "query |",
          "False |",
          "Filter by key.id",
          "|",
          "order_by |",
          "array[string] |",
          "query |",
          "False |",
          "Order results by specified fields and optional [asc |",
          "Response",
        ],
        want: [
          ["key.id", "integer", "query", "False", "Filter by key.id"],
          [
            "order_by",
            "array[string]",
            "query",
            "False",
            "Order results by specified fields and optional [asc",
          ],
        ],
        after: ["Response"],
      },
    ],
    [
      "a row that lost its type: prose where the type belongs, then the empty cell it left",
      {
        given: [
          "Name | Type | Description |",
          "---|---|---|",
          "ipspace |",
          "Either the UUID or name may be supplied. |",
          "|",
          "svm |",
          "SVM, applies only to SVM-scoped objects. |",
          "name |",
          "string |",
          "The name. |",
        ],
        want: [
          ["ipspace", "", "Either the UUID or name may be supplied."],
          ["svm", "", "SVM, applies only to SVM-scoped objects."],
          ["name", "string", "The name."],
        ],
      },
    ],
    [
      "a row cut short by the next section keeps what it has",
      {
        given: [
          "Name | Type | Description |",
          "---|---|---|",
          "records |",
          "array[ntp_server] |",
          "Example response",
          "{",
        ],
        want: [["records", "array[ntp_server]", ""]],
        after: ["Example response", "{"],
      },
    ],
    [
      "classic rows and cell-per-line rows in one table, then the next table",
      {
        given: [
          "| Error Code | Description |",
          "|---|---|",
          "| 1 | One. |",
          "2 |",
          "Two. |",
          "| Name | Type | Description |",
          "|---|---|---|",
          "error |",
        ],
        want: [
          ["1", "One."],
          ["2", "Two."],
          ["error", "", ""],
        ],
      },
    ],
    [
      "a `|` inside the last cell stays in it",
      {
        given: [
          "Name | Type | Description |",
          "---|---|---|",
          "order |",
          "string |",
          "Either [asc|desc] order. |",
          "next |",
          "string |",
          "Next. |",
        ],
        want: [
          ["order", "string", "Either [asc|desc] order."],
          ["next", "string", "Next."],
        ],
      },
    ],
    [
      "a definition name after a row is not a cell",
      {
        given: [
          "Name | Type | Description |",
          "---|---|---|",
          "href |",
          "string |",
          "_links",
          "Name | Type | Description |",
          "---|---|---|",
          "self |",
          "href |",
          "|",
        ],
        want: [
          ["href", "string", ""],
          ["self", "href", ""],
        ],
        after: ["_links"],
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want, after = [] }) => {
    expect(tables(given).flatMap((t) => t.rows.map((r) => r.cells))).toEqual(want);
    expect(rest(given)).toEqual(after);
  });

  test("rows keep the line of their first cell", () => {
    const [table] = tables([
      "Name | Type | Description |",
      "---|---|---|",
      "a |",
      "string |",
      "A |",
      "b |",
      "string |",
      "B |",
    ]);
    expect(table?.rows.map((r) => r.line)).toEqual([3, 6]);
  });
});
