/**
 * The `key: value` lines between the `---` lines that open an AsciiDoc page of NetApp's
 * source (`permalink: 'storage_luns_endpoint_overview.html'`), quotes removed. Empty when
 * the page opens otherwise.
 */
export function frontMatter(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if ((lines[0] ?? "").trim() !== "---") return out;
  // Front matter is a handful of lines; the bound keeps a page without its closing `---` cheap.
  for (let i = 1; i < Math.min(lines.length, 100); i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "---") return out;
    const entry = /^([\w-]+):\s*(.*)$/.exec(line);
    if (entry) out[entry[1]!] = entry[2]!.replace(/^(['"])(.*)\1$/, "$2");
  }
  return {};
}
