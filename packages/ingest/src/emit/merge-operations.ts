import type { Diagnostics } from "../diagnostics.js";
import type { OpenApiOperation } from "./operation.js";

type ErrorCodeEntry = { code: string; description: string };

/**
 * The same operation documented by two pages (two renderings, or two releases' pages in one
 * doc set): one operation with everything both say. What they disagree on is reported and
 * the first page (in file order) wins.
 */
export function mergeOperation(
  into: OpenApiOperation,
  from: OpenApiOperation,
  file: string,
  line: number,
  diagnostics: Diagnostics,
): void {
  const disagree = (what: string, a: unknown, b: unknown): void =>
    diagnostics.warning(
      file,
      line,
      `${what} disagrees with ${String(into["x-ntap-doc-source"])}: ${JSON.stringify(b)} here, ${JSON.stringify(a)} there; the first page is kept`,
    );

  for (const key of ["summary", "x-ntap-introduced"] as const) {
    if (from[key] !== undefined && into[key] !== undefined && from[key] !== into[key])
      disagree(key, into[key], from[key]);
    else if (into[key] === undefined && from[key] !== undefined) into[key] = from[key];
  }
  if (!into.description && from.description) into.description = from.description;

  for (const p of from.parameters) {
    const twin = into.parameters.find((q) => q.name === p.name && q.in === p.in);
    if (!twin) into.parameters.push(p);
    else if (JSON.stringify(twin.schema) !== JSON.stringify(p.schema))
      disagree(`parameter \`${String(p.name)}\` schema`, twin.schema, p.schema);
  }

  for (const [status, response] of Object.entries(from.responses)) {
    const twin = into.responses[status];
    if (!twin) {
      into.responses[status] = response;
      continue;
    }
    if (!twin.content && response.content) twin.content = response.content;
    const codes = (twin["x-ntap-error-codes"] ?? []) as ErrorCodeEntry[];
    for (const e of (response["x-ntap-error-codes"] ?? []) as ErrorCodeEntry[]) {
      const same = codes.find((c) => c.code === e.code);
      if (!same) codes.push(e);
      else if (same.description !== e.description)
        disagree(`error code ${e.code}`, same.description, e.description);
    }
    if (status === "default") twin["x-ntap-error-codes"] = codes;
  }

  const cli = [
    ...new Set([
      ...((into["x-ntap-cli"] ?? []) as string[]),
      ...((from["x-ntap-cli"] ?? []) as string[]),
    ]),
  ];
  if (cli.length) into["x-ntap-cli"] = cli;
  const also = (into["x-ntap-also-documented-in"] ?? []) as unknown[];
  into["x-ntap-also-documented-in"] = [...also, from["x-ntap-doc-source"]];
}
