import { toBlocks } from "../blocks/to-blocks.js";
import type { Diagnostics } from "../diagnostics.js";
import { extractPage } from "../extract/page.js";
import type { PageDoc, SourcePage } from "../types.js";
import { detectRendering } from "./detect-rendering.js";
import { frontMatter } from "./front-matter.js";

/** One page, any rendering, to what it documents. */
export function readPage(page: SourcePage, diagnostics: Diagnostics): PageDoc {
  const lines = page.text.split("\n");
  const rendering = detectRendering(lines, page.text.includes("\t"));
  const blocks = toBlocks(lines, rendering);
  const doc = extractPage(blocks, rendering, page.file, lines, diagnostics);
  if (rendering === "adoc") {
    const permalink = frontMatter(lines).permalink;
    if (permalink) doc.permalink = permalink;
  }
  if (page.borrowedFrom) for (const op of doc.operations) op.borrowedFrom = page.borrowedFrom;
  return doc;
}
