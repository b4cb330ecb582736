import { describe, expect, test } from "vitest";
import { pipeBlocks } from "../../src/blocks/pipe-blocks.js";

const read = (lines: string[]): string[] =>
  pipeBlocks(lines).map((b) =>
    b.kind === "bullet"
      ? `${b.nested ? "  " : ""}• ${b.text}`
      : b.kind === "line"
        ? b.text
        : b.kind,
  );

describe("pipe rendering: `-` bullets split over lines", () => {
  const cases: [string, { given: string[]; want: string[] }][] = [
    [
      "names and descriptions on lines of their own; ` -` at a line's end is the next bullet",
      {
        given: [
          "Required properties",
          "-",
          "svm.uuid",
          "orsvm.name",
          "- Existing SVM in which to create the thing. -",
          "name",
          "- Name for the thing.",
          "Recommended optional properties",
        ],
        want: [
          "Required properties",
          "• svm.uuid or svm.name - Existing SVM in which to create the thing.",
          "• name - Name for the thing.",
          "Recommended optional properties",
        ],
      },
    ],
    [
      "a whole bullet on one line, names glued to `or` and to the dash",
      {
        given: [
          "- ",
          "svm.uuidorsvm.name- Existing SVM. - ",
          "common_name- Common name. - ",
          "private_key- Private key. ",
          "Default property values",
        ],
        want: [
          "• svm.uuid or svm.name - Existing SVM.",
          "• common_name - Common name.",
          "• private_key - Private key.",
          "Default property values",
        ],
      },
    ],
    [
      "commands, one per bullet",
      {
        given: ["Related ONTAP commands", "-", "thing create -", "thing modify", "Learn more"],
        want: ["Related ONTAP commands", "• thing create", "• thing modify"],
      },
    ],
    [
      "a nested list (closed by a second `-`) is nested under its head",
      {
        given: [
          "-",
          "ipspace.name",
          "oripspace.uuid",
          "-",
          "Required for cluster-scoped things.",
          "-",
          "Optional for SVM-scoped things.",
          "-",
          "-",
          "enabled",
          "- true",
          "Related ONTAP commands",
        ],
        want: [
          "• ipspace.name or ipspace.uuid",
          "  • Required for cluster-scoped things.",
          "  • Optional for SVM-scoped things.",
          "• enabled - true",
          "Related ONTAP commands",
        ],
      },
    ],
    [
      "code spans on their own lines inside a sentence stay in it",
      {
        given: [
          "-",
          "default-files if scope is",
          "svm",
          "and the space is not",
          "-",
          "-",
          "Parameters",
        ],
        want: ["• default-files if scope is svm and the space is not", "Parameters"],
      },
    ],
    [
      "names in a nested list are nested too",
      {
        given: [
          "-",
          "ip",
          "orsubnet",
          "-",
          "ip.address - The address. -",
          "subnet.uuid",
          "orsubnet.name",
          "-",
          "-",
          "name",
          "- The name.",
        ],
        want: [
          "• ip or subnet",
          "  • ip.address - The address.",
          "  • subnet.uuid or subnet.name",
          "• name - The name.",
        ],
      },
    ],
    ["a lone dash with nothing after it is nothing", { given: ["-"], want: [] }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(read(given)).toEqual(want));

  test("a bullet keeps the line of its first text", () => {
    const blocks = pipeBlocks(["-", "name", "- The name. -", "size", "- The size."]);
    expect(blocks.map((b) => b.line)).toEqual([2, 4]);
  });
});
