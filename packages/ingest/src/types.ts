/** The ways NetApp's reference pages reach people: PDF, two web savings, the AsciiDoc source. */
export type Rendering = "pdf" | "text" | "pipe" | "adoc";

/** One input file, as given on the command line (or borrowed by a doc set manifest). */
export interface SourcePage {
  /** Path as it should appear in diagnostics and provenance (relative, posix). */
  file: string;
  text: string;
  /** Set when a doc set borrows this page from another release's docs. */
  borrowedFrom?: string;
}

/** A table row with the bullets (schema facts) that follow it in the page. */
export interface Row {
  /**
   * The first cell is `cleanName` output, every other cell `cleanText` output (or empty):
   * the extractors rely on it to skip cleaning them a second time.
   */
  cells: string[];
  line: number;
  notes: string[];
}

/**
 * The common shape every rendering is reduced to. Headings are not trusted to be headings
 * (renderings disagree), so structure is read from the text of `line` blocks.
 */
export type Block =
  | { kind: "line"; text: string; line: number; heading: boolean }
  /**
   * `href`: where a bullet that is a link points (the AsciiDoc "Learn more" links). `nested`:
   * a bullet under another one (AsciiDoc `**`, `***`), which qualifies it.
   */
  | { kind: "bullet"; text: string; line: number; href?: string; nested?: boolean }
  | { kind: "table"; header: string[]; rows: Row[]; line: number; endLine: number }
  | { kind: "code"; text: string; line: number };

/** A documented type as written in a table cell: `string`, `array[svm]`, `_links`, or missing. */
export type TypeRef =
  | { kind: "primitive"; name: "string" | "integer" | "boolean" | "number" | "object" }
  | { kind: "array"; items: TypeRef }
  | { kind: "named"; name: string }
  | { kind: "missing" }
  /** A cell that is neither a known type nor a name a definition could have. */
  | { kind: "unreadable"; text: string };

/** Facts a page states about one property or parameter (from bullets, cells or prose). */
export interface Facts {
  default?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  enum?: string[];
  format?: string;
  introduced?: string;
  readOnly?: boolean;
  /** `readCreate: 1`: returned, and settable when the object is created (POST), not after. */
  readCreate?: boolean;
  /** `x-ntap-createOnly: true`: settable only when the object is created. */
  createOnly?: boolean;
  /** `x-ntap-deprecated: 9.13.1`: the release that deprecated it. */
  deprecated?: string;
  /** `x-nullable: true`: the value may be `null`. */
  nullable?: boolean;
  /** `example: svm1`, as printed (typed when emitted). */
  example?: string;
  /** The description stops mid-sentence (the page was cut off or mangled there). */
  cutOff?: boolean;
}

export interface Property {
  name: string;
  type: TypeRef;
  description: string;
  facts: Facts;
  line: number;
}

export interface Definition {
  /** Missing when the page lost the name line; recovered during reconciliation. */
  name?: string;
  description: string;
  properties: Property[];
  line: number;
  /** The page is cut off inside this definition: its property list may be incomplete. */
  partial: boolean;
}

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  type: TypeRef;
  description: string;
  facts: Facts;
  line: number;
}

export interface ErrorCode {
  code: string;
  description: string;
  line: number;
}

export interface Example {
  value: unknown;
  line: number;
}

/** A response header the page documents (`Location`). */
export interface HeaderDoc {
  name: string;
  type: TypeRef;
  description: string;
  line: number;
}

export interface ResponseDoc {
  /** "200", "202", "default", ... */
  status: string;
  description: string;
  line: number;
  properties?: Property[];
  example?: Example;
  errorCodes: ErrorCode[];
  headers?: HeaderDoc[];
}

/** `svm.uuid or svm.name` is one requirement with two alternatives. */
export type Requirement = string[];

export interface RequestBodyDoc {
  properties: Property[];
  line: number;
  example?: Example;
}

export interface OperationDoc {
  method: string;
  path: string;
  summary: string;
  description: string;
  introduced?: string;
  cli: string[];
  parameters: Parameter[];
  requestBody?: RequestBodyDoc;
  required: Requirement[];
  /** Properties the page lists as settable ("Required/Optional properties"); undefined when it lists none. */
  settable?: string[];
  responses: ResponseDoc[];
  definitions: Definition[];
  file: string;
  line: number;
  borrowedFrom?: string;
  /** The endpoint overview page the operation's page links to ("Learn more": `DOC /path`). */
  overview?: { href: string; path: string };
}

export interface CodeSample {
  label: string;
  source: string;
}

export interface OverviewDoc {
  description: string;
  codeSamples: CodeSample[];
  line: number;
  /** The endpoint its example calls name most (`/protocols/cifs/shares`), if they name one. */
  endpoint?: string;
}

export interface PageDoc {
  file: string;
  rendering: Rendering;
  operations: OperationDoc[];
  overview?: OverviewDoc;
  truncated: boolean;
  /** The page's own address in its doc site (AsciiDoc front matter), which other pages link. */
  permalink?: string;
}
