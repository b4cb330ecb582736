/**
 * Examples as the pages print them. The PDF wraps long strings over lines, and splits a JSON
 * object at page breaks: the part before the break is closed early (`}` lines the original
 * does not have), the part after it starts with the closers of the original, and the last
 * closers can be missing. `parseExampleParts` reassembles such parts.
 */
export type ParsedExample = { ok: true; value: unknown } | { ok: false; reason: string };

const CLOSER_LINE = /^\s*[}\]],?\s*$/;
/** Bounds the repair search, so that a long garbage input costs little. */
const MAX_TRIM = 6;

export function parseExampleParts(parts: readonly string[]): ParsedExample {
  const joined = parseExampleJson(parts.join("\n"));
  if (joined.ok || parts.length === 0) return joined;
  // The search below expects most attempts to fail: failing parses without a stack trace
  // cost a fraction of the usual exception.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return repair(parts) ?? joined;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function repair(parts: readonly string[]): ParsedExample | undefined {
  // Try dropping the early closers at each break, then close whatever is left open.
  let text = unwrapStrings(parts[0]!);
  // The text chosen at the last break was parsed when it was chosen; the final parse of the
  // same text reuses that value instead of parsing it again.
  let chosen: { json: string; parsed: ParsedExample } | undefined;
  for (const next of parts.slice(1)) {
    const before = text.split("\n");
    const after = unwrapStrings(next).split("\n");
    let best: string | undefined;
    // Most often every closer before the break is the converter's (t = all of them), so the
    // search starts there.
    for (let t = Math.min(MAX_TRIM, trailingClosers(before)); t >= 0 && best === undefined; t--) {
      for (let s = 0; s <= Math.min(MAX_TRIM, leadingClosers(after)) && best === undefined; s++) {
        const candidate = [...before.slice(0, before.length - t), ...after.slice(s)].join("\n");
        const closed = closeOpen(candidate);
        const parsed = closed === undefined ? undefined : tryParse(closed);
        if (parsed?.ok) {
          best = candidate;
          chosen = { json: closed!, parsed };
        }
      }
    }
    text = best ?? [...before, ...after].join("\n");
  }
  const closed = closeOpen(text);
  const repaired =
    closed === undefined ? undefined : closed === chosen?.json ? chosen.parsed : tryParse(closed);
  return repaired?.ok ? repaired : undefined;
}

function trailingClosers(lines: readonly string[]): number {
  let n = 0;
  for (let i = lines.length - 1; i >= 0 && (CLOSER_LINE.test(lines[i]!) || !lines[i]!.trim()); i--)
    n++;
  return n;
}

function leadingClosers(lines: readonly string[]): number {
  let n = 0;
  while (n < lines.length && (CLOSER_LINE.test(lines[n]!) || !lines[n]!.trim())) n++;
  return n;
}

/**
 * Appends the closers for brackets left open (strings respected) and drops a dangling comma;
 * undefined when a closer does not match what is open (no point in parsing that).
 */
function closeOpen(text: string): string | undefined {
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") stack.push("}");
    else if (c === "[") stack.push("]");
    else if ((c === "}" || c === "]") && stack.pop() !== c) return undefined;
  }
  return text.replace(/,\s*$/, "") + stack.reverse().join("");
}

/**
 * A line break inside a string was a wrap, not content: it becomes one space (with the
 * indentation after it). The text is copied in slices between such breaks, not one character
 * at a time: examples are most of a PDF chapter's bytes, and most have no wrapped string.
 */
function unwrapStrings(text: string): string {
  if (!text.includes("\n")) return text;
  let out = "";
  let from = 0; // start of the slice not yet copied
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      else if (c === NEWLINE) {
        out += text.slice(from, i) + " ";
        while (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB) i++;
        from = i + 1;
      }
    } else if (c === QUOTE) inString = true;
  }
  return from === 0 ? text : out + text.slice(from);
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

function parseExampleJson(text: string): ParsedExample {
  return tryParse(unwrapStrings(text));
}

function tryParse(json: string): ParsedExample {
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}
