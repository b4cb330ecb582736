import { stringify } from "yaml";

/** YAML for people and diffs; no line folding, so that reruns are byte-identical. */
export function toYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function toJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
