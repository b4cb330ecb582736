/**
 * Property-based fuzzing of `ingest` over the real reference pages in spec/sources and the
 * hand-written pages in the web layouts (test/fixtures/web): the pages are cut, shuffled,
 * padded with garbage and binary bytes, and must still never throw, finish in bounded time,
 * and give a structurally valid document (or, with no operation, a diagnostic) whose
 * diagnostics point at a real place in the page.
 *
 * Arbitraries produce small mutation descriptors, not page texts, so that a counterexample is
 * short and replays with its seed. Every property has a fixed seed: CI runs are reproducible.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Diagnostic, Diagnostics, decodePage, ingest } from "../../src/index.js";
import { checkDiagnostic, checkDocument, timed } from "./check-output.js";

// ---------------------------------------------------------------------------------------------
// The real pages, read at test time.

const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
const DOC_SETS = ["9.9.1", "latest", "9.7"];
/** Pages above this size (the 60 KB PDF chapter) are ingested less often: they cost ~10× more. */
const LARGE = 20_000;

interface RealPage {
  file: string;
  bytes: Uint8Array;
  text: string;
}

/**
 * Hand-written pages in the web layouts the doc sets lack (one cell per line, `-` bullets split
 * over lines, nested bullets, the PDF banner, leaked markup): small, in the same pool.
 */
const WEB_FIXTURES = "packages/ingest/test/fixtures/web";

const PAGES: RealPage[] = [...DOC_SETS.map((set) => `spec/sources/${set}`), WEB_FIXTURES].flatMap(
  (folder) =>
    readdirSync(`${REPO}${folder}`)
      .filter((name) => name !== "docset.yaml" && !name.startsWith("."))
      .sort()
      .map((name) => {
        const file = `${folder}/${name}`;
        const bytes = new Uint8Array(readFileSync(`${REPO}${file}`));
        return { file, bytes, text: decodePage(bytes, file, new Diagnostics()) };
      }),
);
const indexes = (keep: (p: RealPage) => boolean): number[] =>
  PAGES.flatMap((p, i) => (keep(p) ? [i] : []));
const SMALL = indexes((p) => p.bytes.length <= LARGE);
const LARGE_PAGES = indexes((p) => p.bytes.length > LARGE);
const WEB_PAGES = indexes((p) => p.file.startsWith(`${WEB_FIXTURES}/`));

/** Index of a real page; small pages 9 times as often as large ones. */
const pageIndex: fc.Arbitrary<number> = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...SMALL) },
  ...(LARGE_PAGES.length ? [{ weight: 1, arbitrary: fc.constantFrom(...LARGE_PAGES) }] : []),
);

// ---------------------------------------------------------------------------------------------
// Mutations: positions are naturals taken modulo the current size, so a descriptor applies to
// any page (and shrinks toward the start of the page).

/** Lines that mean something to the parsers, to be inserted where they do not belong. */
const STRUCTURAL = [
  "GET /cluster/jobs",
  "DELETE /security/azure-key-vaults/{uuid}",
  "POST /a/{b}/{c}",
  "POST /a/{b}/{b}",
  "GET /a/{b{c}/d}",
  "PATCH relative/{x",
  "Parameters",
  "Request Body",
  "Response",
  "Status: 200, Ok",
  "Status: 202, Accepted",
  "Status: Default",
  "Error",
  "ONTAP Error Response Codes",
  "Definitions",
  "See Definitions",
  "Example request",
  "Example response",
  "Example error",
  "Required properties",
  "Optional properties",
  "Related ONTAP commands",
  "Introduced In: 9.6",
  "Name Type In Required Description",
  "Name Type Description",
  "Error Code Description",
  "Name\tType\tIn\tRequired\tDescription",
  "Name\tType\tDescription",
  "uuid\tstring\tpath\tTrue\tThe UUID",
  "x\tarray[ y ]\tSee y",
  "| Name | Type | Description |",
  "|---|---|---|",
  "| name | string | a cell that never closes",
  "| x | a/b~c | d |",
  "```",
  "{",
  '{"records": [{"name": "x"',
  "}",
  "]",
  "# Heading",
  "**Bold**",
  "• Default value: 1",
  "• Max value: 9",
  "• enum: [a, b",
  "`name` - Description",
  "_links",
  "array[_links]",
  "job_link",
  "error",
  "string",
  "path",
  "True",
  "",
];

/** The web layouts' own structure, to be inserted where it does not belong. */
const WEB_STRUCTURAL = [
  "Name | Type | In | Required | Description |",
  "| Name | Type | Description | ",
  "---|---|---|",
  "Error Code | Description |",
  "uuid |",
  "string  | ",
  "path |",
  "True |",
  "||",
  "|",
  "  | ",
  "a description without its closing pipe",
  "-",
  "- ",
  "svm.uuid",
  "orsvm.name",
  "- Existing SVM. -",
  "svm.uuidorsvm.name- Existing SVM. - ",
  "size- 10 -",
  "Recommended optional properties",
  "Default property values",
  "  • name - The name.",
  "    • nested - Under the one above.",
  "      • deeper",
  "  1. A numbered item.",
  "- PDF of this doc site",
  "Creating your file...",
  "</private>",
  "See link:post-x(#-x-create)for more.",
  "[doc /x](#docs-x)",
  'GET "/api/x/?a=<b"',
  "POST /api/x/{y}",
  "enum",
  "  • Default value:",
  '"num_records": "1"',
];

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "drop"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number; times: number }
  | { kind: "swap"; a: number; b: number }
  | { kind: "insertText"; at: number; text: string }
  | { kind: "insertLine"; at: number; line: string }
  | { kind: "empty" }
  | { kind: "longLine"; at: number; pattern: string[]; length: number };

type ByteMutation = { at: number; bytes: Uint8Array };

const truncate = fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() });
const drop = fc.record({
  kind: fc.constant("drop" as const),
  at: fc.nat(),
  count: fc.integer({ min: 1, max: 40 }),
});
const duplicate = fc.record({
  kind: fc.constant("duplicate" as const),
  at: fc.nat(),
  count: fc.integer({ min: 1, max: 20 }),
  times: fc.integer({ min: 1, max: 4 }),
});
const swap = fc.record({ kind: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() });
const garbageText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\r",
      "\t",
      "\n",
      "\uFEFF",
      "\uFFFD",
      "|",
      "{",
      "}",
      "`",
      "#",
      "•",
      " ",
      "\\",
      "<",
      ">",
      "&",
      '"',
    ),
    maxLength: 40,
  }),
);
const insertText = fc.record({
  kind: fc.constant("insertText" as const),
  at: fc.nat(),
  text: garbageText,
});
const insertWebLine = fc.record({
  kind: fc.constant("insertLine" as const),
  at: fc.nat(),
  line: fc.constantFrom(...WEB_STRUCTURAL),
});
const insertLine = fc.record({
  kind: fc.constant("insertLine" as const),
  at: fc.nat(),
  line: fc.constantFrom(...STRUCTURAL),
});

/** Pieces of very long lines (a pattern of 1 to 6 pieces is repeated to 100k+ characters). */
const LONG_LINE_PIECES = [
  " ",
  "\t",
  "Error",
  "a",
  "x1 ",
  "name",
  "Name Type ",
  "x\t",
  "\ty",
  "|",
  "| a ",
  "---",
  "`",
  "**",
  "{",
  "}",
  "[",
  "]",
  '"',
  "\\",
  "\\_",
  "<li>",
  "</li>",
  "<code>",
  "&amp;",
  "&#x1F600;",
  "• ",
  "- ",
  "# ",
  "GET /x ",
  "Status: 200, ",
  "Error ",
  "é",
  "😀",
];
const longLine = fc.record({
  kind: fc.constant("longLine" as const),
  at: fc.nat(),
  pattern: fc.array(fc.constantFrom(...LONG_LINE_PIECES), { minLength: 1, maxLength: 6 }),
  length: fc.integer({ min: 100_000, max: 150_000 }),
});

/** Any mutation but a very long line; emptying and truncating rarer, as they end a page. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: drop },
  { weight: 4, arbitrary: duplicate },
  { weight: 4, arbitrary: swap },
  { weight: 4, arbitrary: insertText },
  { weight: 4, arbitrary: insertLine },
  { weight: 2, arbitrary: truncate },
  { weight: 1, arbitrary: fc.constant({ kind: "empty" as const }) },
);

const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({
  at: fc.nat(),
  bytes: fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 64 }),
    // Invalid UTF-8 on purpose: lone continuation bytes, truncated sequences, overlongs, NULs.
    fc
      .array(fc.constantFrom(0x00, 0x80, 0xbf, 0xc0, 0xc1, 0xe2, 0xf0, 0xf8, 0xff, 0x0d, 0x0a), {
        minLength: 1,
        maxLength: 16,
      })
      .map((a) => Uint8Array.from(a)),
  ),
});

function repeatTo(pattern: readonly string[], length: number): string {
  const unit = pattern.join("");
  return unit.repeat(Math.ceil(length / unit.length));
}

function applyMutation(text: string, m: Mutation): string {
  if (m.kind === "truncate") return text.slice(0, m.at % (text.length + 1));
  if (m.kind === "empty") return "";
  if (m.kind === "insertText") {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const lines = text.split("\n");
  const n = lines.length;
  switch (m.kind) {
    case "drop":
      lines.splice(m.at % n, m.count);
      break;
    case "duplicate": {
      const at = m.at % n;
      const block = lines.slice(at, at + m.count);
      for (let k = 0; k < m.times; k++) lines.splice(at, 0, ...block);
      break;
    }
    case "swap": {
      const a = m.a % n;
      const b = m.b % n;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      break;
    }
    case "insertLine":
      lines.splice(m.at % (n + 1), 0, m.line);
      break;
    case "longLine":
      lines.splice(m.at % (n + 1), 0, repeatTo(m.pattern, m.length));
      break;
  }
  return lines.join("\n");
}

function applyBytes(bytes: Uint8Array, muts: readonly ByteMutation[]): Uint8Array {
  let out = bytes;
  for (const m of muts) {
    const at = m.at % (out.length + 1);
    const next = new Uint8Array(out.length + m.bytes.length);
    next.set(out.subarray(0, at), 0);
    next.set(m.bytes, at);
    next.set(out.subarray(at), at + m.bytes.length);
    out = next;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One case: pages (mutated) → ingest → checks.

interface PageCase {
  page: number;
  mutations: Mutation[];
  /** When set, the mutated text is encoded to UTF-8, these bytes inserted, and decodePage run. */
  bytes?: ByteMutation[];
  borrowed?: boolean;
}

const pageCase = (opts: {
  mutations: fc.Arbitrary<Mutation[]>;
  bytes?: fc.Arbitrary<ByteMutation[] | undefined>;
  page?: fc.Arbitrary<number>;
}): fc.Arbitrary<PageCase> =>
  fc.record({
    page: opts.page ?? pageIndex,
    mutations: opts.mutations,
    bytes: opts.bytes ?? fc.constant(undefined),
    borrowed: fc.boolean(),
  });

const encoder = new TextEncoder();

/** Builds the inputs for `ingest`; files get a per-case prefix so that copies stay distinct. */
function buildPages(cases: readonly PageCase[]): {
  pages: { file: string; text: string; borrowedFrom?: string }[];
  decodeDiagnostics: Diagnostic[];
} {
  const decodeDiagnostics = new Diagnostics();
  const pages = cases.map((c, k) => {
    const real = PAGES[c.page]!;
    const file = cases.length > 1 ? `copy${k}/${real.file}` : real.file;
    let text = c.mutations.reduce(applyMutation, real.text);
    if (c.bytes)
      text = decodePage(applyBytes(encoder.encode(text), c.bytes), file, decodeDiagnostics);
    return { file, text, ...(c.borrowed ? { borrowedFrom: "9.7" } : {}) };
  });
  return { pages, decodeDiagnostics: decodeDiagnostics.items };
}

function checkCase(cases: readonly PageCase[]): void {
  const { pages, decodeDiagnostics } = buildPages(cases);
  const result = timed("ingest", () => ingest(pages, { docset: "fuzz" }));
  const operations = checkDocument(result.document);
  if (operations === 0 && result.diagnostics.length === 0)
    throw new Error("no operation and no diagnostic");
  const lineCount = new Map(pages.map((p) => [p.file, p.text.split("\n").length]));
  for (const d of [...decodeDiagnostics, ...result.diagnostics]) checkDiagnostic(d, lineCount);
}

// ---------------------------------------------------------------------------------------------
// The properties. numRuns add up to 10,000+; seeds are fixed.

const one = (arb: fc.Arbitrary<PageCase>): fc.Arbitrary<PageCase[]> => arb.map((c) => [c]);
const someOf = <T>(arb: fc.Arbitrary<T>, max: number): fc.Arbitrary<T[]> =>
  fc.array(arb, { minLength: 1, maxLength: max });

const PROPERTIES: {
  name: string;
  seed: number;
  numRuns: number;
  cases: fc.Arbitrary<PageCase[]>;
}[] = [
  {
    name: "truncated at any offset",
    seed: 0x1001,
    numRuns: 1400,
    cases: one(pageCase({ mutations: truncate.map((m) => [m]) })),
  },
  {
    name: "lines dropped",
    seed: 0x1002,
    numRuns: 1200,
    cases: one(pageCase({ mutations: someOf(drop, 4) })),
  },
  {
    name: "lines duplicated",
    seed: 0x1003,
    numRuns: 1000,
    cases: one(pageCase({ mutations: someOf(duplicate, 4) })),
  },
  {
    name: "lines swapped",
    seed: 0x1004,
    numRuns: 800,
    cases: one(pageCase({ mutations: someOf(swap, 8) })),
  },
  {
    name: "web layouts: their structure inserted, lines cut, dropped, duplicated, swapped",
    seed: 0x100b,
    numRuns: 500,
    cases: one(
      pageCase({
        page: fc.constantFrom(...WEB_PAGES),
        mutations: someOf(
          fc.oneof(
            { weight: 4, arbitrary: insertWebLine },
            { weight: 1, arbitrary: drop },
            { weight: 1, arbitrary: duplicate },
            { weight: 1, arbitrary: swap },
            { weight: 1, arbitrary: truncate },
          ),
          8,
        ),
      }),
    ),
  },
  {
    name: "garbage text and structural lines inserted",
    seed: 0x1005,
    numRuns: 1200,
    cases: one(pageCase({ mutations: someOf(fc.oneof(insertText, insertLine), 8) })),
  },
  {
    name: "binary bytes inserted, decoded with decodePage",
    seed: 0x1006,
    numRuns: 1200,
    cases: one(pageCase({ mutations: fc.constant([]), bytes: someOf(byteMutation, 6) })),
  },
  {
    name: "empty, blank and binary-only files",
    seed: 0x1007,
    numRuns: 300,
    cases: one(
      pageCase({
        mutations: fc.oneof(
          fc.constant<Mutation[]>([{ kind: "empty" }]),
          fc
            .string({
              unit: fc.constantFrom(" ", "\t", "\n", "\r", "\uFEFF", "\u0000"),
              maxLength: 20,
            })
            .map((s): Mutation[] => [{ kind: "empty" }, { kind: "insertText", at: 0, text: s }]),
        ),
        bytes: fc.option(someOf(byteMutation, 3), { nil: undefined }),
      }),
    ),
  },
  {
    name: "very long lines (>= 100k characters)",
    seed: 0x1008,
    numRuns: 200,
    cases: one(
      pageCase({
        mutations: fc
          .tuple(longLine, fc.array(mutation, { maxLength: 2 }))
          .map(([l, ms]) => [l, ...ms]),
      }),
    ),
  },
  {
    name: "mutations combined",
    seed: 0x1009,
    numRuns: 1600,
    cases: one(
      pageCase({
        mutations: someOf(mutation, 10),
        bytes: fc.option(someOf(byteMutation, 4), { nil: undefined, freq: 3 }),
      }),
    ),
  },
  {
    name: "several mutated pages as one doc set",
    seed: 0x100a,
    numRuns: 700,
    cases: fc.array(
      pageCase({
        mutations: fc.array(mutation, { maxLength: 6 }),
        bytes: fc.option(someOf(byteMutation, 3), { nil: undefined, freq: 4 }),
      }),
      { minLength: 2, maxLength: 5 },
    ),
  },
];

describe("ingest under fuzzed real pages", () => {
  it("has real pages to fuzz, small and large", () => {
    expect(SMALL.length).toBeGreaterThan(0);
    expect(WEB_PAGES.length).toBeGreaterThan(0);
    expect(LARGE_PAGES.length).toBeGreaterThan(0);
    expect([...SMALL, ...LARGE_PAGES].sort()).toEqual(PAGES.map((_, i) => i));
    expect(PROPERTIES.reduce((n, p) => n + p.numRuns, 0)).toBeGreaterThanOrEqual(10_000);
  });

  it("the unmutated doc set passes the checks", () => {
    checkCase(PAGES.map((_, page) => ({ page, mutations: [] })));
  });

  it.each(PROPERTIES)(
    "$name: no throw, < 2 s, valid document or a diagnostic, diagnostics in the page",
    ({ seed, numRuns, cases }) => {
      fc.assert(fc.property(cases, checkCase), { seed, numRuns });
    },
    120_000,
  );
});
