import { describe, expect, test } from "vitest";
import { pipeBlocks } from "../../src/blocks/pipe-blocks.js";
import { textBlocks } from "../../src/blocks/text-blocks.js";
import type { Block } from "../../src/types.js";

const show = (blocks: Block[]): string[] =>
  blocks.map((b) =>
    b.kind === "bullet"
      ? `${b.nested ? "  " : ""}• ${b.text}`
      : b.kind === "line"
        ? b.text
        : b.kind,
  );

describe("text rendering: lists and web page debris", () => {
  const cases: [string, { given: string[]; want: string[] }][] = [
    [
      "a bullet indented under another is nested, at any depth",
      {
        given: [
          "Required properties",
          "",
          "  • ip or subnet",
          "",
          "    • ip.address - The address.",
          "",
          "      • deeper",
          "",
          "  • name - The name.",
        ],
        want: [
          "Required properties",
          "• ip or subnet",
          "  • ip.address - The address.",
          "  • deeper",
          "• name - The name.",
        ],
      },
    ],
    [
      "a line between two lists starts a new list",
      {
        given: ["    • a - A.", "Then", "  • b - B."],
        want: ["• a - A.", "Then", "• b - B."],
      },
    ],
    [
      "the PDF banner and leaked markup are dropped",
      {
        given: [
          "Create a thing",
          "- PDF of this doc site",
          "Collection of separate PDF docs",
          "Creating your file...",
          "POST /things",
          "</private>",
        ],
        want: ["Create a thing", "POST /things"],
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(show(textBlocks(given))).toEqual(want));

  test("the pipe rendering drops the banner too", () => {
    expect(
      show(
        pipeBlocks([
          "Create a thing",
          "- PDF of this doc site",
          "Creating your file...",
          "POST /things",
        ]),
      ),
    ).toEqual(["Create a thing", "POST /things"]);
  });
});
