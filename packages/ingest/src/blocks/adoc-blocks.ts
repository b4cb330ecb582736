import type { Block, Row } from "../types.js";
import { adocInline, adocType } from "./adoc-inline.js";
import { type AdocCell, type AdocTable, isTableDelimiter, readAdocTable } from "./adoc-table.js";
import { cleanName, cleanText } from "./cell-text.js";
import { type Column, METHOD_LINE, parseHeader } from "./vocabulary.js";

/**
 * NetApp's AsciiDoc source of the reference (one `.adoc` file per page) to the common blocks.
 * AsciiDoc says what is a heading, a table, a code block: unlike the web renderings, nothing
 * here is guessed from the shape of the text.
 */
export function adocBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = skipFrontMatter(lines);
  /** The `[#name]` anchor of the definition whose title line comes next. */
  let anchor: string | undefined;
  /** The last block attribute line (`[cols=5*,options=header]`, `[source,json]`). */
  let attributes: string | undefined;

  while (i < lines.length) {
    const raw = lines[i] ?? "";
    const t = raw.trim();
    const line = i + 1;
    if (isTableDelimiter(raw)) {
      const table = readAdocTable(lines, i, attributes);
      pushTable(blocks, table);
      attributes = undefined;
      i = table.next;
      continue;
    }
    const loose = raw.startsWith("|") ? readLooseCodeRows(lines, i) : undefined;
    if (loose) {
      pushTable(blocks, loose);
      i = loose.next;
      continue;
    }
    if (t === "" || (raw.startsWith("//") && !raw.startsWith("////"))) {
      i++;
      continue;
    }
    const delimited = DELIMITED.exec(t);
    if (delimited) {
      // Listing (`----`), literal (`....`), fenced (```` ``` ````) and comment (`////`)
      // blocks run to the same delimiter; `====` (example, collapsible) and `****` (sidebar)
      // blocks only group what they hold, which is read as usual.
      const kind = delimited[1]!;
      if (kind.startsWith("=") || kind.startsWith("*")) {
        i++;
        continue;
      }
      const close = findClose(lines, i, t);
      if (!kind.startsWith("/")) pushCode(blocks, lines.slice(i + 1, close).join("\n"), line + 1);
      attributes = undefined;
      i = close + 1;
      continue;
    }
    if (t.startsWith("[.api-doc-operation")) {
      // A line cut off or mangled before its path states no operation, and is no prose either.
      const operation = OPERATION.exec(t);
      if (operation)
        blocks.push({ kind: "line", text: `${operation[1]} ${operation[2]}`, line, heading: true });
      i++;
      continue;
    }
    if (t.startsWith("[") && t.endsWith("]")) {
      const name = ANCHOR.exec(t)?.[1];
      if (name) {
        anchor = name;
        blocks.push({ kind: "line", text: name, line, heading: true });
      } else if (/^\[source\b/.test(t) && !DELIMITED.test((lines[i + 1] ?? "").trim())) {
        // `[source,json]` on the paragraph itself: the code runs to a blank line or the end
        // of the enclosing `====` block.
        let end = i + 1;
        while (
          end < lines.length &&
          (lines[end] ?? "").trim() !== "" &&
          !/^={4,}\s*$/.test((lines[end] ?? "").trim())
        )
          end++;
        pushCode(blocks, lines.slice(i + 1, end).join("\n"), line + 1);
        i = end;
        continue;
      } else attributes = t;
      i++;
      continue;
    }
    if (ATTRIBUTE_ENTRY.test(t)) {
      i++;
      continue;
    }
    const heading = HEADING.exec(t);
    if (heading) {
      const text = cleanText(adocInline(heading[1]!));
      if (text) blocks.push({ kind: "line", text, line, heading: true });
      i++;
      continue;
    }
    // A definition's title line repeats its anchor's name.
    if (anchor !== undefined && cleanName(t) === anchor) {
      anchor = undefined;
      i++;
      continue;
    }
    anchor = undefined;
    const title = BLOCK_TITLE.exec(t);
    if (title) {
      blocks.push({ kind: "line", text: cleanText(adocInline(title[1]!)), line, heading: true });
      i++;
      continue;
    }
    const bullet = BULLET.exec(t);
    if (bullet) {
      const href = LINK_TARGET.exec(bullet[1]!)?.[1];
      const text = cleanText(adocInline(bullet[1]!));
      if (text) {
        const block: Block = { kind: "bullet", text, line };
        if (href) block.href = href;
        if (t.startsWith("**")) block.nested = true;
        blocks.push(block);
      }
      i++;
      continue;
    }
    const text = cleanText(adocInline(raw.replace(BOLD_LABEL, "$1")));
    // Only the `[.api-doc-operation]` line states the page's operation; a `POST /api/…` line in
    // prose is an example call (the overviews print them between their listings).
    if (METHOD_LINE.test(text)) blocks.push({ kind: "code", text, line });
    else if (text) blocks.push({ kind: "line", text, line, heading: false });
    i++;
  }
  return blocks;
}

/** The page's front matter (`---` lines around `key: value` lines), if it opens with one. */
export function skipFrontMatter(lines: readonly string[]): number {
  if ((lines[0] ?? "").trim() !== "---") return 0;
  for (let i = 1; i < Math.min(lines.length, 200); i++)
    if ((lines[i] ?? "").trim() === "---") return i + 1;
  return 0;
}

/** `[.api-doc-operation .api-doc-operation-post]#POST# [.api-doc-code-block]#`/path`#`. */
const OPERATION =
  /^\[\.api-doc-operation\b[^\]]*\]#([A-Z]+)#\s*\[\.api-doc-code-block\]#`([^`]+)`#$/;
const ANCHOR = /^\[\[?#?([A-Za-z_][\w.-]*)\]?\]$/;
const DELIMITED = /^(-{4,}|\.{4,}|`{3}[\w-]*|\/{4,}|={4,}|\*{4,})$/;
const ATTRIBUTE_ENTRY = /^:!?[\w-]+!?:/;
const HEADING = /^={1,6}\s+(\S.*)$/;
/** `.Example request`: a block title (not `...` or a number). */
const BLOCK_TITLE = /^\.([A-Za-z].*)$/;
const BULLET = /^(?:\*{1,5}|-)\s+(.*)$/;
const LINK_TARGET = /^link:([^\s[\]]+)\[/;
/** `*Introduced In:* 9.8`: a bold label is the label. */
const BOLD_LABEL = /^\*([^*]+)\*/;

/**
 * The line that closes a delimited block. Pages with one `----` too many exist (an example's
 * title written between two listings): the stray delimiter would swallow the rest of the page
 * into a listing, so a section heading (`== Parameters`) ends the block there, as no example
 * the pages print has one.
 */
function findClose(lines: readonly string[], open: number, delimiter: string): number {
  const fence = delimiter.startsWith("`") ? "```" : delimiter;
  for (let k = open + 1; k < lines.length; k++) {
    const t = (lines[k] ?? "").trim();
    if (t === fence) return k;
    if (t.startsWith("==") && SECTION_HEADING.test(t)) return k - 1;
  }
  return lines.length;
}
const SECTION_HEADING = /^={2,3} [A-Z]/;

/** A code block holding only `Status: 202, Accepted` is that line, as in the other renderings. */
function pushCode(blocks: Block[], text: string, line: number): void {
  const t = text.trim();
  if (/^Status:\s*\S/.test(t) && !t.includes("\n"))
    blocks.push({ kind: "line", text: t, line, heading: false });
  else if (t) blocks.push({ kind: "code", text, line });
}

const FACT_BULLET = /^\*+\s+([A-Za-z][\w -]*):/;

const ERROR_COLUMNS: Column[] = ["Error Code", "Description"];

function pushTable(blocks: Block[], table: AdocTable): void {
  const header = table.header
    ? parseHeader(table.header.map((c) => cleanName(adocInline(c.text))))
    : isCodeList(table)
      ? ERROR_COLUMNS
      : undefined;
  if (!header) return;
  const rows =
    header[0] === "Error Code" ? errorRows(table) : table.rows.map((cells) => toRow(cells, header));
  blocks.push({ kind: "table", header, rows, line: table.line, endLine: table.endLine });
}

function toRow(cells: readonly AdocCell[], header: readonly Column[]): Row {
  const out: string[] = [];
  const notes: string[] = [];
  header.forEach((column, k) => {
    const text = cells[k]?.text ?? "";
    if (k === 0) out.push(cleanName(adocInline(text)));
    else if (column === "Type") out.push(cleanText(adocType(text)));
    else if (column === "Description") {
      const cell = describeCell(text);
      out.push(cell.text);
      notes.push(...cell.notes);
    } else out.push(cleanText(adocInline(text)));
  });
  return { cells: out, line: cells[0]?.line ?? 0, notes };
}

/** An `a|` description cell: prose, then the bullets that state facts (`* Max value: 120`). */
function describeCell(text: string): { text: string; notes: string[] } {
  if (!text.includes("*")) return { text: cleanText(adocInline(text)), notes: [] };
  const prose: string[] = [];
  const notes: string[] = [];
  for (const l of text.split("\n")) {
    const t = l.trim();
    if (FACT_BULLET.test(t)) notes.push(cleanText(adocInline(t.replace(/^\*+\s+/, ""))));
    else prose.push(t);
  }
  return { text: cleanText(adocInline(prose.join("\n"))), notes };
}

/** A table without a header whose rows are `code | text`: more of the error codes. */
function isCodeList(table: AdocTable): boolean {
  return (
    table.cols === 2 &&
    table.rows.length > 0 &&
    table.rows.every((r) => /^-?\d+$/.test(r[0]?.text ?? ""))
  );
}

/**
 * `| 13304120 | Values specified … |` lines outside any table, as pages print error codes
 * after the table closed: a table of error codes of their own.
 */
function readLooseCodeRows(lines: readonly string[], start: number): AdocTable | undefined {
  const cells: AdocCell[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const m = LOOSE_CODE_ROW.exec(lines[i] ?? "");
    if (!m) break;
    cells.push(
      { text: m[1]!, line: i + 1, style: "" },
      { text: m[2]!.trim(), line: i + 1, style: "" },
    );
  }
  if (cells.length === 0) return undefined;
  const rows: AdocCell[][] = [];
  for (let k = 0; k < cells.length; k += 2) rows.push(cells.slice(k, k + 2));
  return { line: start + 1, endLine: i, cols: 2, rows, unclosed: false, next: i };
}
const LOOSE_CODE_ROW = /^\|\s*(-?\d+)\s*\|(.*?)\|*\s*$/;

/**
 * Error-code tables may carry a stray empty cell after a description, which shifts every
 * later row when read by columns: codes are paired with the next text cell instead.
 */
function errorRows(table: AdocTable): Row[] {
  const rows: Row[] = [];
  let pending: Row | undefined;
  for (const cell of table.rows.flat()) {
    const text = cleanText(adocInline(cell.text));
    if (/^-?\d+$/.test(text)) {
      pending = { cells: [text, ""], line: cell.line, notes: [] };
      rows.push(pending);
    } else if (text && pending && pending.cells[1] === "") pending.cells[1] = text;
  }
  return rows;
}
