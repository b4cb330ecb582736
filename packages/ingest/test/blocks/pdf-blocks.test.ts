import { describe, expect, test } from "vitest";
import { pdfBlocks } from "../../src/blocks/pdf-blocks.js";

const kinds = (text: string) =>
  pdfBlocks(text.split("\n")).map((b) =>
    b.kind === "table" ? `table(${b.rows.length})` : b.kind === "line" ? `line:${b.text}` : b.kind,
  );

describe("pdf blocks", () => {
  const cases: [string, { given: string; want: string[] }][] = [
    [
      "a table split by a page break is one table",
      {
        given: "Name\tType\tDescription\na\tstring\t\n\n\nName\tType\tDescription\nb\tstring\t",
        want: ["table(2)"],
      },
    ],
    [
      "a name line between tables keeps them apart",
      {
        given:
          "Name\tType\tDescription\na\tstring\t\n\n\\_links\n\nName\tType\tDescription\nb\tstring\t",
        want: ["table(1)", "line:_links", "table(1)"],
      },
    ],
    [
      "a fenced method line is a line",
      {
        given: "```\nDELETE /security/azure-key-vaults/{uuid}\n```",
        want: ["line:DELETE /security/azure-key-vaults/{uuid}"],
      },
    ],
    [
      "a fenced status line is a line",
      { given: "```\nStatus: 200, Ok\n```", want: ["line:Status: 200, Ok"] },
    ],
    ["bold introduced-in", { given: "**Introduced In:** 9.8", want: ["line:Introduced In: 9.8"] }],
    [
      "headings of any level",
      {
        given: "## Response\n#### state\n**Definitions**",
        want: ["line:Response", "line:state", "line:Definitions"],
      },
    ],
    ["code", { given: "```\n{\n}\n```", want: ["code"] }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(kinds(given)).toEqual(want));

  test("cells lose their HTML and keep their bullets as notes", () => {
    const [table] = pdfBlocks([
      "Name\tType\tIn\tRequired\tDescription",
      "<code>uuid</code>\tstring\tpath\tTrue\t<p>Seconds.</p> <ul> <li>• Max value: 120</li> </ul>",
    ]);
    expect(table).toMatchObject({
      kind: "table",
      rows: [{ cells: ["uuid", "string", "path", "True", "Seconds."], notes: ["Max value: 120"] }],
    });
  });
});
