import { writeYaml } from "./emit/yaml.js";

/** YAML for people and diffs; no line folding, so that reruns are byte-identical. */
export function toYaml(document: unknown): string {
  return writeYaml(document);
}

export function toJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
