import type { Block } from "../types.js";
import { pushLineBlocks, readJsonLines } from "./line-blocks.js";
import { readTextTable } from "./text-table.js";
import { parseHeader } from "./vocabulary.js";

/**
 * The web page saved as text: one paragraph per heading, line or table cell. Tables start at
 * a header line (`Name Type Description`) and are rebuilt cell by cell; JSON examples are the
 * lines from an opening bracket to the matching closing one. A bullet indented deeper than the
 * first of its list is `nested`.
 */
export function textBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let listIndent = -1; // indentation of the first bullet of the list being read
  for (let i = 0; i < lines.length;) {
    const raw = lines[i] ?? "";
    const t = raw.trim();
    if (!t) {
      i++;
      continue;
    }
    if (t.startsWith("{") || t.startsWith("[")) {
      listIndent = -1;
      const next = readJsonLines(lines, i);
      blocks.push({ kind: "code", text: lines.slice(i, next).join("\n"), line: i + 1 });
      i = Math.max(next, i + 1);
      continue;
    }
    const header = parseHeader(t);
    if (header) {
      listIndent = -1;
      const { rows, next } = readTextTable(lines, i + 1, header);
      const endLine = rows.length ? rows[rows.length - 1]!.line : i + 1;
      blocks.push({ kind: "table", header, rows, line: i + 1, endLine });
      i = Math.max(next, i + 1);
      continue;
    }
    const before = blocks.length;
    pushLineBlocks(blocks, raw, i + 1);
    const added = blocks[blocks.length - 1];
    if (blocks.length > before && added?.kind === "bullet") {
      // A bullet indented deeper than the first of its list is nested under the one above
      // it (`  • ip or subnet` / `    • ip.address - …`): it qualifies that bullet.
      const indent = raw.search(/\S/);
      if (listIndent < 0) listIndent = indent;
      else if (indent > listIndent) added.nested = true;
    } else if (blocks.length > before) listIndent = -1;
    i++;
  }
  return blocks;
}
