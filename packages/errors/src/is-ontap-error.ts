import type { OntapErrorCode } from "./catalog-entry.js";
import { OntapApiError } from "./ontap-api-error.js";

/**
 * Whether `err` is an `OntapApiError` (from any copy of this package) and, given a code,
 * whether it carries that code. Narrows `code` to the literal given.
 */
export function isOntapError<C extends OntapErrorCode>(
  err: unknown,
  code: C,
): err is OntapApiError & { readonly code: C };
export function isOntapError(err: unknown): err is OntapApiError;
export function isOntapError(err: unknown, code?: string): boolean {
  return err instanceof OntapApiError && (code === undefined || err.code === code);
}
