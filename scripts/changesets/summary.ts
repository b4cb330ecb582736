import type { Change, Kind } from "@ontap-rest/diff";
import { type DocsetChanges, type SpecChanges } from "./required-bump.js";

/**
 * Every changeset this command writes starts with this: it is how a rerun finds the one it
 * wrote before, to replace it. A first line rather than a hidden marker (an HTML comment):
 * changesets copies the whole summary into CHANGELOG.md, where the first line is the entry's
 * bullet and anything else would show in the raw file.
 */
export const SUMMARY_TITLE = "ONTAP API spec changes";

/** One of `counts`' parts: `2 breaking`, `1 feature`, `3 fixes`. */
const COUNT = "\\d+ (?:breaking|features?|fix|fixes)";

/**
 * A first line as `changesetSummary` writes it: the title, then the counts and nothing else.
 * Starting with the title's words is not enough: "ONTAP API spec changes since 9.9 were
 * reviewed" is someone's own changeset, which a rerun must never delete.
 */
const TITLE_LINE = new RegExp(
  `^${SUMMARY_TITLE} (?:since .+|\\(first release\\)): ${COUNT}(?:, ${COUNT})*$`,
);

/** Whether a changeset's summary is one this command wrote: by its first line. */
export function isSpecChangeset(summary: string): boolean {
  return TITLE_LINE.test(summary.split(/\r?\n/, 1)[0]!);
}

/** Values longer than this are left out: a description changed is news enough. */
const VALUE_WIDTH = 40;

/**
 * The changeset's summary (markdown): a first line with the counts, then the changes grouped
 * by doc set and operation (or component), one short line per change. A new or removed doc
 * set is one line: listing each of its operations would only repeat the spec.
 *
 *     ONTAP API spec changes since @ontap-rest/openapi@0.3.0: 2 breaking, 3 features, 1 fix
 *
 *     - **latest** `GET /security/azure-key-vaults`: breaking: operation removed
 *     - **latest** `POST /security/azure-key-vaults/{uuid}/rekey-internal`
 *       - breaking: path parameter {azure_key_vault.uuid}: path parameter renamed (`azure_key_vault.uuid` → `uuid`)
 *       - feature: response 201: response added
 */
export function changesetSummary(changes: SpecChanges): string {
  const lines = [`${title(changes)}: ${counts(changes.summary)}`, ""];
  for (const d of changes.docsets) {
    if (d.status !== "changed") {
      lines.push(`- ${docsetLine(d)}`);
      continue;
    }
    const groups = new Map<string, Change[]>();
    for (const c of d.diff.changes) {
      const key =
        c.operation !== undefined
          ? `\`${code(c.operation)}\``
          : c.component !== undefined
            ? `component \`${code(c.component)}\``
            : "doc set";
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const [scope, group] of groups) {
      const head = `- **${d.docset}** ${scope}`;
      if (group.length === 1) lines.push(`${head}: ${describeChange(group[0]!)}`);
      else lines.push(head, ...group.map((c) => `  - ${describeChange(c)}`));
    }
  }
  return lines.join("\n");
}

/** `ONTAP API spec changes since <tag>`, or `… (first release)` without a baseline. */
export function title(changes: SpecChanges): string {
  return changes.baseline.ref !== undefined
    ? `${SUMMARY_TITLE} since ${changes.baseline.label}`
    : `${SUMMARY_TITLE} (first release)`;
}

/** `2 breaking, 3 features, 1 fix`: the kinds that occur. */
export function counts(summary: Record<Kind, number>): string {
  const parts = [];
  if (summary.breaking > 0) parts.push(`${summary.breaking} breaking`);
  if (summary.feature > 0) parts.push(plural(summary.feature, "feature"));
  if (summary.fix > 0) parts.push(plural(summary.fix, "fix", "fixes"));
  return parts.length > 0 ? parts.join(", ") : "no changes";
}

/** `**9.9.1** `spec/…`: new doc set, 10 operations and 25 components` */
function docsetLine(d: DocsetChanges): string {
  const verb = d.status === "added" ? "added" : "removed";
  const operations = d.diff.changes.filter((c) => c.what === `operation ${verb}`).length;
  const components = d.diff.changes.filter((c) => c.what === `component ${verb}`).length;
  const what = d.status === "added" ? "new doc set" : "doc set removed";
  const size = [
    ...(operations > 0 ? [plural(operations, "operation")] : []),
    ...(components > 0 ? [plural(components, "component")] : []),
  ];
  return `**${d.docset}** \`${d.file}\`: ${what}${size.length > 0 ? `, ${size.join(" and ")}` : ""}`;
}

/** `breaking: path parameter {azure_key_vault.uuid}: path parameter renamed (`a` → `b`)` */
export function describeChange(c: Change): string {
  // `operation removed` at `operation` says it once.
  const where = ["operation", "schema", "doc set"].includes(c.where) ? "" : `${c.where}: `;
  return `${c.kind}: ${where}${c.what}${values(c)}`;
}

function values(c: Change): string {
  const has = (key: "old" | "new") => Object.hasOwn(c, key);
  const old = has("old") ? shortValue(c.old) : undefined;
  const now = has("new") ? shortValue(c.new) : undefined;
  if (old === null || now === null) return "";
  if (old !== undefined && now !== undefined) return ` (\`${old}\` → \`${now}\`)`;
  if (old !== undefined) return ` (was \`${old}\`)`;
  if (now !== undefined) return ` (\`${now}\`)`;
  return "";
}

/** The value as a code span's content, or null when it is too long to be worth showing. */
function shortValue(value: unknown): string | null {
  // An empty string would make an empty code span, which markdown does not have.
  const text = typeof value === "string" && value !== "" ? value : JSON.stringify(value);
  if (text === undefined || text.length > VALUE_WIDTH || /[\n\r]/.test(text)) return null;
  return code(text);
}

/** A backtick would end the code span early. */
function code(text: string): string {
  return text.replaceAll("`", "'");
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
