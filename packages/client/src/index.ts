// The Node entry: the shared client, sending through undici with an Agent of its own, which
// carries the timeout and, with `ca`, the cluster's own CA.
import type { DocSet } from "@ontap-rest/types";
import { createCore, type OntapClientOptions } from "./create-client.js";
import { nodeFetch, type CaCertificates } from "./node-fetch.js";
import type { OntapClientFor } from "./types.js";

export * from "./shared.js";
export type { CaCertificates } from "./node-fetch.js";

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
  return createCore(rest, (timeoutMs) => nodeFetch(ca, timeoutMs));
}
