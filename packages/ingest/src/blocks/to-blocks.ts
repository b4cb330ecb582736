import type { Block, Rendering } from "../types.js";
import { adocBlocks } from "./adoc-blocks.js";
import { pdfBlocks } from "./pdf-blocks.js";
import { pipeBlocks } from "./pipe-blocks.js";
import { textBlocks } from "./text-blocks.js";

const BUILDERS: Record<Rendering, (lines: readonly string[]) => Block[]> = {
  pdf: pdfBlocks,
  text: textBlocks,
  pipe: pipeBlocks,
  adoc: adocBlocks,
};

export function toBlocks(lines: readonly string[], rendering: Rendering): Block[] {
  return BUILDERS[rendering](lines);
}
