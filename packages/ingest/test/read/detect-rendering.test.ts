import { describe, expect, test } from "vitest";
import { detectRendering } from "../../src/read/detect-rendering.js";
import { realPage } from "../helpers.js";

describe("detectRendering", () => {
  const cases: [string, { given: string; want: string }][] = [
    [
      "tab tables and headings: pdf",
      {
        given:
          "## Parameters\n\nName\tType\tIn\tRequired\tDescription\nuuid\tstring\tpath\tTrue\tx",
        want: "pdf",
      },
    ],
    [
      "pipe table with separator: pipe",
      { given: "Parameters\n| Name | Type |\n|---|---|\n| a | string |", want: "pipe" },
    ],
    [
      "one cell per paragraph: text",
      { given: "Parameters\n\nName Type Description\n\nuuid\n\nstring", want: "text" },
    ],
    ["empty page: text", { given: "", want: "text" }],
    [
      "the 9.9.1 PDF chapter",
      { given: realPage("9.9.1/manage-azure-key-vaults.pdf.md").text, want: "pdf" },
    ],
    [
      "the 9.9.1 jobs web page",
      { given: realPage("9.9.1/patch-cluster-jobs-uuid.txt").text, want: "text" },
    ],
    [
      "the latest pipe page",
      { given: realPage("latest/patch-cluster-jobs-uuid.pipe.txt").text, want: "pipe" },
    ],
    [
      "the cut-off latest rekey page",
      {
        given: realPage("latest/post-security-azure-key-vaults-uuid-rekey-internal.txt").text,
        want: "text",
      },
    ],
  ];
  test.each(cases)("%s", (_title, { given, want }) => {
    expect(detectRendering(given.split("\n"))).toBe(want);
  });
});
