import type { Rendering } from "../types.js";

// The leading `|` is optional: some saved web pages print the separator as `---|---|`.
// Each run of white space has one place in the pattern: two `\s*` side by side made a line of
// 100,000 spaces and a `|` take seconds of backtracking.
const PIPE_SEPARATOR = /^\s*(?:\|\s*)?(?::?-{3,}:?\s*\|\s*)+$/;
const TAB_HEADER = /^[^\t\n]+(\t[^\t\n]+)+\t?$/;
const MARKDOWN_HEADING = /^#{1,6}\s/;
const FENCE = /^\s*```/;
const HASH = 0x23;
const EQUALS = 0x3d;
const BRACKET = 0x5b;
const DASH = 0x2d;
const COLON = 0x3a;
const PIPE = 0x7c;
const BACKTICK = 0x60;
/** An AsciiDoc listing's delimiter: Markdown pages (web, PDF) have none. */
const LISTING = /^-{4}\s*$/;
/** `:imagesdir: ./media/`: an AsciiDoc document attribute. */
const ATTRIBUTE_ENTRY = /^:[\w-]+:(\s|$)/;
const ADOC_HEADING = /^={1,6} \S/;
const ADOC_TABLE = /^\|===\s*$/;
/** AsciiDoc block attributes NetApp's source puts before its tables and operation lines. */
const ADOC_ATTRIBUTES = /^\[(?:cols=|\.api-doc-|#[A-Za-z_]|%collapsible)/;
/** Enough AsciiDoc for a page: its operation line and title, or a table, or a few headings. */
const ADOC_MINIMUM = 4;

/**
 * Tells which rendering a page is, from evidence in the page itself, never from the file name.
 * pipe: markdown pipe tables (a `|---|` separator row). pdf: Markdown converted from the PDF
 * (tab-separated table rows, `#` headings, code fences). adoc: NetApp's AsciiDoc source
 * (`|===` tables, `[cols=…]` and `[.api-doc-operation…]` attributes, `==` headings). text: none.
 */
export function detectRendering(lines: readonly string[], hasTabs = true): Rendering {
  let pipe = 0;
  let pdf = 0;
  let adoc = 0;
  // This runs on every line of every page, and most lines can be none of these: each regex is
  // tried only where the line's first character allows it (a separator row starts with `|`,
  // `:`, `-` or white space; a fence with a backtick or white space), and the tab test only
  // on pages holding a tab (`hasTabs`: the caller's one scan of the page's text).
  /** Inside an AsciiDoc listing (`----`): its `# The API:` comments are no Markdown headings. */
  let listing = false;
  for (const line of lines) {
    const first = line.charCodeAt(0);
    if (first === DASH && LISTING.test(line)) {
      listing = !listing;
      adoc += 1;
    } else if (listing) continue;
    else if (mayOpenSeparator(first) && line.includes("|") && PIPE_SEPARATOR.test(line)) pipe += 3;
    else if (hasTabs && line.includes("\t") && TAB_HEADER.test(line)) pdf += 1;
    else if (
      (first === HASH && MARKDOWN_HEADING.test(line)) ||
      ((first === BACKTICK || isSpace(first)) && line.includes("```") && FENCE.test(line))
    )
      pdf += 1;
    else if (first === EQUALS && ADOC_HEADING.test(line)) adoc += 1;
    else if (first === BRACKET && ADOC_ATTRIBUTES.test(line)) adoc += 2;
    else if (first === PIPE && ADOC_TABLE.test(line)) adoc += 1;
    else if (first === COLON && ATTRIBUTE_ENTRY.test(line)) adoc += 2;
  }
  if (adoc >= ADOC_MINIMUM && adoc > pipe && adoc > pdf) return "adoc";
  if (pipe === 0 && pdf === 0) return "text";
  return pipe >= pdf ? "pipe" : "pdf";
}

/** White space as `\s` reads it, for the first character of a line (NaN: an empty line). */
function isSpace(code: number): boolean {
  return code <= 0x20 ? code >= 0x09 && (code <= 0x0d || code === 0x20) : code > 0x7f;
}

function mayOpenSeparator(code: number): boolean {
  return code === PIPE || code === COLON || code === DASH || isSpace(code);
}
