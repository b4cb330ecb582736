import type { Block, Row } from "../types.js";
import { cleanName, splitCell } from "./cell-text.js";
import { METHOD_LINE, STATUS_LINE, isChrome, isSectionTitle, parseHeader } from "./vocabulary.js";

/** `|---|---|`, or `---|---|` without the leading `|` (some saved pages print it so). */
export const PIPE_SEPARATOR = /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*$/;

/** A cell (or a classic row) runs over at most this many lines: a broken one cannot eat the page. */
const MAX_LINES = 50;

/** What a Type cell holds: `string`, `array[svm]`, `_links`; anything with spaces is prose. */
const TYPE_LIKE = /^(array\s*\[.*\]|[A-Za-z_][\w.\-]*)$/;

type Table = Extract<Block, { kind: "table" }>;

export function isPipeSeparator(line: string): boolean {
  return line.includes("|") && line.includes("---") && PIPE_SEPARATOR.test(line);
}

/** A table header: a line with pipes right above a separator line. */
export function isPipeHeaderAt(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? "";
  return line.includes("|") && !isPipeSeparator(line) && isPipeSeparator(lines[i + 1] ?? "");
}

/**
 * Reads the pipe table whose header is at `start` (the separator is the line after). The web
 * site's pages print the rows in two ways, sometimes both in one table:
 * - classic rows, `| a | b | c |`, a row over several lines when a cell holds a line break;
 * - one cell per line, each closed by `|` (`uuid |`, `string |`), two empty cells as `||`, a
 *   cell whose text goes over several lines closed by a `|` on a later line (often alone).
 * A row of cells ends when the header's columns are filled; a cell that reads as prose where
 * the type belongs is the description of a row that lost its type (object-typed rows print
 * `svm |` / `SVM, applies … |`, sometimes followed by the empty cell the type left).
 * The table ends at a blank line, the next header, a line that is the page's structure
 * (`Response`, `Status: 200`, an example), or a line no closing `|` follows.
 */
export function readPipeTable(
  lines: readonly string[],
  start: number,
): { table: Table | undefined; next: number } {
  const headerCells = cellsOf((lines[start] ?? "").trim());
  const header = parseHeader(headerCells.map(cleanName));
  const width = header?.length ?? headerCells.length;
  const descriptionLast = header?.[header.length - 1] === "Description";
  const rows: Row[] = [];
  let row: { cells: string[]; line: number } | undefined;
  /** The open row took a prose cell as its description: an empty cell next is the lost type's. */
  let lostType = false;

  const finishRow = (): void => {
    if (row) rows.push(toRow(row.cells, width, row.line));
    row = undefined;
    lostType = false;
  };
  const addCell = (text: string, line: number): void => {
    if (lostType) {
      finishRow();
      if (text === "") return;
    }
    if (!row) row = { cells: [], line };
    const column = header?.[row.cells.length];
    if (
      column === "Type" &&
      descriptionLast &&
      width === 3 &&
      text !== "" &&
      !TYPE_LIKE.test(text)
    ) {
      row.cells.push("", text);
      lostType = true;
      return;
    }
    row.cells.push(text);
    if (row.cells.length >= width) finishRow();
  };
  const atRowStart = (): boolean => !row || lostType;

  let i = start + 2;
  let pending: string[] = [];
  let pendingLine = 0;
  const flushPending = (): void => {
    if (pending.length) addCell(cleanCell(pending.join(" ")), pendingLine);
    pending = [];
  };

  while (i < lines.length) {
    const raw = lines[i] ?? "";
    const t = raw.trim();
    if (t === "" || isPipeSeparator(raw) || isPipeHeaderAt(lines, i)) break;
    if (t.charCodeAt(0) === PIPE && !ONLY_PIPES.test(t)) {
      // A classic row: `| a | b | c |`, joined with the lines it runs over until it closes.
      flushPending();
      finishRow();
      const first = i;
      let text = t;
      i++;
      while (
        !text.endsWith("|") &&
        i < lines.length &&
        i - first < MAX_LINES &&
        !isPipeSeparator(lines[i] ?? "")
      ) {
        text += " " + (lines[i] ?? "").trim();
        i++;
      }
      rows.push(toRow(cellsOf(text), width, first + 1));
      continue;
    }
    if (t.endsWith("|")) {
      if (!pending.length) pendingLine = i + 1;
      pending.push(t);
      const segments = splitCells(pending.join(" "));
      pending = [];
      // The segment after the closing `|` is empty; the others are cells. A description
      // holding a `|` (`[asc|desc]`) gives one segment too many: it stays in the last column.
      segments.pop();
      const room = row && !lostType ? width - row.cells.length : width;
      if (descriptionLast && segments.length > room && room > 0) {
        const tail = segments.splice(room - 1).join("|");
        segments.push(tail);
      }
      for (const s of segments) addCell(cleanCell(s), pendingLine);
      i++;
      continue;
    }
    // A line without a closing `|`: part of a cell that a later line closes, or past the table.
    if ((atRowStart() && !pending.length) || isStructure(t) || !closesSoon(lines, i)) break;
    if (!pending.length) pendingLine = i + 1;
    pending.push(t);
    i++;
  }
  flushPending();
  finishRow();
  if (!header) return { table: undefined, next: i };
  const endLine = rows.length ? rows[rows.length - 1]!.line : start + 1;
  return { table: { kind: "table", header, rows, line: start + 1, endLine }, next: i };
}

const PIPE = 0x7c;
const ONLY_PIPES = /^[|\s]*$/;

/** Lines that are the page's own structure, never the text of a cell. */
function isStructure(t: string): boolean {
  return (
    isSectionTitle(t) ||
    isChrome(t) ||
    STATUS_LINE.test(t) ||
    METHOD_LINE.test(t) ||
    t.startsWith("{") ||
    t === "["
  );
}

/** A line ending with `|` follows soon, before anything that ends a table. */
function closesSoon(lines: readonly string[], i: number): boolean {
  for (let k = i + 1; k < lines.length && k - i <= MAX_LINES; k++) {
    const t = (lines[k] ?? "").trim();
    if (t === "" || isPipeSeparator(t) || isPipeHeaderAt(lines, k) || isStructure(t)) return false;
    if (t.endsWith("|")) return true;
  }
  return false;
}

function cleanCell(raw: string): string {
  return raw.trim();
}

/** Splits on `|` that are not escaped (`\|`). */
function splitCells(text: string): string[] {
  return text.split(/(?<!\\)\|/);
}

/** The cells of a classic row or a header: `| a | b |` or `a | b |`. */
export function cellsOf(row: string): string[] {
  const inner = row.replace(/^\|/, "").replace(/\|\s*$/, "");
  return splitCells(inner).map((c) => c.trim());
}

function toRow(cells: readonly string[], width: number, line: number): Row {
  const out: string[] = [];
  const notes: string[] = [];
  for (let k = 0; k < width; k++) {
    // Extra cells (a `|` inside a description) belong to the last column.
    const raw = k === width - 1 ? cells.slice(k).join(" ") : (cells[k] ?? "");
    if (k === 0) out.push(cleanName(raw));
    else {
      const cell = splitCell(raw);
      out.push(cell.text);
      for (const note of cell.notes) notes.push(note);
    }
  }
  return { cells: out, line, notes };
}
