import type { Block, Row } from "../types.js";
import { cleanName, splitCell } from "./cell-text.js";
import { pushLineBlocks } from "./line-blocks.js";
import { parseHeader } from "./vocabulary.js";

const SEPARATOR = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;

/**
 * The web page as pipe tables. A row may run over several lines (a cell with a line break
 * ends the line without its closing `|`); lines are joined until the row closes.
 */
export function pipeBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length;) {
    const raw = lines[i] ?? "";
    const t = raw.trim();
    if (t.startsWith("|") && SEPARATOR.test(lines[i + 1] ?? "")) {
      const headerCells = cellsOf(t);
      const header = parseHeader(headerCells.map(cleanName));
      const line = i + 1;
      i += 2;
      const rows: Row[] = [];
      while (i < lines.length && (lines[i] ?? "").trim().startsWith("|")) {
        const start = i;
        let text = (lines[i] ?? "").trim();
        i++;
        // A row closes with `|`; a bounded look-ahead keeps a broken row from eating the page.
        while (
          !text.endsWith("|") &&
          i < lines.length &&
          i - start < 50 &&
          !SEPARATOR.test(lines[i] ?? "")
        ) {
          text += " " + (lines[i] ?? "").trim();
          i++;
        }
        const width = header?.length ?? headerCells.length;
        rows.push(pipeRow(cellsOf(text), width, start + 1));
      }
      if (header)
        blocks.push({
          kind: "table",
          header,
          rows,
          line,
          endLine: rows.length ? rows[rows.length - 1]!.line : line,
        });
      continue;
    }
    pushLineBlocks(blocks, raw, i + 1);
    i++;
  }
  return blocks;
}

function cellsOf(row: string): string[] {
  const inner = row.replace(/^\|/, "").replace(/\|\s*$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

function pipeRow(cells: string[], width: number, line: number): Row {
  const out: string[] = [];
  const notes: string[] = [];
  for (let k = 0; k < width; k++) {
    const raw = k === width - 1 ? cells.slice(k).join(" ") : (cells[k] ?? "");
    if (k === 0) out.push(cleanName(raw));
    else {
      const cell = splitCell(raw);
      out.push(cell.text);
      notes.push(...cell.notes);
    }
  }
  return { cells: out, line, notes };
}
