/**
 * The scale corpus of `pnpm bench:scale` and scripts/test/scale.test.ts: NetApp's AsciiDoc
 * pages (`../shared/ontap-docs/corpus/adoc`, read in place, never copied into the repository)
 * as one doc set, grown to any number of operations by renamed copies.
 *
 * Copy `r` (r ≥ 2; copy 1 is the pages as they are) renames, so that no two copies merge:
 * - every API path: its first segment gets `-r<r>` (`/storage/luns` → `/storage-r3/luns`),
 *   wherever a page prints it (the operation line, `DOC /path` links, example calls);
 * - every definition: its anchor, its title and every link to it get `_r<r>`, so each copy
 *   has components of its own, as the real reference has thousands of definitions, not 214;
 * - the error codes of its `== Error` section: copy r gets code group `g = (r - 1) % GROUPS`,
 *   and a code `c` of group g ≥ 1 becomes `g·10⁹ + c`. With 532 codes in the pages and 8
 *   groups, 1,500 operations document ≥ 4,000 distinct codes, and every code is documented by
 *   several operations (copies r and r + 8 share their group) as the real reference's generic
 *   codes are: that is what "one catalog entry per code however many operations document it"
 *   is tested on. Distinct codes for every copy would give 11,000 codes for 1,500 operations,
 *   far more than the real API; shared codes for every copy would give 532.
 *
 * The bench's ingest corpus (bench/ingest.bench.ts) renames text/pipe pages of two families by
 * their `METHOD /path` lines; AsciiDoc prints paths in `[.api-doc-code-block]` spans and links,
 * and defines its definitions with anchors, so this module has renaming rules of its own.
 *
 * Sizes are counted in operations: `operations: n` takes whole copies, then the first operation
 * pages (in file-name order) of one more copy, with every overview page of each copy taken.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CORPUS_DIR = fileURLToPath(
  new URL("../../../shared/ontap-docs/corpus/adoc", import.meta.url),
);

/** Code groups: copies r and r + GROUPS document the same codes. */
export const GROUPS = 8;

export interface Page {
  /** A file name unique in the corpus (`r<r>/<page>.adoc`). */
  file: string;
  text: string;
}

export interface Original extends Page {
  /** An operation page (`<method>-….adoc`), not an endpoint overview. */
  operation: boolean;
}

/** The AsciiDoc pages, or undefined when the corpus folder is absent. */
export function readOriginals(dir = CORPUS_DIR): Original[] | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((name) => name.endsWith(".adoc"))
    .sort()
    .map((name) => ({
      file: name,
      text: readFileSync(join(dir, name), "utf8"),
      operation: /^(get|post|patch|delete|put|head|options)-/.test(name),
    }));
}

/** The first path segments of the pages' operations (`storage`, `protocols`, …). */
function topSegments(originals: readonly Original[]): string[] {
  const segments = new Set<string>();
  for (const page of originals) {
    const match = /api-doc-code-block\]#`\/([^/`]+)/.exec(page.text);
    if (match) segments.add(match[1]!);
  }
  return [...segments].sort();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface Renamer {
  (text: string, r: number): string;
}

/** The renaming of copy `r` for these pages (copy 1 is left as it is). */
export function renamer(originals: readonly Original[]): Renamer {
  const segments = topSegments(originals);
  // A path's first segment where a path starts: after a space, quote, backtick, `(`, `[`,
  // `#`, `=` or `/api`; and not already followed by a word character or `-` (`/storage-x`).
  const path = new RegExp(
    `(?<=^|[\\s"'\`(\\[#=]|/api)/(${segments.map(escape).join("|")})(?![\\w-])`,
    "gm",
  );
  return (text, r) => {
    if (r === 1) return text;
    const group = (r - 1) % GROUPS;
    let out = text.replace(path, `/$1-r${r}`);
    // Definitions: `[#name]` anchors, the title line after them, `link:#name[name]` links.
    out = out
      .replace(/^\[#([\w.-]+)\]$/gm, `[#$1_r${r}]`)
      .replace(
        /^(\[#[\w.-]+_r\d+\]\n\[\.api-collapsible-fifth-title\]\n)([\w.-]+)$/gm,
        `$1$2_r${r}`,
      )
      .replace(/link:#([\w.-]+)\[([\w.-]+)\]/g, `link:#$1_r${r}[$2_r${r}]`);
    if (group === 0) return out;
    // Error codes: the cells of the `== Error` section (up to the next `== ` heading).
    return out.replace(/^== Error\n[\s\S]*?(?=^== |(?![\s\S]))/m, (section) =>
      section.replace(
        /^(\|\s*)(\d{1,9})(?=\s*(?:\||$))/gm,
        (_all, pre: string, code: string) => `${pre}${group * 1e9 + Number(code)}`,
      ),
    );
  };
}

/**
 * The corpus of `operations` operations (at least one copy's overview pages): whole copies,
 * then the first operation pages of one more copy.
 */
export function scaleCorpus(originals: readonly Original[], operations: number): Page[] {
  const rename = renamer(originals);
  const perCopy = originals.filter((p) => p.operation).length;
  const pages: Page[] = [];
  let left = operations;
  for (let r = 1; left > 0; r++) {
    let taken = 0;
    for (const page of originals) {
      if (page.operation) {
        if (taken >= left) continue;
        taken++;
      }
      pages.push({ file: `r${r}/${page.file}`, text: rename(page.text, r) });
    }
    left -= Math.min(perCopy, left);
  }
  return pages;
}

/** Operation pages per copy. */
export function operationsPerCopy(originals: readonly Original[]): number {
  return originals.filter((p) => p.operation).length;
}
