import type { Rendering } from "../types.js";

const PIPE_SEPARATOR = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;
const TAB_HEADER = /^[^\t\n]+(\t[^\t\n]+)+\t?$/;
const MARKDOWN_HEADING = /^#{1,6}\s/;
const FENCE = /^\s*```/;
const HASH = 0x23;

/**
 * Tells which rendering a page is, from evidence in the page itself, never from the file name.
 * pipe: markdown pipe tables (a `|---|` separator row). pdf: Markdown converted from the PDF
 * (tab-separated table rows, `#` headings, code fences). text: neither.
 */
export function detectRendering(lines: readonly string[]): Rendering {
  let pipe = 0;
  let pdf = 0;
  // Each regex is tried only on lines holding the character it needs (`|`, a tab, a leading
  // `#`, three backticks): this runs on every line of every page, and most lines have none.
  for (const line of lines) {
    if (line.includes("|") && PIPE_SEPARATOR.test(line)) pipe += 3;
    else if (line.includes("\t") && TAB_HEADER.test(line)) pdf += 1;
    else if (
      (line.charCodeAt(0) === HASH && MARKDOWN_HEADING.test(line)) ||
      (line.includes("```") && FENCE.test(line))
    )
      pdf += 1;
  }
  if (pipe === 0 && pdf === 0) return "text";
  return pipe >= pdf ? "pipe" : "pdf";
}
