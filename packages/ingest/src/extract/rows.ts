import { splitCell } from "../blocks/cell-text.js";
import type { Diagnostics } from "../diagnostics.js";
import type { ErrorCode, Facts, Parameter, Property, Row } from "../types.js";
import { looksCutOff, readFacts } from "./facts.js";
import { parseTypeRef } from "./type-ref.js";

/** A description cell may still carry bullets (text rendering puts them after the row). */
function describe(raw: string, notes: readonly string[]): { description: string; facts: Facts } {
  const cell = splitCell(raw);
  const facts = readFacts([...cell.notes, ...notes]);
  if (looksCutOff(cell.text)) facts.cutOff = true;
  return { description: cell.text, facts };
}

export function toProperty(row: Row): Property {
  const [name = "", type = "", description = ""] = row.cells;
  return { name, type: parseTypeRef(type), ...describe(description, row.notes), line: row.line };
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
  return {
    name,
    in: where,
    required: where === "path" || /^true$/i.test(cell("Required")),
    type: parseTypeRef(cell("Type")),
    ...describe(cell("Description"), row.notes),
    line: row.line,
  };
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
