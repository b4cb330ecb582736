import type { Change, DiffResult } from "./types.js";

const WIDTH = 48; // old and new values beyond this are cut: descriptions run to paragraphs

/**
 * The human report: one block per operation (`METHOD /path`), then one per component, each a
 * table of kind, where, what, and old → new; a summary line with the bump last.
 */
export function formatDiff(result: DiffResult): string {
  const groups = new Map<string, Change[]>();
  for (const c of result.changes) {
    const title = c.operation ?? `component ${c.component}`;
    groups.set(title, [...(groups.get(title) ?? []), c]);
  }
  const blocks = [...groups].map(([title, changes]) => `${title}\n${table(changes)}`);
  const { breaking, feature, fix } = result.summary;
  const summary =
    result.changes.length === 0
      ? "no changes (bump: none)"
      : `${breaking} breaking, ${feature} feature, ${fix} fix (bump: ${result.bump})`;
  return [...blocks, summary].join("\n\n") + "\n";
}

function table(changes: Change[]): string {
  const rows = changes.map((c) => [c.kind, c.where, c.what, values(c)]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      `  ${r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  ")}`.trimEnd(),
    )
    .join("\n");
}

function values(c: Change): string {
  const has = (k: "old" | "new") => Object.hasOwn(c, k);
  if (has("old") && has("new")) return `${show(c.old)} → ${show(c.new)}`;
  if (has("old")) return `was ${show(c.old)}`;
  if (has("new")) return show(c.new);
  return "";
}

function show(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > WIDTH ? `${text.slice(0, WIDTH - 1)}…` : text;
}
