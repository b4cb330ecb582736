import { describe, expect, test } from "vitest";
import { ingest } from "../src/ingest.js";
import { toYaml } from "../src/serialize.js";
import { type Json, page } from "./helpers.js";

const OK = "Response\nStatus: 200, Ok";

/**
 * Inputs the fuzzer found that once threw or took seconds (deep recursion, regex
 * backtracking on long runs, an emission cycle). Each must end, without throwing, in a
 * document and its diagnostics; the timeout only guards against a hang.
 */
describe("hostile pages end in a document and diagnostics", () => {
  const cases: [string, { given: string; want: RegExp }][] = [
    ["20,000 glued titles", { given: "Error".repeat(20_000), want: /no ONTAP operation found/ }],
    [
      "a heading with 10,000 spaces",
      { given: `# a${" ".repeat(10_000)}x\nGET /a\n${OK}`, want: /.*/ },
    ],
    [
      "a fenced method line with 60,000 spaces",
      { given: `\`\`\`\nGET${" ".repeat(60_000)}x y\n\`\`\`\nGET /a\n${OK}`, want: /.*/ },
    ],
    [
      "a header line of 20,000 column titles",
      { given: `${"Name Type ".repeat(10_000)}\nGET /a\n${OK}`, want: /.*/ },
    ],
    [
      "20,000 unclosed <code> tags in a cell",
      {
        given: `GET /a\n${OK}\n| Name | Type | Description |\n|---|---|---|\n| a | string | ${"<code>x".repeat(20_000)}</code> |`,
        want: /.*/,
      },
    ],
    [
      "20,000 unclosed <li> tags in a cell",
      {
        given: `GET /a\n${OK}\n| Name | Type | Description |\n|---|---|---|\n| a | string | ${"<li>x".repeat(20_000)}</li> |`,
        want: /.*/,
      },
    ],
    [
      "a 150,000-line code sample",
      {
        given: `# Overview\n\n## Examples\n\n\`\`\`\n${"curl x\n".repeat(150_000)}\`\`\`\n\nGET /a\n\n${OK}\n`,
        want: /.*/,
      },
    ],
    [
      "a path parameter twice",
      { given: `T\nPOST /a/{b}/{b}\n${OK}`, want: /found \{b\} twice; operation skipped/ },
    ],
    [
      "a brace outside a parameter",
      { given: `T\nGET /{/a/{uuid}\n${OK}`, want: /expected a path like \/a\/\{b\}/ },
    ],
    [
      "a type cell that is no type name",
      {
        given: `T\nGET /a\n${OK}\n| Name | Type | Description |\n|---|---|---|\n| a | a/b~c | x |`,
        want: /expected a type in the type cell, found `a\/b~c`/,
      },
    ],
  ];
  test.each(cases)("%s", { timeout: 10_000 }, (_t, { given, want }) => {
    const { document, diagnostics } = ingest([{ file: "p.txt", text: given }], { docset: "x" });
    expect(typeof toYaml(document)).toBe("string");
    expect(diagnostics.map((d) => d.message).join("\n")).toMatch(want);
    for (const name of Object.keys((document as Json).components.schemas))
      expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  test("one page prints a 202 body and no error body, another the reverse: each borrows the other's", () => {
    const text = page(
      "Op A",
      "GET /a",
      "Response",
      "Status: 202, Accepted",
      "Error",
      "Status: Default",
      "| Name | Type | Description |",
      "|---|---|---|",
      "| error | string | x |",
      "Op B",
      "GET /b",
      "Response",
      "Status: 202, Accepted",
      "| Name | Type | Description |",
      "|---|---|---|",
      "| job | string | x |",
      "Error",
      "Status: Default",
    );
    const doc = ingest([{ file: "p.txt", text }], { docset: "x" }).document as Json;
    const body = (path: string, status: string) =>
      doc.paths[path].get.responses[status].content["application/json"].schema;
    expect(body("/a", "202")).toMatchObject({
      properties: { job: { type: "string" } },
      "x-ntap-inferred": expect.stringContaining("GET /b"),
    });
    expect(body("/b", "default")).toMatchObject({
      properties: { error: { type: "string" } },
      "x-ntap-inferred": expect.stringContaining("GET /a"),
    });
  });
});
