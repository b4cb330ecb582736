import type { Block } from "../types.js";
import { isDashMarker, readDashList } from "./dash-list.js";
import { pushLineBlocks } from "./line-blocks.js";
import { isPipeHeaderAt, readPipeTable } from "./pipe-table.js";

/**
 * The web page as pipe tables (see `readPipeTable` for the layouts of their rows) and lists
 * of `-` bullets split over lines (`readDashList`); the other lines are read as in every
 * rendering (`pushLineBlocks`).
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
