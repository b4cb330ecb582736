import type { Block, CodeSample, OverviewDoc } from "../types.js";

/**
 * The endpoint overview that opens a chapter: its prose becomes the tag's description and its
 * examples (curl calls with their responses) the tag's code samples.
 */
export function extractOverview(
  blocks: readonly Block[],
  wholePage = false,
): OverviewDoc | undefined {
  let start = blocks.findIndex((b) => b.kind === "line" && /\boverview\b/i.test(b.text));
  // An AsciiDoc overview is a page of its own, whatever its first section is called: its
  // title is the first heading.
  if (start < 0 && wholePage) start = blocks.findIndex((b) => b.kind === "line" && b.heading);
  if (start < 0) return undefined;
  const prose: string[] = [];
  const codeSamples: CodeSample[] = [];
  let inExamples = false;
  let label = "";
  for (let i = start + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === "line") {
      if (/^examples?$/i.test(b.text)) inExamples = true;
      else if (b.heading || inExamples) label = b.text;
      else if (!/^overview$/i.test(b.text)) prose.push(b.text);
      if (!inExamples && b.heading && !/^overview$/i.test(b.text)) label = b.text;
    } else if (b.kind === "code" && inExamples) {
      let source = b.text;
      while (blocks[i + 1]?.kind === "code")
        source += "\n" + (blocks[++i] as { text: string }).text;
      codeSamples.push({
        label: label || `Example ${codeSamples.length + 1}`,
        source: tidyCode(source),
      });
    }
  }
  const overview: OverviewDoc = {
    description: prose.join("\n\n"),
    codeSamples,
    line: blocks[start]!.line,
  };
  const endpoint = calledEndpoint(blocks.slice(start + 1));
  if (endpoint) overview.endpoint = endpoint;
  return overview;
}

/** An overview says something when it has prose or examples (a page cut off may have none). */
export function saysSomething(overview: OverviewDoc | undefined): overview is OverviewDoc {
  return Boolean(overview?.description || overview?.codeSamples.length);
}

/** `# The API:` / `POST /api/protocols/cifs/shares` in an overview's example. */
const API_CALL = /^(?:GET|POST|PATCH|DELETE|PUT|HEAD|OPTIONS) +\/api(\/[\w.{}/~-]*)/gm;

/**
 * The endpoint an overview is about, read from its examples: the path its calls name most
 * (ties: the first named). Examples also call other endpoints (to look up an SVM, a job), but
 * fewer times than their own. Code blocks and lines alike: the web's text rendering prints
 * its examples as plain lines.
 */
function calledEndpoint(blocks: readonly Block[]): string | undefined {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind !== "line" && block.kind !== "code") continue;
    if (!block.text.includes("/api/")) continue;
    for (const m of block.text.matchAll(API_CALL)) {
      const path = m[1]!.replace(/\/+$/, "") || "/";
      counts.set(path, (counts.get(path) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  for (const [path, n] of counts) if (best === undefined || n > counts.get(best)!) best = path;
  return best;
}

/** Page breaks leave runs of blank lines inside a sample. (`trimEnd`, not `/\s+$/`, which
 * backtracks through every long run of spaces.) */
function tidyCode(source: string): string {
  return source
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .trimEnd();
}
