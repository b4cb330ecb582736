import { describe, expect, test } from "vitest";
import { adocInline, adocType } from "../../src/blocks/adoc-inline.js";

describe("adocInline", () => {
  const cases: [string, { given: string; want: string }][] = [
    [
      "plain text is left alone",
      { given: "The size of the gadget.", want: "The size of the gadget." },
    ],
    [
      "a link to a definition: its text",
      { given: "See link:#gadget[gadget].", want: "See gadget." },
    ],
    [
      "a link to another page: its text",
      { given: "link:gadgets_endpoint_overview.html[DOC /gadgets]", want: "DOC /gadgets" },
    ],
    [
      "a link without text: its target",
      { given: "link:https://example.com/x[]", want: "https://example.com/x" },
    ],
    ["xref", { given: "xref:other.adoc#part[the other page]", want: "the other page" }],
    ["a cross reference with text", { given: "<<gadget,the gadget>>", want: "the gadget" }],
    ["a cross reference without text: its id", { given: "<<gadget>>", want: "gadget" }],
    ["a single-plus passthrough", { given: "fields=+*+ for all", want: "fields=* for all" }],
    ["a double-plus passthrough", { given: "++a+b++", want: "a+b" }],
    [
      "a triple-plus passthrough: its text, no plus left over",
      { given: 'as "P+++<num>+++Y" or "PT+++<num>+++H"', want: 'as "P<num>Y" or "PT<num>H"' },
    ],
    ["pass:[…]", { given: "pass:[<b>]", want: "<b>" }],
    ["pass:q[…]", { given: "pass:q[*x*]", want: "*x*" }],
    ["attribute references", { given: "a{vbar}b{nbsp}c{empty}d{plus}e", want: "a|b cd+e" }],
    ["an unknown attribute reference stays", { given: "{owner.uuid}", want: "{owner.uuid}" }],
    [
      "emphasis is left alone: wildcards are text",
      { given: "metric.* and *", want: "metric.* and *" },
    ],
    ["a lone + is text", { given: "a + b", want: "a + b" }],
  ];
  test.each(cases)("%s", (_title, { given, want }) => expect(adocInline(given)).toBe(want));
});

describe("adocType", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["a primitive", { given: "string", want: "string" }],
    ["a link to a definition: its anchor", { given: "link:#gadget[gadget]", want: "gadget" }],
    [
      "the anchor, not the label, names the definition",
      { given: "link:#gadget_reference[gadget]", want: "gadget_reference" },
    ],
    ["an array of a definition", { given: "array[link:#gadget[gadget]]", want: "array[gadget]" }],
    ["a link to a page: its label", { given: "link:page.html[thing]", want: "thing" }],
    ["an empty anchor: its label", { given: "link:#[thing]", want: "thing" }],
  ];
  test.each(cases)("%s", (_title, { given, want }) => expect(adocType(given)).toBe(want));
});
