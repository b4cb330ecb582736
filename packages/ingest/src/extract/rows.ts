import { resplitCell, splitCell } from "../blocks/cell-text.js";
import type { Diagnostics } from "../diagnostics.js";
import type { ErrorCode, Facts, HeaderDoc, Parameter, Property, Row } from "../types.js";
import { looksCutOff, readFacts } from "./facts.js";
import { parseTypeRef } from "./type-ref.js";

/**
 * A description cell may still carry bullets (text rendering puts them after the row).
 * `clean`: the cell is `cleanText` output already (every cell after a row's first is, in all
 * three renderings), so it is split again without re-testing its white space.
 */
function describe(
  raw: string,
  notes: readonly string[],
  clean: boolean,
): { description: string; facts: Facts } {
  const cell = clean ? resplitCell(raw) : splitCell(raw);
  // Most rows have no bullets at all: no list to build and read.
  const facts =
    cell.notes.length === 0 && notes.length === 0 ? {} : readFacts([...cell.notes, ...notes]);
  if (looksCutOff(cell.text)) facts.cutOff = true;
  return { description: cell.text, facts };
}

export function toProperty(row: Row): Property {
  const [name = "", type = "", description = ""] = row.cells;
  // The description is the third cell: `cleanText` output (see `describe`). The fields are
  // copied, not spread: a spread in the middle of a literal takes V8's slow generic path.
  const { description: text, facts } = describe(description, row.notes, true);
  return { name, type: parseTypeRef(type), description: text, facts, line: row.line };
}

export function toParameter(
  row: Row,
  header: readonly string[],
  file: string,
  diagnostics: Diagnostics,
): Parameter | undefined {
  const cell = (column: string): string => row.cells[header.indexOf(column)] ?? "";
  const name = cell("Name");
  const where = cell("In").toLowerCase() || "query";
  if (!name) {
    diagnostics.warning(
      file,
      row.line,
      "parameter row without a name: expected `name type in required description`; row skipped",
    );
    return undefined;
  }
  if (!["query", "path", "header", "cookie"].includes(where)) {
    diagnostics.warning(
      file,
      row.line,
      `parameter \`${name}\` is "in: ${where}": expected query, path, header or cookie; row skipped`,
    );
    return undefined;
  }
  const required = where === "path" || /^true$/i.test(cell("Required"));
  const type = parseTypeRef(cell("Type"));
  const { description, facts } = describe(
    cell("Description"),
    row.notes,
    header.indexOf("Description") > 0,
  );
  return { name, in: where, required, type, description, facts, line: row.line };
}

export function toErrorCode(
  row: Row,
  file: string,
  diagnostics: Diagnostics,
): ErrorCode | undefined {
  const [code = "", description = ""] = row.cells;
  if (!/^-?\d+$/.test(code)) {
    diagnostics.warning(file, row.line, `error code \`${code}\` is not a number; row skipped`);
    return undefined;
  }
  return { code, description, line: row.line };
}

/** A response header row (`=== Headers`: `Name | Description | Type`, in that order or not). */
export function toHeader(row: Row, header: readonly string[]): HeaderDoc {
  const cell = (column: string): string => row.cells[header.indexOf(column)] ?? "";
  return {
    name: cell("Name"),
    type: parseTypeRef(cell("Type")),
    description: cell("Description"),
    line: row.line,
  };
}
