import { describe, expect, test } from "vitest";
import { ingest } from "../../src/ingest.js";
import { type Json, op, page, realPage } from "../helpers.js";

/** A small text-rendering page for a family no real page documents. */
function textPage(
  method: string,
  path: string,
  responseRows: string[],
  definitions: string[][],
): string {
  const defs = definitions.flatMap(([name, ...rows]) => [
    ...(name ? [name, ""] : []),
    "Name Type Description",
    "",
    ...rows.flatMap((r) => [r, ""]),
  ]);
  return page(
    `Do ${method} on ${path}`,
    "",
    `${method} ${path}`,
    "",
    "Response",
    "",
    "Status: 200, Ok",
    "Name Type Description",
    "",
    ...responseRows.flatMap((r) => [r, ""]),
    "Definitions",
    "",
    ...defs,
  );
}

describe("recovering definition names", () => {
  test("two nameless definitions get the names that make no definition refer to itself", () => {
    const text = textPage(
      "GET",
      "/storage/widgets",
      ["job", "job_link"],
      [
        ["href", "href", "string"],
        ["", "self", "href"],
        ["", "_links", "_links", "uuid", "string", "Job UUID."],
      ],
    );
    const { document, diagnostics } = ingest([{ file: "w.txt", text }], { docset: "t" });
    const schemas = (document as Json).components.schemas;
    expect(schemas.job_link.properties).toMatchObject({
      _links: { $ref: "#/components/schemas/_links" },
      uuid: { type: "string" },
    });
    expect(schemas._links.properties.self).toEqual({ $ref: "#/components/schemas/href" });
    expect(diagnostics.filter((d) => d.message.includes("named `"))).toHaveLength(2);
  });

  test("more nameless definitions than unanswered references: reported, not guessed", () => {
    const text = textPage("GET", "/storage/widgets", ["a", "string"], [["", "x", "string"]]);
    const { document, diagnostics } = ingest([{ file: "w.txt", text }], { docset: "t" });
    expect((document as Json).components.schemas).toEqual({});
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        file: "w.txt",
        severity: "warning",
        message: expect.stringMatching(/definition ignored/),
      }),
    );
  });
});

describe("one name, two shapes", () => {
  test("the most used shape keeps the name; the other is named after its properties", () => {
    const text = textPage(
      "GET",
      "/storage/widgets",
      ["_links", "_links", "records", "array[widget]"],
      [
        ["href", "href", "string"],
        ["_links", "next", "href", "self", "href"],
        ["_links", "self", "href"],
        ["widget", "_links", "_links", "name", "string", "Name."],
      ],
    );
    const other = textPage(
      "GET",
      "/storage/widgets/{uuid}",
      ["widget", "widget"],
      [
        ["href", "href", "string"],
        ["_links", "self", "href"],
        ["widget", "_links", "_links", "name", "string", "Name."],
      ],
    );
    const { document } = ingest(
      [
        { file: "a.txt", text },
        { file: "b.txt", text: other },
      ],
      { docset: "t" },
    );
    const doc = document as Json;
    expect(Object.keys(doc.components.schemas).sort()).toEqual([
      "_links",
      "_links_next_self",
      "href",
      "widget",
    ]);
    expect(doc.components.schemas.widget.properties._links.$ref).toBe(
      "#/components/schemas/_links",
    );
    const collection = op(doc, "get", "/storage/widgets").responses["200"].content[
      "application/json"
    ].schema;
    expect(collection.properties._links.$ref).toBe("#/components/schemas/_links_next_self");
  });
});

describe("merging pages of one doc set", () => {
  test("the same operation from the text page and the pipe page is one operation with both pages' error codes", () => {
    const pages = [
      realPage("9.9.1/patch-cluster-jobs-uuid.txt"),
      realPage("latest/patch-cluster-jobs-uuid.pipe.txt"),
    ];
    const { document, diagnostics } = ingest(pages, { docset: "t" });
    const patch = op(document as Json, "patch", "/cluster/jobs/{uuid}");
    expect(patch.responses.default["x-ntap-error-codes"].map((c: Json) => c.code).sort()).toEqual([
      "458762",
      "458771",
      "458773",
      "458776",
      "458783",
      "458784",
      "459753",
    ]);
    expect(patch["x-ntap-doc-source"]).toBe("9.9.1/patch-cluster-jobs-uuid.txt:8");
    expect(patch["x-ntap-also-documented-in"]).toEqual([
      "latest/patch-cluster-jobs-uuid.pipe.txt:2",
    ]);
    // The text page has the enum, the pipe page does not: a disagreement, reported.
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        file: "latest/patch-cluster-jobs-uuid.pipe.txt",
        message: expect.stringMatching(/parameter `action` schema disagrees/),
      }),
    );
  });

  test("ingesting the same page twice changes nothing but the provenance", () => {
    const once = ingest([realPage("9.9.1/manage-azure-key-vaults.pdf.md")], { docset: "t" })
      .document as Json;
    const twice = ingest(
      [
        realPage("9.9.1/manage-azure-key-vaults.pdf.md"),
        { ...realPage("9.9.1/manage-azure-key-vaults.pdf.md"), file: "copy.md" },
      ],
      { docset: "t" },
    ).document as Json;
    for (const item of Object.values(twice.paths) as Json[])
      for (const o of Object.values(item) as Json[]) delete o["x-ntap-also-documented-in"];
    expect(twice).toEqual(once);
  });
});

describe("nothing is specific to one endpoint family", () => {
  test("a family no page in this repo documents", () => {
    const text = page(
      "Create a snapshot",
      "",
      "POST /storage/volumes/{volume.uuid}/snapshots",
      "",
      "Introduced In: 9.6",
      "",
      "Creates a volume snapshot.",
      "",
      "Parameters",
      "",
      "Name Type In Required Description",
      "",
      "volume.uuid",
      "",
      "string",
      "",
      "path",
      "",
      "True",
      "",
      "Volume UUID",
      "",
      "Response",
      "",
      "Status: 202, Accepted",
      "",
      "Error",
      "",
      "Status: Default",
      "",
      "ONTAP Error Response Codes",
      "",
      "Error Code Description",
      "",
      "1638518",
      "",
      "The specified snapshot name is invalid.",
    );
    const { document, diagnostics } = ingest([{ file: "snap.txt", text }], { docset: "9.6" });
    const post = op(document as Json, "post", "/storage/volumes/{volume.uuid}/snapshots");
    expect(post).toMatchObject({
      tags: ["storage/volumes"],
      "x-ntap-introduced": "9.6",
      operationId: "post_storage_volumes_uuid_snapshots",
    });
    expect(post.responses.default["x-ntap-error-codes"]).toEqual([
      { code: "1638518", description: "The specified snapshot name is invalid." },
    ]);
    expect(
      post.responses["202"].content["application/json"].schema["x-ntap-inferred"],
    ).toBeDefined();
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
