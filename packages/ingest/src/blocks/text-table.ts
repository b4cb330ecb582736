import type { Row } from "../types.js";
import { cleanName, cleanText } from "./cell-text.js";
import { type Column, isChrome, isSectionTitle, parseHeader } from "./vocabulary.js";

const BULLET = /^\s*•\s*(.*)$/;

const FITS: Record<Column, (cell: string) => boolean> = {
  Name: (c) => /^[A-Za-z_@$][\w.@$\-[\]]*$/.test(c),
  Type: (c) => /^(array\s*\[.*\]|[A-Za-z_][\w.\-]*)$/.test(c),
  In: (c) => /^(query|path|header|body|formData|cookie)$/.test(c),
  Required: (c) => /^(true|false)$/i.test(c),
  "Error Code": (c) => /^-?\d+$/.test(c),
  Description: () => true,
};

/** Only the description may be missing from a row; the page then simply prints no cell. */
const OPTIONAL: ReadonlySet<Column> = new Set(["Description"]);

/**
 * Rebuilds the rows of a table printed one cell per paragraph (text rendering), where an empty
 * cell is not printed at all. A row starts with a cell that fits the first column (and, for
 * Name tables, is followed by a cell that fits the type); an optional cell is taken as missing
 * when the next cell starts a new row. Bullets after a row are that row's notes.
 */
export function readTextTable(
  lines: readonly string[],
  start: number,
  header: Column[],
): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  let i = start;
  const peek = (from: number): number => {
    let k = from;
    while (k < lines.length && (lines[k] ?? "").trim() === "") k++;
    return k;
  };
  const text = (k: number): string => (lines[k] ?? "").trim();
  // Deciding where rows start looks at each line several times (as a row's start, as the cell
  // after another, as the next table's name); what a line is gets worked out once.
  const endsAt = new Map<number, boolean>();
  const nameAt = new Map<number, string>();
  const cellAt = new Map<number, string>();
  const ends = (k: number): boolean => {
    if (k >= lines.length) return true;
    let known = endsAt.get(k);
    if (known === undefined) {
      const t = text(k);
      known = isSectionTitle(t) || isChrome(t) || parseHeader(t) !== undefined || /^[{[]/.test(t);
      endsAt.set(k, known);
    }
    return known;
  };
  const nameOf = (k: number): string => {
    let known = nameAt.get(k);
    if (known === undefined) nameAt.set(k, (known = cleanName(text(k))));
    return known;
  };
  const cellOf = (k: number): string => {
    let known = cellAt.get(k);
    if (known === undefined) cellAt.set(k, (known = cleanText(text(k))));
    return known;
  };
  const startsRow = (k: number): boolean => {
    if (ends(k) || BULLET.test(lines[k] ?? "")) return false;
    if (!FITS[header[0]!](nameOf(k))) return false;
    if (header.length < 3) return true;
    const after = peek(k + 1);
    return !ends(after) && FITS[header[1]!](cellOf(after));
  };

  // A lone identifier right before a header is the name of the next table (a definition).
  const namesNextTable = (k: number): boolean =>
    FITS.Name(nameOf(k)) && parseHeader(text(peek(k + 1))) !== undefined;

  for (;;) {
    i = peek(i);
    if (i >= lines.length) break;
    const bullet = BULLET.exec(lines[i] ?? "");
    if (bullet) {
      const last = rows[rows.length - 1];
      if (!last) break;
      last.notes.push(cleanText(bullet[1] ?? ""));
      i++;
      continue;
    }
    if (!startsRow(i) || namesNextTable(i)) break;
    const row: Row = { cells: [nameOf(i)], line: i + 1, notes: [] };
    i++;
    for (let c = 1; c < header.length; c++) {
      const column = header[c]!;
      const k = peek(i);
      if (ends(k) || BULLET.test(lines[k] ?? "")) break;
      if (OPTIONAL.has(column) && (startsRow(k) || namesNextTable(k))) break;
      const cell = cellOf(k);
      if (!FITS[column](cell)) break;
      row.cells.push(cell);
      i = k + 1;
    }
    while (row.cells.length < header.length) row.cells.push("");
    rows.push(row);
  }
  return { rows, next: i };
}
