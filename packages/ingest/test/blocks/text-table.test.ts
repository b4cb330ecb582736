import { describe, expect, test } from "vitest";
import { textBlocks } from "../../src/blocks/text-blocks.js";
import type { Block } from "../../src/types.js";

const tables = (text: string) =>
  textBlocks(text.split("\n")).filter(
    (b): b is Extract<Block, { kind: "table" }> => b.kind === "table",
  );

describe("text tables: one cell per paragraph, empty cells missing", () => {
  const cases: [string, { given: string; want: string[][]; notes?: string[][] }][] = [
    [
      "full rows",
      {
        given:
          "Name Type Description\n\ncode\n\nstring\n\nArgument code\n\nmessage\n\nstring\n\nMessage argument",
        want: [
          ["code", "string", "Argument code"],
          ["message", "string", "Message argument"],
        ],
      },
    ],
    [
      "a missing description is a missing cell",
      {
        given: "Name Type Description\n\n_links\n\n_links\n\ncode\n\ninteger\n\nFinal code.",
        want: [
          ["_links", "_links", ""],
          ["code", "integer", "Final code."],
        ],
      },
    ],
    [
      "the name of the next definition is not a description",
      {
        given:
          "Name Type Description\n\nself\n\nhref\n\nerror_arguments\n\nName Type Description\n\ncode\n\nstring",
        want: [
          ["self", "href", ""],
          ["code", "string", ""],
        ],
      },
    ],
    [
      "bullets are the last row's notes",
      {
        given:
          'Name Type In Required Description\n\naction\n\nstring\n\nquery\n\nFalse\n\nPause or resume.\n\n  • enum: ["pause", "resume"]\n\nResponse',
        want: [["action", "string", "query", "False", "Pause or resume."]],
        notes: [['enum: ["pause", "resume"]']],
      },
    ],
    [
      "error codes end at prose",
      {
        given:
          "Error Code Description\n\n1\n\nOne.\n\n2\n\nTwo.\n\nAlso see the table of common errors.",
        want: [
          ["1", "One."],
          ["2", "Two."],
        ],
      },
    ],
    [
      "a page cut off after the required cell",
      {
        given:
          "Name Type In Required Description\n\norder_by\n\narray[string]\n\nquery\n\nFalse\n\n",
        want: [["order_by", "array[string]", "query", "False", ""]],
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want, notes }) => {
    const rows = tables(given).flatMap((t) => t.rows);
    expect(rows.map((r) => r.cells)).toEqual(want);
    if (notes) expect(rows.map((r) => r.notes)).toEqual(notes);
  });
});
