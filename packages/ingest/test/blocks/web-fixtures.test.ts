/**
 * Hand-written pages (test/fixtures/web/, written for these tests, not NetApp's) in the web
 * layouts the saved pages show: pipe tables with one cell per line, with or without a leading
 * `|`, trailing spaces, a cell closed on a later line; `-` bullets split over lines; nested
 * bullets; the PDF banner; leaked markup; example calls; a parameter typed `enum`; an empty
 * `Default value:`; an example with numbers as strings. The same operation is written in the
 * text and the pipe rendering, and must come out the same.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ingest } from "../../src/index.js";
import { type Json, op, param } from "../helpers.js";

const DIR = new URL("../fixtures/web/", import.meta.url);
const read = (name: string) => ({ file: name, text: readFileSync(new URL(name, DIR), "utf8") });
/** The document as plain JSON (the tests walk it), with the diagnostics. */
const run = (names: string[]) => {
  const { document, diagnostics } = ingest(names.map(read), { docset: "fixtures" });
  return { document: document as Json, diagnostics };
};
const alone = (name: string) => run([name]);

const POST_PAGES = ["post-widgets.pipe.txt", "post-widgets.text.txt"];

/** Name, in and type of each parameter. */
const params = (operation: Json) =>
  operation.parameters.map((p: Json) => ({
    name: p.name,
    in: p.in,
    type: p.schema.type === "array" ? `array[${p.schema.items.type}]` : p.schema.type,
  }));

describe("web layouts, one page at a time", () => {
  test.each(POST_PAGES)("%s: the operation, its parameters and its requirements", (name) => {
    const { document, diagnostics } = alone(name);
    expect(Object.keys(document.paths)).toEqual(["/storage/widgets"]); // no example call
    const post = op(document, "post", "/storage/widgets");
    expect(post.summary).toBe("Create a widget"); // not the PDF banner
    expect(post.description).toBe("Creates a widget in a bin.");
    expect(params(post)).toEqual([
      { name: "return_timeout", in: "query", type: "integer" },
      { name: "return_records", in: "query", type: "boolean" },
      { name: "mode", in: "query", type: "string" }, // `enum` in the text rendering
    ]);
    expect(param(post, "return_timeout").schema.default).toBe(0);
    expect(param(post, "return_records").schema.default).toBe(false); // empty `Default value:`
    const body = post.requestBody.content["application/json"].schema;
    // Required: svm (uuid or name) and name; not bin (its nested bullets make it conditional),
    // not the recommended or defaulted properties.
    expect(body.required).toEqual(["svm", "name"]);
    expect(body.properties.svm.anyOf).toEqual([{ required: ["uuid"] }, { required: ["name"] }]);
    expect(post.responses.default["x-ntap-error-codes"].map((e: Json) => e.code)).toEqual([
      "1234567",
      "1234568",
    ]);
    expect(post.responses["202"].content["application/json"].schema.properties.job).toEqual({
      $ref: "#/components/schemas/job_link",
    });
    // `"size": "10"`: an example is kept only when it fits the documented types.
    expect(post.requestBody.content["application/json"].example).toBeUndefined();
    expect(diagnostics.some((d) => /example request does not match/.test(d.message))).toBe(true);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("the text rendering's facts bullets: enum, min and max", () => {
    const post = op(alone("post-widgets.text.txt").document, "post", "/storage/widgets");
    expect(param(post, "mode").schema.enum).toEqual(["copy", "new"]);
    expect(param(post, "return_timeout").schema).toMatchObject({ minimum: 0, maximum: 120 });
  });

  test.each(POST_PAGES)("%s: the commands (text: after the lists, without their title)", (name) => {
    const post = op(alone(name).document, "post", "/storage/widgets");
    expect(post["x-ntap-cli"]).toEqual(["storage widget create", "storage widget modify"]);
  });

  test("leading `|` header, cells with trailing spaces, a cell closed on the next line", () => {
    const { document, diagnostics } = alone("get-widgets.pipe.txt");
    const get = op(document, "get", "/storage/widgets");
    expect(get.parameters.map((p: Json) => p.name)).toEqual([
      "bin.name",
      "size",
      "fields",
      "max_records",
      "return_timeout",
      "order_by",
    ]);
    expect(param(get, "size").description).toBe("Filter by size");
    expect(param(get, "return_timeout").schema.default).toBe(15);
    expect(param(get, "order_by")["x-ntap-truncated"]).toBe(true);
    expect(get["x-ntap-cli"]).toEqual(["storage widget show", "storage widget show-space"]);
    const ok = get.responses["200"].content["application/json"];
    expect(ok.schema.properties.records).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/widget" },
    });
    expect(ok.example).toBeUndefined(); // `"num_records": "1"`
    expect(Object.keys(document.components.schemas.widget.properties)).toEqual([
      "name",
      "size",
      "svm",
    ]);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("rendering invariance on the hand-written pair", () => {
  test("text and pipe give the same parameters, requirements and error codes", () => {
    const [pipe, text] = POST_PAGES.map((name) =>
      op(alone(name).document, "post", "/storage/widgets"),
    ) as [Json, Json];
    expect(params(text)).toEqual(params(pipe));
    const required = (o: Json) => o.requestBody.content["application/json"].schema.required;
    expect(required(text)).toEqual(required(pipe));
    const codes = (o: Json) => o.responses.default["x-ntap-error-codes"];
    expect(codes(text)).toEqual(codes(pipe));
  });

  test("both pages as one doc set: one operation, its parameters' types agree", () => {
    const { document, diagnostics } = run(POST_PAGES);
    expect(Object.keys(document.paths["/storage/widgets"])).toEqual(["post"]);
    // The pipe rendering drops the facts bullets (enum, min, max): that disagreement is
    // reported, a type disagreement would be too.
    const disagreements = diagnostics.filter((d) => /schema disagrees/.test(d.message));
    expect(disagreements.map((d) => /`(\w+)`/.exec(d.message)?.[1])).toEqual([
      "return_timeout",
      "mode",
    ]);
    for (const d of disagreements) {
      const [here, there] = [...d.message.matchAll(/"type":"(\w+)"/g)].map((m) => m[1]);
      expect(here).toBe(there);
    }
  });
});

describe("a family's overview page on the web site", () => {
  test("alone: no error (it is an overview, not a page cut off), one warning (the spec is empty)", () => {
    const { document, diagnostics } = alone("widgets-overview.text.txt");
    expect(document.paths).toEqual({});
    expect(diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      [
        "warning",
        2,
        "an endpoint overview of /storage/widgets, and no page documents an operation: the spec is empty (give the overview with its operation pages)",
      ],
    ]);
  });

  test("with the family's pages: the tag of the endpoint its examples call most gets its prose", () => {
    const { document, diagnostics } = run(["widgets-overview.text.txt", "get-widgets.pipe.txt"]);
    expect(diagnostics.filter((d) => d.file.includes("overview"))).toEqual([]);
    const tag = document.tags.find((t: Json) => t.name === "storage/widgets");
    expect(tag.description).toMatch(/^A widget is a named slot in a bin\./);
    // The examples also call /storage/bins, once: that family gets nothing.
    expect(document.tags.map((t: Json) => t.name)).toEqual(["storage/widgets"]);
  });
});
