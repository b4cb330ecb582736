/**
 * The words ONTAP reference pages use for their own structure. They are the same for every
 * endpoint family (they come from NetApp's page generator), so they are safe to rely on.
 */

/** Column titles of the tables that the pages print (parameters, properties, error codes). */
const COLUMNS = ["Error Code", "Required", "Description", "Name", "Type", "In"] as const;
export type Column = (typeof COLUMNS)[number];
const BY_LOWER_CASE = new Map<string, Column>(COLUMNS.map((c) => [c.toLowerCase(), c]));
/** Cheap first test: every header line (or first cell) starts with a column title. */
const HEADER_START = /^\s*(?:error code|required|description|name|type|in)\b/i;

export function mayBeHeader(line: string): boolean {
  return HEADER_START.test(line);
}

/** Lines that belong to the web site or the PDF, not to the API. */
const CHROME = new Set([
  "skip to main content",
  "a newer release of this product is available.",
  "contributors",
  "learn more",
  "pdfs",
  "see definitions",
  // The web site's "download a PDF" banner, saved between a page's title and its operation.
  "pdf of this doc site",
  "collection of separate pdf docs",
  "creating your file...",
]);

/**
 * Tested on trimmed text: `[ \t]+(…+)$` cannot backtrack into a long run of spaces. The path
 * is a path template: a line with a query, quotes or `<placeholders>` (`GET "/api/x?a=<b"`)
 * is an example call, never the operation a page documents. So is a path under `/api/`
 * (`# The API:` / `GET /api/x` in an endpoint overview): operation pages print their path
 * relative to `/api`, the spec's server.
 */
export const METHOD_LINE =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?!\/api\/)([\w.{}/~-]+)$/;
export const STATUS_LINE = /^Status:\s*(\d{3}|Default)\b\s*,?\s*(.*)$/i;

/** Section titles that may be glued to the text before them in the pipe rendering. */
const GLUEABLE = [
  "ONTAP Error Response Codes",
  "Example response",
  "Example request",
  "Example error",
  "See Definitions",
  "Definitions",
  "Request Body",
  "Parameters",
  "Response",
  "Error",
];

const SECTION =
  /^(parameters|request body|response|responses|headers|error|errors|definitions|example request|example response|example error|required properties|optional properties|required parameters|required fields|optional parameters|related ontap commands|ontap error response codes|status:.*|introduced in:.*)$/i;

/** The longest chrome line; a longer line is not chrome (checked first: most lines are). */
const CHROME_MAX = Math.max(...[...CHROME].map((c) => c.length)) + 2;

/** First letters of the chrome lines, as lower-case char codes. */
const CHROME_FIRST = new Set([...CHROME].map((c) => c.charCodeAt(0)));

export function isChrome(text: string): boolean {
  if (text.length > CHROME_MAX) return false;
  // A line starting with an ASCII letter no chrome line starts with is not chrome; decided
  // without the trimmed, lower-cased copy (this runs on every line of every page).
  const c = text.charCodeAt(0);
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (letter && !CHROME_FIRST.has(c | 0x20)) return false;
  return CHROME.has(text.trim().toLowerCase());
}

/**
 * Titles of the bulleted lists before an operation's tables (`Required properties`, `Default
 * property values`, `Related ONTAP commands`): the pipe rendering gives them no other mark.
 */
const LIST_TITLE =
  /^[A-Z][A-Za-z ]{0,40}\b(?:properties|property values|parameters|fields|commands)$/;

export function isListTitle(text: string): boolean {
  return text.length < 60 && LIST_TITLE.test(text);
}

/** Section titles are capitalised; `error` (lower case) is a property or definition name. */
export function isSectionTitle(text: string): boolean {
  const t = text.trim();
  return /^[A-Z]/.test(t) && SECTION.test(t);
}

/**
 * Reads a table header from its cells (pdf, pipe) or from one line of words (text, where the
 * header is printed as `Name Type In Required Description`). Returns undefined for anything
 * that is not made only of known column titles.
 */
export function parseHeader(cellsOrLine: readonly string[] | string): Column[] | undefined {
  const line = typeof cellsOrLine === "string";
  if (line && !HEADER_START.test(cellsOrLine)) return undefined;
  // A header has a handful of columns; a longer line is not one, and is rejected cheaply.
  const words = line
    ? cellsOrLine.trim().split(/\s+/, 2 * COLUMNS.length + 1)
    : cellsOrLine.map((c) => c.trim());
  const columns: Column[] = [];
  for (let i = 0; i < words.length; i++) {
    if (columns.length === COLUMNS.length) return undefined;
    let column = BY_LOWER_CASE.get(words[i]!.toLowerCase());
    // On a text line the two-word title comes as two words.
    if (!column && line && `${words[i]} ${words[i + 1]}`.toLowerCase() === "error code") {
      column = "Error Code";
      i++;
    }
    if (!column) return undefined;
    columns.push(column);
  }
  const known = columns.includes("Name") || columns.includes("Error Code");
  return known && columns.length >= 2 ? columns : undefined;
}

/** `Status: 200, OkError` → [`Status: 200, Ok`, `Error`]: the pipe rendering glues headings. */
const MAX_GLUED = 4;
const GLUED_TAIL = new RegExp(`[a-z0-9)](?:${GLUEABLE.join("|")})$`);

export function splitGluedHeadings(text: string): string[] {
  const titles: string[] = [];
  let rest = text;
  // A real page glues two or three titles at most; the bound keeps a garbage line cheap.
  while (titles.length < MAX_GLUED && GLUED_TAIL.test(rest)) {
    const title = GLUEABLE.find((t) => rest.endsWith(t))!;
    rest = rest.slice(0, -title.length);
    titles.unshift(title);
  }
  return [rest, ...titles];
}
