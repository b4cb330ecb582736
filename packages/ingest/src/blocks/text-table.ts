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
  const ends = (k: number): boolean => {
    if (k >= lines.length) return true;
    const t = text(k);
    return isSectionTitle(t) || isChrome(t) || parseHeader(t) !== undefined || /^[{[]/.test(t);
  };
  const startsRow = (k: number): boolean => {
    if (ends(k) || BULLET.test(lines[k] ?? "")) return false;
    if (!FITS[header[0]!](cleanName(text(k)))) return false;
    if (header.length < 3) return true;
    const after = peek(k + 1);
    return !ends(after) && FITS[header[1]!](cleanText(text(after)));
  };

  // A lone identifier right before a header is the name of the next table (a definition).
  const namesNextTable = (k: number): boolean =>
    FITS.Name(cleanName(text(k))) && parseHeader(text(peek(k + 1))) !== undefined;

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
    const row: Row = { cells: [cleanName(text(i))], line: i + 1, notes: [] };
    i++;
    for (let c = 1; c < header.length; c++) {
      const column = header[c]!;
      const k = peek(i);
      if (ends(k) || BULLET.test(lines[k] ?? "")) break;
      if (OPTIONAL.has(column) && (startsRow(k) || namesNextTable(k))) break;
      const cell = cleanText(text(k));
      if (!FITS[column](cell)) break;
      row.cells.push(cell);
      i = k + 1;
    }
    while (row.cells.length < header.length) row.cells.push("");
    rows.push(row);
  }
  return { rows, next: i };
}
