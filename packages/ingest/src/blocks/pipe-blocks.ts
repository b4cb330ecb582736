import type { Block } from "../types.js";
import { isDashMarker, readDashList } from "./dash-list.js";
import { pushLineBlocks, readJsonLines } from "./line-blocks.js";
import { isPipeHeaderAt, readPipeTable } from "./pipe-table.js";

/**
 * The web page as pipe tables (see `readPipeTable` for the layouts of their rows) and lists
 * of `-` bullets split over lines (`readDashList`); JSON examples are the lines from an opening
 * bracket to the matching closing one; the other lines are read as in every rendering
 * (`pushLineBlocks`).
 */
export function pipeBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length;) {
    const raw = lines[i] ?? "";
    if (isPipeHeaderAt(lines, i)) {
      const { table, next } = readPipeTable(lines, i);
      if (table) blocks.push(table);
      i = Math.max(next, i + 2);
      continue;
    }
    const t = raw.trim();
    if (t.startsWith("{") || t === "[" || t.startsWith("[{")) {
      // An example, printed as lines (as in the text rendering).
      const next = readJsonLines(lines, i);
      blocks.push({ kind: "code", text: lines.slice(i, next).join("\n"), line: i + 1 });
      i = Math.max(next, i + 1);
      continue;
    }
    if (isDashMarker(raw)) {
      const { bullets, next } = readDashList(lines, i);
      for (const b of bullets) blocks.push(b);
      i = next;
      continue;
    }
    pushLineBlocks(blocks, raw, i + 1);
    i++;
  }
  return blocks;
}
