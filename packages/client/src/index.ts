// The Node entry: the shared client, plus `ca` for clusters with their own CA.
import type { DocSet } from "@ontap-rest/types";
import { createCore, type OntapClientOptions } from "./create-client.js";
import { fetchWithCa, type CaCertificates } from "./custom-ca.js";
import type { OntapClientFor } from "./types.js";

export * from "./shared.js";
export type { CaCertificates } from "./custom-ca.js";

export interface NodeOntapClientOptions<
  D extends DocSet,
  Throw extends boolean = false,
> extends OntapClientOptions<D, Throw> {
  /** PEM of the CA(s) that signed the cluster's certificate, trusted by this client only. */
  ca?: CaCertificates;
}

/** A typed ONTAP REST client for one doc set (openapi-fetch's API, ONTAP's errors). */
export function createOntapClient<D extends DocSet, Throw extends boolean = false>(
  options: NodeOntapClientOptions<D, Throw>,
): OntapClientFor<D, Throw> {
  const { ca, ...rest } = options;
  if (ca !== undefined && rest.fetch !== undefined) {
    throw new TypeError(
      "createOntapClient: give `ca` or `fetch`, not both (a custom fetch brings its own TLS)",
    );
  }
  return createCore(rest, ca === undefined ? undefined : fetchWithCa(ca));
}
