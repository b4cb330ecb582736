import type { Diagnostics } from "../diagnostics.js";

/**
 * Bytes to text. Reference pages are UTF-8; anything else is replaced, not rejected, so that
 * a page with a few bad bytes still gives what the rest of it says. A file that is mostly
 * binary is reported as unusable by the caller (no operation will be found in it).
 */
export function decodePage(bytes: Uint8Array, file: string, diagnostics: Diagnostics): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const bad = countOf(text, "\uFFFD") + countOf(text, "\u0000");
  if (bad > 0) {
    const line = lineOfFirst(text, /[\uFFFD\u0000]/);
    diagnostics.warning(file, line, `${bad} byte(s) are not UTF-8 text; they were ignored`);
  }
  // NULs and other C0 controls (but tab and newlines) carry nothing in a reference page.
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/g, "");
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function lineOfFirst(text: string, pattern: RegExp): number {
  const at = text.search(pattern);
  if (at < 0) return 1;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
