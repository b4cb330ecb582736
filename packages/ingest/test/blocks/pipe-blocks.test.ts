import { describe, expect, test } from "vitest";
import { pipeBlocks } from "../../src/blocks/pipe-blocks.js";

describe("pipe blocks", () => {
  test("a row that runs over two lines is one row", () => {
    const blocks = pipeBlocks([
      "| Name | Type | Description | ",
      "|---|---|---|",
      "| action | string | Pause it. ",
      " | ",
      "| b | integer | B | ",
    ]);
    expect(blocks).toMatchObject([
      {
        kind: "table",
        rows: [{ cells: ["action", "string", "Pause it."] }, { cells: ["b", "integer", "B"] }],
      },
    ]);
  });
  const cases: [string, { given: string[]; want: string[] }][] = [
    [
      "glued headings come apart",
      { given: ["Status: 200, OkError"], want: ["Status: 200, Ok", "Error"] },
    ],
    ["navigation debris is dropped", { given: [" PDFs", "PDFs"], want: [] }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    expect(pipeBlocks(given).map((b) => (b.kind === "line" ? b.text : b.kind))).toEqual(want);
  });
});
