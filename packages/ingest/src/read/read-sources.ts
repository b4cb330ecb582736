import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import type { Diagnostics } from "../diagnostics.js";
import type { SourcePage } from "../types.js";
import { decodePage } from "./decode-page.js";

/** A doc set folder may carry this manifest: pages it borrows from another release's folder. */
const MANIFEST = "docset.yaml";

interface Manifest {
  borrow?: { page?: unknown; reason?: unknown }[];
}

/**
 * Files and folders given on the command line to pages. A folder gives its files (sorted, no
 * dotfiles, not its manifest) and the pages its manifest borrows. Paths are kept relative to
 * `cwd`, posix-style, because they end up in the spec as provenance.
 */
export function readSources(
  inputs: readonly string[],
  diagnostics: Diagnostics,
  cwd = process.cwd(),
): SourcePage[] {
  const pages: SourcePage[] = [];
  const seen = new Set<string>();
  const display = (abs: string): string => relative(cwd, abs).split(sep).join("/") || basename(abs);
  const addFile = (abs: string, borrowedFrom?: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const file = display(abs);
    try {
      const page: SourcePage = { file, text: decodePage(readFileSync(abs), file, diagnostics) };
      if (borrowedFrom) page.borrowedFrom = borrowedFrom;
      pages.push(page);
    } catch (e) {
      diagnostics.error(
        file,
        1,
        `cannot read the page: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  };

  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      diagnostics.error(display(abs), 1, "no such file or folder");
      continue;
    }
    if (!isDir) {
      addFile(abs);
      continue;
    }
    const names = readdirSync(abs)
      .filter((n) => !n.startsWith(".") && n !== MANIFEST && isPageName(n))
      .sort();
    let files = 0;
    for (const name of names) {
      const child = join(abs, name);
      // Subfolders are not pages; a dangling link or an unreadable entry is reported by addFile.
      if (!isDirectory(child)) {
        files += 1;
        addFile(child);
      }
    }
    for (const borrowed of readManifest(
      join(abs, MANIFEST),
      display(join(abs, MANIFEST)),
      diagnostics,
    )) {
      files += 1;
      const target = resolve(abs, borrowed);
      addFile(target, basename(dirname(target)));
    }
    // A folder that gives nothing would otherwise make an empty spec and a success: most
    // likely the parent of the pages' folder was named.
    if (files === 0)
      diagnostics.error(
        display(abs),
        1,
        "no page in this folder: pages are files named *.adoc, *.txt, *.md (or with no extension); subfolders are not read, name them instead",
      );
  }
  return pages;
}

/**
 * Files a folder holds that are pages: text with any of the names pages are saved under. A
 * clone of NetApp's documentation repository also holds images, navigation files and the
 * like, which are no pages; a file named on the command line is always read.
 */
const PAGE_EXTENSIONS = /\.(adoc|asciidoc|txt|text|md|markdown)$/i;

function isPageName(name: string): boolean {
  return PAGE_EXTENSIONS.test(name) || !name.includes(".");
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readManifest(abs: string, file: string, diagnostics: Diagnostics): string[] {
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch {
    return [];
  }
  let manifest: Manifest;
  try {
    manifest = (parse(text) ?? {}) as Manifest;
  } catch (e) {
    diagnostics.error(file, 1, `not YAML: ${(e as Error).message.split("\n")[0]}`);
    return [];
  }
  const pages: string[] = [];
  for (const [i, entry] of (manifest.borrow ?? []).entries()) {
    if (typeof entry?.page !== "string") {
      diagnostics.error(file, 1, `borrow[${i}]: expected \`page: <path relative to this folder>\``);
      continue;
    }
    pages.push(entry.page);
  }
  return pages;
}
