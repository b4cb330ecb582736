import type { Block } from "../types.js";
import { pushLineBlocks } from "./line-blocks.js";
import { isPipeHeaderAt, readPipeTable } from "./pipe-table.js";

/**
 * The web page as pipe tables (see `readPipeTable` for the layouts of their rows); the other
 * lines are read as in every rendering (`pushLineBlocks`).
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
    pushLineBlocks(blocks, raw, i + 1);
    i++;
  }
  return blocks;
}
