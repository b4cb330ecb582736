import { describe, expect, test } from "vitest";
import { Diagnostics } from "../../src/diagnostics.js";
import { readPage } from "../../src/read/read-page.js";
import { page } from "../helpers.js";

/** The same small operation, as each rendering prints it. */
const RENDERINGS: [string, { given: string }][] = [
  [
    "pdf",
    {
      given: page(
        "## Retrieve a widget",
        "",
        "GET /storage/widgets/{uuid}",
        "",
        "**Introduced In:** 9.12",
        "",
        "Retrieves a widget.",
        "",
        "## Related ONTAP commands",
        "",
        "- `storage widget show`",
        "",
        "## Parameters",
        "",
        "Name\tType\tIn\tRequired\tDescription",
        "uuid\tstring\tpath\tTrue\tWidget UUID",
        "fields\tarray[string]\tquery\tFalse\tSpecify the fields to return.",
        "",
        "## Response",
        "",
        "Status: 200, Ok",
        "",
        "Name\tType\tDescription",
        "size\tinteger\tSize in bytes.",
        "",
        "## Error",
        "",
        "Status: Default",
        "",
        "### ONTAP Error Response Codes",
        "",
        "Error Code\tDescription",
        "123456\tWidget is busy.",
      ),
    },
  ],
  [
    "text",
    {
      given: page(
        "Retrieve a widget",
        "",
        "Contributors",
        "",
        "GET /storage/widgets/{uuid}",
        "",
        "Introduced In: 9.12",
        "",
        "Retrieves a widget.",
        "",
        "  • storage widget show",
        "",
        "Parameters",
        "",
        "Name Type In Required Description",
        "",
        "uuid",
        "",
        "string",
        "",
        "path",
        "",
        "True",
        "",
        "Widget UUID",
        "",
        "fields",
        "",
        "array[string]",
        "",
        "query",
        "",
        "False",
        "",
        "Specify the fields to return.",
        "",
        "Response",
        "",
        "Status: 200, Ok",
        "Name Type Description",
        "",
        "size",
        "",
        "integer",
        "",
        "Size in bytes.",
        "",
        "Error",
        "",
        "Status: Default",
        "",
        "ONTAP Error Response Codes",
        "",
        "Error Code Description",
        "",
        "123456",
        "",
        "Widget is busy.",
      ),
    },
  ],
  [
    "pipe",
    {
      given: page(
        "Retrieve a widget",
        "GET /storage/widgets/{uuid}",
        "Introduced In: 9.12",
        "Retrieves a widget.",
        "• storage widget show",
        "Parameters",
        "| Name | Type | In | Required | Description | ",
        "|---|---|---|---|---|",
        "| uuid | string | path | True | Widget UUID | ",
        "| fields | array[string] | query | False | Specify the fields to return. | ",
        "Response",
        "Status: 200, Ok",
        "| Name | Type | Description | ",
        "|---|---|---|",
        "| size | integer | Size in bytes. | ",
        "Error",
        "Status: DefaultONTAP Error Response Codes",
        "| Error Code | Description | ",
        "|---|---|",
        "| 123456 | Widget is busy. | ",
        " PDFs",
      ),
    },
  ],
];

describe("extractOperation reads the same facts from every rendering", () => {
  test.each(RENDERINGS)("%s", (rendering, { given }) => {
    const d = new Diagnostics();
    const doc = readPage({ file: `widget.${rendering}`, text: given }, d);
    expect(doc.rendering).toBe(rendering);
    expect(d.items).toEqual([]);
    expect(doc.operations).toHaveLength(1);
    const op = doc.operations[0]!;
    expect(op).toMatchObject({
      method: "get",
      path: "/storage/widgets/{uuid}",
      summary: "Retrieve a widget",
      description: "Retrieves a widget.",
      introduced: "9.12",
      cli: ["storage widget show"],
    });
    expect(op.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["uuid", "path", true],
      ["fields", "query", false],
    ]);
    expect(op.responses.map((r) => r.status)).toEqual(["200", "default"]);
    expect(op.responses[0]!.properties?.map((p) => p.name)).toEqual(["size"]);
    expect(op.responses[1]!.errorCodes).toMatchObject([
      { code: "123456", description: "Widget is busy." },
    ]);
  });
});

describe("what a page lists as settable", () => {
  test("required properties with an alternative, optional properties, and the typo'd backticks", () => {
    const d = new Diagnostics();
    const doc = readPage(
      {
        file: "p.md",
        text: page(
          "## Create a widget",
          "POST /storage/widgets",
          "### Required properties",
          "- `svm.uuid` or `svm.name` - Existing SVM.",
          "- `name` - Name.",
          "### Optional properties",
          "- `comment`` - A comment.",
          "## Response",
          "Status: 201, Created",
        ),
      },
      d,
    );
    expect(doc.operations[0]).toMatchObject({
      required: [["svm.uuid", "svm.name"], ["name"]],
      settable: ["svm.uuid", "svm.name", "name", "comment"],
    });
  });
});

describe("pages with nothing to read", () => {
  const cases: [string, { given: string }][] = [
    ["empty", { given: "" }],
    ["prose only", { given: "Skip to main content\n\nSome text about nothing." }],
    ["binary-looking", { given: "\u0001\u0002\u0003" }],
  ];
  test.each(cases)("%s: an error at file:line", (_t, { given }) => {
    const d = new Diagnostics();
    const doc = readPage({ file: "x.txt", text: given }, d);
    expect(doc.operations).toEqual([]);
    expect(d.items).toMatchObject([{ file: "x.txt", line: 1, severity: "error" }]);
  });
});
