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
        if (closed !== undefined && tryParse(closed).ok) best = candidate;
      }
    }
    text = best ?? [...before, ...after].join("\n");
  }
  const closed = closeOpen(text);
  const repaired = closed === undefined ? undefined : tryParse(closed);
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

/** A line break inside a string was a wrap, not content: it becomes one space. */
function unwrapStrings(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") {
        out += c + (text[i + 1] ?? "");
        i++;
        continue;
      }
      if (c === '"') inString = false;
      if (c === "\n") {
        while (text[i + 1] === " " || text[i + 1] === "\t") i++;
        out += " ";
        continue;
      }
    } else if (c === '"') inString = true;
    out += c;
  }
  return out;
}

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
