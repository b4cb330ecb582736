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
  return { description: prose.join("\n\n"), codeSamples, line: blocks[start]!.line };
}

/** Page breaks leave runs of blank lines inside a sample. (`trimEnd`, not `/\s+$/`, which
 * backtracks through every long run of spaces.) */
function tidyCode(source: string): string {
  return source
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .trimEnd();
}
