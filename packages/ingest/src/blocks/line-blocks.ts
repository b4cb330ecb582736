import type { Block } from "../types.js";
import { cleanText } from "./cell-text.js";
import { isChrome, splitGluedHeadings } from "./vocabulary.js";

const BULLET = /^\s*(?:[-*+]\s+|•\s*)(.*)$/;

/**
 * The blocks of one plain line, shared by every rendering: chrome is dropped, bullets are
 * bullets, glued headings are pulled apart. The blocks go straight into `out`: the block
 * builders call this once per line of a page, and a fresh array per line, spread into
 * theirs, was a measurable share of the garbage.
 */
export function pushLineBlocks(out: Block[], raw: string, line: number, heading = false): void {
  const bullet = BULLET.exec(raw);
  if (bullet && !heading) {
    const text = cleanText(bullet[1] ?? "");
    if (text && !isChrome(text)) out.push({ kind: "bullet", text, line });
    return;
  }
  const text = cleanText(raw);
  if (!text || isChrome(text)) return;
  for (const part of splitGluedHeadings(text))
    out.push({ kind: "line", text: part, line, heading });
}

/**
 * A JSON example printed as lines (text rendering): from a line that opens `{` or `[` up to
 * the line where brackets balance, strings respected. Returns the index after the last line.
 */
export function readJsonLines(lines: readonly string[], start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i] ?? "";
    for (let j = 0; j < l.length; j++) {
      const c = l[j];
      if (inString) {
        if (c === "\\") j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") depth--;
    }
    // A string broken over lines (a wrapped example) goes on; a blank line ends a runaway one.
    if (depth <= 0 && !inString) return i + 1;
    if (inString && l.trim() === "") inString = false;
    if (depth > 0 && l.trim() === "" && i > start && (lines[i + 1] ?? "").trim() === "") return i;
  }
  return lines.length;
}
