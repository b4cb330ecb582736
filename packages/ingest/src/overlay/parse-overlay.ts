import {
  type Document,
  LineCounter,
  type Node,
  type Pair,
  YAMLMap,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
} from "yaml";
import { type Diagnostic, Diagnostics } from "../diagnostics.js";
import { JsonPathSyntaxError, parseJsonPath } from "./json-path-syntax.js";
import { findBadUpdateKey } from "./update-keys.js";

/** One action of an overlay, as the file states it. */
export interface OverlayAction {
  /** An RFC 9535 JSONPath (read by json-p3, see json-path-syntax.ts). */
  target: string;
  description?: string;
  /** Merged into each matched object, appended to each matched array, or replaces a scalar. */
  update?: unknown;
  /** Deletes each matched node; `update` is then ignored (Overlay 1.0). */
  remove?: boolean;
  /** 1-based position in `actions`, and the line the action starts on, for diagnostics. */
  index: number;
  line: number;
}

/** An OpenAPI Overlay 1.0 document. */
export interface Overlay {
  /** Where it was read from, as shown in diagnostics and recorded in `info.x-ntap-overlays`. */
  file: string;
  overlay: string;
  info: { title: string; version: string };
  /** The URL of the document it is written for; see `overlayAppliesTo`. */
  extends?: string;
  actions: OverlayAction[];
}

export interface ParseOverlayResult {
  /** Absent when the document as a whole cannot be used (not YAML, wrong header). */
  overlay?: Overlay;
  diagnostics: Diagnostic[];
}

const OVERLAY_VERSION = /^1\.0\.\d+$/;
const TOP_FIELDS = ["overlay", "info", "extends", "actions"];
const INFO_FIELDS = ["title", "version"];
const ACTION_FIELDS = ["target", "description", "update", "remove"];

/**
 * Reads and checks an Overlay 1.0 document. Every problem is a diagnostic at its line; an
 * action with a problem is left out and the others kept, but a wrong header (`overlay`,
 * `info`, `extends`, `actions`) leaves the whole overlay out: which document it is for, or
 * under which rules, is then unknown.
 */
export function parseOverlay(file: string, text: string): ParseOverlayResult {
  const diagnostics = new Diagnostics();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: Node | null | undefined, fallback = 1): number =>
    node?.range ? lines.linePos(node.range[0]).line : fallback;

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const message =
        e.code === "MULTIPLE_DOCS"
          ? "expected one YAML document, found several"
          : firstLine(e.message);
      diagnostics.error(file, e.linePos?.[0].line ?? 1, `not YAML: ${message}`);
    }
    return { diagnostics: diagnostics.items };
  }
  for (const w of doc.warnings) {
    diagnostics.warning(file, w.linePos?.[0].line ?? 1, firstLine(w.message));
  }

  const read = new Reader(file, doc, lineOf, diagnostics);
  const root = read.map(doc.contents, "the overlay", 1);
  if (!root) return { diagnostics: diagnostics.items };
  const fields = read.fields(root, TOP_FIELDS, "");
  let usable = true;

  const version = read.string(fields, "overlay", "", true, root);
  if (version !== undefined && !OVERLAY_VERSION.test(version)) {
    diagnostics.error(
      file,
      lineOf(fields.get("overlay")?.value as Node),
      `overlay: expected 1.0.x (this reads OpenAPI Overlay 1.0), found ${JSON.stringify(version)}`,
    );
    usable = false;
  }
  if (version === undefined) usable = false;

  const infoNode = fields.get("info");
  const infoMap = infoNode
    ? read.map(infoNode.value as Node, "info", lineOf(infoNode.key as Node))
    : read.missing("info", root);
  let info: Overlay["info"] | undefined;
  if (infoMap) {
    const infoFields = read.fields(infoMap, INFO_FIELDS, "info.");
    const title = read.string(infoFields, "title", "info.", true, infoMap);
    const version = read.string(infoFields, "version", "info.", true, infoMap);
    if (title !== undefined && version !== undefined) info = { title, version };
  }
  if (!info) usable = false;

  const extendsUrl = read.string(fields, "extends", "", false, root);
  if (fields.has("extends") && (extendsUrl === undefined || extendsUrl === "")) {
    if (extendsUrl === "") {
      diagnostics.error(
        file,
        lineOf(fields.get("extends")!.value as Node),
        "extends: expected a URL, found an empty string",
      );
    }
    usable = false;
  }

  const actionsPair = fields.get("actions");
  const actionsNode = actionsPair ? read.resolve(actionsPair.value as Node) : undefined;
  const actions: OverlayAction[] = [];
  if (!actionsPair) {
    read.missing("actions", root);
    usable = false;
  } else if (!isSeq(actionsNode) || actionsNode.items.length === 0) {
    diagnostics.error(
      file,
      lineOf(actionsNode, lineOf(actionsPair.key as Node)),
      `actions: expected a list of at least one action, found ${read.describe(actionsNode)}`,
    );
    usable = false;
  } else {
    actionsNode.items.forEach((item, i) => {
      const action = read.action(item as Node, i + 1);
      if (action) actions.push(action);
    });
  }

  if (!usable) return { diagnostics: diagnostics.items };
  const overlay: Overlay = { file, overlay: version!, info: info!, actions };
  if (extendsUrl !== undefined) overlay.extends = extendsUrl;
  return { overlay, diagnostics: diagnostics.items };
}

/** Field-by-field checks over the YAML nodes, so that every message has its line. */
class Reader {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lineOf: (node: Node | null | undefined, fallback?: number) => number,
    private readonly diagnostics: Diagnostics,
  ) {}

  resolve(node: Node | null | undefined): Node | null | undefined {
    return isAlias(node) ? (node.resolve(this.doc) as Node | undefined) : node;
  }

  map(node: Node | null | undefined, what: string, fallbackLine: number): YAMLMap | undefined {
    const resolved = this.resolve(node);
    if (isMap(resolved)) return resolved;
    this.diagnostics.error(
      this.file,
      this.lineOf(resolved, fallbackLine),
      `${what}: expected a mapping, found ${this.describe(resolved)}`,
    );
    return undefined;
  }

  missing(field: string, owner: YAMLMap, prefix = ""): undefined {
    this.diagnostics.error(
      this.file,
      this.lineOf(owner),
      `${prefix}expected \`${field}\`, found none`,
    );
    return undefined;
  }

  /** The mapping's pairs by key; unknown keys (but `x-` extensions) are errors. */
  fields(map: YAMLMap, known: readonly string[], prefix: string): Map<string, Pair> {
    const out = new Map<string, Pair>();
    for (const pair of map.items) {
      const keyNode = this.resolve(pair.key as Node);
      const key = isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof key === "string" && (known.includes(key) || key.startsWith("x-"))) {
        out.set(key, pair);
        continue;
      }
      this.diagnostics.error(
        this.file,
        this.lineOf(keyNode),
        `${prefix}${typeof key === "string" ? key : this.describe(keyNode)}: unknown field, expected ${known.join(", ")} or x-…`,
      );
    }
    return out;
  }

  string(
    fields: Map<string, Pair>,
    key: string,
    prefix: string,
    required: boolean,
    owner: YAMLMap,
  ): string | undefined {
    const pair = fields.get(key);
    if (!pair) {
      // `info.` names a field of info; `info: ` says what info lacks.
      if (required) this.missing(key, owner, prefix.replace(/\.$/, ": "));
      return undefined;
    }
    const node = this.resolve(pair.value as Node);
    if (isScalar(node) && typeof node.value === "string") return node.value;
    this.diagnostics.error(
      this.file,
      this.lineOf(node, this.lineOf(pair.key as Node)),
      `${prefix}${key}: expected a string${isScalar(node) && node.value !== null ? " (quote it)" : ""}, found ${this.describe(node)}`,
    );
    return undefined;
  }

  action(item: Node, index: number): OverlayAction | undefined {
    const where = `action ${index}`;
    const map = this.map(item, where, 1);
    if (!map) return undefined;
    // An alias (`- *fix`) lists the action on its own line; its anchor's line is another action's.
    const line = this.lineOf(isAlias(item) ? item : map);
    const errors = this.diagnostics.items.length;
    const fields = this.fields(map, ACTION_FIELDS, `${where}: `);

    const target = this.string(fields, "target", `${where}: `, true, map);
    if (target !== undefined) {
      try {
        parseJsonPath(target);
      } catch (e) {
        if (!(e instanceof JsonPathSyntaxError)) throw e;
        this.diagnostics.error(
          this.file,
          this.lineOf(fields.get("target")!.value as Node),
          `${where}: target ${JSON.stringify(target)}: ${e.message}`,
        );
      }
    }
    const description = this.string(fields, "description", `${where}: `, false, map);

    let remove: boolean | undefined;
    const removePair = fields.get("remove");
    if (removePair) {
      const node = this.resolve(removePair.value as Node);
      if (isScalar(node) && typeof node.value === "boolean") remove = node.value;
      else {
        this.diagnostics.error(
          this.file,
          this.lineOf(node, line),
          `${where}: remove: expected true or false, found ${this.describe(node)}`,
        );
      }
    }

    let update: unknown;
    const updatePair = fields.get("update");
    if (updatePair) {
      let bad: string | undefined;
      // Before toJS, which would turn such a key into some other string.
      const badKey = findBadUpdateKey(updatePair.value as Node | null, this.doc);
      if (badKey) {
        this.diagnostics.error(
          this.file,
          this.lineOf(badKey.node, this.lineOf(updatePair.value as Node, line)),
          `${where}: update: ${badKey.message}`,
        );
      } else {
        try {
          update = (updatePair.value as Node | null)?.toJS(this.doc) ?? null;
          bad = notJson(update, "update");
        } catch (e) {
          // The yaml package refuses aliases that expand without bound (a "billion laughs").
          bad = `update: ${(e as Error).message}`;
        }
      }
      if (bad) {
        this.diagnostics.error(
          this.file,
          this.lineOf(updatePair.value as Node, line),
          `${where}: ${bad}`,
        );
      }
      if (remove === true) {
        this.diagnostics.warning(
          this.file,
          this.lineOf(updatePair.key as Node, line),
          `${where}: update is ignored, remove: true removes the target (Overlay 1.0)`,
        );
      }
    }
    if (!updatePair && remove !== true && !removePair) {
      this.diagnostics.error(
        this.file,
        line,
        `${where}: expected \`update\` or \`remove: true\`, found neither`,
      );
    } else if (!updatePair && remove === false) {
      this.diagnostics.error(
        this.file,
        line,
        `${where}: remove: false and no update: the action does nothing`,
      );
    }

    if (this.diagnostics.items.slice(errors).some((d) => d.severity === "error")) return undefined;
    const action: OverlayAction = { target: target!, index, line };
    if (description !== undefined) action.description = description;
    if (updatePair && remove !== true) action.update = update;
    if (remove === true) action.remove = true;
    return action;
  }

  describe(node: Node | null | undefined): string {
    if (node === null || node === undefined) return "nothing";
    if (isMap(node)) return "a mapping";
    if (isSeq(node)) return node.items.length === 0 ? "an empty list" : "a list";
    if (isScalar(node)) {
      const v = node.value;
      return v === null
        ? "null"
        : typeof v === "string"
          ? JSON.stringify(v)
          : `${typeof v} ${String(v)}`;
    }
    return "something else";
  }
}

/** The yaml package's pretty messages end in ` at line L, column C:` and an excerpt; the line is in the diagnostic. */
function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/** The spec is JSON: a value YAML can say but JSON cannot (`.nan`, `.inf`) would be lost. */
function notJson(value: unknown, path: string): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : `${path}: ${value} is not a JSON number`;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = notJson(item, `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, item] of Object.entries(value)) {
      const bad = notJson(item, `${path}.${k}`);
      if (bad) return bad;
    }
    return undefined;
  }
  return `${path}: expected a JSON value, found ${Object.prototype.toString.call(value)}`;
}
