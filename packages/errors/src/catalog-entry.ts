import type { KnownCode } from "./generated/catalog.js";

/**
 * An ONTAP error code: one the reference pages document, or any other string ONTAP sends
 * (`string & {}` keeps editor completion for the known ones).
 */
export type OntapErrorCode = KnownCode | (string & {});

/** One operation that documents a code, with the description its page gives. */
export interface DocumentedIn {
  readonly docset: string;
  /** Lower case, as in the spec (`post`). */
  readonly method: string;
  /** As in the spec, without the `/api` prefix (`/security/azure-key-vaults`). */
  readonly path: string;
  readonly description: string;
}

/** A documented error code. */
export interface CatalogEntry {
  readonly code: KnownCode;
  /** A readable name (`AKV_NOT_CONFIGURED`), for codes someone has named. */
  readonly name?: string;
  /** The first description, by doc set, path and method. */
  readonly description: string;
  readonly documentedIn: readonly DocumentedIn[];
}
