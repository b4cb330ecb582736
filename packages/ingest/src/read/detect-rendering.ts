import type { Rendering } from "../types.js";

// The leading `|` is optional: some saved web pages print the separator as `---|---|`.
const PIPE_SEPARATOR = /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*$/;
const TAB_HEADER = /^[^\t\n]+(\t[^\t\n]+)+\t?$/;
const MARKDOWN_HEADING = /^#{1,6}\s/;
const FENCE = /^\s*```/;
const HASH = 0x23;
const EQUALS = 0x3d;
const BRACKET = 0x5b;
const DASH = 0x2d;
const COLON = 0x3a;
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
export function detectRendering(lines: readonly string[]): Rendering {
  let pipe = 0;
  let pdf = 0;
  let adoc = 0;
  // Each regex is tried only on lines holding the character it needs (`|`, a tab, a leading
  // `#`, three backticks): this runs on every line of every page, and most lines have none.
  /** Inside an AsciiDoc listing (`----`): its `# The API:` comments are no Markdown headings. */
  let listing = false;
  for (const line of lines) {
    if (line.charCodeAt(0) === DASH && LISTING.test(line)) {
      listing = !listing;
      adoc += 1;
    } else if (listing) continue;
    else if (line.includes("|") && PIPE_SEPARATOR.test(line)) pipe += 3;
    else if (line.includes("\t") && TAB_HEADER.test(line)) pdf += 1;
    else if (
      (line.charCodeAt(0) === HASH && MARKDOWN_HEADING.test(line)) ||
      (line.includes("```") && FENCE.test(line))
    )
      pdf += 1;
    else if (line.charCodeAt(0) === EQUALS && ADOC_HEADING.test(line)) adoc += 1;
    else if (line.charCodeAt(0) === BRACKET && ADOC_ATTRIBUTES.test(line)) adoc += 2;
    else if (line.startsWith("|===") && ADOC_TABLE.test(line)) adoc += 1;
    else if (line.charCodeAt(0) === COLON && ATTRIBUTE_ENTRY.test(line)) adoc += 2;
  }
  if (adoc >= ADOC_MINIMUM && adoc > pipe && adoc > pdf) return "adoc";
  if (pipe === 0 && pdf === 0) return "text";
  return pipe >= pdf ? "pipe" : "pdf";
}
