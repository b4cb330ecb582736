import { describe, expect, test } from "vitest";
import { Diagnostics } from "../src/diagnostics.js";
import { ingest } from "../src/ingest.js";
import { readSources } from "../src/read/read-sources.js";
import { type Json, ROOT, op } from "./helpers.js";

/**
 * A family of AsciiDoc pages (written for this test, in the layout of NetApp's source): an
 * overview page and two operation pages, ingested together as one doc set.
 */
const reading = new Diagnostics();
const pages = readSources(["packages/ingest/test/fixtures/adoc"], reading, ROOT);
const { document, diagnostics } = ingest(pages, { docset: "widgets" });
const doc = document as Json;
const post = op(doc, "post", "/widgets");
const body = post.requestBody.content["application/json"].schema;

describe("an AsciiDoc family ingested together", () => {
  test("the overview page is read as the family's tag, not as a page without operations", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(doc.tags).toEqual([
      expect.objectContaining({
        name: "widgets",
        description: expect.stringContaining("Widgets are made-up objects"),
      }),
    ]);
    expect(post.tags).toEqual(["widgets"]);
  });

  test("calls printed in the overview are examples, never operations", () => {
    expect(Object.keys(doc.paths)).toEqual(["/widgets"]);
    expect(Object.keys(doc.paths["/widgets"])).toEqual(["get", "post"]);
  });

  const cases: [string, { given: (d: Json) => unknown; want: unknown }][] = [
    ["introduced", { given: () => post["x-ntap-introduced"], want: "9.42" }],
    [
      "an empty boolean default is false",
      { given: () => post.parameters[0].schema, want: { type: "boolean", default: false } },
    ],
    [
      "x-nullable is a nullable type",
      { given: () => body.properties.color.type, want: ["string", "null"] },
    ],
    [
      "readCreate is a marker, the example typed",
      {
        given: () => [body.properties.name["x-ntap-read-create"], body.properties.name.examples],
        want: [true, ["w1"]],
      },
    ],
    [
      "an unescaped | in an a| cell stays in its description",
      {
        given: () => body.properties.name.description,
        want: expect.stringContaining("[asc|desc]"),
      },
    ],
    [
      "required: a list, alternatives, and not a property required only in some cases",
      {
        given: () => [body.required, body.anyOf],
        want: [["name"], [{ required: ["size"] }, { required: ["kit"] }]],
      },
    ],
    [
      "a property neither list names is read-only in the body",
      { given: () => body.properties.uuid.readOnly, want: true },
    ],
    [
      "and on the definition's own component, which the GET's records are",
      { given: (d) => d.components.schemas.widget.properties.uuid.readOnly, want: true },
    ],
    [
      "settable properties are not read-only on the component",
      { given: (d) => d.components.schemas.widget.properties.name.readOnly, want: undefined },
    ],
    [
      "response headers, whatever the order of their columns",
      {
        given: () => post.responses["201"].headers,
        want: { Location: { description: "Where the new widget is", schema: { type: "string" } } },
      },
    ],
    [
      "error codes: past stray empty cells, after the table, in a table without header",
      {
        given: () => post.responses.default["x-ntap-error-codes"].map((e: Json) => e.code),
        want: ["424242", "424243", "424244", "424245"],
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(given(doc)).toEqual(want));
});

describe("an AsciiDoc page cut off before its operation line", () => {
  const full = pages.find((p) => p.file.endsWith("post-widgets.adoc"))!.text;
  const cases: [string, { given: string; want: string }][] = [
    ["after its title", { given: full.slice(0, full.indexOf("[.api-doc")), want: "error" }],
    [
      "inside its operation line",
      { given: full.slice(0, full.indexOf("/widgets`")), want: "error" },
    ],
  ];
  test.each(cases)("%s: no overview, no operation, an error", (_t, { given, want }) => {
    const cut = ingest([{ file: "cut.adoc", text: given }], { docset: "widgets" });
    expect(cut.document.paths).toEqual({});
    expect(cut.diagnostics.map((d) => d.severity)).toContain(want);
  });
});
