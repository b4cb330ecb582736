// ONTAP's error answers: a failure a route throws, and the body that carries it.
import { readFileSync } from "node:fs";
import { docsets, specPath } from "@ontap-rest/openapi";
import { GENERIC } from "./spec.js";
import type { Json } from "./route-table.js";

export class OntapFailure {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly target?: string,
  ) {}
}

/** Documented messages of every doc set: an error uses its code's documented wording. */
let allMessages: Map<string, string> | undefined;
function documentedMessage(code: string): string {
  if (!allMessages) {
    allMessages = new Map(GENERIC);
    for (const d of docsets) {
      const spec = JSON.parse(readFileSync(specPath(d, "json"), "utf8")) as {
        paths: Record<string, Record<string, { responses?: Record<string, Json> }>>;
      };
      for (const item of Object.values(spec.paths)) {
        for (const op of Object.values(item)) {
          const codes = op.responses?.default?.["x-ntap-error-codes"] as
            { code: string; description: string }[] | undefined;
          for (const c of codes ?? [])
            if (!allMessages.has(c.code)) allMessages.set(c.code, c.description);
        }
      }
    }
  }
  return allMessages.get(code) ?? "error";
}

export const errorBody = (code: string, target?: string, message = documentedMessage(code)) => ({
  error: { message, code, ...(target ? { target } : {}) },
});
