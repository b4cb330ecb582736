/**
 * Cleaning of the text of a cell or line: HTML from the web pages, escaped Markdown from the
 * PDF conversion, and the bullets (`• Default value: 1`) that carry schema facts.
 */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X"
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000
        ? String.fromCodePoint(code)
        : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** `azure\_key\_vault` → `azure_key_vault`. */
function unescapeMarkdown(text: string): string {
  if (!text.includes("\\")) return text;
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, "$1");
}

/**
 * Replaces each `<tag …>content</tag>` with `replace(content)`, scanning once: a lazy regex
 * would rescan to the end of the text for every unclosed tag.
 */
function replaceElements(text: string, tag: string, replace: (content: string) => string): string {
  const lower = text.toLowerCase();
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let out = "";
  let pos = 0;
  for (;;) {
    const start = lower.indexOf(open, pos);
    if (start < 0) break;
    const after = lower[start + open.length];
    const gt = after === ">" || after === " " || after === "\t" ? lower.indexOf(">", start) : -1;
    if (gt < 0) {
      out += text.slice(pos, start + open.length);
      pos = start + open.length;
      continue;
    }
    const end = lower.indexOf(close, gt);
    if (end < 0) break;
    out += text.slice(pos, start) + replace(text.slice(gt + 1, end));
    pos = end + close.length;
  }
  return out + text.slice(pos);
}

/** Inline HTML to text: links and tags dropped, `<code>` kept as backticks. */
function stripHtml(text: string): string {
  if (!text.includes("<")) return text;
  return replaceElements(text, "code", (content) => `\`${content}\``)
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<\/?(p|a|span|div|ul|ol|li|em|strong|b|i|code|private)(\s[^<>]*)?>/gi, " ");
}

/** `link:page(#anchor)`: AsciiDoc link markup a web page leaked, without its text. */
const LEAKED_LINK = /link:[^\s()[\]]*\(#[^()\s]*\)/g;
/** `[doc /x](#anchor)`: a Markdown link to an anchor, kept as its text. */
const ANCHOR_LINK = /\[([^[\]]*)\]\(#[^()\s]*\)/g;

/**
 * Link markup leaked into the saved web pages. Repeated until nothing is left (bounded by the
 * links the text holds), so that cleaning cleaned text finds nothing more to remove.
 */
function stripLeakedLinks(text: string): string {
  if (!text.includes("(#")) return text;
  for (let n = 0; n < 64; n++) {
    const next = text.replace(LEAKED_LINK, "").replace(ANCHOR_LINK, "$1");
    if (next === text) break;
    text = next;
  }
  return text;
}

const UNTIDY_SPACE = /\s\s|[\t\n\r\f\v\u00a0]|^\s|\s$/;

function collapse(text: string): string {
  // Most cells are already tidy; testing first saves a new string per cell.
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}

/** What any of the steps before `collapse` acts on: most text has none (one scan, not four). */
const ANY_MARKUP = /[\\<&]|\(#/;

export function cleanText(raw: string): string {
  if (!ANY_MARKUP.test(raw)) return collapse(raw);
  return collapse(stripLeakedLinks(decodeEntities(stripHtml(unescapeMarkdown(raw)))));
}

/** A description cell split into its prose and its bullets (`<li>` items or `•` items). */
export function splitCell(raw: string): { text: string; notes: string[] } {
  const notes: string[] = [];
  if (!raw.includes("<") && !raw.includes("•")) return { text: cleanText(raw), notes };
  let rest = replaceElements(raw, "li", (item) => {
    notes.push(item);
    return " ";
  });
  rest = rest.replace(/<ul[^>]*>|<\/ul>/gi, " ");
  const [prose = "", ...bullets] = rest.split("•");
  notes.push(...bullets);
  return {
    text: cleanText(prose),
    notes: notes.map((n) => cleanText(n).replace(/^•\s*/, "")).filter((n) => n !== ""),
  };
}

/** Name cells: `<code>_links</code>` and `` `uuid` `` are plain names. */
export function cleanName(raw: string): string {
  const text = cleanText(raw);
  return text.includes("`") ? text.replace(/`/g, "") : text;
}

/**
 * `cleanText` of a text that already is `cleanText` output (a cell after a row's first, the
 * text of a line block). Cleaning is not idempotent (`\\_` or `&amp;lt;` change again), but
 * only text holding `\`, `<` or `&` can change: the white space of cleaned text is already
 * tidy. Skipping the white-space test of long descriptions cleaned a second time saves a
 * good share of the cleaning.
 */
export function recleanText(clean: string): string {
  return clean.includes("\\") || clean.includes("<") || clean.includes("&")
    ? cleanText(clean)
    : clean;
}

/** `cleanName` of `cleanText` output (see `recleanText`). */
export function recleanName(clean: string): string {
  const text = recleanText(clean);
  return text.includes("`") ? text.replace(/`/g, "") : text;
}

/** `splitCell` of `cleanText` output (see `recleanText`). */
export function resplitCell(clean: string): { text: string; notes: string[] } {
  if (clean.includes("<") || clean.includes("•")) return splitCell(clean);
  return { text: recleanText(clean), notes: [] };
}
