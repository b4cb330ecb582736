import type { Block, Row } from "../types.js";
import { cleanName, splitCell } from "./cell-text.js";
import { pushLineBlocks } from "./line-blocks.js";
import { METHOD_LINE, STATUS_LINE, mayBeHeader, parseHeader } from "./vocabulary.js";

const FENCE = /^\s*```/;
const HEADING = /^#{1,6}\s/;
const BOLD_LINE = /^\*\*(.+?)\*\*\s*(.*)$/;
const HASH = 0x23;

/** `FENCE.test`, tried only on lines that hold three backticks. */
function isFence(line: string): boolean {
  return line.includes("```") && FENCE.test(line);
}

/**
 * Markdown converted from the PDF. Tables are tab-separated and repeat their header after a
 * page break: a header equal to the open table's, with nothing but blank lines between,
 * continues that table. Code fences can wrap a single structural line (`DELETE /x`), which is
 * read as that line.
 */
export function pdfBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let table: Extract<Block, { kind: "table" }> | undefined;
  let tableOpen = false; // only blank lines since the last row or header

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const lineNo = i + 1;
    // Cheap character tests before each regex: this loop sees every line of a PDF chapter.
    if (isFence(raw)) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !isFence(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
      const text = body.join("\n");
      const content = text.trim();
      tableOpen = false;
      if (!content) continue;
      if (!content.includes("\n") && (METHOD_LINE.test(content) || STATUS_LINE.test(content))) {
        pushLineBlocks(blocks, content, start + 2);
      } else {
        blocks.push({ kind: "code", text, line: start + 2 });
      }
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed === "---") continue;

    // Only a possible header or a row of an open table needs the cells.
    if (raw.includes("\t") && (mayBeHeader(raw) || (table && tableOpen))) {
      const cells = raw.split("\t");
      // Cleaning every cell of every row only to test for a header costs; test the start first.
      const header = mayBeHeader(raw)
        ? parseHeader(cells.map(cleanName).filter((c, k) => c !== "" || k < cells.length - 1))
        : undefined;
      if (header) {
        if (table && tableOpen && sameHeader(table.header, header)) continue; // page break repeat
        table = { kind: "table", header, rows: [], line: lineNo, endLine: lineNo };
        blocks.push(table);
        tableOpen = true;
        continue;
      }
      if (table && tableOpen) {
        table.rows.push(pdfRow(cells, table.header.length, lineNo));
        table.endLine = lineNo;
        continue;
      }
    }
    tableOpen = false;
    if (raw.charCodeAt(0) === HASH && HEADING.test(raw)) {
      pushLineBlocks(blocks, stripBold(headingText(raw)), lineNo, true);
      continue;
    }
    const bold = trimmed.startsWith("**") ? BOLD_LINE.exec(trimmed) : null;
    if (bold) {
      const rest = bold[2] ?? "";
      pushLineBlocks(blocks, rest ? `${bold[1]} ${rest}` : (bold[1] ?? ""), lineNo, !rest);
      continue;
    }
    pushLineBlocks(blocks, raw, lineNo);
  }
  return blocks;
}

function pdfRow(cells: string[], width: number, line: number): Row {
  const out: string[] = [];
  const notes: string[] = [];
  for (let k = 0; k < width; k++) {
    // Extra cells (a stray tab) belong to the last column.
    const raw = k === width - 1 ? cells.slice(k).join(" ") : (cells[k] ?? "");
    if (k === 0) out.push(cleanName(raw));
    else {
      const { text, notes: cellNotes } = splitCell(raw);
      out.push(text);
      for (const note of cellNotes) notes.push(note);
    }
  }
  return { cells: out, line, notes };
}

/** `## Title ##` → `Title`, by hand: a regex for it backtracks on long runs of spaces. */
function headingText(raw: string): string {
  let text = raw.trim().replace(/^#+/, "");
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  text = text.slice(0, end);
  return text.trim();
}

function stripBold(text: string): string {
  return text.replace(/\*\*/g, "");
}

function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, k) => c === b[k]);
}
