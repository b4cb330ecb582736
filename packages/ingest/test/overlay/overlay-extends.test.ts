import { describe, expect, test } from "vitest";
import { overlayAppliesTo } from "../../src/overlay/overlay-extends.js";

describe("overlayAppliesTo", () => {
  const cases: [string, { given: { extends?: string; docset: string }; want: boolean }][] = [
    ["no extends: every doc set", { given: { docset: "9.9.1" }, want: true }],
    [
      "the spec's file name",
      { given: { extends: "ontap-latest.openapi.yaml", docset: "latest" }, want: true },
    ],
    [
      "a relative URL to it",
      { given: { extends: "../ontap-9.9.1.openapi.yaml", docset: "9.9.1" }, want: true },
    ],
    [
      "a full URL, query and fragment ignored",
      {
        given: {
          extends: "https://example.com/specs/ontap-latest.openapi.yaml?ref=main#/paths",
          docset: "latest",
        },
        want: true,
      },
    ],
    [
      "the JSON spec",
      { given: { extends: "ontap-latest.openapi.json", docset: "latest" }, want: true },
    ],
    [
      "the .yml spec",
      { given: { extends: "ontap-latest.openapi.yml", docset: "latest" }, want: true },
    ],
    ["the doc set id", { given: { extends: "9.9.1", docset: "9.9.1" }, want: true }],
    [
      "percent-encoded",
      { given: { extends: "specs/ontap-my%20set.openapi.yaml", docset: "my set" }, want: true },
    ],
    [
      "a stray %, taken as written",
      { given: { extends: "ontap-100%.openapi.yaml", docset: "100%" }, want: true },
    ],
    [
      "another doc set's spec",
      { given: { extends: "../ontap-9.9.1.openapi.yaml", docset: "latest" }, want: false },
    ],
    ["another doc set's id", { given: { extends: "latest", docset: "9.9.1" }, want: false }],
    [
      "only the last segment counts",
      { given: { extends: "latest/ontap-9.9.1.openapi.yaml", docset: "latest" }, want: false },
    ],
    [
      "a prefix is not the id",
      { given: { extends: "ontap-9.9.openapi.yaml", docset: "9.9.1" }, want: false },
    ],
    [
      "case matters",
      { given: { extends: "ontap-Latest.openapi.yaml", docset: "latest" }, want: false },
    ],
    [
      "another extension",
      { given: { extends: "ontap-latest.openapi.txt", docset: "latest" }, want: false },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    const overlay = given.extends === undefined ? {} : { extends: given.extends };
    expect(overlayAppliesTo(overlay, given.docset)).toBe(want);
  });
});
