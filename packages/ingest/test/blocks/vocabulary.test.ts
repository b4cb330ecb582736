import { describe, expect, test } from "vitest";
import {
  METHOD_LINE,
  isSectionTitle,
  parseHeader,
  splitGluedHeadings,
} from "../../src/blocks/vocabulary.js";

describe("splitGluedHeadings", () => {
  const cases: [string, { given: string; want: string[] }][] = [
    [
      "status glued to Error",
      { given: "Status: 200, OkError", want: ["Status: 200, Ok", "Error"] },
    ],
    [
      "default glued to error codes title",
      {
        given: "Status: DefaultONTAP Error Response Codes",
        want: ["Status: Default", "ONTAP Error Response Codes"],
      },
    ],
    ["a space is not glue", { given: "Status: Default, Error", want: ["Status: Default, Error"] }],
    ["a word that ends like a title is kept", { given: "Error", want: ["Error"] }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(splitGluedHeadings(given)).toEqual(want));
});

describe("parseHeader", () => {
  const cases: [string, { given: string | string[]; want: string[] | undefined }][] = [
    [
      "text parameters header",
      {
        given: "Name Type In Required Description",
        want: ["Name", "Type", "In", "Required", "Description"],
      },
    ],
    [
      "text error code header",
      { given: "Error Code Description", want: ["Error Code", "Description"] },
    ],
    ["cells", { given: ["Name", "Type", "Description"], want: ["Name", "Type", "Description"] }],
    ["prose starting with Name", { given: "Name of the deployed AKV", want: undefined }],
    ["a lone column", { given: "Name", want: undefined }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(parseHeader(given)).toEqual(want));
});

describe("isSectionTitle", () => {
  const cases: [string, { given: string; want: boolean }][] = [
    ["Error", { given: "Error", want: true }],
    ["a definition called error", { given: "error", want: false }],
    ["status line", { given: "Status: 202, Accepted", want: true }],
    ["example title", { given: "Example response", want: true }],
    ["prose", { given: "Rekeys the internal key", want: false }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(isSectionTitle(given)).toBe(want));
});

describe("METHOD_LINE: the operation a page documents, not an example call", () => {
  test.each([
    ["GET /cluster/jobs", true],
    ["PATCH /storage/qtrees/{volume.uuid}/{id}", true],
    ["DELETE cluster/jobs/{uuid}", true],
    ['GET "/api/things/?name=x"', false],
    ["GET /api/things", false],
    ["POST /api/things/{thing.id}/parts", false],
    ["GET /things?fields=name", false],
    ["GET /things/<uuid>", false],
  ])("%s: %s", (line, want) => expect(METHOD_LINE.test(line)).toBe(want));
});
