import { recleanName } from "../blocks/cell-text.js";
import { METHOD_LINE, STATUS_LINE, isSectionTitle } from "../blocks/vocabulary.js";
import type { Diagnostics } from "../diagnostics.js";
import type { Block, Definition, OperationDoc, Requirement, ResponseDoc } from "../types.js";
import { parseExampleParts } from "./example-json.js";
import { toErrorCode, toHeader, toParameter, toProperty } from "./rows.js";

type Section =
  | "intro"
  | "params"
  | "body"
  | "required"
  | "optional"
  | "cli"
  | "response"
  | "error"
  | "headers"
  | "definitions"
  /** A heading the extractor has no use for ("Learn more"): what follows it is skipped. */
  | "other";
type ExampleTarget = "request" | "response" | "error";

const SECTIONS: Record<string, Section> = {
  parameters: "params",
  "request body": "body",
  "required properties": "required",
  "optional properties": "optional",
  // Older pages' words for the same lists.
  "required parameters": "required",
  "required fields": "required",
  "optional parameters": "optional",
  "related ontap commands": "cli",
  response: "response",
  responses: "response",
  error: "error",
  errors: "error",
  definitions: "definitions",
  headers: "headers",
};
const IDENTIFIER = /^[A-Za-z_][\w.\-]*$/;
/** A "Learn more" link to the endpoint's overview: `DOC /storage/luns`. */
const OVERVIEW_LINK = /^DOC\s+(\/\S*)$/;
/** Words of letters, digits and `-`; a lone `-` is the separator of `name - value`, not a word. */
const CLI_COMMAND = /^[a-z][a-z0-9-]*( [a-z0-9][a-z0-9-]*)+$/;
/** `svm.uuid` or `svm.name` - Existing SVM… */
const PROPERTY_BULLET = /^((?:`*[\w.]+`*)(?:\s+or\s+`*[\w.]+`*)*)(?:\s+-\s|$)/;

/**
 * Reads one operation: the blocks from its title to the next operation's title. The page's
 * own section words drive a small state machine; tables are assigned by their header and the
 * section they stand in.
 */
export function extractOperation(
  blocks: readonly Block[],
  title: string,
  file: string,
  diagnostics: Diagnostics,
): OperationDoc | undefined {
  const methodIndex = blocks.findIndex((b) => b.kind === "line" && METHOD_LINE.test(b.text));
  const methodBlock = blocks[methodIndex];
  if (!methodBlock || methodBlock.kind !== "line") return undefined;
  const [, method = "", rawPath = ""] = METHOD_LINE.exec(methodBlock.text) ?? [];
  const path = rawPath.startsWith("/") ? rawPath : `/${rawPath}`;
  const problem = pathTemplateProblem(path);
  if (problem) {
    diagnostics.error(
      file,
      methodBlock.line,
      `\`${method} ${path}\`: ${problem}; operation skipped`,
    );
    return undefined;
  }
  const op: OperationDoc = {
    method: method.toLowerCase(),
    path,
    summary: title,
    description: "",
    cli: [],
    parameters: [],
    required: [],
    responses: [],
    definitions: [],
    file,
    line: methodBlock.line,
  };
  const description: string[] = [];
  const settable: string[] = [];
  let listsSettable = false;
  /**
   * A property list ended by a line, on a page without a commands title: the text rendering
   * dropped it, and the commands are bullets after the lists.
   */
  let listEndedByLine = false;
  const titlesCommands = blocks.some(
    (b) => b.kind === "line" && SECTIONS[b.text.toLowerCase().replace(/:$/, "")] === "cli",
  );
  let section: Section = "intro";
  let response: ResponseDoc | undefined;
  let example: ExampleTarget | undefined;
  let defName: string | undefined;
  let defDescription: string[] = [];

  const responseFor = (status: string, text: string, line: number): ResponseDoc => {
    let r = op.responses.find((x) => x.status === status);
    if (!r) {
      r = { status, description: text, line, errorCodes: [] };
      op.responses.push(r);
    }
    return r;
  };
  const defaultResponse = (line: number): ResponseDoc =>
    response?.status === "default" ? response : (response = responseFor("default", "Error", line));

  for (let i = methodIndex + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === "line") {
      const text = block.text;
      if (section === "definitions") {
        // Past "Definitions" a line names or describes the next definition (one may be called `error`).
        // Line text is `cleanText` output already (see `recleanName`).
        const name = recleanName(text);
        if (IDENTIFIER.test(name)) {
          defName = name;
          defDescription = [];
        } else if (defName !== undefined) defDescription.push(text);
        continue;
      }
      const lower = text.toLowerCase().replace(/:$/, "");
      const introduced = /^introduced in:?\s*(\S+)/i.exec(text);
      const status = STATUS_LINE.exec(text);
      if (introduced && section === "intro") op.introduced = introduced[1];
      else if (status) {
        section = status[1]!.toLowerCase() === "default" ? "error" : "response";
        response = responseFor(
          status[1]!.toLowerCase(),
          status[2]?.trim() || (section === "error" ? "Error" : status[1]!),
          block.line,
        );
      } else if (lower === "ontap error response codes") {
        defaultResponse(block.line);
      } else if (/^example (request|response|error)$/.test(lower)) {
        example = lower.slice("example ".length) as ExampleTarget;
      } else if (SECTIONS[lower] && isSectionTitle(text)) {
        section = SECTIONS[lower]!;
        if (section === "response" || section === "error") response = undefined;
        if (section === "optional") listsSettable = true;
      } else if (block.heading && section !== "response" && section !== "error") {
        // Only the AsciiDoc source marks headings, and there a heading that names no section
        // ("Learn more") ends the one before it.
        section = "other";
      } else if (section === "required" || section === "optional") {
        // Such a list is bullets only. A line ends it: a title the web pages print for the
        // next list ("Recommended optional properties", "Default property values": not
        // required, and not every settable property), or the prose the text rendering keeps
        // where it drops that title.
        section = "other";
        listEndedByLine = true;
      } else if (section === "intro" && text !== title) {
        description.push(text);
      }
      continue;
    }

    if (block.kind === "bullet") {
      const text = block.text.replace(/`/g, "");
      const overview = block.href ? OVERVIEW_LINK.exec(text) : null;
      if (overview) {
        op.overview = { href: block.href!, path: overview[1]! };
        continue;
      }
      if (section === "required" || section === "optional") {
        // A nested bullet qualifies the one above it (`ip.address` under "`ip` or `subnet`"):
        // a requirement only when that alternative is taken, which a schema cannot say here.
        if (block.nested) continue;
        const m = PROPERTY_BULLET.exec(block.text.replace(/``+/g, "`"));
        if (!m && !titlesCommands && !block.nested && CLI_COMMAND.test(text)) {
          // A command right after the list: the text rendering dropped the title between.
          op.cli.push(text);
          continue;
        }
        if (!m) {
          diagnostics.warning(
            file,
            block.line,
            "expected a property bullet like `` `name` - description ``; bullet ignored",
          );
          continue;
        }
        const names = m[1]!.split(/\s+or\s+/).map((n) => n.replace(/`/g, ""));
        settable.push(...names);
        if (section === "required" && !isConditional(blocks, i))
          op.required.push(names as Requirement);
      } else if (
        (section === "cli" ||
          section === "intro" ||
          // The text rendering drops "Related ONTAP commands": its bullets follow the
          // property lists, as top-level bullets that are commands, not `name - value`.
          (section === "other" && listEndedByLine && !titlesCommands && !block.nested)) &&
        CLI_COMMAND.test(text)
      ) {
        op.cli.push(text);
      }
      continue;
    }

    if (block.kind === "table") {
      const header = block.header;
      if (section === "headers") {
        const target = response;
        if (target)
          target.headers = [
            ...(target.headers ?? []),
            ...block.rows.map((r) => toHeader(r, header)),
          ];
      } else if (header.includes("In")) {
        for (const row of block.rows) {
          const p = toParameter(row, header, file, diagnostics);
          if (p) op.parameters.push(p);
        }
      } else if (header[0] === "Error Code") {
        const target = defaultResponse(block.line);
        for (const row of block.rows) {
          const e = toErrorCode(row, file, diagnostics);
          if (e) target.errorCodes.push(e);
        }
      } else if (section === "definitions") {
        const def: Definition = {
          description: defDescription.join("\n\n"),
          properties: block.rows.map(toProperty),
          line: block.line,
          partial: false,
        };
        if (defName !== undefined) def.name = defName;
        op.definitions.push(def);
        defName = undefined;
        defDescription = [];
      } else if (section === "body") {
        op.requestBody ??= { properties: [], line: block.line };
        op.requestBody.properties.push(...block.rows.map(toProperty));
      } else if (section === "response" || section === "error") {
        const target = response ?? (section === "error" ? defaultResponse(block.line) : undefined);
        if (!target) {
          diagnostics.warning(
            file,
            block.line,
            "expected `Status: <code>, <text>` before this response table; table ignored",
          );
          continue;
        }
        target.properties = [...(target.properties ?? []), ...block.rows.map(toProperty)];
      } else {
        diagnostics.warning(
          file,
          block.line,
          `table \`${header.join(" ")}\` outside any section (expected Parameters, Request Body, Response or Definitions before it); table ignored`,
        );
      }
      continue;
    }

    // Code: an example when an "Example …" title announced one. Page breaks split a JSON
    // example into several fences; consecutive code blocks are one example.
    if (example) {
      const parts = [block.text];
      while (blocks[i + 1]?.kind === "code") parts.push((blocks[++i] as { text: string }).text);
      const parsed = parseExampleParts(parts);
      if (!parsed.ok) {
        diagnostics.warning(
          file,
          block.line,
          `example ${example} is not JSON (${parsed.reason}); example dropped`,
        );
      } else {
        const value = { value: parsed.value, line: block.line };
        if (example === "request" && op.requestBody) op.requestBody.example = value;
        else if (example === "error") defaultResponse(block.line).example = value;
        else if (example === "response" && response) response.example = value;
      }
      example = undefined;
    }
  }

  op.description = description.join("\n\n");
  // "Required properties" alone does not say the rest cannot be set: only a page that also
  // lists the optional ones lists everything settable.
  if (listsSettable) op.settable = settable;
  return op;
}

/**
 * A required property whose nested bullets are prose ("Required for Cluster-scoped
 * interfaces." / "Optional for SVM-scoped interfaces.") is required only in some cases the
 * schema cannot tell apart: it is settable, not `required`.
 */
function isConditional(blocks: readonly Block[], i: number): boolean {
  const next = blocks[i + 1];
  return (
    next?.kind === "bullet" &&
    next.nested === true &&
    !PROPERTY_BULLET.test(next.text.replace(/``+/g, "`"))
  );
}

/**
 * A path must be a valid OpenAPI path template: segments of text or one `{parameter}`, each
 * parameter once. Returns what is wrong, or undefined.
 */
function pathTemplateProblem(path: string): string | undefined {
  const names = new Set<string>();
  const segments = path.split("/").slice(1);
  for (const [i, segment] of segments.entries()) {
    if (segment === "" && i === segments.length - 1) continue;
    const param = /^\{([A-Za-z0-9_.-]+)\}$/.exec(segment);
    if (param) {
      if (names.has(param[1]!))
        return `expected each path parameter once, found {${param[1]}} twice`;
      names.add(param[1]!);
    } else if (segment === "" || /[{}]/.test(segment)) {
      return "expected a path like /a/{b}: segments of text or one {parameter}";
    }
  }
  return undefined;
}
