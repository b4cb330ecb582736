import { describe, expect, test } from "vitest";
import { cleanName, cleanText, splitCell } from "../../src/blocks/cell-text.js";

describe("cleanText", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["escaped markdown", { given: "azure\\_key\\_vault", want: "azure_key_vault" }],
    ["links", { given: 'array[ <a href="#">svm</a> ]', want: "array[ svm ]" }],
    [
      "code kept as backticks",
      { given: "the <code>fields</code> parameter", want: "the `fields` parameter" },
    ],
    ["entities", { given: "a &amp; b &lt;c&gt; &#39;d&#39;", want: "a & b <c> 'd'" }],
    ["leaked private markup", { given: "</private>", want: "" }],
    [
      "leaked AsciiDoc link markup without its text",
      { given: "See link:post-things(#-thing-create)for details.", want: "See for details." },
    ],
    [
      "a Markdown link to an anchor is its text",
      { given: "[doc /things](#docs-things)", want: "doc /things" },
    ],
    ["links nested in links", { given: "[a [b](#c) d](#e)", want: "a b d" }],
    [
      "a link that is not to an anchor stays",
      { given: "[a](b) and f(#x)", want: "[a](b) and f(#x)" },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(cleanText(given)).toBe(want));
});

describe("splitCell", () => {
  const cases: [string, { given: string; want: { text: string; notes: string[] } }][] = [
    [
      "pdf html list",
      {
        given:
          '<p>The default is false.</p> <ul style="list-style-type: none"> <li>• Default value:</li> <li>• Max value: 120</li> </ul>',
        want: { text: "The default is false.", notes: ["Default value:", "Max value: 120"] },
      },
    ],
    [
      "inline bullets",
      { given: "Action. • enum: [a, b]", want: { text: "Action.", notes: ["enum: [a, b]"] } },
    ],
    ["no notes", { given: "Job UUID", want: { text: "Job UUID", notes: [] } }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => expect(splitCell(given)).toEqual(want));
});

describe("cleanName", () => {
  test.each([
    ["<code>_links</code>", "_links"],
    ["`uuid`", "uuid"],
    ["\\_links", "_links"],
  ])("%s", (given, want) => expect(cleanName(given)).toBe(want));
});
