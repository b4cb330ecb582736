import type { KnownCode } from "./generated/catalog.js";

/**
 * An ONTAP error code: one the reference pages document, or any other string ONTAP sends
 * (`string & {}` keeps editor completion for the known ones).
 */
export type OntapErrorCode = KnownCode | (string & {});

/**
 * What is known about an error code at run time: what `lookupError` and `OntapApiError#entry`
 * give, and what `registerErrorCatalog` takes. `Code` is `OntapErrorCode` by default, since a
 * registered catalog can add codes the package does not know.
 */
export interface ErrorEntry<Code extends string = OntapErrorCode> {
  readonly code: Code;
  /** A readable name (`AKV_NOT_CONFIGURED`), for codes someone has named. */
  readonly name?: string;
  /** The first description, by doc set, path and method. */
  readonly description: string;
}

/** One operation that documents a code, with the description its page gives. */
export interface DocumentedIn {
  readonly docset: string;
  /** Lower case, as in the spec (`post`). */
  readonly method: string;
  /** As in the spec, without the `/api` prefix (`/security/azure-key-vaults`). */
  readonly path: string;
  readonly description: string;
}

/**
 * A documented code with every operation that documents it: an entry of a generated `catalog`
 * (`@ontap-rest/errors/catalog`, or a downstream team's own `errors.ts`, whose `KnownCode` is
 * its `Code`).
 */
export interface CatalogEntry<Code extends string = KnownCode> extends ErrorEntry<Code> {
  readonly documentedIn: readonly DocumentedIn[];
}
