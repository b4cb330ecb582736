import { describe, expect, test } from "vitest";
import { detectRendering } from "../../src/read/detect-rendering.js";
import { ADOC_PAGES, GET_COLLECTION, OVERVIEW, POST } from "../fuzz/adoc-fuzz-pages.js";

const detect = (text: string) => detectRendering(text.split("\n"));

describe("detectRendering: AsciiDoc", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["an operation page", { given: GET_COLLECTION, want: "adoc" }],
    ["an operation page with curl listings and error tables", { given: POST, want: "adoc" }],
    [
      "an overview page: listings with # comments are no Markdown headings",
      { given: OVERVIEW, want: "adoc" },
    ],
    [
      "a page cut off after its operation line",
      { given: GET_COLLECTION.split("\n").slice(0, 12).join("\n"), want: "adoc" },
    ],
    [
      "just a title, an attribute entry and a table",
      {
        given: ["= Gadgets", ":imagesdir: ./media/", "", "|===", "|a", "|==="].join("\n"),
        want: "adoc",
      },
    ],
    [
      "one AsciiDoc-looking heading is not enough",
      { given: ["= Gadgets", "", "Some text about gadgets."].join("\n"), want: "text" },
    ],
    [
      "Markdown with a pipe table stays pipe, whatever one == line says",
      {
        given: [
          "== Parameters",
          "",
          "| Name | Type |",
          "|---|---|",
          "| a | string |",
          "| b | string |",
        ].join("\n"),
        want: "pipe",
      },
    ],
    [
      "a PDF chapter's tab tables and headings stay pdf",
      {
        given: [
          "## Parameters",
          "",
          "Name\tType\tIn\tRequired\tDescription",
          "uuid\tstring\tpath\tTrue\tx",
          "```",
          "Status: 200, Ok",
          "```",
        ].join("\n"),
        want: "pdf",
      },
    ],
  ];
  test.each(cases)("%s", (_title, { given, want }) => expect(detect(given)).toBe(want));

  test("every fixture page is AsciiDoc, from its text only (not its file name)", () => {
    expect(ADOC_PAGES.map((p) => detect(p.text))).toEqual(ADOC_PAGES.map(() => "adoc"));
  });
});
