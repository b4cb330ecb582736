import { describe, expect, test } from "vitest";
import { looksCutOff, readFacts } from "../../src/extract/facts.js";

describe("readFacts", () => {
  const cases: [string, { given: string[]; want: object }][] = [
    [
      "bounds and default",
      {
        given: ["Default value: 1", "Max value: 120", "Min value: 0"],
        want: { default: "1", maximum: 120, minimum: 0 },
      },
    ],
    ["empty default", { given: ["Default value:"], want: { default: "" } }],
    [
      "enum",
      {
        given: ['enum: ["pause", "resume", "cancel"]'],
        want: { enum: ["pause", "resume", "cancel"] },
      },
    ],
    [
      "introduced, format, readOnly",
      {
        given: ["Introduced in: 9.8", "format: date-time", "readOnly: 1"],
        want: { introduced: "9.8", format: "date-time", readOnly: true },
      },
    ],
    [
      "lengths",
      { given: ["Max length: 64", "Min length: 1"], want: { maxLength: 64, minLength: 1 } },
    ],
    [
      "AsciiDoc spellings of the lengths",
      { given: ["maxLength: 64", "minLength: 1"], want: { maxLength: 64, minLength: 1 } },
    ],
    [
      "readCreate, createOnly, x-nullable",
      {
        given: ["readCreate: 1", "x-ntap-createOnly: true", "x-nullable: true"],
        want: { readCreate: true, createOnly: true, nullable: true },
      },
    ],
    [
      "deprecated since a release, example as printed",
      {
        given: ["x-ntap-deprecated: 9.13.1", "example: svm1:volume1"],
        want: { deprecated: "9.13.1", example: "svm1:volume1" },
      },
    ],
    ["readCreate: 0 states nothing", { given: ["readCreate: 0"], want: {} }],
    ["unknown bullets ignored", { given: ["x-ntap-long-description: y"], want: {} }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(readFacts(given)).toEqual(want));
});

describe("looksCutOff", () => {
  test.each([
    ["Order results by specified fields and optional [asc", true],
    ['Says "half', true],
    ["Filter by state", false],
    ["Order results by specified fields and optional [asc|desc] direction.", false],
  ])("%s", (given, want) => expect(looksCutOff(given)).toBe(want));
});
