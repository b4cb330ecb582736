// The browser entry: the same client, without Node-only parts (no `ca`, no undici). A
// browser trusts the certificates its system trusts, and its fetch can only give up through a
// signal, so the timeout is a deadline per attempt.
import type { DocSet } from "@ontap-rest/types";
import { createCore, type OntapClientOptions } from "./create-client.js";
import { withDeadline } from "./deadline.js";
import type { OntapClientFor } from "./types.js";

export * from "./shared.js";

/** A typed ONTAP REST client for one doc set (openapi-fetch's API, ONTAP's errors). */
export function createOntapClient<D extends DocSet, Throw extends boolean = false>(
  options: OntapClientOptions<D, Throw>,
): OntapClientFor<D, Throw> {
  if ("ca" in options) {
    throw new TypeError(
      "createOntapClient: `ca` needs Node; in a browser, install the CA in the system's trust store",
    );
  }
  // A browser's fetch can only give up through a signal: a deadline per attempt.
  return createCore(options, (timeoutMs) =>
    withDeadline((url, init) => globalThis.fetch(url, init), timeoutMs),
  );
}
