/**
 * What the corpus tests read from NetApp's pages without the ingester: the INDEX.tsv of a
 * corpus folder, and the parameters a web page prints whole (their own tokenizer, so that the
 * measure is not the code it measures).
 */
import { readFileSync } from "node:fs";

/** The rows of an INDEX.tsv, each as its cells by column name (trimmed; "" when missing). */
export function readIndex(file: string): Record<string, string>[] {
  const [head = "", ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const columns = head.split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    return Object.fromEntries(columns.map((c, k) => [c, (cells[k] ?? "").trim()]));
  });
}

const TYPE = /^(string|integer|boolean|number|object|enum|array\[[^\]]*\])$/;
const NAME = /^[A-Za-z_][\w.\-]*$/;
const IN = new Set(["path", "query", "header"]);

/**
 * The parameters a web page's table shows, from its text alone: in every web layout the cells
 * of a parameter row come in order (one per paragraph, one per line, or between `|`), so a
 * name, a type and `path`/`query`/`header` in consecutive cells is a parameter printed whole.
 */
export function printedParameters(text: string): { name: string; type: string; in: string }[] {
  const cells = text
    .split(/\n|\|/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  const out: { name: string; type: string; in: string }[] = [];
  for (let i = 0; i + 2 < cells.length; i++) {
    const [name, type, where] = [cells[i]!, cells[i + 1]!, cells[i + 2]!];
    if (IN.has(where) && TYPE.test(type) && NAME.test(name))
      if (!out.some((p) => p.name === name && p.in === where)) out.push({ name, type, in: where });
  }
  return out;
}
