import type { Diagnostics } from "../diagnostics.js";
import { typedDefault } from "../emit/schema.js";
import type { Parameter } from "../types.js";

const STATED_DEFAULT = /\bthe default is (true|false|-?\d+(?:\.\d+)?)\b/gi;

/**
 * A parameter's default, when the page states it twice. The `Default value:` bullet is printed
 * by NetApp's generator and can contradict the prose (`return_timeout` prints `Default value: 1`
 * while its description says the default is 0 seconds, or 15 for collections). Rule: a single
 * default stated in the description wins over the bullet, and the contradiction is reported.
 * With no default (or several) in the prose, the bullet stands.
 */
export function parameterDefault(
  param: Parameter,
  file: string,
  diagnostics: Diagnostics,
): unknown {
  const bullet =
    param.facts.default === undefined ? undefined : typedDefault(param.facts.default, param.type);
  const stated = [
    ...new Set(
      [...param.description.matchAll(STATED_DEFAULT)].map((m) => typedDefault(m[1]!, param.type)),
    ),
  ];
  if (stated.length !== 1 || stated[0] === undefined) return bullet;
  if (bullet !== undefined && bullet !== stated[0]) {
    diagnostics.warning(
      file,
      param.line,
      `\`${param.name}\`: the page says "Default value: ${param.facts.default}" but its description says the default is ${String(stated[0])}; the description wins (README: "Contradictions")`,
    );
  }
  return stated[0];
}
