/**
 * Asciidoctor.js as the oracle of our AsciiDoc table reader: on every page of NetApp's AsciiDoc
 * source in the corpus (../shared/ontap-docs/corpus/adoc, never copied into the repository),
 * Asciidoctor parses the page, and every table it finds (in document order) must be a table
 * `readAdocTable` reads at the same line, with the same columns, the same header, and the same
 * cells (text, style, line), cell by cell.
 *
 * Where a strict AsciiDoc reader and NetApp's meaning part (the pages' traps, see
 * ../shared/ontap-docs/README.md), the test allows a departure only of a known kind, only
 * where its cause is in the page, and counts each kind against an independent count of its
 * cause in the text, so that a new kind of disagreement fails:
 * - `pipe in a| cell`: an unescaped `|` in an `a|` description (`[asc|desc]`): Asciidoctor
 *   starts a new cell there, we keep one description;
 * - `incomplete last row`: cells after the last whole row, which Asciidoctor drops ("dropping
 *   cells from incomplete row") and we keep; caused by such a split, or by the stray empty
 *   cells of error-code tables (`| code | text |`);
 * - `comment in cell`: a `//` line comment inside a cell, which Asciidoctor keeps in the
 *   cell's source (an `a|` cell is a document of its own) and we drop.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { LoggerManager, MemoryLogger, load } from "@asciidoctor/core";
import { beforeAll, describe, expect, test } from "vitest";
import { skipFrontMatter } from "../../src/blocks/adoc-blocks.js";
import {
  type AdocCell,
  type AdocTable,
  isTableDelimiter,
  readAdocTable,
} from "../../src/blocks/adoc-table.js";
import { ROOT } from "../helpers.js";

const CORPUS = join(ROOT, "../shared/ontap-docs/corpus/adoc");
const PRESENT = existsSync(CORPUS);

/** What the oracle tells of one cell (Asciidoctor's `Table.Cell`). */
interface OracleCell {
  source: string;
  style: string;
  line: number;
}
interface OracleTable {
  /** 1-based line of the opening `|===`. */
  line: number;
  cols: number;
  head: OracleCell[];
  cells: OracleCell[];
}

type Kind = "pipe in a| cell" | "incomplete last row" | "comment in cell";

interface Departure {
  kind: Kind;
  where: string;
}

// Asciidoctor's own log (level-0 sections, dropped cells, duplicate ids) is about the pages,
// which it reads as a strict reader: kept in memory, not printed into the test output.
LoggerManager.setLogger(new MemoryLogger());

/** Asciidoctor's tables of a page, in document order. */
async function oracleTables(text: string): Promise<OracleTable[]> {
  const lines = text.split("\n");
  const doc = await load(text, {
    safe: "secure",
    sourcemap: true,
    attributes: { "skip-front-matter": "" },
  });
  // Casts: the typings of 4.1 leave the table model (`rows`, cells' `source()`) untyped.
  const tables = (await doc.findBy({ context: "table" })) as unknown as any[];
  return tables.map((t) => {
    // The block's line is that of its attribute line or title when it has one.
    let open = t.getLineNumber() - 1;
    while (open < lines.length && !isTableDelimiter(lines[open] ?? "")) open++;
    const cell = (c: any): OracleCell => ({
      source: String(c.source() ?? ""),
      style: c.style === "asciidoc" ? "a" : "",
      line: c.lineno,
    });
    return {
      line: open + 1,
      cols: Number(t.getAttributes().colcount),
      head: t.rows.head.flat().map(cell),
      cells: [...t.rows.body, ...t.rows.foot].flat().map(cell),
    };
  });
}

/**
 * Our tables of a page, found as the reading does: front matter skipped, listings (`----`,
 * fences, literal and comment blocks) skipped, each `|===` read with the attribute line before
 * it. (adocBlocks reads no more than this, and turns the cells into rows.)
 */
function ourTables(lines: readonly string[]): AdocTable[] {
  const out: AdocTable[] = [];
  let i = skipFrontMatter(lines);
  while (i < lines.length) {
    const raw = lines[i] ?? "";
    if (isTableDelimiter(raw)) {
      const previous = (lines[i - 1] ?? "").trim();
      const table = readAdocTable(lines, i, previous.startsWith("[") ? previous : undefined);
      out.push(table);
      i = table.next;
      continue;
    }
    // Delimiters start at the line's start: an indented ```` ``` ```` is a literal paragraph.
    const t = raw.trimEnd();
    const close = /^(?:-{4,}|\.{4,}|\/{4,})$/.test(t) ? t : /^`{3}[\w-]*$/.test(t) ? "```" : "";
    if (close) {
      let k = i + 1;
      while (k < lines.length && (lines[k] ?? "").trim() !== close) k++;
      i = k + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** Whitespace is layout, not content: runs of it are one space. */
const norm = (s: string): string => s.replace(/\s+/g, " ").trim();
const withoutComments = (s: string): string =>
  s
    .split("\n")
    .filter((l) => !(l.startsWith("//") && !l.startsWith("////")))
    .join("\n");
/**
 * The same line, as far as Asciidoctor tells it: Asciidoctor.js 4.1 counts a cell's line from
 * where it began buffering and loses the comment and blank lines it skipped (after a
 * `//header` comment, every later cell of the table is given a line a few too early). So its
 * line must be in the table and not after ours; texts are compared in order, exactly.
 */
function sameLine(tableLine: number, ours: number, theirs: number): boolean {
  return theirs <= ours && theirs > tableLine;
}

/**
 * Compares our cells with the oracle's, in order. Returns the departures of known kinds and
 * the disagreements no kind explains.
 */
function compareCells(
  tableLine: number,
  where: string,
  ours: readonly AdocCell[],
  theirs: readonly OracleCell[],
  cols: number,
  errorTable: boolean,
): { departures: Departure[]; problems: string[] } {
  const departures: Departure[] = [];
  const problems: string[] = [];
  let i = 0;
  let j = 0;
  let split = false;
  const same = (a: AdocCell, b: OracleCell): boolean =>
    norm(a.text) === norm(b.source) && a.style === b.style && sameLine(tableLine, a.line, b.line);
  while (i < ours.length && j < theirs.length) {
    const a = ours[i]!;
    const b = theirs[j]!;
    if (same(a, b)) {
      i++;
      j++;
      continue;
    }
    // An a| cell holding a `|`: the oracle's cells from here, joined by `|`, are our cell.
    if (
      a.style === "a" &&
      a.text.includes("|") &&
      b.style === "a" &&
      sameLine(tableLine, a.line, b.line)
    ) {
      let joined = b.source;
      let k = j + 1;
      while (k < theirs.length && norm(joined) !== norm(a.text) && joined.length < a.text.length)
        joined += "|" + theirs[k++]!.source;
      const whole = norm(joined) === norm(a.text);
      // The cells the split adds can leave an incomplete last row, whose cells Asciidoctor
      // drops: the rest of our cell is then nowhere in its table.
      const cut = !whole && k === theirs.length && norm(a.text).startsWith(norm(joined) + "|");
      if ((whole && k > j + 1) || cut) {
        departures.push({ kind: "pipe in a| cell", where: `${where}:${a.line}` });
        if (cut) departures.push({ kind: "incomplete last row", where: `${where}:${a.line}` });
        split = true;
        i++;
        j = k;
        continue;
      }
    }
    if (
      sameLine(tableLine, a.line, b.line) &&
      a.style === b.style &&
      norm(a.text) === norm(withoutComments(b.source)) &&
      b.source.includes("//")
    ) {
      departures.push({ kind: "comment in cell", where: `${where}:${a.line}` });
      i++;
      j++;
      continue;
    }
    problems.push(
      `${where}:${a.line}: we read ${JSON.stringify(a.text.slice(0, 80))} (${a.style || "plain"}), ` +
        `Asciidoctor ${JSON.stringify(b.source.slice(0, 80))} (${b.style || "plain"}) at line ${b.line}`,
    );
    return { departures, problems };
  }
  if (j < theirs.length)
    problems.push(`${where}: Asciidoctor has ${theirs.length - j} cells more than we read`);
  const rest = ours.length - i;
  if (rest > 0) {
    // Asciidoctor drops the cells of an incomplete last row; allowed only when a known trap
    // made the row incomplete.
    const straysOnly = errorTable && ours.some((c) => c.text === "");
    if (rest < cols && (split || straysOnly))
      departures.push({ kind: "incomplete last row", where: `${where}:${ours[i]!.line}` });
    else problems.push(`${where}:${ours[i]!.line}: ${rest} cells we read, Asciidoctor does not`);
  }
  return { departures, problems };
}

/** Unescaped `|` on a table's `a|` lines: each makes one more cell for a strict reader. */
function pipesInACells(lines: readonly string[], table: AdocTable): number {
  let n = 0;
  for (let k = table.line; k < table.endLine - 1; k++) {
    const l = lines[k] ?? "";
    if (l.startsWith("a|")) n += (l.slice(2).match(/(?<!\\)\|/g) ?? []).length;
  }
  return n;
}

/** `a|` lines holding an unescaped `|`: each is one `pipe in a| cell` departure. */
const splitLines = (lines: readonly string[], table: AdocTable): number =>
  lines
    .slice(table.line, table.endLine - 1)
    .filter((l) => l.startsWith("a|") && /(?<!\\)\|/.test(l.slice(2))).length;

interface PageResult {
  file: string;
  tables: number;
  cells: number;
  departures: Departure[];
  problems: string[];
  pipes: number;
  /** Tables a strict reader finds with an incomplete last row (our cells and its splits). */
  incomplete: number;
  tablesWithComments: number;
}

async function comparePage(file: string): Promise<PageResult> {
  const text = readFileSync(join(CORPUS, file), "utf8");
  const lines = text.split("\n");
  const theirs = await oracleTables(text);
  const ours = ourTables(lines);
  const result: PageResult = {
    file,
    tables: theirs.length,
    cells: 0,
    departures: [],
    problems: [],
    pipes: ours.reduce((n, t) => n + splitLines(lines, t), 0),
    incomplete: ours.filter((t) => (t.rows.flat().length + pipesInACells(lines, t)) % t.cols !== 0)
      .length,
    tablesWithComments: ours.filter((t) =>
      lines.slice(t.line, t.endLine - 1).some((l) => l.startsWith("//")),
    ).length,
  };
  const ourLines = ours.map((t) => t.line);
  const theirLines = theirs.map((t) => t.line);
  if (ourLines.join() !== theirLines.join()) {
    result.problems.push(
      `${file}: tables at lines ${ourLines.join(", ")}; Asciidoctor: ${theirLines.join(", ")}`,
    );
    return result;
  }
  ours.forEach((our, n) => {
    const their = theirs[n]!;
    const where = `${file}:${our.line}`;
    if (our.cols !== their.cols)
      result.problems.push(`${where}: ${our.cols} columns, Asciidoctor ${their.cols}`);
    const head = our.header ?? [];
    const headCompared = compareCells(our.line, where, head, their.head, our.cols, false);
    if (head.length !== their.head.length || headCompared.departures.length > 0)
      result.problems.push(
        `${where}: header ${JSON.stringify(head.map((c) => c.text))}, ` +
          `Asciidoctor ${JSON.stringify(their.head.map((c) => c.source))}`,
      );
    result.problems.push(...headCompared.problems);
    const errorTable = /^error code$/i.test(norm(head[0]?.text ?? ""));
    const cells = our.rows.flat();
    const body = compareCells(our.line, where, cells, their.cells, our.cols, errorTable);
    result.departures.push(...body.departures);
    result.problems.push(...body.problems);
    result.cells += head.length + cells.length;
  });
  return result;
}

describe.skipIf(!PRESENT)(
  PRESENT
    ? "readAdocTable against Asciidoctor.js on every AsciiDoc page of the corpus"
    : `AsciiDoc oracle skipped: ${CORPUS} is absent`,
  () => {
    const files = PRESENT ? readdirSync(CORPUS).filter((f) => f.endsWith(".adoc")) : [];
    files.sort();
    const results: PageResult[] = [];

    beforeAll(async () => {
      for (const file of files) results.push(await comparePage(file));
    }, 180_000);

    test("the corpus has pages, tables and cells", () => {
      expect(files.length).toBeGreaterThan(0);
      expect(results.reduce((n, r) => n + r.tables, 0)).toBeGreaterThan(files.length);
    });

    test("every table at the same line, with the same columns, header and cells", () => {
      expect(results.flatMap((r) => r.problems)).toEqual([]);
    });

    test("departures only of the known kinds, each where its cause is in the page", () => {
      const departures = results.flatMap((r) => r.departures);
      const count = (kind: Kind): number => departures.filter((d) => d.kind === kind).length;
      const pipes = results.reduce((n, r) => n + r.pipes, 0);
      const cells = results.reduce((n, r) => n + r.cells, 0);
      const tables = results.reduce((n, r) => n + r.tables, 0);
      const commented = results.reduce((n, r) => n + r.tablesWithComments, 0);
      console.log(
        `AsciiDoc oracle: ${files.length} pages, ${tables} tables (${commented} with // comments), ` +
          `${cells} cells; departures: ${count("pipe in a| cell")} pipe in a| cell, ` +
          `${count("incomplete last row")} incomplete last row, ${count("comment in cell")} comment in cell`,
      );
      // Every unescaped `|` on an `a|` line is one departure, and no departure has another cause.
      expect(count("pipe in a| cell")).toBe(pipes);
      // Each table whose cells and splits leave a strict reader an incomplete last row is one
      // departure (Asciidoctor drops the row).
      expect(count("incomplete last row")).toBe(results.reduce((n, r) => n + r.incomplete, 0));
      const keys = departures.map((d) => `${d.kind} ${d.where}`);
      expect(new Set(keys).size).toBe(keys.length);
      // The comments the pages hold inside tables are read alike (no cell of ours keeps one).
      expect(commented).toBeGreaterThan(0);
    });
  },
);
