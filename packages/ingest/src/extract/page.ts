import { METHOD_LINE, isChrome, isSectionTitle } from "../blocks/vocabulary.js";
import type { Diagnostics } from "../diagnostics.js";
import type { Block, PageDoc, Rendering } from "../types.js";
import { extractOperation } from "./operation.js";
import { extractOverview, saysSomething } from "./overview.js";

/** An AsciiDoc block's closing line (`====`, `|===`, `----`): the block, and the page, are whole. */
const BLOCK_DELIMITER = /^(?:={4,}|\|===|-{4,}|\.{4,}|`{3})$/;

/** Ends a sentence, a JSON example or a table row: a page whose last text ends otherwise was cut. */
const COMPLETE_ENDING = /[.!?:)}\]"'`|>]$/;

/**
 * Splits a page into operations (each starts at the title line before its `METHOD /path`
 * line) and the overview before the first one, and tells whether the page is cut off.
 */
export function extractPage(
  blocks: readonly Block[],
  rendering: Rendering,
  file: string,
  lines: readonly string[],
  diagnostics: Diagnostics,
): PageDoc {
  const methodIndexes: number[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === "line" && METHOD_LINE.test(b.text)) methodIndexes.push(i);
  });
  const starts = methodIndexes.map((m) => (m > 0 && blocks[m - 1]!.kind === "line" ? m - 1 : m));
  const page: PageDoc = { file, rendering, operations: [], truncated: false };

  const overview = extractOverview(
    blocks.slice(0, starts[0] ?? blocks.length),
    rendering === "adoc" && starts.length === 0,
  );
  if (overview) page.overview = overview;

  starts.forEach((start, k) => {
    const region = blocks.slice(start, starts[k + 1] ?? blocks.length);
    const titleBlock = start < methodIndexes[k]! ? blocks[start] : undefined;
    const title = titleBlock?.kind === "line" ? titleBlock.text : "";
    const op = extractOperation(region, title, file, diagnostics);
    if (!op) return;
    if (!title) {
      op.summary = `${op.method.toUpperCase()} ${op.path}`;
      diagnostics.warning(
        file,
        op.line,
        `expected the page title on the line before \`${op.summary}\`; the summary is the method and path`,
      );
    }
    page.operations.push(op);
  });

  // An endpoint overview is a page of its own (in the AsciiDoc source and on the web site): it
  // documents no operation, but says something (a page cut off before its operation line
  // says nothing). A web page links no family, so its overview counts only when its examples
  // call the endpoint it is about: a web operation page cut off after its title is not one.
  const { overview: said } = page;
  if (
    page.operations.length === 0 &&
    saysSomething(said) &&
    (rendering === "adoc" || said.endpoint)
  )
    return page;
  if (page.operations.length === 0) {
    diagnostics.error(
      file,
      1,
      "no ONTAP operation found: expected a line `METHOD /path` (for example `GET /cluster/jobs`)",
    );
    return page;
  }

  // Truncation: an operation that never reaches its responses, or a last line that stops mid-text.
  const last = blocks[blocks.length - 1];
  const lastLine = lastContentLine(lines);
  const cutMidText =
    last !== undefined &&
    !(last.kind === "line" && last.heading) &&
    last.kind !== "code" &&
    !COMPLETE_ENDING.test(lastLine.text) &&
    !BLOCK_DELIMITER.test(lastLine.text) &&
    !isSectionTitle(lastLine.text);
  for (const op of page.operations) {
    if (op.responses.length === 0) {
      page.truncated = true;
      diagnostics.warning(
        file,
        op.line,
        `the page ends before the responses of ${op.method.toUpperCase()} ${op.path} (cut off?); the operation is kept without documented responses`,
      );
    }
  }
  if (cutMidText) {
    page.truncated = true;
    diagnostics.warning(
      file,
      lastLine.line,
      `the page is cut off here (its last text stops mid-sentence: "${lastLine.text.slice(-40)}")`,
    );
  }
  if (page.truncated) markPartial(page, last);
  return page;
}

/** The definition or parameter the page was cut inside of may be incomplete: say so. */
function markPartial(page: PageDoc, last: Block | undefined): void {
  if (last?.kind !== "table") return;
  const op = page.operations[page.operations.length - 1]!;
  const def = op.definitions[op.definitions.length - 1];
  if (def && def.line === last.line) def.partial = true;
  const lastRow = last.rows[last.rows.length - 1];
  const param = op.parameters.find((p) => p.line === lastRow?.line);
  if (param && !param.description) param.facts.cutOff = true;
}

function lastContentLine(lines: readonly string[]): { text: string; line: number } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = (lines[i] ?? "").trim();
    if (text && !isChrome(text)) return { text, line: i + 1 };
  }
  return { text: "", line: 1 };
}
