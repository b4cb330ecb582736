// Node only: trust a cluster's own CA for this client, and only for it. Nothing global is
// changed (no NODE_TLS_REJECT_UNAUTHORIZED, no rejectUnauthorized: false): an undici Agent
// carries the CA, and undici's fetch uses it as its dispatcher. undici is imported on the
// first request of a client that has a `ca`, so nobody else loads it.
import type { FetchLike } from "./transport.js";

/** PEM text: one certificate or a bundle, or a list of them (a Buffer is a Uint8Array). */
export type CaCertificates = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

export function fetchWithCa(ca: CaCertificates): FetchLike {
  const pem = [ca]
    .flat()
    .map((item) => (typeof item === "string" ? item : new TextDecoder().decode(item)));
  let loaded: Promise<FetchLike> | undefined;
  return async (url, init) => {
    loaded ??= import("undici").then(({ Agent, fetch }) => {
      const dispatcher = new Agent({ connect: { ca: pem } });
      // undici's own Response type differs from the DOM one in name only.
      return (u, i) => fetch(u, { ...(i as object), dispatcher }) as unknown as Promise<Response>;
    });
    return (await loaded)(url, init);
  };
}
