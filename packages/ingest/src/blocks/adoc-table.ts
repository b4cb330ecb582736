/**
 * AsciiDoc tables (`|===` … `|===`) as NetApp's reference source writes them, read into raw
 * cells. This is the AsciiDoc grammar for tables reduced to what those pages use, with two
 * deliberate departures where a strict reader misreads the pages (see `cellsOfLine`):
 * Asciidoctor.js reads the same tables (it is the test oracle), at a tenth of the speed.
 */

export interface AdocCell {
  /** The cell's text, its lines joined with `\n`, trimmed; `\|` unescaped. */
  text: string;
  /** 1-based line the cell starts on. */
  line: number;
  /** The cell's style: `a` (AsciiDoc content: bullets, paragraphs), or "" for plain. */
  style: string;
}

export interface AdocTable {
  /** 1-based line of the opening `|===`. */
  line: number;
  /** 1-based line of the closing `|===` (the last line of the page when it is missing). */
  endLine: number;
  /** Columns: from `[cols=…]`, else the number of cells on the first line. */
  cols: number;
  /** The header row's cells, when the table has one (`options=header`, or an implicit one). */
  header?: AdocCell[];
  rows: AdocCell[][];
  /** The table is not closed before the page ends. */
  unclosed: boolean;
  /** Index of the line after the table. */
  next: number;
}

export const TABLE_DELIMITER = "|===";

/** `[cols=5*,options=header]`, `[cols="1,2a",options="header"]`, `[%header,cols=3*]`. */
const ATTRIBUTES = /^\[(?:[^\]]*[,%])?cols=(?:"([^"]*)"|(\d+)\*)?[^\]]*\]\s*$/;
/** A cell specifier before `|` at the start of a line: `a|`, `2+|`, `.3+^.^a|`. */
const CELL_START = /^((?:\d+[*+])?(?:\.\d+\+)?[<^>]?(?:\.[<^>])?[adehlmsv]?)\|/;

export function isTableDelimiter(line: string): boolean {
  return line.startsWith(TABLE_DELIMITER) && line.trimEnd() === TABLE_DELIMITER;
}

/**
 * Reads the table whose opening `|===` is `lines[open]`. `attributes` is the block attribute
 * line before it, if any (`[cols=5*,options=header]`).
 */
export function readAdocTable(
  lines: readonly string[],
  open: number,
  attributes?: string,
): AdocTable {
  const spec = attributes ? ATTRIBUTES.exec(attributes.trim()) : null;
  const declared = spec ? columnCount(spec[1], spec[2]) : undefined;
  const headerOption = attributes !== undefined && /\boptions="?header|%header\b/.test(attributes);

  const cells: AdocCell[] = [];
  let firstLine: { count: number; index: number } | undefined;
  let current: { lines: string[]; line: number; style: string } | undefined;
  const flush = (): void => {
    if (!current) return;
    const text = current.lines;
    cells.push({
      // Most cells are one line: no join for them (this runs for every cell of every page).
      text: (text.length === 1 ? text[0]! : text.join("\n")).trim(),
      line: current.line,
      style: current.style,
    });
    current = undefined;
  };

  let i = open + 1;
  let closed = false;
  for (; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (isTableDelimiter(raw)) {
      closed = true;
      break;
    }
    // A line comment (`//start row`) is no text; a `////` block comment is skipped whole.
    if (raw.startsWith("//")) {
      if (raw.startsWith("////")) {
        const end = lines.findIndex((l, k) => k > i && l.startsWith("////"));
        if (end > i) i = end;
      }
      continue;
    }
    const specifier = cellSpecifier(raw);
    if (specifier === undefined) {
      current?.lines.push(raw);
      continue;
    }
    flush();
    const style =
      specifier === "" || specifier === "a" ? specifier : specifier.replace(/[^adehlmsv]/g, "");
    const pieces = cellsOfLine(raw.slice(specifier.length + 1), style);
    firstLine ??= { count: pieces.length, index: i };
    for (let k = 0; k < pieces.length - 1; k++)
      cells.push({ text: pieces[k]!.trim(), line: i + 1, style: k === 0 ? style : "" });
    current = {
      lines: [pieces[pieces.length - 1]!],
      line: i + 1,
      style: pieces.length === 1 ? style : "",
    };
  }
  flush();

  const cols = Math.max(1, declared ?? firstLine?.count ?? 1);
  // AsciiDoc's implicit header: a first line holding every cell of a row, then a blank line.
  const implicitHeader =
    !headerOption &&
    firstLine !== undefined &&
    firstLine.count === cols &&
    cols > 1 &&
    (lines[firstLine.index + 1] ?? "").trim() === "";
  const rows: AdocCell[][] = [];
  for (let k = 0; k < cells.length; k += cols) rows.push(cells.slice(k, k + cols));
  const table: AdocTable = {
    line: open + 1,
    endLine: Math.min(i, lines.length - 1) + 1,
    cols,
    rows,
    unclosed: !closed,
    next: closed ? i + 1 : lines.length,
  };
  if ((headerOption || implicitHeader) && rows.length > 0) table.header = rows.shift()!;
  return table;
}

const PIPE = 0x7c;
const LOWER_A = 0x61;

/**
 * The cell specifier before the `|` that starts a cell on this line (`""`, `a`, `2+`,
 * `.3+^.^a`), or undefined when the line continues the cell before. The lines NetApp's pages
 * have almost all start with `|` or `a|`: those skip the regex.
 */
function cellSpecifier(line: string): string | undefined {
  const first = line.charCodeAt(0);
  if (first === PIPE) return "";
  if (first === LOWER_A && line.charCodeAt(1) === PIPE) return "a";
  return line.includes("|") ? CELL_START.exec(line)?.[1] : undefined;
}

/** `5*` → 5; `"1,2a,3"` → 3. */
function columnCount(list: string | undefined, star: string | undefined): number | undefined {
  if (star) return Number(star);
  if (list === undefined) return undefined;
  const multiplied = /^(\d+)\*/.exec(list);
  return multiplied ? Number(multiplied[1]) : list.split(",").length;
}

/**
 * The cells on one line after its first `|`. AsciiDoc splits at every unescaped `|`; NetApp's
 * pages break that rule in `a|` cells (`optional [asc|desc] direction`), where the rest of the
 * line is kept as one cell: a description never holds a second cell on its first line. Plain
 * lines (`| 13304134 | The overwrite … |`) are split as AsciiDoc does, trailing empty cell
 * included (the error-code tables' stray cells; their reader pairs codes by value).
 */
function cellsOfLine(rest: string, style: string): string[] {
  if (style === "a" || !rest.includes("|")) return [unescapePipes(rest)];
  return rest.split(/(?<!\\)\|/).map(unescapePipes);
}

function unescapePipes(text: string): string {
  return text.includes("\\|") ? text.replace(/\\\|/g, "|") : text;
}
