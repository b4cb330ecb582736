/**
 * Property-based fuzzing of `ingest` over AsciiDoc pages (adoc-fuzz-pages.ts: written for the
 * tests, in the layouts of NetApp's source, traps included): the pages are cut, shuffled,
 * given AsciiDoc's structural lines where they do not belong (table delimiters, cell
 * specifiers, anchors, block delimiters, operation lines), padded with garbage, binary bytes
 * and very long lines, and must still never throw, finish in bounded time, and give a
 * structurally valid document (or, with no operation, a diagnostic) whose diagnostics point
 * at a real place in the page. Seeds are fixed: runs are reproducible.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Diagnostics, decodePage, detectRendering, ingest } from "../../src/index.js";
import { ADOC_PAGES } from "./adoc-fuzz-pages.js";
import { checkDiagnostic, checkDocument, timed } from "./check-output.js";

/** Lines that mean something to an AsciiDoc reader, inserted where they do not belong. */
const STRUCTURAL = [
  "|===",
  "|=== ",
  "[cols=5*,options=header]",
  "[cols=3*,options=header]",
  '[cols="1,2a",options="header"]',
  "[cols=0*]",
  "[cols=99999*,options=header]",
  "[%header,cols=2*]",
  "|Name",
  "|",
  "||",
  "a|",
  "a|* Default value: 1",
  "a|[asc|desc] and | more | pipes",
  "2+|spanning",
  ".3+^.^a|styled",
  "|link:#gadget[gadget]",
  "|array[link:#_links[_links]]",
  "|link:#[]",
  "| 917508 | A code. |",
  "| 12 |",
  "| Error Code | Description",
  "//start row",
  "//end row",
  "////",
  "----",
  "....",
  "```",
  "====",
  "=====",
  "****",
  "---",
  "== Parameters",
  "== Request Body",
  "== Response",
  "=== Headers",
  "== Error",
  "== Definitions",
  "= Title",
  "====== Deep",
  "[#gadget]",
  "[#_links]",
  "[[x.y]]",
  "[#]",
  "[source,json]",
  "[%collapsible%closed]",
  ".Example response",
  ":imagesdir: ./media/",
  "*Introduced In:* 9.99",
  "* readOnly: 1",
  "* readCreate: 1",
  "* x-nullable: true",
  "* format: uuid",
  "* Max value: 9",
  "* Min value: x",
  "* Default value:",
  "** nested",
  "Status: 200, Ok",
  "Status: Default",
  "ONTAP Error Response Codes",
  "[.api-doc-operation .api-doc-operation-get]#GET# [.api-doc-code-block]#`/gadgets/{uuid}`#",
  "[.api-doc-operation .api-doc-operation-post]#POST# [.api-doc-code-block]#`/gadgets/{a}/{a}`#",
  "[.api-doc-operation .api-doc-operation-patch]#PATCH# [.api-doc-code-block]#`/g/{a{b}}`#",
  "[.api-doc-operation .api-doc-operation-delete]#DELETE# [.api-doc-code-block]#`relative`#",
  "[.api-doc-operation",
  "GET /api/gadgets",
  'POST "/api/gadgets/?x=<y"',
  "link:gadgets_endpoint_overview.html[DOC /gadgets]",
  "{",
  "}",
  "",
];

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "drop"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number; times: number }
  | { kind: "swap"; a: number; b: number }
  | { kind: "insertText"; at: number; text: string }
  | { kind: "insertLine"; at: number; line: string }
  | { kind: "longLine"; at: number; pattern: string[]; length: number };

const truncate = fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() });
const drop = fc.record({
  kind: fc.constant("drop" as const),
  at: fc.nat(),
  count: fc.integer({ min: 1, max: 30 }),
});
const duplicate = fc.record({
  kind: fc.constant("duplicate" as const),
  at: fc.nat(),
  count: fc.integer({ min: 1, max: 20 }),
  times: fc.integer({ min: 1, max: 4 }),
});
const swap = fc.record({ kind: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() });
const insertText = fc.record({
  kind: fc.constant("insertText" as const),
  at: fc.nat(),
  text: fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.string({
      unit: fc.constantFrom(
        "|",
        "\\",
        "a|",
        "=",
        "[",
        "]",
        "#",
        "`",
        "*",
        "/",
        "\n",
        "\r",
        "\t",
        "\u0000",
        "\uFEFF",
        " ",
        "+",
        "{",
        "}",
        ":",
      ),
      maxLength: 30,
    }),
  ),
});
const insertLine = fc.record({
  kind: fc.constant("insertLine" as const),
  at: fc.nat(),
  line: fc.constantFrom(...STRUCTURAL),
});
const LONG_PIECES = [
  "|",
  "a|",
  "\\|",
  "|===",
  "=",
  "[",
  "]",
  "#",
  "`",
  "link:#x[x]",
  "*",
  "//",
  " ",
  "x",
  "é",
  "😀",
];
const longLine = fc.record({
  kind: fc.constant("longLine" as const),
  at: fc.nat(),
  pattern: fc.array(fc.constantFrom(...LONG_PIECES), { minLength: 1, maxLength: 5 }),
  length: fc.integer({ min: 100_000, max: 120_000 }),
});
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: drop },
  { weight: 4, arbitrary: duplicate },
  { weight: 4, arbitrary: swap },
  { weight: 3, arbitrary: insertText },
  { weight: 6, arbitrary: insertLine },
  { weight: 1, arbitrary: truncate },
);

function applyMutation(text: string, m: Mutation): string {
  if (m.kind === "truncate") return text.slice(0, m.at % (text.length + 1));
  if (m.kind === "insertText") {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const lines = text.split("\n");
  const n = lines.length;
  if (m.kind === "drop") lines.splice(m.at % n, m.count);
  else if (m.kind === "duplicate") {
    const at = m.at % n;
    const block = lines.slice(at, at + m.count);
    for (let k = 0; k < m.times; k++) lines.splice(at, 0, ...block);
  } else if (m.kind === "swap") {
    const [a, b] = [m.a % n, m.b % n];
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
  } else if (m.kind === "insertLine") lines.splice(m.at % (n + 1), 0, m.line);
  else {
    const unit = m.pattern.join("");
    lines.splice(m.at % (n + 1), 0, unit.repeat(Math.ceil(m.length / unit.length)));
  }
  return lines.join("\n");
}

/** Bytes inserted into the UTF-8 of the page, then decoded as the CLI does. */
const byteInsert = fc.record({
  at: fc.nat(),
  bytes: fc
    .array(fc.constantFrom(0x00, 0x7c, 0x80, 0xbf, 0xc0, 0xe2, 0xf0, 0xff, 0x0d, 0x0a), {
      minLength: 1,
      maxLength: 12,
    })
    .map((a) => Uint8Array.from(a)),
});
type ByteInsert = { at: number; bytes: Uint8Array };

interface PageCase {
  page: number;
  mutations: Mutation[];
  bytes?: ByteInsert[];
}

const pageCase = (
  mutations: fc.Arbitrary<Mutation[]>,
  bytes: fc.Arbitrary<ByteInsert[] | undefined> = fc.constant(undefined),
): fc.Arbitrary<PageCase> =>
  fc.record({ page: fc.nat({ max: ADOC_PAGES.length - 1 }), mutations, bytes });

const encoder = new TextEncoder();

function buildPage(
  c: PageCase,
  k: number,
  diagnostics: Diagnostics,
): { file: string; text: string } {
  const base = ADOC_PAGES[c.page]!;
  const file = `copy${k}/${base.file}`;
  let text = c.mutations.reduce(applyMutation, base.text);
  if (c.bytes) {
    let bytes = encoder.encode(text);
    for (const b of c.bytes) {
      const at = b.at % (bytes.length + 1);
      const next = new Uint8Array(bytes.length + b.bytes.length);
      next.set(bytes.subarray(0, at), 0);
      next.set(b.bytes, at);
      next.set(bytes.subarray(at), at + b.bytes.length);
      bytes = next;
    }
    text = decodePage(bytes, file, diagnostics);
  }
  return { file, text };
}

function checkCases(cases: readonly PageCase[], yaml = true): void {
  const decoding = new Diagnostics();
  const pages = cases.map((c, k) => buildPage(c, k, decoding));
  const result = timed("ingest", () => ingest(pages, { docset: "fuzz" }));
  const operations = checkDocument(result.document, { yaml });
  // A page without an operation is an error, or an overview; overviews alone leave the spec
  // empty, which is a warning: something is always said.
  if (operations === 0 && result.diagnostics.length === 0)
    throw new Error("no operation and no diagnostic");
  const lineCount = new Map(pages.map((p) => [p.file, p.text.split("\n").length]));
  for (const d of [...decoding.items, ...result.diagnostics]) checkDiagnostic(d, lineCount);
}

const one = (arb: fc.Arbitrary<PageCase>): fc.Arbitrary<PageCase[]> => arb.map((c) => [c]);
const some = <T>(arb: fc.Arbitrary<T>, max: number): fc.Arbitrary<T[]> =>
  fc.array(arb, { minLength: 1, maxLength: max });

const PROPERTIES: {
  name: string;
  seed: number;
  numRuns: number;
  cases: fc.Arbitrary<PageCase[]>;
  yaml?: boolean;
}[] = [
  {
    name: "truncated at any offset",
    seed: 0xad01,
    numRuns: 500,
    cases: one(pageCase(truncate.map((m) => [m]))),
  },
  {
    name: "lines dropped, duplicated, swapped",
    seed: 0xad02,
    numRuns: 600,
    cases: one(pageCase(some(fc.oneof(drop, duplicate, swap), 6))),
  },
  {
    name: "AsciiDoc structure inserted where it does not belong",
    seed: 0xad03,
    numRuns: 800,
    cases: one(pageCase(some(insertLine, 10))),
  },
  {
    name: "garbage text and bytes inserted",
    seed: 0xad04,
    numRuns: 400,
    cases: one(pageCase(some(insertText, 6), fc.option(some(byteInsert, 4), { nil: undefined }))),
  },
  {
    name: "very long lines (>= 100k characters)",
    seed: 0xad05,
    numRuns: 60,
    yaml: false,
    cases: one(
      pageCase(
        fc.tuple(longLine, fc.array(mutation, { maxLength: 2 })).map(([l, ms]) => [l, ...ms]),
      ),
    ),
  },
  {
    name: "mutations combined",
    seed: 0xad06,
    numRuns: 600,
    cases: one(pageCase(some(mutation, 10))),
  },
  {
    name: "several mutated pages as one doc set",
    seed: 0xad07,
    numRuns: 240,
    cases: fc.array(pageCase(fc.array(mutation, { maxLength: 5 })), { minLength: 2, maxLength: 4 }),
  },
];

describe("ingest under fuzzed AsciiDoc pages", () => {
  it("the pages are AsciiDoc, and unmutated pass the checks with their operations", () => {
    for (const p of ADOC_PAGES) expect(detectRendering(p.text.split("\n")), p.file).toBe("adoc");
    const result = ingest(ADOC_PAGES, { docset: "fuzz" });
    expect(checkDocument(result.document)).toBe(2);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(PROPERTIES.reduce((n, p) => n + p.numRuns, 0)).toBeGreaterThanOrEqual(3_000);
  });

  it.each(PROPERTIES)(
    "$name: no throw, < 2 s, valid document (operations, or a diagnostic), diagnostics in the page",
    ({ seed, numRuns, cases, yaml }) => {
      fc.assert(
        fc.property(cases, (c) => checkCases(c, yaml ?? true)),
        { seed, numRuns },
      );
    },
    120_000,
  );
});
